import { addAmounts, fromCents, toCents } from '../../../nodes/common/money';
import { tikTokStatementTransaction, tikTokUnsettledTransaction, tokopediaSaldoRow } from '../../../nodes/common/normalizedSettlement';
import { reconcileSettlements } from '../../../nodes/common/settlementReconcile';

const statement = { id: 'S1', create_time: 1764547200, currency: 'IDR', payment_id: 'P1' };
const order = (orderId: string, revenue: number, fee: number, extra: Record<string, unknown> = {}) =>
	tikTokStatementTransaction({ type: 'ORDER', order_id: orderId, revenue_amount: String(revenue), fee_tax_amount: String(-fee), shipping_cost_amount: '0', adjustment_amount: '0', settlement_amount: String(revenue - fee), ...extra }, statement);

describe('money', () => {
	it('adds decimal strings exactly and keeps them strings', () => {
		expect(addAmounts('0.1', '0.2')).toBe('0.30');
		expect(addAmounts('-1234.50', '1000')).toBe('-234.50');
		expect(fromCents(toCents('125000'))).toBe('125000');
		expect(toCents(' 1,250.005 ')).toBe(125001);
	});
	it('names the field of an amount that is not a number', () => {
		expect(() => toCents('Rp 10.000', 'Expected Amounts → Net Settlement')).toThrow('"Expected Amounts → Net Settlement" must be a decimal amount');
	});
});

describe('normalized settlements', () => {
	it('maps the TikTok fee breakdown onto the named fees, the rest to other_fees', () => {
		const row = tikTokStatementTransaction(
			{ type: 'ORDER', order_id: '1', revenue_amount: '100000', fee_tax_amount: '-8000', settlement_amount: '92000', fee_tax_breakdown: { fee: { platform_commission_amount: '-5000', mall_service_fee_amount: '-1500', order_processing_fee_amount: '-500' }, tax: { vat_amount: '-600' } } },
			statement,
		);
		expect(row.fees).toEqual({ commission: '-5000', dynamic_commission: '0', mall_service_fee: '-1500', processing_fee: '-500', affiliate_commission: '0', other_fees: '-400', tax: '-600' });
		expect(row.statement_time).toBe('2025-12-01T00:00:00.000Z');
	});
	it('reads the invoice from a Tokopedia note and the WIB time', () => {
		const row = tokopediaSaldoRow({ deposit_id: 9, class: 'Transaction', amount: 95500, note: 'Transaksi Penjualan Berhasil - INV/20261101/MPL/XXVI/XI/77', create_time: '2026-11-01 07:00:00' });
		expect(row).toMatchObject({ invoice: 'INV/20261101/MPL/XXVI/XI/77', net_settlement: '95500', statement_time: '2026-11-01T00:00:00.000Z', transaction_type: 'ORDER' });
	});
});

describe('reconcileSettlements', () => {
	it('sorts orders into matched, amount_mismatch (with the component), unsettled, missing and unexpected, with totals per currency', () => {
		const expected = [
			{ itemIndex: 0, key: 'A', amounts: { net_settlement: 9_200_000 } },
			{ itemIndex: 1, key: 'B', amounts: { gross_revenue: 10_000_000, fee_total: -800_000 } },
			{ itemIndex: 2, key: 'C', amounts: { net_settlement: 100_000 } },
			{ itemIndex: 3, key: 'D', currency: 'IDR', amounts: { net_settlement: 200_000 } },
		];
		const settled = [
			order('A', 100000, 10000),
			tikTokStatementTransaction({ type: 'LOGISTICS_REIMBURSEMENT', adjustment_order_id: 'A', adjustment_amount: '2000', settlement_amount: '2000' }, statement),
			order('B', 100000, 8500),
			order('E', 5000, 500),
		];
		const unsettled = [tikTokUnsettledTransaction({ order_id: 'C', est_settlement_amount: '950', unsettled_reason: 'In the holding period after delivery', estimated_settlement: '2026-12-09' })];
		const { rows, summary } = reconcileSettlements(expected, settled, unsettled, { key: 'order_id', tolerance: 0, marketplace: 'tiktokshop' });
		const by = Object.fromEntries(rows.map((r) => [r.row.order_id, r]));
		expect(by.A.row).toMatchObject({ status: 'matched', settled_amount: '92000', transactions: 2, statement_ids: ['S1'], payout_ids: [] });
		expect(by.B.row).toMatchObject({ status: 'amount_mismatch', difference: '-500', mismatched_components: [{ component: 'fee_total', expected: '-8000', settled: '-8500', difference: '-500' }] });
		expect(by.B.expected?.itemIndex).toBe(1);
		expect(by.C.row).toMatchObject({ status: 'unsettled', estimated_amount: '950', unsettled_reason: 'In the holding period after delivery' });
		expect(by.D.row).toMatchObject({ status: 'missing', expected_amount: '2000' });
		expect(by.E.row).toMatchObject({ status: 'unexpected', settled_amount: '4500' });
		expect(summary).toMatchObject({ matched: 1, amount_mismatch: 1, unsettled: 1, missing: 1, unexpected: 1 });
		expect(summary.totals).toEqual({ IDR: { expected: '184000', settled: '183500', difference: '-500', unsettled_estimate: '950', missing_expected: '2000', unexpected_settled: '4500' } });
	});
	it('counts a difference within the tolerance as matched', () => {
		const { rows } = reconcileSettlements([{ itemIndex: 0, key: 'A', amounts: { net_settlement: 8_199_900 } }], [order('A', 90000, 8000)], [], { key: 'order_id', tolerance: 100, marketplace: 'tiktokshop' });
		expect(rows[0].row).toMatchObject({ status: 'matched', difference: '1' });
	});
});
