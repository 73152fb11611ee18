import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mapConcurrent } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import type { NormalizedSettlement } from '../../../common/normalizedSettlement';
import { tikTokStatementTransaction, tikTokUnsettledTransaction } from '../../../common/normalizedSettlement';
import { pages } from '../../../common/paginate';
import { reconcileSettlementFields, runSettlementReconcile } from '../../../common/settlementReconcileOperation';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { MAX_PAGE_SIZE, orderTransactionsToSettlement, statementsIn, statementTransactionPages } from './shared';

const properties: INodeProperties[] = reconcileSettlementFields(
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '={{ $json.order_id }}',
		required: true,
		placeholder: 'e.g. 576461413038785752',
		description: 'The order of the input row (all input items are the orders you expect to be paid for)',
	},
	{
		displayName: 'Look Up Orders Settled Outside the Range',
		name: 'lookUpOtherStatements',
		type: 'boolean',
		default: true,
		description: 'Whether to ask for the settlement of each expected order not found in the range\'s statements (one request per order) before calling it unsettled or missing',
	},
);

export const description = withDisplay({ resource: ['finance'], operation: ['reconcileSettlements'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const shopCipher = await shop(0);
	return await runSettlementReconcile.call(this, items, { name: 'orderId', label: 'Order ID' }, {
		key: 'order_id',
		marketplace: 'tiktokshop',
		fetchSettled: async function* (this: IExecuteFunctions, from: number, to: number): AsyncGenerator<NormalizedSettlement> {
			for await (const statement of statementsIn.call(this, shopCipher, from, to)) {
				const payout = { payment_id: statement.payment_id, payment_time: statement.payment_time };
				for await (const { statement: totals, transaction } of statementTransactionPages.call(this, shopCipher, String(statement.id), 'ASC')) {
					yield tikTokStatementTransaction(transaction, totals, payout);
				}
			}
		}.bind(this),
		lookUp: async function* (this: IExecuteFunctions, orderIds: string[]): AsyncGenerator<NormalizedSettlement> {
			const found = await mapConcurrent(orderIds, 4, async (orderId) =>
				orderTransactionsToSettlement(await tikTokShopApiRequest.call(this, 'GET', `/finance/202501/orders/${encodeURIComponent(orderId)}/statement_transactions`, { shopCipher })),
			);
			for (const settlement of found) if (settlement) yield settlement;
		}.bind(this),
		fetchUnsettled: async function* (this: IExecuteFunctions): AsyncGenerator<NormalizedSettlement> {
			const rows = pages<IDataObject>(async (pageToken) => {
				const data = await tikTokShopApiRequest.call(this, 'GET', '/finance/202507/orders/unsettled', {
					shopCipher,
					query: { sort_field: 'order_create_time', sort_order: 'ASC', page_size: MAX_PAGE_SIZE, page_token: pageToken },
				});
				return { items: (data.transactions as IDataObject[]) ?? [], next: data.next_page_token as string };
			});
			for await (const row of rows) yield tikTokUnsettledTransaction(row);
		}.bind(this),
	});
}
