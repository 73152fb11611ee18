import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf } from '../search';
import type { ShopResolver } from '../types';
import { MAX_PAGE_SIZE, timeRange } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Types',
		name: 'types',
		type: 'multiOptions',
		required: true,
		default: ['SETTLE', 'WITHDRAW'],
		options: [
			{ name: 'Reverse', value: 'REVERSE', description: 'A reversed withdrawal' },
			{ name: 'Settle', value: 'SETTLE', description: 'Settlement into the seller balance' },
			{ name: 'Transfer', value: 'TRANSFER', description: 'Transfer between balances' },
			{ name: 'Withdraw', value: 'WITHDRAW', description: 'Payout to the bank account' },
		],
	},
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
];

export const description = withDisplay({ resource: ['finance'], operation: ['getWithdrawals'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const types = this.getNodeParameter('types', i, []) as string[];
		if (!types.length) throw new NodeOperationError(this.getNode(), '"Types" is empty: pick at least one withdrawal type', { itemIndex: i });
		const filters = filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, { create_time_ge: 'Created From', create_time_lt: 'Created To' });
		return await searchAll.call(this, 'GET', '/finance/202309/withdrawals', 'withdrawals', {
			shopCipher: await shop(i),
			query: { ...filters, types },
			maxPageSize: MAX_PAGE_SIZE,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
