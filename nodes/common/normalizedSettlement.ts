import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { addAmounts, fromCents, toCents } from './money';

/**
 * One settlement shape for both marketplaces (README, "Normalized settlements"). Amounts are decimal
 * strings with the marketplace's sign: revenue positive, fees and shipping cost negative (deducted),
 * adjustments signed; net_settlement = gross_revenue + fee_total + shipping + adjustments.
 * Components a marketplace does not report (Tokopedia's saldo history has only the net) are null.
 */
export type SettlementStatus = 'settled' | 'unsettled' | 'estimated';

export interface SettlementFees extends IDataObject {
	commission: string;
	dynamic_commission: string;
	mall_service_fee: string;
	processing_fee: string;
	affiliate_commission: string;
	other_fees: string;
	tax: string;
}

export interface NormalizedSettlement extends IDataObject {
	marketplace: 'tiktokshop' | 'tokopedia';
	order_id: string | null;
	invoice: string | null;
	currency: string;
	status: SettlementStatus;
	transaction_type: string;
	gross_revenue: string | null;
	fees: SettlementFees | null;
	fee_total: string | null;
	shipping: string | null;
	adjustments: string | null;
	net_settlement: string;
	statement_id: string | null;
	statement_time: string | null;
	payout_id: string | null;
	payout_time: string | null;
	estimated_settlement: string | null;
	unsettled_reason: string | null;
}

export const settlementOutputField: INodeProperties = {
	displayName: 'Output Format',
	name: 'settlementOutput',
	type: 'options',
	default: 'raw',
	options: [
		{ name: 'Raw', value: 'raw', description: 'The marketplace\'s own JSON' },
		{ name: 'Normalized', value: 'normalized', description: 'One settlement shape per order for TikTok Shop and Tokopedia' },
	],
};

const iso = (seconds: unknown) => (seconds === undefined || seconds === null || seconds === '' ? null : new Date(Number(seconds) * 1000).toISOString());
const text = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

// TikTok fee_tax_breakdown.fee keys (reference/finance-and-versions.md §3.1) onto the named fees; the rest is other_fees.
const TIKTOK_FEE_KEYS: Record<string, keyof SettlementFees> = {
	platform_commission_amount: 'commission',
	dynamic_commission_amount: 'dynamic_commission',
	mall_service_fee_amount: 'mall_service_fee',
	order_processing_fee_amount: 'processing_fee',
	affiliate_commission_amount: 'affiliate_commission',
};

function tikTokFees(breakdown: unknown, total: unknown): SettlementFees {
	const fees: SettlementFees = { commission: '0', dynamic_commission: '0', mall_service_fee: '0', processing_fee: '0', affiliate_commission: '0', other_fees: '0', tax: '0' };
	const { fee, tax } = (breakdown ?? {}) as { fee?: IDataObject; tax?: IDataObject };
	let named = 0;
	for (const [key, value] of Object.entries(fee ?? {})) {
		const target = TIKTOK_FEE_KEYS[key];
		if (!target) continue;
		fees[target] = addAmounts(fees[target], value);
		named += toCents(value);
	}
	fees.tax = addAmounts(...Object.values(tax ?? {}));
	fees.other_fees = fromCents(toCents(total) - named - toCents(fees.tax));
	return fees;
}

/** A 202501 statement transaction (ORDER or an adjustment) of `statement`. */
export function tikTokStatementTransaction(tx: IDataObject, statement: IDataObject, payout?: IDataObject): NormalizedSettlement {
	return {
		marketplace: 'tiktokshop',
		order_id: text(tx.order_id ?? tx.adjustment_order_id ?? tx.associated_order_id),
		invoice: null,
		currency: String(statement.currency ?? tx.currency ?? ''),
		status: 'settled',
		transaction_type: String(tx.type ?? 'ORDER'),
		gross_revenue: String(tx.revenue_amount ?? '0'),
		fees: tikTokFees(tx.fee_tax_breakdown, tx.fee_tax_amount),
		fee_total: String(tx.fee_tax_amount ?? '0'),
		shipping: String(tx.shipping_cost_amount ?? '0'),
		adjustments: String(tx.adjustment_amount ?? '0'),
		net_settlement: String(tx.settlement_amount ?? '0'),
		statement_id: text(statement.id ?? statement.statement_id),
		statement_time: iso(statement.create_time ?? statement.statement_time),
		payout_id: text(payout?.payment_id),
		payout_time: iso(payout?.payment_time),
		estimated_settlement: null,
		unsettled_reason: null,
	};
}

/** A 202507 unsettled transaction: the marketplace's estimate and why it is not settled yet. */
export function tikTokUnsettledTransaction(tx: IDataObject, currency = 'IDR'): NormalizedSettlement {
	const estimated = tx.est_settlement_amount !== undefined && tx.est_settlement_amount !== null && tx.est_settlement_amount !== '';
	return {
		marketplace: 'tiktokshop',
		order_id: text(tx.order_id ?? tx.adjustment_order_id),
		invoice: null,
		currency: String(tx.currency ?? currency),
		status: estimated ? 'estimated' : 'unsettled',
		transaction_type: String(tx.type ?? 'ORDER'),
		gross_revenue: text(tx.est_revenue_amount),
		fees: tikTokFees(tx.fee_tax_breakdown, tx.est_fee_tax_amount),
		fee_total: text(tx.est_fee_tax_amount),
		shipping: text(tx.est_shipping_cost_amount),
		adjustments: text(tx.est_adjustment_amount),
		net_settlement: String(tx.est_settlement_amount ?? '0'),
		statement_id: null,
		statement_time: null,
		payout_id: null,
		payout_time: null,
		estimated_settlement: text(tx.estimated_settlement),
		unsettled_reason: text(tx.unsettled_reason),
	};
}

const INVOICE = /INV\/[^\s,;]+/;

// Tokopedia saldo rows by class (reference/finance-and-versions.md §3.3): a sale's income, a refund taken back, a withdrawal.
function tokopediaKind(row: IDataObject): string {
	const kind = `${String(row.class ?? '')} ${String(row.type_description ?? '')}`.toLowerCase();
	if (kind.includes('withdraw') || kind.includes('penarikan')) return 'WITHDRAWAL';
	if (kind.includes('refund') || kind.includes('pengembalian')) return 'REFUND';
	return 'ORDER';
}

/** "YYYY-MM-DD HH:MM:SS" in WIB (UTC+7), or Unix seconds, as ISO. */
export function tokopediaSaldoTime(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value === 'number' || /^\d+$/.test(String(value))) return iso(value);
	const ms = Date.parse(`${String(value).trim().replace(' ', 'T')}+07:00`);
	return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString();
}

/** A v1/v2 saldo history row: Tokopedia reports only the net amount, under the invoice in `note`. */
export function tokopediaSaldoRow(row: IDataObject): NormalizedSettlement {
	const kind = tokopediaKind(row);
	const invoice = INVOICE.exec(String(row.note ?? row.WARN ?? ''))?.[0] ?? null;
	const amount = String(row.amount ?? '0');
	return {
		marketplace: 'tokopedia',
		order_id: null,
		invoice,
		currency: 'IDR',
		status: 'settled',
		transaction_type: kind,
		gross_revenue: null,
		fees: null,
		fee_total: null,
		shipping: null,
		adjustments: kind === 'REFUND' ? amount : null,
		net_settlement: amount,
		statement_id: text(row.deposit_id),
		statement_time: tokopediaSaldoTime(row.create_time),
		payout_id: null,
		payout_time: tokopediaSaldoTime(row.withdrawal_date),
		estimated_settlement: null,
		unsettled_reason: null,
	};
}
