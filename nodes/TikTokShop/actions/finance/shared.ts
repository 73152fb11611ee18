import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { NormalizedSettlement } from '../../../common/normalizedSettlement';
import { tikTokStatementTransaction } from '../../../common/normalizedSettlement';
import { addAmounts } from '../../../common/money';
import { pages } from '../../../common/paginate';
import type { ApiContext } from '../../../common/tokenRenewal';
import { tikTokShopApiRequest } from '../../transport';

export const MAX_PAGE_SIZE = 100;

/** Options → Sort Order; the one sort field each list requires is always sent. */
export const sortOrderOption: INodeProperties = {
	displayName: 'Sort Order',
	name: 'sort_order',
	type: 'options',
	default: 'ASC',
	options: [
		{ name: 'Ascending (Oldest First)', value: 'ASC' },
		{ name: 'Descending (Newest First)', value: 'DESC' },
	],
};

export const timeRange = (ge: { name: string; displayName: string }, lt: { name: string; displayName: string }): INodeProperties[] => [
	{ displayName: ge.displayName, name: ge.name, type: 'dateTime', default: '', description: 'Inclusive' },
	{ displayName: lt.displayName, name: lt.name, type: 'dateTime', default: '', description: 'Exclusive' },
];

export const statementIdField: INodeProperties = {
	displayName: 'Statement ID',
	name: 'statementId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 7123456789012345678',
	description: 'ID of the statement, from Get Statements',
};

/** Every statement whose statement_time is in [from, to). */
export function statementsIn(this: ApiContext, shopCipher: string, from: number, to: number, itemIndex?: number): AsyncGenerator<IDataObject> {
	return pages<IDataObject>(async (pageToken) => {
		const data = await tikTokShopApiRequest.call(this, 'GET', '/finance/202309/statements', {
			shopCipher,
			query: { sort_field: 'statement_time', sort_order: 'ASC', statement_time_ge: from, statement_time_lt: to, page_size: MAX_PAGE_SIZE, page_token: pageToken },
			itemIndex,
		});
		return { items: (data.statements as IDataObject[]) ?? [], next: data.next_page_token as string };
	});
}

/** Every 202501 transaction of one statement, as pages (the first page also carries the statement totals). */
export function statementTransactionPages(this: ApiContext, shopCipher: string, statementId: string, sortOrder: string, pageSize = MAX_PAGE_SIZE, itemIndex?: number) {
	return pages<{ statement: IDataObject; transaction: IDataObject }>(async (pageToken) => {
		const data = await tikTokShopApiRequest.call(this, 'GET', `/finance/202501/statements/${encodeURIComponent(statementId)}/statement_transactions`, {
			shopCipher,
			query: { sort_field: 'order_create_time', sort_order: sortOrder, page_size: pageSize, page_token: pageToken },
			itemIndex,
		});
		const { transactions, next_page_token: next, ...statement } = data;
		return { items: ((transactions as IDataObject[]) ?? []).map((transaction) => ({ statement, transaction })), next: next as string };
	});
}

/** A 202501 per-order answer as one normalized settlement (its SKU rows summed); undefined when not settled. */
export function orderTransactionsToSettlement(data: IDataObject): NormalizedSettlement | undefined {
	const skus = (data.sku_transactions as IDataObject[]) ?? [];
	if (!skus.length) return undefined;
	const fee: IDataObject = {};
	const tax: IDataObject = {};
	for (const sku of skus) {
		const breakdown = (sku.fee_tax_breakdown ?? {}) as { fee?: IDataObject; tax?: IDataObject };
		for (const [key, value] of Object.entries(breakdown.fee ?? {})) fee[key] = addAmounts(fee[key], value);
		for (const [key, value] of Object.entries(breakdown.tax ?? {})) tax[key] = addAmounts(tax[key], value);
	}
	const statementIds = [...new Set(skus.map((sku) => String(sku.statement_id ?? '')).filter(Boolean))];
	return tikTokStatementTransaction(
		{
			type: 'ORDER',
			order_id: data.order_id,
			revenue_amount: data.revenue_amount ?? addAmounts(...skus.map((s) => s.revenue_amount)),
			shipping_cost_amount: data.shipping_cost_amount ?? addAmounts(...skus.map((s) => s.shipping_cost_amount)),
			fee_tax_amount: data.fee_and_tax_amount ?? addAmounts(...skus.map((s) => s.fee_tax_amount)),
			adjustment_amount: '0',
			settlement_amount: data.settlement_amount ?? addAmounts(...skus.map((s) => s.settlement_amount)),
			fee_tax_breakdown: { fee, tax },
		},
		{ id: statementIds.join(','), currency: data.currency },
	);
}
