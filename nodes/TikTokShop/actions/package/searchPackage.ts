import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { pages, take } from '../../../common/paginate';
import { tikTokShopApiRequest } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import { toUnixSeconds } from '../order/shared';
import type { ShopResolver } from '../types';

// packages/search takes page_size 1–50 (reference §8).
const MAX_PAGE_SIZE = 50;

const TIME_FILTERS: Record<string, string> = {
	create_time_ge: 'Created After',
	create_time_lt: 'Created Before',
	update_time_ge: 'Updated After',
	update_time_lt: 'Updated Before',
};

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...Object.entries(TIME_FILTERS).map(([name, displayName]) => ({
				displayName,
				name,
				type: 'dateTime' as const,
				default: '',
			})),
			{
				displayName: 'Package Status',
				name: 'package_status',
				type: 'options',
				default: 'PROCESSING',
				options: [
					{ name: 'Cancelled', value: 'CANCELLED' },
					{ name: 'Completed (Delivered)', value: 'COMPLETED' },
					{ name: 'Fulfilling (In Transit)', value: 'FULFILLING' },
					{ name: 'Processing (Arranged, Awaiting Carrier)', value: 'PROCESSING' },
				],
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
				default: 'create_time',
				options: [
					{ name: 'Create Time', value: 'create_time' },
					{ name: 'Order Pay Time', value: 'order_pay_time' },
					{ name: 'Update Time', value: 'update_time' },
				],
			},
			{
				displayName: 'Sort Order',
				name: 'sort_order',
				type: 'options',
				default: 'DESC',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
			},
		],
	},
];

export const description = withDisplay({ resource: ['package'], operation: ['searchPackage'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i) as number);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const body: IDataObject = {};
		for (const [key, value] of Object.entries(filters)) {
			if (value === '' || value === undefined) continue;
			body[key] = key in TIME_FILTERS ? toUnixSeconds(value, `Filters → ${TIME_FILTERS[key]}`) : value;
		}
		const sort = this.getNodeParameter('sort', i, {}) as IDataObject;
		const shopCipher = await shop(i);
		const pageSize = Math.min(MAX_PAGE_SIZE, Number.isFinite(limit) ? limit : MAX_PAGE_SIZE);
		const packages = pages<IDataObject>(async (pageToken) => {
			const data = await tikTokShopApiRequest.call(this, 'POST', '/fulfillment/202309/packages/search', {
				shopCipher,
				query: { page_size: pageSize, page_token: pageToken, ...sort },
				body,
				itemIndex: i,
			});
			return { items: (data.packages as IDataObject[]) ?? [], next: data.next_page_token as string };
		});
		return await take(packages, limit);
	});
}
