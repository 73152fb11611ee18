import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTokopediaOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { pullAll } from '../../../common/pull';
import { splitWindows } from '../../../common/windows';
import { fsId, tokopediaApiRequest } from '../../transport';
import { buyerDataDecrypter } from './buyerData';
import { limitField, returnAllField, shopLocator } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderStatusOptions } from './shared';
import { numericId, positiveLimit } from '../../../common/validate';

// Get All Orders refuses a window of 3 days or more (ORD_DLV_013, reference §3.2 O1).
export const MAX_WINDOW_SECONDS = 3 * 24 * 3600;
const PER_PAGE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'fromDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 3 }).toISO() }}',
		description: 'Orders created at or after this time. Any range works: the node splits it into windows shorter than 3 days.',
	},
	{
		displayName: 'To',
		name: 'toDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.toISO() }}',
	},
	{
		displayName: 'Orders Of',
		name: 'scope',
		type: 'options',
		default: 'shop',
		options: [
			{ name: 'All Shops of the App', value: 'all' },
			{ name: 'One Shop', value: 'shop' },
			{ name: 'One Warehouse', value: 'warehouse' },
		],
	},
	{ ...shopLocator, displayOptions: { show: { scope: ['shop'] } } },
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { scope: ['warehouse'] } },
	},
	returnAllField,
	limitField,
	orderOutputField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: orderStatusOptions,
				default: 220,
			},
		],
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['getAllOrders'] }, properties);

function unixSeconds(value: unknown, field: string, node: IExecuteFunctions, itemIndex: number): number {
	const text = String(value ?? '').trim();
	const ms = /^\d+$/.test(text) ? Number(text) * (text.length > 11 ? 1 : 1000) : Date.parse(text);
	if (!text || Number.isNaN(ms)) {
		throw new NodeOperationError(node.getNode(), `"${field}" must be a date, got "${text}"`, { itemIndex });
	}
	return Math.floor(ms / 1000);
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const from = unixSeconds(this.getNodeParameter('fromDate', i), 'From', this, i);
		const to = unixSeconds(this.getNodeParameter('toDate', i), 'To', this, i);
		if (to < from) throw new NodeOperationError(this.getNode(), '"To" is before "From"', { itemIndex: i });
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : positiveLimit(this.getNodeParameter('limit', i));
		const scope = this.getNodeParameter('scope', i) as string;
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const sent: IDataObject = {};
		if (scope === 'shop') sent.shop_id = await shop(i);
		if (scope === 'warehouse') sent.warehouse_id = numericId(this.getNodeParameter('warehouseId', i), 'Warehouse ID');
		if (filters.status !== undefined && filters.status !== '') sent.status = filters.status;
		const base: IDataObject = { fs_id: app, per_page: PER_PAGE, ...sent };
		const decrypt = await buyerDataDecrypter.call(this, i);
		return await pullAll<IDataObject>(
			this.getNode(),
			{
				what: 'Order → Get Many',
				noun: 'orders',
				windows: splitWindows(from, to, MAX_WINDOW_SECONDS),
				filters: sent,
				limit,
				fetchPage: async (at, retries) => {
					const data = await tokopediaApiRequest.call(this, 'GET', '/v2/order/list', {
						query: { ...base, from_date: at.window!.from, to_date: at.window!.to, page: at.page },
						itemIndex: i,
						retryBudget: retries,
					});
					const list = Array.isArray(data) ? (data as IDataObject[]) : [];
					// The list has no total: a short page is the last one (reference §3.2 O1).
					return { items: list, next: list.length < PER_PAGE ? undefined : String(at.page + 1) };
				},
				// Neighbouring windows share a boundary second; an order there comes back twice.
				key: (order) => String(order.order_id),
				map: this.getNodeParameter('orderOutput', i, 'raw') === 'normalized' ? (order) => normalizeTokopediaOrder(decrypt(order)) : decrypt,
			},
			i,
		);
	});
}
