import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import type { ReadBack } from '../../../common/exactlyOnce';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { readOrder } from './shared';
import { oneOf, requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Cancel Reason',
		name: 'cancelReason',
		type: 'options',
		required: true,
		default: 'seller_cancel_reason_out_of_stock',
		description:
			'Reason code TikTok Shop shows the buyer. Unpaid orders take the "Unpaid Order" reasons; On Hold and Awaiting Shipment orders the "Paid Order" ones.',
		options: [
			{
				name: 'Paid Order: Buyer Requested Cancellation',
				value: 'seller_cancel_paid_reason_buyer_requested_cancellation',
			},
			{ name: 'Paid Order: Out of Stock', value: 'seller_cancel_reason_out_of_stock' },
			{ name: 'Paid Order: Pricing Error', value: 'seller_cancel_reason_wrong_price' },
			{
				name: 'Paid Order: Unable to Deliver to Buyer Address',
				value: 'seller_cancel_paid_reason_address_not_deliver',
			},
			{
				name: 'Unpaid Order: Buyer Has Not Paid in Time',
				value: 'seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed',
			},
			{
				name: 'Unpaid Order: Buyer Requested Cancellation',
				value: 'seller_cancel_unpaid_reason_buyer_requested_cancellation',
			},
		],
	},
	{
		displayName: 'Order Line Item IDs',
		name: 'orderLineItemIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 577086512123755123, 577086512123755124',
		description: 'Cancel only these line items (comma-separated). Leave empty to cancel the whole order.',
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['cancelOrder'] }, properties);

// An expression can produce any text; TikTok refuses reasons outside its list with a bare "invalid param".
const CANCEL_REASONS = (properties.find((property) => property.name === 'cancelReason')!.options as INodePropertyOptions[]).map(
	(option) => option.value as string,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const orderId = requiredId(this.getNodeParameter('orderId', i), 'Order ID');
		const body: IDataObject = {
			order_id: orderId,
			cancel_reason: oneOf(this.getNodeParameter('cancelReason', i), 'Cancel Reason', CANCEL_REASONS),
		};
		const lineItems = parseIdList(this.getNodeParameter('orderLineItemIds', i, ''));
		if (lineItems.length > 0) body.order_line_item_ids = lineItems;
		const shopCipher = await shop(i);
		const outcome = await writeOnce(this.getNode(), {
			what: `Cancel Order ${orderId}${lineItems.length ? ` (line items ${lineItems.join(', ')})` : ''}`,
			check: `the cancellations of order ${orderId} in TikTok Shop Seller Center`,
			send: async () =>
				await tikTokShopApiRequest.call(this, 'POST', '/return_refund/202309/cancellations', { shopCipher, body, itemIndex: i, sendOnce: true }),
			readBack: async () => await sellerCancellation.call(this, orderId, lineItems, shopCipher, i),
		}, i);
		return { order_id: orderId, ...outcome.data, ...recoveredMark(outcome) };
	});
}

const SELLER_CANCELLABLE = new Set(['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT']);

/**
 * Read-back of a seller cancellation, from the order's cancellation list: a SELLER record that covers
 * the requested line items (or, for the whole order, a CANCELLED order) means it was applied.
 */
async function sellerCancellation(this: IExecuteFunctions, orderId: string, lineItems: string[], shopCipher: string, itemIndex: number): Promise<ReadBack> {
	const found = await tikTokShopApiRequest.call(this, 'POST', '/return_refund/202309/cancellations/search', {
		shopCipher,
		query: { page_size: 50 },
		body: { order_ids: [orderId] },
		itemIndex,
	});
	const records = ((found.cancellations as IDataObject[]) ?? []).filter((record) => record.role === 'SELLER');
	const linesOf = (record: IDataObject) => ((record.cancel_line_items as IDataObject[]) ?? []).map((line) => String(line.order_line_item_id));
	const asData = (record?: IDataObject): IDataObject => (record ? { cancel_id: record.cancel_id, cancel_status: record.cancel_status } : {});
	if (lineItems.length > 0) {
		const covering = records.find((record) => lineItems.every((id) => linesOf(record).includes(id)));
		if (covering) return { applied: true, data: asData(covering) };
		if (records.some((record) => lineItems.some((id) => linesOf(record).includes(id)))) {
			return { applied: 'unknown', why: 'a seller cancellation covers only some of these line items' };
		}
	}
	const order = await readOrder.call(this, orderId, shopCipher, itemIndex);
	const status = String(order?.status ?? '');
	if (lineItems.length === 0 && status === 'CANCELLED') return { applied: true, data: asData(records[records.length - 1]) };
	if (SELLER_CANCELLABLE.has(status)) return { applied: false };
	return { applied: 'unknown', why: `order ${orderId} is ${status || 'not readable'}` };
}
