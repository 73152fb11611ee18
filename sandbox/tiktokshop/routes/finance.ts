import type { Router } from '../../common/http';
import { ok, invalidParam, bizError } from '../envelope';
import { type Adjustment, type OrderMoney, type Statement, HOLDING_DAYS, ledger } from '../finance';
import { type ApiCtx, type Handler, paginate, requireShop, sortParams } from './common';

const CURRENCY = 'IDR';
const money = (n: number) => String(n);
const neg = (n: number) => (n === 0 ? '0' : String(-n));

/** page_size is optional here (1–100, default 20: reference/finance-and-versions.md §3.1). */
function financePageSize(c: ApiCtx): number {
	const raw = c.query.get('page_size');
	if (raw === null || raw === '') return 20;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw invalidParam(`page_size must be an integer between 1 and 100, got ${raw}`);
	return Number(raw);
}

/** sort_field is required on these lists (the SDK marks it so); only one value is accepted. */
function requiredSort(c: ApiCtx, field: string): 'ASC' | 'DESC' {
	if (!c.query.get('sort_field')) throw invalidParam(`sort_field is required (${field})`);
	return sortParams(c.query, [field], 'ASC').order;
}

function timeParam(c: ApiCtx, key: string): number | undefined {
	const raw = c.query.get(key);
	if (raw === null || raw === '') return undefined;
	if (!/^\d{1,10}$/.test(raw)) throw invalidParam(`${key} must be a Unix timestamp in seconds`);
	return Number(raw);
}

function inRange(t: number, ge?: number, lt?: number): boolean {
	return (ge === undefined || t >= ge) && (lt === undefined || t < lt);
}

const byTime = <T>(get: (x: T) => number, id: (x: T) => string, order: 'ASC' | 'DESC') => (a: T, b: T) => {
	const d = get(a) - get(b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
	return order === 'ASC' ? d : -d;
};

function statementView(s: Statement, now: number) {
	return {
		id: s.id,
		statement_time: s.statementTime,
		settlement_amount: money(s.settlement),
		currency: CURRENCY,
		revenue_amount: money(s.revenue),
		fee_amount: neg(s.fees),
		adjustment_amount: money(s.adjustment),
		shipping_cost_amount: neg(s.shipping),
		net_sales_amount: money(s.revenue),
		payment_status: s.paidTime !== undefined && s.paidTime <= now ? 'PAID' : 'PROCESSING',
		payment_id: s.paymentId,
		...(s.paidTime !== undefined && s.paidTime <= now ? { payment_time: s.paidTime } : {}),
	};
}

function feeBreakdown(fees: OrderMoney['fees']) {
	return {
		fee: {
			platform_commission_amount: neg(fees.platform_commission_amount),
			mall_service_fee_amount: neg(fees.mall_service_fee_amount),
			dynamic_commission_amount: neg(fees.dynamic_commission_amount),
			order_processing_fee_amount: neg(fees.order_processing_fee_amount),
			affiliate_commission_amount: '0',
			voucher_xtra_service_fee_amount: '0',
		},
		tax: { vat_amount: '0', pit_amount: '0' },
	};
}

function orderTransaction(m: OrderMoney) {
	return {
		id: 'T' + m.order.id,
		type: 'ORDER',
		order_id: m.order.id,
		order_create_time: m.order.create_time,
		revenue_amount: money(m.revenue),
		shipping_cost_amount: neg(m.shippingCost),
		fee_tax_amount: neg(m.feeTotal),
		adjustment_amount: '0',
		settlement_amount: money(m.settlement),
		reserve_amount: '0',
		revenue_breakdown: { subtotal_before_discount_amount: money(m.subtotalBeforeDiscount), seller_discount_amount: neg(m.sellerDiscount), refund_subtotal_before_discount_amount: '0' },
		shipping_cost_breakdown: {
			actual_shipping_fee_amount: neg(m.actualShippingFee),
			customer_paid_shipping_fee_amount: money(m.customerPaidShipping),
			platform_shipping_fee_discount_amount: money(m.platformShippingDiscount),
		},
		fee_tax_breakdown: feeBreakdown(m.fees),
	};
}

function adjustmentTransaction(a: Adjustment) {
	return {
		id: 'T' + a.id,
		type: a.type,
		adjustment_id: a.id,
		adjustment_order_id: a.orderId,
		order_create_time: a.order.create_time,
		revenue_amount: '0',
		shipping_cost_amount: '0',
		fee_tax_amount: '0',
		adjustment_amount: money(a.amount),
		settlement_amount: money(a.amount),
		reserve_amount: '0',
	};
}

/** `/finance/*`: statements, payments, withdrawals, transactions and unsettled orders (reference/finance-and-versions.md §3.1). */
export function registerFinanceRoutes(r: Router<Handler>): void {
	r.add('GET', '/finance/202309/statements', (c) => {
		const order = requiredSort(c, 'statement_time');
		const ge = timeParam(c, 'statement_time_ge');
		const lt = timeParam(c, 'statement_time_lt') ?? c.now + 1;
		const status = c.query.get('payment_status');
		if (status && !['PAID', 'FAILED', 'PROCESSING'].includes(status)) throw invalidParam('payment_status must be PAID, FAILED or PROCESSING');
		const all = ledger(c.state, requireShop(c), c.now)
			.statements.map((s) => statementView(s, c.now))
			.filter((s) => inRange(s.statement_time, ge, lt) && (!status || s.payment_status === status))
			.sort(byTime((s) => s.statement_time, (s) => s.id, order));
		const { page, next } = paginate(all, c.query, financePageSize(c), `statements:${ge}:${lt}:${status}:${order}`);
		return ok({ statements: page, next_page_token: next });
	});

	r.add('GET', '/finance/202309/payments', (c) => {
		const order = requiredSort(c, 'create_time');
		const ge = timeParam(c, 'create_time_ge');
		const lt = timeParam(c, 'create_time_lt');
		const all = ledger(c.state, requireShop(c), c.now)
			.statements.filter((s) => inRange(s.statementTime, ge, lt))
			.map((s) => ({
				id: s.paymentId,
				create_time: s.statementTime,
				...(s.paidTime !== undefined ? { paid_time: s.paidTime } : {}),
				status: s.paidTime !== undefined ? 'PAID' : 'PROCESSING',
				amount: { value: money(s.settlement), currency: CURRENCY },
				settlement_amount: { value: money(s.settlement), currency: CURRENCY },
				reserve_amount: { value: '0', currency: CURRENCY },
				payment_amount_before_exchange: { value: money(s.settlement), currency: CURRENCY },
				exchange_rate: '1',
				bank_account: '**** 4321',
			}))
			.sort(byTime((p) => p.create_time, (p) => p.id, order));
		const { page, next } = paginate(all, c.query, financePageSize(c), `payments:${ge}:${lt}:${order}`);
		return ok({ payments: page, next_page_token: next });
	});

	r.add('GET', '/finance/202309/withdrawals', (c) => {
		const types = c.query.getAll('types').flatMap((t) => t.split(',')).filter(Boolean);
		if (!types.length) throw invalidParam('types is required (WITHDRAW, SETTLE, TRANSFER, REVERSE)');
		const bad = types.find((t) => !['WITHDRAW', 'SETTLE', 'TRANSFER', 'REVERSE'].includes(t));
		if (bad) throw invalidParam(`types: unknown type ${bad}`);
		const ge = timeParam(c, 'create_time_ge');
		const lt = timeParam(c, 'create_time_lt');
		const rows: Array<{ id: string; type: string; amount: string; currency: string; status: string; create_time: number }> = [];
		for (const s of ledger(c.state, requireShop(c), c.now).statements) {
			if (types.includes('SETTLE')) rows.push({ id: 'S' + s.id, type: 'SETTLE', amount: money(s.settlement), currency: CURRENCY, status: 'SUCCESS', create_time: s.statementTime });
			if (types.includes('WITHDRAW') && s.paidTime !== undefined) rows.push({ id: 'W' + s.paymentId, type: 'WITHDRAW', amount: neg(s.settlement), currency: CURRENCY, status: 'SUCCESS', create_time: s.paidTime });
		}
		const all = rows.filter((w) => inRange(w.create_time, ge, lt)).sort(byTime((w) => w.create_time, (w) => w.id, 'ASC'));
		const { page, next } = paginate(all, c.query, financePageSize(c), `withdrawals:${types.join(',')}:${ge}:${lt}`);
		return ok({ withdrawals: page, total_count: all.length, next_page_token: next });
	});

	r.add('GET', '/finance/202501/statements/{statement_id}/statement_transactions', (c) => {
		const order = requiredSort(c, 'order_create_time');
		const statement = ledger(c.state, requireShop(c), c.now).statementById.get(c.params.statement_id);
		if (!statement) throw bizError(36009004, `invalid param error: statement ${c.params.statement_id} does not exist`);
		const all = [...statement.orders.map(orderTransaction), ...statement.adjustments.map(adjustmentTransaction)].sort(byTime((t) => t.order_create_time, (t) => t.id, order));
		const { page, next } = paginate(all, c.query, financePageSize(c), `transactions:${statement.id}:${order}`);
		return ok({
			id: statement.id,
			create_time: statement.statementTime,
			status: 'SETTLED',
			currency: CURRENCY,
			total_settlement_amount: money(statement.settlement),
			total_reserve_amount: '0',
			payable_amount: money(statement.settlement),
			total_settlement_breakdown: {
				total_revenue_amount: money(statement.revenue),
				total_shipping_cost_amount: neg(statement.shipping),
				total_fee_tax_amount: neg(statement.fees),
				total_adjustment_amount: money(statement.adjustment),
			},
			total_count: all.length,
			transactions: page,
			next_page_token: next,
		});
	});

	r.add('GET', '/finance/202501/orders/{order_id}/statement_transactions', (c) => {
		const shop = requireShop(c);
		const order = c.state.orders.get(c.params.order_id);
		if (!order || c.state.orderMeta.get(order.id)?.shopId !== shop.id) throw bizError(36009004, `invalid param error: order ${c.params.order_id} does not exist`);
		const found = ledger(c.state, shop, c.now).settled.get(order.id);
		if (!found) return ok({ order_id: order.id, order_create_time: order.create_time, currency: CURRENCY, total_count: 0, sku_transactions: [] });
		const m = found.money;
		return ok({
			order_id: order.id,
			order_create_time: order.create_time,
			currency: CURRENCY,
			revenue_amount: money(m.revenue),
			shipping_cost_amount: neg(m.shippingCost),
			fee_and_tax_amount: neg(m.feeTotal),
			settlement_amount: money(m.settlement),
			total_count: m.skus.length,
			sku_transactions: m.skus.map((sku) => {
				const fee = sku.fees.platform_commission_amount + sku.fees.mall_service_fee_amount + sku.fees.dynamic_commission_amount + sku.fees.order_processing_fee_amount;
				return {
					sku_id: sku.sku_id,
					sku_name: sku.sku_name,
					product_name: sku.product_name,
					quantity: sku.quantity,
					statement_id: found.statement.id,
					revenue_amount: money(sku.revenue),
					shipping_cost_amount: neg(sku.shipping),
					fee_tax_amount: neg(fee),
					settlement_amount: money(sku.revenue - sku.shipping - fee),
					revenue_breakdown: { subtotal_before_discount_amount: money(sku.subtotalBeforeDiscount), seller_discount_amount: neg(sku.sellerDiscount) },
					fee_tax_breakdown: feeBreakdown(sku.fees),
				};
			}),
		});
	});

	r.add('GET', '/finance/202507/orders/unsettled', (c) => {
		const order = requiredSort(c, 'order_create_time');
		const ge = timeParam(c, 'search_time_ge');
		const lt = timeParam(c, 'search_time_lt');
		const all = ledger(c.state, requireShop(c), c.now)
			.unsettled.filter((m) => inRange(m.order.create_time, ge, lt))
			.sort(byTime((m) => m.order.create_time, (m) => m.order.id, order));
		const sum = (get: (m: OrderMoney) => number) => all.reduce((total, m) => total + get(m), 0);
		const { page, next } = paginate(all, c.query, financePageSize(c), `unsettled:${ge}:${lt}:${order}`);
		return ok({
			sum_est_revenue_amount: money(sum((m) => m.revenue)),
			sum_est_fee_amount: neg(sum((m) => m.feeTotal)),
			sum_est_adjustment_amount: '0',
			sum_est_settlement_amount: money(sum((m) => m.settlement)),
			total_count: all.length,
			transactions: page.map((m) => ({
				id: 'U' + m.order.id,
				type: 'ORDER',
				status: 'UNSETTLED',
				order_id: m.order.id,
				order_create_time: m.order.create_time,
				...(m.order.delivery_time ? { order_delivery_time: m.order.delivery_time } : {}),
				est_revenue_amount: money(m.revenue),
				est_fee_tax_amount: neg(m.feeTotal),
				est_shipping_cost_amount: neg(m.shippingCost),
				est_adjustment_amount: '0',
				est_settlement_amount: money(m.settlement),
				estimated_settlement: m.settleTime ? new Date(m.settleTime * 1000).toISOString().slice(0, 10) : `${HOLDING_DAYS} days after delivery`,
				unsettled_reason: m.order.delivery_time ? 'In the holding period after delivery' : 'The order has not been delivered yet',
				fee_tax_breakdown: feeBreakdown(m.fees),
			})),
			next_page_token: next,
		});
	});
}
