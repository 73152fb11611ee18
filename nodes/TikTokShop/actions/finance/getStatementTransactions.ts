import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { settlementOutputField, tikTokStatementTransaction } from '../../../common/normalizedSettlement';
import { take } from '../../../common/paginate';
import { limitField, returnAllField } from '../common.descriptions';
import { limitOf } from '../search';
import type { ShopResolver } from '../types';
import { MAX_PAGE_SIZE, sortOrderOption, statementIdField, statementTransactionPages } from './shared';

const properties: INodeProperties[] = [
	statementIdField,
	returnAllField,
	limitField,
	settlementOutputField,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [sortOrderOption] },
];

export const description = withDisplay({ resource: ['finance'], operation: ['getStatementTransactions'] }, properties);

/** One item per transaction (orders, reserves, adjustments) of the statement, API 202501. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const statementId = String(this.getNodeParameter('statementId', i, '')).trim();
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const limit = limitOf.call(this, i);
		const rows = await take(statementTransactionPages.call(this, await shop(i), statementId, String(options.sort_order ?? 'ASC'), Math.min(MAX_PAGE_SIZE, Math.max(1, limit)), i), limit);
		if (this.getNodeParameter('settlementOutput', i, 'raw') === 'normalized') {
			return rows.map(({ statement, transaction }) => tikTokStatementTransaction(transaction, statement));
		}
		return rows.map(({ statement, transaction }) => ({ ...transaction, statement_id: statement.id, statement_time: statement.create_time, currency: statement.currency }));
	});
}
