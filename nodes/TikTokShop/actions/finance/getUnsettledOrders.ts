import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { settlementOutputField, tikTokUnsettledTransaction } from '../../../common/normalizedSettlement';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf } from '../search';
import type { ShopResolver } from '../types';
import { MAX_PAGE_SIZE, sortOrderOption, timeRange } from './shared';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	settlementOutputField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: timeRange({ name: 'search_time_ge', displayName: 'Order Created From' }, { name: 'search_time_lt', displayName: 'Order Created To' }),
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [sortOrderOption] },
];

export const description = withDisplay({ resource: ['finance'], operation: ['getUnsettledOrders'] }, properties);

/** Orders (and adjustments) not settled yet, with TikTok's estimate and the reason (API 202507). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const filters = filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, { search_time_ge: 'Order Created From', search_time_lt: 'Order Created To' });
		const rows = await searchAll.call(this, 'GET', '/finance/202507/orders/unsettled', 'transactions', {
			shopCipher: await shop(i),
			query: { ...filters, sort_field: 'order_create_time', sort_order: options.sort_order ?? 'ASC' },
			maxPageSize: MAX_PAGE_SIZE,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
		return this.getNodeParameter('settlementOutput', i, 'raw') === 'normalized' ? rows.map((row) => tikTokUnsettledTransaction(row)) : rows;
	});
}
