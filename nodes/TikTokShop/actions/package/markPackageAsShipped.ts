import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { orderIdField, shippingProviderLocator, trackingNumberField } from '../common.descriptions';
import { readOrder } from '../order/shared';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	orderIdField,
	shippingProviderLocator,
	trackingNumberField,
	{
		displayName: 'Order Line Item IDs',
		name: 'orderLineItemIds',
		type: 'string',
		default: '',
		description:
			'Line items in this parcel (comma-separated). Leave empty to ship every line item of the order that is still to be shipped.',
	},
];

export const description = withDisplay({ resource: ['package'], operation: ['markPackageAsShipped'] }, properties);

const SHIPPED_LINE_STATUSES = new Set(['FULFILLING', 'COMPLETED', 'CANCELLED']);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const orderId = requiredId(this.getNodeParameter('orderId', i), 'Order ID');
		const shopCipher = await shop(i);
		let lineItemIds = parseIdList(this.getNodeParameter('orderLineItemIds', i, ''));
		if (lineItemIds.length === 0) {
			const detail = await tikTokShopApiRequest.call(this, 'GET', '/order/202309/orders', {
				shopCipher,
				query: { ids: orderId },
				itemIndex: i,
			});
			const order = ((detail.orders as IDataObject[]) ?? [])[0];
			const lines = (order?.line_items as IDataObject[]) ?? [];
			lineItemIds = lines
				.filter((line) => !SHIPPED_LINE_STATUSES.has(String(line.package_status ?? '')))
				.map((line) => String(line.id));
			if (lineItemIds.length === 0) {
				throw new NodeOperationError(this.getNode(), `Order ${orderId} has no line items left to ship`, {
					itemIndex: i,
				});
			}
		}
		const trackingNumber = String(this.getNodeParameter('trackingNumber', i)).trim();
		const body = {
			order_line_item_ids: lineItemIds,
			tracking_number: trackingNumber,
			shipping_provider_id: String(this.getNodeParameter('shippingProvider', i, '', { extractValue: true })).trim(),
		};
		const outcome = await writeOnce(this.getNode(), {
			what: `Mark as Shipped of order ${orderId}`,
			check: `order ${orderId} in TikTok Shop Seller Center (its line items carry tracking number ${trackingNumber})`,
			send: async () =>
				await tikTokShopApiRequest.call(this, 'POST', `/fulfillment/202309/orders/${encodeURIComponent(orderId)}/packages`, {
					shopCipher,
					body,
					itemIndex: i,
					sendOnce: true,
				}),
			readBack: async () => {
				const order = await readOrder.call(this, orderId, shopCipher, i);
				const lines = ((order?.line_items as IDataObject[]) ?? []).filter((line) => lineItemIds.includes(String(line.id)));
				if (lines.length !== lineItemIds.length) return { applied: 'unknown', why: `order ${orderId} could not be read with all its line items` };
				const tracked = lines.filter((line) => line.tracking_number === trackingNumber);
				if (tracked.length === lines.length) {
					return { applied: true, data: { package_id: tracked[0].package_id } };
				}
				if (tracked.length === 0 && lines.every((line) => line.package_status === 'TO_FULFILL')) return { applied: false };
				return { applied: 'unknown', why: `only ${tracked.length} of ${lines.length} line items carry the tracking number` };
			},
		}, i);
		return { order_id: orderId, order_line_item_ids: lineItemIds, ...outcome.data, ...recoveredMark(outcome) };
	});
}
