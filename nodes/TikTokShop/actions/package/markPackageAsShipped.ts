import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { orderIdField, shippingProviderLocator, trackingNumberField } from '../common.descriptions';
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
		const data = await tikTokShopApiRequest.call(
			this,
			'POST',
			`/fulfillment/202309/orders/${encodeURIComponent(orderId)}/packages`,
			{
				shopCipher,
				body: {
					order_line_item_ids: lineItemIds,
					tracking_number: String(this.getNodeParameter('trackingNumber', i)).trim(),
					shipping_provider_id: String(
						this.getNodeParameter('shippingProvider', i, '', { extractValue: true }),
					).trim(),
				},
				itemIndex: i,
			},
		);
		return { order_id: orderId, order_line_item_ids: lineItemIds, ...data };
	});
}
