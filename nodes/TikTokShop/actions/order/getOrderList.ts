import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTikTokShopOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { shopIdOfCipher } from '../../transport/shop';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf, sortCollection } from '../search';
import type { ShopResolver } from '../types';
import { orderStatusOptions } from './shared';

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
	sortCollection([
		{ name: 'Create Time', value: 'create_time' },
		{ name: 'Update Time', value: 'update_time' },
	]),
];

export const description = withDisplay({ resource: ['order'], operation: ['getOrderList'] }, properties);

const TIME_FILTERS: Record<string, string> = {
	create_time_ge: 'Created After',
	create_time_lt: 'Created Before',
	update_time_ge: 'Updated After',
	update_time_lt: 'Updated Before',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const shopCipher = await shop(i);
		const orders = await searchAll.call(this, 'POST', '/order/202309/orders/search', 'orders', {
			shopCipher,
			query: this.getNodeParameter('sort', i, {}) as IDataObject,
			body: filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, TIME_FILTERS, ['warehouse_ids']),
			maxPageSize: 100,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
		if (this.getNodeParameter('orderOutput', i, 'raw') !== 'normalized') return orders;
		const shopId = await shopIdOfCipher.call(this, shopCipher);
		return orders.map((order) => normalizeTikTokShopOrder(order, shopId));
	});
}
