import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf, sortCollection } from '../search';
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
	sortCollection([
		{ name: 'Create Time', value: 'create_time' },
		{ name: 'Order Pay Time', value: 'order_pay_time' },
		{ name: 'Update Time', value: 'update_time' },
	]),
];

export const description = withDisplay({ resource: ['package'], operation: ['searchPackage'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		return await searchAll.call(this, 'POST', '/fulfillment/202309/packages/search', 'packages', {
			shopCipher: await shop(i),
			query: this.getNodeParameter('sort', i, {}) as IDataObject,
			body: filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, TIME_FILTERS),
			maxPageSize: MAX_PAGE_SIZE,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
