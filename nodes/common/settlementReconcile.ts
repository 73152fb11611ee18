import type { IDataObject } from 'n8n-workflow';

import { fromCents, toCents } from './money';
import type { NormalizedSettlement } from './normalizedSettlement';

/** The amounts a settlement can be compared on, in the normalized model's sign convention. */
export const SETTLEMENT_COMPONENTS = ['gross_revenue', 'fee_total', 'shipping', 'adjustments', 'net_settlement'] as const;
export type SettlementComponent = (typeof SETTLEMENT_COMPONENTS)[number];

/** One order the seller expects to be paid for; only the components given are compared (hundredths). */
export interface ExpectedSettlement {
	itemIndex: number;
	key: string;
	currency?: string;
	amounts: Partial<Record<SettlementComponent, number>>;
}

export type SettlementReconcileStatus = 'matched' | 'amount_mismatch' | 'unsettled' | 'missing' | 'unexpected';

export interface SettlementReconcileOptions {
	/** Which normalized field identifies an order: TikTok Shop settles by order ID, Tokopedia's saldo by invoice. */
	key: 'order_id' | 'invoice';
	/** A difference of at most this many hundredths counts as equal. */
	tolerance: number;
	marketplace: string;
}

interface Settled {
	currency: string;
	cents: Record<SettlementComponent, number>;
	// arrays, not Sets: an order has one or two statements, and 100,000 Sets cost more than the compare
	statementIds: string[];
	payoutIds: string[];
	transactions: number;
	first: NormalizedSettlement;
}

const addUnique = (list: string[], value: string | null | undefined) => {
	if (value && !list.includes(value)) list.push(value);
};

export interface SettlementReconcileResult {
	rows: Array<{ row: IDataObject; expected?: ExpectedSettlement }>;
	summary: IDataObject;
}

const componentsOf = (settlement: NormalizedSettlement): Record<SettlementComponent, number> => ({
	gross_revenue: toCents(settlement.gross_revenue),
	fee_total: toCents(settlement.fee_total),
	shipping: toCents(settlement.shipping),
	adjustments: toCents(settlement.adjustments),
	net_settlement: toCents(settlement.net_settlement),
});

const amountsView = (amounts: Partial<Record<SettlementComponent, number>>): IDataObject => {
	const view: IDataObject = {};
	for (const component of SETTLEMENT_COMPONENTS) if (amounts[component] !== undefined) view[component] = fromCents(amounts[component]!);
	return view;
};

interface CurrencyTotals {
	expected: number;
	settled: number;
	difference: number;
	unsettled_estimate: number;
	missing_expected: number;
	unexpected_settled: number;
}

interface Compared {
	components: readonly SettlementComponent[];
	label: string;
}

// The net settlement alone when the seller gave it, else every component given. Cached by which
// components are present: 100,000 orders share a handful of shapes.
const comparedShapes = new Map<number, Compared>();
function comparedOf(source: ExpectedSettlement): Compared {
	let shape = 0;
	SETTLEMENT_COMPONENTS.forEach((component, bit) => {
		if (source.amounts[component] !== undefined) shape |= 1 << bit;
	});
	let compared = comparedShapes.get(shape);
	if (!compared) {
		const components = source.amounts.net_settlement !== undefined ? (['net_settlement'] as const) : SETTLEMENT_COMPONENTS.filter((c) => source.amounts[c] !== undefined);
		compared = { components, label: components.join('+') };
		comparedShapes.set(shape, compared);
	}
	return compared;
}

/**
 * Compares the settlements a seller expects with what the marketplace settled, in one linear pass:
 * the settled rows are summed per order (an order may have an ORDER transaction and adjustments,
 * across statements), then walked once against a map of the expected orders; expected orders left
 * over are looked up among the unsettled estimates, else they are missing.
 */
export function reconcileSettlements(
	expectedRows: Iterable<ExpectedSettlement>,
	settledRows: Iterable<NormalizedSettlement>,
	unsettledRows: Iterable<NormalizedSettlement>,
	options: SettlementReconcileOptions,
): SettlementReconcileResult {
	const expected = new Map<string, ExpectedSettlement>();
	for (const row of expectedRows) expected.set(row.key, row);
	const settled = new Map<string, Settled>();
	for (const settlement of settledRows) {
		const key = settlement[options.key];
		if (!key) continue;
		const cents = componentsOf(settlement);
		const seen = settled.get(key);
		if (!seen) {
			settled.set(key, {
				currency: settlement.currency,
				cents,
				statementIds: settlement.statement_id ? [settlement.statement_id] : [],
				payoutIds: settlement.payout_id ? [settlement.payout_id] : [],
				transactions: 1,
				first: settlement,
			});
			continue;
		}
		for (const component of SETTLEMENT_COMPONENTS) seen.cents[component] += cents[component];
		addUnique(seen.statementIds, settlement.statement_id);
		addUnique(seen.payoutIds, settlement.payout_id);
		seen.transactions++;
	}

	const rows: SettlementReconcileResult['rows'] = [];
	const counts: Record<SettlementReconcileStatus, number> = { matched: 0, amount_mismatch: 0, unsettled: 0, missing: 0, unexpected: 0 };
	const totals = new Map<string, CurrencyTotals>();
	const totalsOf = (currency: string) => {
		let entry = totals.get(currency);
		if (!entry) {
			entry = { expected: 0, settled: 0, difference: 0, unsettled_estimate: 0, missing_expected: 0, unexpected_settled: 0 };
			totals.set(currency, entry);
		}
		return entry;
	};
	const orderIdOf = (key: string, entry?: Settled) => (options.key === 'order_id' ? key : (entry?.first.order_id ?? null));
	const invoiceOf = (key: string) => (options.key === 'invoice' ? key : null);
	// The fields every settled row starts with; callers add theirs by assignment (no spreads on 100k rows).
	const settledHead = (key: string, entry: Settled): IDataObject => ({
		marketplace: options.marketplace,
		order_id: orderIdOf(key, entry),
		invoice: invoiceOf(key),
		currency: entry.currency,
		statement_ids: entry.statementIds,
		payout_ids: entry.payoutIds,
		transactions: entry.transactions,
	});

	for (const [key, entry] of settled) {
		const source = expected.get(key);
		const money = totalsOf(entry.currency);
		if (!source) {
			counts.unexpected++;
			money.unexpected_settled += entry.cents.net_settlement;
			const row = settledHead(key, entry);
			row.status = 'unexpected';
			row.expected_amount = null;
			row.settled_amount = fromCents(entry.cents.net_settlement);
			row.difference = null;
			row.settled = amountsView(entry.cents);
			rows.push({ row });
			continue;
		}
		expected.delete(key);
		const mismatches: IDataObject[] = [];
		for (const component of SETTLEMENT_COMPONENTS) {
			const want = source.amounts[component];
			if (want === undefined) continue;
			const delta = entry.cents[component] - want;
			if (Math.abs(delta) > options.tolerance) mismatches.push({ component, expected: fromCents(want), settled: fromCents(entry.cents[component]), difference: fromCents(delta) });
		}
		const compared = comparedOf(source);
		let expectedAmount = 0;
		let settledAmount = 0;
		for (const component of compared.components) {
			expectedAmount += source.amounts[component]!;
			settledAmount += entry.cents[component];
		}
		const difference = settledAmount - expectedAmount;
		const status: SettlementReconcileStatus = mismatches.length ? 'amount_mismatch' : 'matched';
		counts[status]++;
		money.expected += expectedAmount;
		money.settled += settledAmount;
		money.difference += difference;
		const row = settledHead(key, entry);
		row.status = status;
		row.compared = compared.label;
		row.expected_amount = fromCents(expectedAmount);
		row.settled_amount = fromCents(settledAmount);
		row.difference = fromCents(difference);
		row.mismatched_components = mismatches;
		row.expected = amountsView(source.amounts);
		row.settled = amountsView(entry.cents);
		rows.push({ row, expected: source });
	}

	const estimates = new Map<string, NormalizedSettlement>();
	if (expected.size) {
		for (const estimate of unsettledRows) {
			const key = estimate[options.key];
			if (key && expected.has(key)) estimates.set(key, estimate);
		}
	}
	for (const [key, source] of expected) {
		const estimate = estimates.get(key);
		const currency = estimate?.currency ?? source.currency ?? '';
		const money = totalsOf(currency);
		const compared = comparedOf(source);
		let expectedAmount = 0;
		for (const component of compared.components) expectedAmount += source.amounts[component]!;
		if (estimate) {
			counts.unsettled++;
			money.unsettled_estimate += toCents(estimate.net_settlement);
			rows.push({
				row: {
					marketplace: options.marketplace,
					order_id: orderIdOf(key),
					invoice: invoiceOf(key),
					currency,
					status: 'unsettled',
					compared: compared.label,
					expected_amount: fromCents(expectedAmount),
					settled_amount: null,
					estimated_amount: estimate.net_settlement,
					estimated_settlement: estimate.estimated_settlement,
					unsettled_reason: estimate.unsettled_reason,
					expected: amountsView(source.amounts),
					estimate: amountsView(componentsOf(estimate)),
				},
				expected: source,
			});
			continue;
		}
		counts.missing++;
		money.missing_expected += expectedAmount;
		rows.push({ row: { marketplace: options.marketplace, order_id: orderIdOf(key), invoice: invoiceOf(key), currency, status: 'missing', compared: compared.label, expected_amount: fromCents(expectedAmount), settled_amount: null, expected: amountsView(source.amounts) }, expected: source });
	}

	const perCurrency: IDataObject = {};
	for (const [currency, money] of totals) {
		perCurrency[currency || 'unknown'] = {
			expected: fromCents(money.expected),
			settled: fromCents(money.settled),
			difference: fromCents(money.difference),
			unsettled_estimate: fromCents(money.unsettled_estimate),
			missing_expected: fromCents(money.missing_expected),
			unexpected_settled: fromCents(money.unexpected_settled),
		};
	}
	return {
		rows,
		summary: { summary: true, marketplace: options.marketplace, orders_compared: rows.length, ...counts, totals: perCurrency },
	};
}
