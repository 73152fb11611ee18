import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf } from '../search';
import type { ShopResolver } from '../types';
import { MAX_PAGE_SIZE, sortOrderOption, timeRange } from './shared';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: timeRange({ name: 'create_time_ge', displayName: 'Created From' }, { name: 'create_time_lt', displayName: 'Created To' }),
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [sortOrderOption] },
];

export const description = withDisplay({ resource: ['finance'], operation: ['getPayments'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const filters = filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, { create_time_ge: 'Created From', create_time_lt: 'Created To' });
		return await searchAll.call(this, 'GET', '/finance/202309/payments', 'payments', {
			shopCipher: await shop(i),
			query: { ...filters, sort_field: 'create_time', sort_order: options.sort_order ?? 'ASC' },
			maxPageSize: MAX_PAGE_SIZE,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
