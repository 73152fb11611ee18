import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toCents } from './money';
import type { NormalizedSettlement } from './normalizedSettlement';
import type { ExpectedSettlement, SettlementComponent, SettlementReconcileOptions } from './settlementReconcile';
import { reconcileSettlements } from './settlementReconcile';

export interface SettlementAdapter {
	key: SettlementReconcileOptions['key'];
	marketplace: string;
	/** Every settled transaction in the time range (seconds, [from, to)). */
	fetchSettled: (from: number, to: number) => AsyncIterable<NormalizedSettlement>;
	/** Settled transactions of orders outside that range (TikTok Shop: per-order lookup). */
	lookUp?: (keys: string[]) => AsyncIterable<NormalizedSettlement>;
	/** The marketplace's estimates for orders not settled yet. */
	fetchUnsettled?: () => AsyncIterable<NormalizedSettlement>;
}

const EXPECTED_LABELS: Record<SettlementComponent, string> = {
	net_settlement: 'Net Settlement',
	gross_revenue: 'Gross Revenue',
	fee_total: 'Fees Total',
	shipping: 'Shipping Cost',
	adjustments: 'Adjustments',
};

/** The parameters of Reconcile Settlements; `key` is the order ID (TikTok Shop) or the invoice (Tokopedia). */
export function reconcileSettlementFields(keyField: INodeProperties, lookUpOption?: INodeProperties): INodeProperties[] {
	return [
		keyField,
		{
			displayName: 'Expected Amounts',
			name: 'expected',
			type: 'collection',
			placeholder: 'Add Expected Amount',
			default: {},
			description: 'What you expect for the order of the input row; only the amounts given are compared. Fees and shipping cost may be positive (deducted) or negative.',
			options: (Object.keys(EXPECTED_LABELS) as SettlementComponent[]).map((name) => ({ displayName: EXPECTED_LABELS[name], name, type: 'string' as const, default: '' })),
		},
		{ displayName: 'Settled From', name: 'settledFrom', type: 'dateTime', default: '', required: true, description: 'Start of the settlement range (statement or balance time), inclusive' },
		{ displayName: 'Settled To', name: 'settledTo', type: 'dateTime', default: '', required: true, description: 'End of the settlement range, exclusive' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				...(lookUpOption ? [lookUpOption] : []),
				{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'IDR', description: 'Currency of the expected amounts (for the totals of orders nothing was found for)' },
				{ displayName: 'Tolerance', name: 'tolerance', type: 'string', default: '0', description: 'A difference of at most this amount counts as a match' },
			],
		},
	];
}

function seconds(this: IExecuteFunctions, name: string, label: string): number {
	const value = this.getNodeParameter(name, 0, '') as string;
	const ms = Date.parse(String(value));
	if (!value || Number.isNaN(ms)) throw new NodeOperationError(this.getNode(), `"${label}" must be a date (e.g. 2026-11-01T00:00:00Z), got "${String(value)}"`);
	return Math.floor(ms / 1000);
}

/**
 * Reconcile Settlements for any marketplace: all input items are the expected orders; the
 * settlements of the range are fetched once, orders not found are looked up (where the marketplace
 * can) and among the unsettled estimates; the output is one item per order plus a summary item.
 */
export async function runSettlementReconcile(this: IExecuteFunctions, items: INodeExecutionData[], keyParameter: { name: string; label: string }, adapter: SettlementAdapter): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const expected: ExpectedSettlement[] = [];
	for (let i = 0; i < items.length; i++) {
		const key = String(this.getNodeParameter(keyParameter.name, i, '') ?? '').trim();
		if (!key) throw new NodeOperationError(this.getNode(), `"${keyParameter.label}" is empty: map it from the input item`, { itemIndex: i });
		const given = this.getNodeParameter('expected', i, {}) as IDataObject;
		const amounts: ExpectedSettlement['amounts'] = {};
		for (const component of Object.keys(EXPECTED_LABELS) as SettlementComponent[]) {
			const raw = given[component];
			if (raw === undefined || raw === null || raw === '') continue;
			let cents: number;
			try {
				cents = toCents(raw, `Expected Amounts → ${EXPECTED_LABELS[component]}`);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `${(error as Error).message} for ${keyParameter.label} ${key}`, { itemIndex: i });
			}
			amounts[component] = component === 'fee_total' || component === 'shipping' ? -Math.abs(cents) : cents;
		}
		if (!Object.keys(amounts).length) {
			throw new NodeOperationError(this.getNode(), `No expected amount for ${keyParameter.label} ${key}: add at least one under "Expected Amounts" (e.g. Net Settlement)`, { itemIndex: i });
		}
		expected.push({ itemIndex: i, key, currency: String(options.currency ?? '') || undefined, amounts });
	}
	const from = seconds.call(this, 'settledFrom', 'Settled From');
	const to = seconds.call(this, 'settledTo', 'Settled To');
	if (to <= from) throw new NodeOperationError(this.getNode(), '"Settled To" must be after "Settled From"');
	const tolerance = Math.abs(toCents(options.tolerance ?? '0', 'Options → Tolerance'));

	const startedFetch = Date.now();
	const settled: NormalizedSettlement[] = [];
	const found = new Set<string>();
	// Only an ORDER row counts as found: an adjustment in the range may belong to an order settled before it.
	const markFound = (row: NormalizedSettlement) => {
		const key = row[adapter.key];
		if (key && row.transaction_type === 'ORDER') found.add(key);
	};
	for await (const row of adapter.fetchSettled(from, to)) {
		settled.push(row);
		markFound(row);
	}
	const statementRows = settled.length;
	let notFound = expected.filter((row) => !found.has(row.key)).map((row) => row.key);
	if (notFound.length && adapter.lookUp && options.lookUpOtherStatements !== false) {
		for await (const row of adapter.lookUp(notFound)) {
			settled.push(row);
			markFound(row);
		}
		notFound = notFound.filter((key) => !found.has(key));
	}
	const unsettled: NormalizedSettlement[] = [];
	if (notFound.length && adapter.fetchUnsettled) for await (const row of adapter.fetchUnsettled()) unsettled.push(row);
	const fetchMs = Date.now() - startedFetch;

	const startedCompare = Date.now();
	const result = reconcileSettlements(expected, settled, unsettled, { key: adapter.key, tolerance, marketplace: adapter.marketplace });
	const compareMs = Date.now() - startedCompare;
	const out: INodeExecutionData[] = result.rows.map(({ row, expected: source }) => ({ json: row, pairedItem: { item: source?.itemIndex ?? 0 } }));
	out.push({
		json: { ...result.summary, settled_from: new Date(from * 1000).toISOString(), settled_to: new Date(to * 1000).toISOString(), settled_transactions: statementRows, looked_up_transactions: settled.length - statementRows, unsettled_estimates_read: unsettled.length, fetch_ms: fetchMs, compare_ms: compareMs },
		pairedItem: { item: 0 },
	});
	return out;
}
