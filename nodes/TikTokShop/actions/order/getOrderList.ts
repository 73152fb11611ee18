import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTikTokShopOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import type { PullWindow } from '../../../common/pull';
import { pullAll } from '../../../common/pull';
import { searchPage } from '../../transport/search';
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

/** The time range the filters ask for (created, else updated), named when a page fails. */
function windowOf(body: IDataObject): PullWindow | undefined {
	const [from, to] = body.create_time_ge !== undefined || body.create_time_lt !== undefined ? [body.create_time_ge, body.create_time_lt] : [body.update_time_ge, body.update_time_lt];
	if (from === undefined && to === undefined) return undefined;
	return { from: from as number | undefined, to: to as number | undefined };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const shopCipher = await shop(i);
		const sort = this.getNodeParameter('sort', i, {}) as IDataObject;
		const body = filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, TIME_FILTERS, ['warehouse_ids']);
		const search = { shopCipher, query: sort, body, maxPageSize: 100, limit: limitOf.call(this, i), itemIndex: i };
		const normalized = this.getNodeParameter('orderOutput', i, 'raw') === 'normalized';
		const shopId = normalized ? await shopIdOfCipher.call(this, shopCipher) : null;
		const window = windowOf(body);
		return await pullAll<IDataObject>(
			this.getNode(),
			{
				what: 'Order → Get Many',
				noun: 'orders',
				windows: window ? [window] : undefined,
				filters: { ...body, ...sort },
				limit: search.limit,
				fetchPage: async (at, retries) => await searchPage.call(this, 'POST', '/order/202309/orders/search', 'orders', search, at.cursor, retries),
				map: normalized ? (order) => normalizeTikTokShopOrder(order, shopId) : undefined,
			},
			i,
		);
	});
}
