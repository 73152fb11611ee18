import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTokopediaOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { pages, take } from '../../../common/paginate';
import { splitWindows } from '../../../common/windows';
import { fsId, tokopediaApiRequest } from '../../transport';
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
		const base: IDataObject = { fs_id: app, per_page: PER_PAGE };
		if (scope === 'shop') base.shop_id = await shop(i);
		if (scope === 'warehouse') base.warehouse_id = numericId(this.getNodeParameter('warehouseId', i), 'Warehouse ID');
		if (filters.status !== undefined && filters.status !== '') base.status = filters.status;

		const seen = new Set<string>();
		async function* everyOrder(this: IExecuteFunctions) {
			for (const window of splitWindows(from, to, MAX_WINDOW_SECONDS)) {
				const windowOrders = pages<IDataObject>(async (cursor) => {
					const page = Number(cursor ?? 1);
					const data = await tokopediaApiRequest.call(this, 'GET', '/v2/order/list', {
						query: { ...base, from_date: window.from, to_date: window.to, page },
						itemIndex: i,
					});
					const list = Array.isArray(data) ? (data as IDataObject[]) : [];
					// The list has no total: a short page is the last one (reference §3.2 O1).
					return { items: list, next: list.length < PER_PAGE ? undefined : String(page + 1) };
				});
				for await (const order of windowOrders) {
					// Neighbouring windows share a boundary second; an order there comes back twice.
					const id = String(order.order_id);
					if (seen.has(id)) continue;
					seen.add(id);
					yield order;
				}
			}
		}
		const orders = await take(everyOrder.call(this), limit);
		return this.getNodeParameter('orderOutput', i, 'raw') === 'normalized' ? orders.map((order) => normalizeTokopediaOrder(order)) : orders;
	});
}
