/* Buyer cancellation requests, return orders and seeded promotions (used by the seeder, routes and control API). */
import { Prng } from '../common/prng';
import { type Activity, type ReturnOrder, cat, lineItemsView, refundAmount } from './catalog';
import type { TikTokShopState } from './state';
import type { Cancellation, Order } from './types';

export const BUYER_CANCEL_REASONS = ['Ingin mengubah alamat pengiriman', 'Berubah pikiran', 'Menemukan harga lebih murah', 'Ingin mengubah pesanan'];
export const RETURN_REASONS: Array<[string, string]> = [
	['ecom_order_delivered_refund_and_return_reason_wrong_product_seller', 'Produk yang diterima salah'],
	['ecom_order_delivered_refund_and_return_reason_damaged_product', 'Produk rusak'],
	['ecom_order_delivered_refund_and_return_reason_size_not_fit', 'Ukuran tidak sesuai'],
	['ecom_order_delivered_refund_reason_missing_item', 'Barang kurang / tidak lengkap'],
];
export const RETURN_STATUSES = [
	'RETURN_OR_REFUND_REQUEST_PENDING',
	'REFUND_OR_RETURN_REQUEST_REJECT',
	'AWAITING_BUYER_SHIP',
	'BUYER_SHIPPED_ITEM',
	'REJECT_RECEIVE_PACKAGE',
	'RETURN_OR_REFUND_REQUEST_SUCCESS',
	'RETURN_OR_REFUND_REQUEST_CANCEL',
	'RETURN_OR_REFUND_REQUEST_COMPLETE',
	'AWAITING_BUYER_RESPONSE',
];
export const CANCEL_STATUSES = ['CANCELLATION_REQUEST_PENDING', 'CANCELLATION_REQUEST_SUCCESS', 'CANCELLATION_REQUEST_CANCEL', 'CANCELLATION_REQUEST_COMPLETE'];
/** Seller response window shown in seller_next_action_response (sandbox choice). */
export const SELLER_RESPONSE_SECONDS = 48 * 3600;

/** Extra fields kept on a cancellation record (seller's reject reason/comment). */
export type CancellationRec = Cancellation & { reject_reason?: string; comment?: string };

function emit(state: TikTokShopState, e: Record<string, unknown>): void {
	(state as unknown as { onEvent?: ((e: unknown) => void) | null }).onEvent?.(e);
}

export function activeLineIds(state: TikTokShopState, order: Order): string[] {
	const meta = state.orderMeta.get(order.id)!;
	return order.line_items.filter((l) => !meta.cancelledLineItems.has(l.id)).map((l) => l.id);
}

export function pendingCancellation(state: TikTokShopState, orderId: string): CancellationRec | undefined {
	for (const c of state.cancellations.values()) if (c.order_id === orderId && c.cancel_status === 'CANCELLATION_REQUEST_PENDING') return c;
	return undefined;
}

/** A buyer's cancellation request awaiting the seller (AWAITING_SHIPMENT / ON_HOLD orders). */
export function createBuyerCancellation(state: TikTokShopState, order: Order, reason: string, at: number): CancellationRec {
	const meta = state.orderMeta.get(order.id)!;
	const ids = activeLineIds(state, order);
	order.is_buyer_request_cancel = true;
	for (const li of order.line_items) if (ids.includes(li.id)) li.is_buyer_request_cancel = true;
	order.update_time = Math.max(order.update_time, at);
	const c: CancellationRec = {
		cancel_id: state.ids.next('458', 18),
		order_id: order.id,
		shopId: meta.shopId,
		cancel_status: 'CANCELLATION_REQUEST_PENDING',
		cancel_type: 'BUYER_CANCEL',
		role: 'BUYER',
		cancel_reason: reason,
		cancel_reason_text: reason,
		create_time: at,
		update_time: at,
		order_line_item_ids: ids,
		should_replenish_stock: meta.stockReserved,
	};
	state.cancellations.set(c.cancel_id, c);
	emit(state, { kind: 'cancellation', order, cancellation: c });
	return c;
}

/** Seller approves a pending buyer request: the order is cancelled (stock restored) and the SAME record completes. */
export function approveBuyerCancellation(state: TikTokShopState, rec: CancellationRec, at: number): void {
	const order = state.orders.get(rec.order_id)!;
	const holder = state as unknown as { onEvent?: ((e: unknown) => void) | null };
	const hook = holder.onEvent;
	if (hook !== undefined) holder.onEvent = null; // state.cancel would announce a second cancellation record
	let created: Cancellation;
	try {
		created = state.cancel(order, { initiator: 'BUYER', reason: rec.cancel_reason }, at);
	} finally {
		if (hook !== undefined) holder.onEvent = hook;
	}
	state.cancellations.delete(created.cancel_id);
	rec.cancel_status = 'CANCELLATION_REQUEST_COMPLETE';
	rec.update_time = at;
	rec.order_line_item_ids = created.order_line_item_ids;
	rec.should_replenish_stock = created.should_replenish_stock;
	order.is_buyer_request_cancel = false;
	hook?.({ kind: 'order_status', order });
	hook?.({ kind: 'cancellation', order, cancellation: rec });
}

export function rejectBuyerCancellation(state: TikTokShopState, rec: CancellationRec, reason: string, comment: string | undefined, at: number): void {
	const order = state.orders.get(rec.order_id)!;
	rec.cancel_status = 'CANCELLATION_REQUEST_CANCEL';
	rec.update_time = at;
	rec.reject_reason = reason;
	if (comment) rec.comment = comment;
	order.is_buyer_request_cancel = false;
	for (const li of order.line_items) delete li.is_buyer_request_cancel;
	order.update_time = Math.max(order.update_time, at);
	emit(state, { kind: 'cancellation', order, cancellation: rec });
}

export function cancellationView(state: TikTokShopState, c: CancellationRec): Record<string, unknown> {
	const order = state.orders.get(c.order_id);
	const ids = c.order_line_item_ids;
	const full = order ? ids.length === order.line_items.length : true;
	const out: Record<string, unknown> = {
		cancel_id: c.cancel_id,
		order_id: c.order_id,
		cancel_status: c.cancel_status,
		cancel_type: c.cancel_type,
		role: c.role,
		cancel_reason: c.cancel_reason,
		cancel_reason_text: c.cancel_reason_text,
		create_time: c.create_time,
		update_time: c.update_time,
		should_replenish_stock: c.should_replenish_stock,
		refund_amount: order ? refundAmount(order, ids, full) : undefined,
		cancel_line_items: order ? lineItemsView(order, ids, 'cancel') : [],
		seller_next_action_response:
			c.cancel_status === 'CANCELLATION_REQUEST_PENDING' ? [{ action: 'SELLER_RESPOND_CANCEL', deadline: c.create_time + SELLER_RESPONSE_SECONDS }] : [],
	};
	if (c.reject_reason) out.reject_reason = c.reject_reason;
	return out;
}

// ---------------- returns ----------------
export function openReturn(state: TikTokShopState, orderId: string): ReturnOrder | undefined {
	for (const r of cat(state).returns.values())
		if (r.order_id === orderId && !['REFUND_OR_RETURN_REQUEST_REJECT', 'RETURN_OR_REFUND_REQUEST_CANCEL', 'RETURN_OR_REFUND_REQUEST_COMPLETE', 'REJECT_RECEIVE_PACKAGE'].includes(r.return_status))
			return r;
	return undefined;
}

export function createReturn(state: TikTokShopState, order: Order, type: 'REFUND' | 'RETURN_AND_REFUND', at: number, p: Prng): ReturnOrder {
	const meta = state.orderMeta.get(order.id)!;
	const ids = activeLineIds(state, order);
	const chosen = ids.length > 1 && p.chance(0.4) ? ids.slice(0, Math.max(1, Math.floor(ids.length / 2))) : ids;
	const [reason, text] = p.pick(RETURN_REASONS);
	const r: ReturnOrder = {
		return_id: state.ids.next('4035', 19),
		order_id: order.id,
		shopId: meta.shopId,
		return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
		return_type: type,
		role: 'BUYER',
		return_reason: reason,
		return_reason_text: text,
		create_time: at,
		update_time: at,
		order_line_item_ids: chosen,
		history: [{ status: 'RETURN_OR_REFUND_REQUEST_PENDING', time: at }],
	};
	if (type === 'RETURN_AND_REFUND') r.return_method = 'DROP_OFF';
	cat(state).returns.set(r.return_id, r);
	emit(state, { kind: 'return', order, return: r });
	return r;
}

export function setReturnStatus(state: TikTokShopState, r: ReturnOrder, status: string, at: number, decision?: string): void {
	r.return_status = status;
	r.update_time = Math.max(r.update_time, at);
	r.history.push({ status, time: at, ...(decision ? { decision } : {}) });
	emit(state, { kind: 'return', order: state.orders.get(r.order_id), return: r });
}

/** Buyer ships the item back (AWAITING_BUYER_SHIP → BUYER_SHIPPED_ITEM). */
export function buyerShipsReturn(state: TikTokShopState, r: ReturnOrder, at: number): void {
	r.return_provider_id = '6925000000000000001';
	r.return_provider_name = 'J&T Express';
	r.return_tracking_number = 'JX' + String(BigInt('0x' + r.return_id.slice(-8)) % 10000000000n).padStart(10, '0');
	setReturnStatus(state, r, 'BUYER_SHIPPED_ITEM', at);
}

export function returnView(state: TikTokShopState, r: ReturnOrder): Record<string, unknown> {
	const order = state.orders.get(r.order_id);
	const ids = r.order_line_item_ids;
	const next =
		r.return_status === 'RETURN_OR_REFUND_REQUEST_PENDING'
			? [{ action: r.return_type === 'REFUND' ? 'SELLER_RESPOND_REFUND' : 'SELLER_RESPOND_RETURN', deadline: r.create_time + SELLER_RESPONSE_SECONDS }]
			: r.return_status === 'BUYER_SHIPPED_ITEM'
				? [{ action: 'SELLER_RESPOND_RECEIVE_PACKAGE', deadline: r.update_time + SELLER_RESPONSE_SECONDS }]
				: [];
	const out: Record<string, unknown> = {
		return_id: r.return_id,
		order_id: r.order_id,
		return_status: r.return_status,
		return_type: r.return_type,
		role: r.role,
		return_reason: r.return_reason,
		return_reason_text: r.return_reason_text,
		create_time: r.create_time,
		update_time: r.update_time,
		refund_amount: order ? refundAmount(order, ids, ids.length === order.line_items.length) : undefined,
		return_line_items: order ? lineItemsView(order, ids, 'return') : [],
		seller_next_action_response: next,
		is_combined_return: false,
	};
	if (r.return_method) out.return_method = r.return_method;
	if (r.return_tracking_number) {
		out.return_tracking_number = r.return_tracking_number;
		out.return_provider_id = r.return_provider_id;
		out.return_provider_name = r.return_provider_name;
	}
	if (r.arbitration_status) out.arbitration_status = r.arbitration_status;
	if (r.seller_decision) out.seller_decision = r.seller_decision;
	if (r.reject_reason) out.reject_reason = r.reject_reason;
	return out;
}

// ---------------- seeding ----------------
/** Buyer cancellation requests, returns and promotions on top of the seeded orders/products. Own PRNG: does not shift the main seed. */
export function seedAftersale(state: TikTokShopState): void {
	const p = new Prng((state.seed ^ 0x0a57e5a1) >>> 0);
	const now = state.clock.now();
	// buyer cancellation requests: the seeder flags ~15 % of AWAITING_SHIPMENT orders with is_buyer_request_cancel
	for (const o of state.orders.values()) {
		if (o.status !== 'AWAITING_SHIPMENT' || !o.is_buyer_request_cancel) continue;
		const at = Math.min(now - 30, Math.max(o.update_time, (o.paid_time ?? o.create_time) + p.int(60, 3 * 3600)));
		createBuyerCancellation(state, o, p.pick(BUYER_CANCEL_REASONS), at);
	}
	// returns on ~4 % of DELIVERED / COMPLETED orders
	for (const o of state.orders.values()) {
		if (o.status !== 'DELIVERED' && o.status !== 'COMPLETED') continue;
		if (!p.chance(0.04)) continue;
		const base = o.delivery_time ?? o.update_time;
		const at = Math.min(now - 60, base + p.int(3600, 3 * 86400));
		const r = createReturn(state, o, p.chance(0.45) ? 'REFUND' : 'RETURN_AND_REFUND', at, p);
		const target = p.weighted<string>([
			['RETURN_OR_REFUND_REQUEST_PENDING', 45],
			['AWAITING_BUYER_SHIP', 12],
			['BUYER_SHIPPED_ITEM', 13],
			['RETURN_OR_REFUND_REQUEST_COMPLETE', 20],
			['REFUND_OR_RETURN_REQUEST_REJECT', 10],
		]);
		const t = (k: number) => Math.min(now - 10, at + k * 3600);
		if (target === 'RETURN_OR_REFUND_REQUEST_PENDING') continue;
		if (target === 'REFUND_OR_RETURN_REQUEST_REJECT') {
			r.seller_decision = r.return_type === 'REFUND' ? 'REJECT_REFUND' : 'REJECT_RETURN';
			r.reject_reason = 'seller_reject_apply_product_has_been_packed';
			setReturnStatus(state, r, target, t(5), r.seller_decision);
			continue;
		}
		if (r.return_type === 'REFUND') {
			r.seller_decision = 'APPROVE_REFUND';
			setReturnStatus(state, r, 'RETURN_OR_REFUND_REQUEST_COMPLETE', t(4), 'APPROVE_REFUND');
			continue;
		}
		r.seller_decision = 'APPROVE_RETURN';
		setReturnStatus(state, r, 'AWAITING_BUYER_SHIP', t(4), 'APPROVE_RETURN');
		if (target === 'AWAITING_BUYER_SHIP') continue;
		buyerShipsReturn(state, r, t(20));
		if (target === 'BUYER_SHIPPED_ITEM') continue;
		r.seller_decision = 'APPROVE_RECEIVED_PACKAGE';
		setReturnStatus(state, r, 'RETURN_OR_REFUND_REQUEST_COMPLETE', t(60), 'APPROVE_RECEIVED_PACKAGE');
	}
	// promotions per shop: ONGOING fixed price on the 3 oldest ACTIVATE products, a NOT_START flash sale, an EXPIRED discount
	const x = cat(state);
	for (const shop of state.shops) {
		const active = (state.products.get(shop.id) ?? []).filter((q) => q.status === 'ACTIVATE').sort((a, b) => a.create_time - b.create_time || (a.id < b.id ? -1 : 1));
		const mk = (title: string, type: string, level: string, begin: number, end: number): Activity => {
			const a: Activity = {
				activity_id: state.ids.next('766', 19),
				shopId: shop.id,
				title,
				activity_type: type,
				product_level: level,
				duration_type: 'NORMAL',
				begin_time: begin,
				end_time: end,
				create_time: Math.min(begin, now) - 86400,
				update_time: Math.min(begin, now) - 86400,
				deactivated: false,
				products: new Map(),
			};
			x.activities.set(a.activity_id, a);
			return a;
		};
		const ongoing = mk('Promo Gajian', 'FIXED_PRICE', 'PRODUCT', now - 2 * 86400, now + 5 * 86400);
		for (const prod of active.slice(0, 3)) {
			const min = Math.min(...prod.skus.map((s) => Number(s.price.sale_price)));
			ongoing.products.set(prod.id, { id: prod.id, activity_price_amount: String(Math.max(100, Math.floor((min * 0.9) / 100) * 100)), quantity_limit: -1, quantity_per_user: 2, skus: [] });
		}
		const flash = mk('Flash Sale Tengah Bulan', 'FLASHSALE', 'VARIATION', now + 3 * 86400, now + 3 * 86400 + 6 * 3600);
		const fp = active[3];
		if (fp)
			flash.products.set(fp.id, {
				id: fp.id,
				quantity_limit: 100,
				quantity_per_user: 1,
				skus: fp.skus.map((s) => ({ id: s.id, activity_price_amount: String(Math.max(100, Math.floor((Number(s.price.sale_price) * 0.7) / 100) * 100)), quantity_limit: 50, quantity_per_user: 1 })),
			});
		const expired = mk('Diskon Akhir Bulan', 'DIRECT_DISCOUNT', 'PRODUCT', now - 40 * 86400, now - 33 * 86400);
		const ep = active[4];
		if (ep) expired.products.set(ep.id, { id: ep.id, discount: '15', quantity_limit: -1, quantity_per_user: -1, skus: [] });
	}
}
