import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTikTokShopOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { pages, take } from '../../../common/paginate';
import { tikTokShopApiRequest } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderStatusOptions, toUnixSeconds } from './shared';

const properties: INodeProperties[] = [
	returnAllField,
	orderOutputField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Buyer Requested Cancellation',
				name: 'is_buyer_request_cancel',
				type: 'boolean',
				default: true,
				description: 'Whether to return only orders whose buyer asked to cancel (true) or only the others (false)',
			},
			{
				displayName: 'Buyer User ID',
				name: 'buyer_user_id',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Created After',
				name: 'create_time_ge',
				type: 'dateTime',
				default: '',
				description: 'Orders created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'create_time_lt',
				type: 'dateTime',
				default: '',
				description: 'Orders created before this time',
			},
			{
				displayName: 'Order Status',
				name: 'order_status',
				type: 'options',
				options: orderStatusOptions,
				default: 'AWAITING_SHIPMENT',
			},
			{
				displayName: 'Shipping Type',
				name: 'shipping_type',
				type: 'options',
				options: [
					{ name: 'Seller', value: 'SELLER', description: 'The seller ships with their own carrier' },
					{ name: 'TikTok', value: 'TIKTOK', description: 'TikTok Shop arranges the carrier' },
					{ name: 'TikTok Digital', value: 'TIKTOK_DIGITAL' },
				],
				default: 'TIKTOK',
			},
			{
				displayName: 'Updated After',
				name: 'update_time_ge',
				type: 'dateTime',
				default: '',
				description: 'Orders updated at or after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'update_time_lt',
				type: 'dateTime',
				default: '',
				description: 'Orders updated before this time',
			},
			{
				displayName: 'Warehouse IDs',
				name: 'warehouse_ids',
				type: 'string',
				default: '',
				description: 'Comma-separated warehouse IDs (at most 100)',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sort_field',
				type: 'options',
				options: [
					{ name: 'Create Time', value: 'create_time' },
					{ name: 'Update Time', value: 'update_time' },
				],
				default: 'create_time',
			},
			{
				displayName: 'Sort Order',
				name: 'sort_order',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'DESC',
			},
		],
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['getOrderList'] }, properties);

const FILTER_LABELS: Record<string, string> = {
	create_time_ge: 'Created After',
	create_time_lt: 'Created Before',
	update_time_ge: 'Updated After',
	update_time_lt: 'Updated Before',
};

export function orderSearchBody(filters: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null) continue;
		if (key.endsWith('_ge') || key.endsWith('_lt')) body[key] = toUnixSeconds(value, `Filters → ${FILTER_LABELS[key] ?? key}`);
		else if (key === 'warehouse_ids') body[key] = String(value).split(',').map((id) => id.trim()).filter(Boolean);
		else body[key] = value;
	}
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const body = orderSearchBody(this.getNodeParameter('filters', i, {}) as IDataObject);
		const sort = this.getNodeParameter('sort', i, {}) as IDataObject;
		const shopCipher = await shop(i);
		const pageSize = Math.min(100, Number.isFinite(limit) ? limit : 100);
		const orders = pages<IDataObject>(async (pageToken) => {
			const data = await tikTokShopApiRequest.call(this, 'POST', '/order/202309/orders/search', {
				shopCipher,
				query: { page_size: pageSize, page_token: pageToken, ...sort },
				body,
				itemIndex: i,
			});
			return { items: (data.orders as IDataObject[]) ?? [], next: data.next_page_token as string };
		});
		const found = await take(orders, limit);
		return this.getNodeParameter('orderOutput', i, 'raw') === 'normalized' ? found.map((order) => normalizeTikTokShopOrder(order)) : found;
	});
}
