/*
 * Finance data derived from the sandbox's own orders, by the Indonesian fee rules of
 * reference/finance-and-versions.md §3.2, so that statements, payments, withdrawals, per-order
 * transactions and unsettled estimates all tie out to the orders:
 *   revenue        = Σ line (original_price − seller_discount)        (platform discounts are paid back by TikTok)
 *   commission     = round(revenue × 5 %)                             (the sandbox's one category rate)
 *   mall fee       = min(round(revenue × 1.5 %), Rp5,000)             (the Official/mall shop)
 *   dynamic comm.  = min(round(revenue × 4 %), Rp40,000)              (the shop migrated from Tokopedia)
 *   processing fee = Rp500 per delivered order from 2025-08-11
 *   shipping cost  = − seller-funded shipping discount
 *   settlement     = revenue + shipping cost + fee_tax (+ adjustments, separate transactions)
 * An order settles HOLDING_DAYS after delivery; the statement of that UTC day is generated at the
 * next 00:00 UTC; it is paid one day later. Amounts are decimal strings; fees are negative.
 */
import { createHash } from 'node:crypto';
import type { TikTokShopState } from './state';
import type { Order, Shop } from './types';

export const HOLDING_DAYS = 7;
export const COMMISSION_RATE = 0.05;
export const MALL_FEE = { rate: 0.015, cap: 5000 };
export const DYNAMIC_COMMISSION = { rate: 0.04, cap: 40000 };
export const PROCESSING_FEE = { amount: 500, from: Date.UTC(2025, 7, 11) / 1000 };
export const LOGISTICS_REIMBURSEMENT = 5000;
const DAY = 86400;

export interface FeeBreakdown {
	platform_commission_amount: number;
	mall_service_fee_amount: number;
	dynamic_commission_amount: number;
	order_processing_fee_amount: number;
}

export interface SkuSettlement {
	sku_id: string;
	sku_name: string;
	product_name: string;
	quantity: number;
	revenue: number;
	subtotalBeforeDiscount: number;
	sellerDiscount: number;
	fees: FeeBreakdown;
	shipping: number;
}

/** One order's money, in whole rupiah; fees and shipping cost as positive deductions. */
export interface OrderMoney {
	order: Order;
	shop: Shop;
	revenue: number;
	subtotalBeforeDiscount: number;
	sellerDiscount: number;
	fees: FeeBreakdown;
	feeTotal: number;
	shippingCost: number;
	actualShippingFee: number;
	customerPaidShipping: number;
	platformShippingDiscount: number;
	settlement: number;
	skus: SkuSettlement[];
	/** When it settles (delivery + holding); undefined until delivered. */
	settleTime?: number;
	statementTime?: number;
}

export interface Adjustment {
	id: string;
	type: 'LOGISTICS_REIMBURSEMENT';
	orderId: string;
	order: Order;
	amount: number;
	settleTime: number;
	statementTime: number;
}

export interface Statement {
	id: string;
	shop: Shop;
	statementTime: number;
	orders: OrderMoney[];
	adjustments: Adjustment[];
	revenue: number;
	fees: number;
	shipping: number;
	adjustment: number;
	settlement: number;
	paymentId: string;
	paidTime?: number;
}

export interface FinanceTweaks {
	/** order id → rupiah taken off its settlement (as an extra commission deduction) */
	shortPayments: Map<string, number>;
	/** orders that never get a settlement, an estimate, or an adjustment */
	missing: Set<string>;
}

const tweaksByState = new WeakMap<TikTokShopState, FinanceTweaks>();

/** The injected discrepancies of this state (a re-seed starts clean). */
export function financeTweaks(state: TikTokShopState): FinanceTweaks {
	let tweaks = tweaksByState.get(state);
	if (!tweaks) {
		tweaks = { shortPayments: new Map(), missing: new Set() };
		tweaksByState.set(state, tweaks);
	}
	return tweaks;
}

const PAID_STATUSES = new Set(['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED']);

function hashFraction(text: string): number {
	return createHash('sha256').update(text).digest().readUInt32BE(0) / 0x100000000;
}

function digits(text: string, length: number): string {
	const hex = createHash('sha256').update(text).digest('hex');
	return BigInt('0x' + hex.slice(0, 15)).toString().padStart(length, '0').slice(0, length);
}

export function statementId(shop: Shop, statementTime: number): string {
	return '7' + digits(`statement:${shop.id}:${statementTime}`, 18);
}

export function paymentId(shop: Shop, statementTime: number): string {
	return '8' + digits(`payment:${shop.id}:${statementTime}`, 18);
}

/** The statement time (next 00:00 UTC) of something that settles at `t`. */
export const statementTimeOf = (t: number) => Math.floor(t / DAY) * DAY + DAY;

/** The money of one order, or undefined when it never earns anything (unpaid, cancelled, missing). */
export function orderMoney(state: TikTokShopState, order: Order): OrderMoney | undefined {
	if (!PAID_STATUSES.has(order.status)) return undefined;
	const tweaks = financeTweaks(state);
	if (tweaks.missing.has(order.id)) return undefined;
	const meta = state.orderMeta.get(order.id)!;
	const shop = state.shopById.get(meta.shopId)!;
	const bySku = new Map<string, SkuSettlement>();
	for (const line of order.line_items) {
		if (meta.cancelledLineItems.has(line.id)) continue;
		const original = Number(line.original_price);
		const discount = Number(line.seller_discount);
		let sku = bySku.get(line.sku_id);
		if (!sku) {
			sku = {
				sku_id: line.sku_id,
				sku_name: line.sku_name,
				product_name: line.product_name,
				quantity: 0,
				revenue: 0,
				subtotalBeforeDiscount: 0,
				sellerDiscount: 0,
				fees: { platform_commission_amount: 0, mall_service_fee_amount: 0, dynamic_commission_amount: 0, order_processing_fee_amount: 0 },
				shipping: 0,
			};
			bySku.set(line.sku_id, sku);
		}
		sku.quantity++;
		sku.subtotalBeforeDiscount += original;
		sku.sellerDiscount += discount;
		sku.revenue += original - discount;
	}
	const skus = [...bySku.values()];
	const revenue = skus.reduce((sum, s) => sum + s.revenue, 0);
	const fees: FeeBreakdown = {
		platform_commission_amount: Math.round(revenue * COMMISSION_RATE) + (tweaks.shortPayments.get(order.id) ?? 0),
		mall_service_fee_amount: shop.commercePlatform === 'TIKTOK_SHOP' ? Math.min(Math.round(revenue * MALL_FEE.rate), MALL_FEE.cap) : 0,
		dynamic_commission_amount: shop.commercePlatform === 'TOKOPEDIA' ? Math.min(Math.round(revenue * DYNAMIC_COMMISSION.rate), DYNAMIC_COMMISSION.cap) : 0,
		order_processing_fee_amount: (order.delivery_time ?? Infinity) >= PROCESSING_FEE.from ? PROCESSING_FEE.amount : 0,
	};
	// Order-level fees and the shipping cost are booked on the first SKU; commission per SKU, the rounding rest on the first.
	let commissionLeft = fees.platform_commission_amount;
	skus.forEach((sku, k) => {
		const commission = k === 0 ? 0 : Math.round(sku.revenue * COMMISSION_RATE);
		sku.fees.platform_commission_amount = commission;
		commissionLeft -= commission;
	});
	const actualShippingFee = Number(order.payment.original_shipping_fee ?? 0);
	const customerPaidShipping = Number(order.payment.shipping_fee ?? 0);
	const platformShippingDiscount = Number(order.payment.shipping_fee_platform_discount ?? 0);
	const shippingCost = actualShippingFee - customerPaidShipping - platformShippingDiscount;
	if (skus.length) {
		skus[0].fees = { ...fees, platform_commission_amount: commissionLeft };
		skus[0].shipping = shippingCost;
	}
	const feeTotal = fees.platform_commission_amount + fees.mall_service_fee_amount + fees.dynamic_commission_amount + fees.order_processing_fee_amount;
	const settleTime = order.delivery_time ? order.delivery_time + HOLDING_DAYS * DAY : undefined;
	return {
		order,
		shop,
		revenue,
		subtotalBeforeDiscount: skus.reduce((sum, s) => sum + s.subtotalBeforeDiscount, 0),
		sellerDiscount: skus.reduce((sum, s) => sum + s.sellerDiscount, 0),
		fees,
		feeTotal,
		shippingCost,
		actualShippingFee,
		customerPaidShipping,
		platformShippingDiscount,
		settlement: revenue - shippingCost - feeTotal,
		skus,
		settleTime,
		statementTime: settleTime === undefined ? undefined : statementTimeOf(settleTime),
	};
}

export interface Ledger {
	statements: Statement[];
	statementById: Map<string, Statement>;
	/** Settled orders by id, with the statement that holds them. */
	settled: Map<string, { money: OrderMoney; statement: Statement }>;
	/** Paid orders not settled yet (with their estimate). */
	unsettled: OrderMoney[];
}

/** Every statement of `shop` generated by `now` (00:00 UTC of each day), and the orders still waiting. */
export function ledger(state: TikTokShopState, shop: Shop, now: number): Ledger {
	const byTime = new Map<number, Statement>();
	const settled = new Map<string, { money: OrderMoney; statement: Statement }>();
	const unsettled: OrderMoney[] = [];
	const statementAt = (t: number): Statement => {
		let statement = byTime.get(t);
		if (!statement) {
			statement = { id: statementId(shop, t), shop, statementTime: t, orders: [], adjustments: [], revenue: 0, fees: 0, shipping: 0, adjustment: 0, settlement: 0, paymentId: paymentId(shop, t) };
			byTime.set(t, statement);
		}
		return statement;
	};
	for (const order of state.ordersByShop.get(shop.id) ?? []) {
		const money = orderMoney(state, order);
		if (!money) continue;
		if (money.statementTime === undefined || money.statementTime > now) {
			unsettled.push(money);
			continue;
		}
		const statement = statementAt(money.statementTime);
		statement.orders.push(money);
		statement.revenue += money.revenue;
		statement.fees += money.feeTotal;
		statement.shipping += money.shippingCost;
		statement.settlement += money.settlement;
		settled.set(order.id, { money, statement });
		// About one settled order in 25 gets a logistics reimbursement, booked in the same statement.
		if (hashFraction(`adjustment:${order.id}`) < 0.04) {
			const adjustment: Adjustment = { id: '9' + digits(`adjustment:${order.id}`, 18), type: 'LOGISTICS_REIMBURSEMENT', orderId: order.id, order, amount: LOGISTICS_REIMBURSEMENT, settleTime: money.settleTime!, statementTime: money.statementTime };
			statement.adjustments.push(adjustment);
			statement.adjustment += adjustment.amount;
			statement.settlement += adjustment.amount;
		}
	}
	const statements = [...byTime.values()].sort((a, b) => a.statementTime - b.statementTime);
	for (const statement of statements) if (statement.statementTime + DAY <= now) statement.paidTime = statement.statementTime + DAY;
	return { statements, statementById: new Map(statements.map((s) => [s.id, s])), settled, unsettled };
}
