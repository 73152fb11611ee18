import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import type { NormalizedSettlement } from '../../../common/normalizedSettlement';
import { tokopediaSaldoRow } from '../../../common/normalizedSettlement';
import { reconcileSettlementFields, runSettlementReconcile } from '../../../common/settlementReconcileOperation';
import type { ShopResolver } from '../types';
import { saldoHistory } from './shared';

const properties: INodeProperties[] = reconcileSettlementFields({
	displayName: 'Invoice',
	name: 'invoice',
	type: 'string',
	default: '={{ $json.invoice }}',
	required: true,
	placeholder: 'e.g. INV/20261101/MPL/XXVI/XI/1234567',
	description: 'The invoice of the input row (all input items are the orders you expect to be paid for); the saldo history names orders by invoice',
});

export const description = withDisplay({ resource: ['finance'], operation: ['reconcileSettlements'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const shopId = await shop(0);
	return await runSettlementReconcile.call(this, items, { name: 'invoice', label: 'Invoice' }, {
		key: 'invoice',
		marketplace: 'tokopedia',
		fetchSettled: async function* (this: IExecuteFunctions, from: number, to: number): AsyncGenerator<NormalizedSettlement> {
			// Settled To is exclusive; the saldo history's to_date is inclusive.
			for await (const row of saldoHistory.call(this, shopId, from, to - 1, 0)) {
				const settlement = tokopediaSaldoRow(row);
				const at = Date.parse(settlement.statement_time ?? '') / 1000;
				if (settlement.invoice && at >= from && at < to) yield settlement;
			}
		}.bind(this),
	});
}
