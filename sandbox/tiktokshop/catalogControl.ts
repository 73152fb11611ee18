/* Control API for products, inventory log, buyer cancellations, returns and promotions (/_sandbox/tiktokshop/...). */
import type { Router } from '../common/http';
import type { Reply } from '../common/marketplace';
import {
	BUYER_CANCEL_REASONS,
	buyerShipsReturn,
	cancellationView,
	createBuyerCancellation,
	createReturn,
	openReturn,
	pendingCancellation,
	returnView,
	setReturnStatus,
} from './aftersale';
import { activityView, cat, productDetailView } from './catalog';
import type { ControlHandler } from './control';
import { ControlError } from './control';
import type { TikTokShopMarketplace } from './index';
import { randomOrder } from './seed';
import type { Order } from './types';

const json = (v: unknown, status = 200): Reply => ({ status, json: v });

export function registerCatalogControlRoutes(r: Router<ControlHandler>, mp: TikTokShopMarketplace): void {
	const st = () => mp.state;

	r.add('GET', '/inventory-log', ({ ctx }) => {
		const q = ctx.query;
		const f = {
			sku_id: q.get('sku_id'),
			seller_sku: q.get('seller_sku'),
			shop_id: q.get('shop_id'),
			product_id: q.get('product_id'),
			warehouse_id: q.get('warehouse_id'),
			request_id: q.get('request_id'),
			source: q.get('source'),
		};
		const entries = cat(st()).inventoryLog.filter((e) => Object.entries(f).every(([k, v]) => !v || (e as unknown as Record<string, unknown>)[k] === v));
		return json({ total: entries.length, entries });
	});

	r.add('GET', '/products/{id}', ({ params }) => {
		const s = st();
		const x = cat(s);
		x.settleAudits(s.clock.now());
		const rec = s.productById.get(params.id);
		if (!rec) throw new ControlError(404, `product ${params.id} not found`);
		const e = x.extra(rec.product);
		const activities = [...x.activities.values()].filter((a) => a.products.has(rec.product.id)).map((a) => ({ activity_id: a.activity_id, title: a.title, status: x.activityStatus(a) }));
		return json({
			shop_id: rec.shopId,
			product: productDetailView(x, rec.product),
			audit: { status: e.audit_status, due: e.audit_due ?? null, status_after_audit: e.status_after_audit ?? null },
			price_locked_by: x.lockingActivity(rec.product.id)?.activity_id ?? null,
			activities,
		});
	});

	/** Finish a PENDING product's audit now: {result?: 'APPROVED'|'FAILED', reason?} */
	r.add('POST', '/products/{id}/audit', ({ params, body }) => {
		const s = st();
		const rec = s.productById.get(params.id);
		if (!rec) throw new ControlError(404, `product ${params.id} not found`);
		if (rec.product.status !== 'PENDING') throw new ControlError(409, `product is ${rec.product.status}, not PENDING`);
		const result = body?.result ?? 'APPROVED';
		if (result !== 'APPROVED' && result !== 'FAILED') throw new ControlError(400, 'result must be APPROVED or FAILED');
		cat(s).finishAudit(rec.product, result === 'APPROVED', s.clock.now(), body?.reason);
		return json({ id: rec.product.id, status: rec.product.status });
	});

	/** Set a product's status directly (e.g. FREEZE / PLATFORM_DEACTIVATED, which no API produces). */
	r.add('POST', '/products/{id}/status', ({ params, body }) => {
		const s = st();
		const rec = s.productById.get(params.id);
		if (!rec) throw new ControlError(404, `product ${params.id} not found`);
		const allowed = ['DRAFT', 'PENDING', 'FAILED', 'ACTIVATE', 'SELLER_DEACTIVATED', 'PLATFORM_DEACTIVATED', 'FREEZE', 'DELETED'];
		if (!allowed.includes(body?.status)) throw new ControlError(400, `status must be one of ${allowed.join(', ')}`);
		rec.product.status = body.status;
		rec.product.update_time = Math.max(rec.product.update_time, s.clock.now());
		return json({ id: rec.product.id, status: rec.product.status });
	});

	/** Buyer cancellation request on an AWAITING_SHIPMENT order: {order_id?, shop_id?, reason?} (no order_id → a new order is created). */
	r.add('POST', '/cancellations', ({ body }) => {
		const s = st();
		const b = body ?? {};
		const now = s.clock.now();
		let order: Order | undefined;
		if (b.order_id) {
			order = s.orders.get(String(b.order_id));
			if (!order) throw new ControlError(404, `order ${b.order_id} not found`);
		} else {
			const shopId = b.shop_id ? String(b.shop_id) : s.shops[0].id;
			if (!s.shopById.has(shopId)) throw new ControlError(400, `unknown shop_id ${shopId}`);
			order = randomOrder(s, s.prng, shopId, now, 'STANDARD');
			if (!order) throw new ControlError(409, 'no SKU with stock available to create an order');
			s.pay(order, now);
		}
		if (order.status !== 'AWAITING_SHIPMENT' && order.status !== 'ON_HOLD')
			throw new ControlError(409, `order ${order.id} is ${order.status}; buyers can only request cancellation of AWAITING_SHIPMENT / ON_HOLD orders`);
		if (pendingCancellation(s, order.id)) throw new ControlError(409, `order ${order.id} already has a pending cancellation request`);
		const reason = typeof b.reason === 'string' && b.reason ? b.reason : BUYER_CANCEL_REASONS[0];
		const c = createBuyerCancellation(s, order, reason, now);
		return json({ cancellation: cancellationView(s, c), order_id: order.id }, 201);
	});

	/** Return / refund request on a DELIVERED / COMPLETED order: {order_id?, shop_id?, return_type?: REFUND|RETURN_AND_REFUND} */
	r.add('POST', '/returns', ({ body }) => {
		const s = st();
		const b = body ?? {};
		const now = s.clock.now();
		const type = b.return_type ?? 'RETURN_AND_REFUND';
		if (type !== 'REFUND' && type !== 'RETURN_AND_REFUND') throw new ControlError(400, 'return_type must be REFUND or RETURN_AND_REFUND');
		let order: Order | undefined;
		if (b.order_id) {
			order = s.orders.get(String(b.order_id));
			if (!order) throw new ControlError(404, `order ${b.order_id} not found`);
		} else {
			const shopId = b.shop_id ? String(b.shop_id) : s.shops[0].id;
			if (!s.shopById.has(shopId)) throw new ControlError(400, `unknown shop_id ${shopId}`);
			order = randomOrder(s, s.prng, shopId, now - 5 * 86400, 'STANDARD');
			if (!order) throw new ControlError(409, 'no SKU with stock available to create an order');
			for (let i = 0; i < 6 && order.status !== 'DELIVERED'; i++) s.advance(order, now);
		}
		if (order.status !== 'DELIVERED' && order.status !== 'COMPLETED')
			throw new ControlError(409, `order ${order.id} is ${order.status}; returns need a DELIVERED or COMPLETED order`);
		if (openReturn(s, order.id)) throw new ControlError(409, `order ${order.id} already has an open return`);
		const ret = createReturn(s, order, type, now, s.prng);
		return json({ return: returnView(s, ret), order_id: order.id }, 201);
	});

	r.add('GET', '/returns', ({ ctx }) => {
		const orderId = ctx.query.get('order_id');
		const s = st();
		return json({ returns: [...cat(s).returns.values()].filter((x) => !orderId || x.order_id === orderId).map((x) => ({ ...returnView(s, x), shop_id: x.shopId, history: x.history })) });
	});

	/** Buyer side of a return: {to: BUYER_SHIPPED_ITEM | RETURN_OR_REFUND_REQUEST_CANCEL | RETURN_OR_REFUND_REQUEST_COMPLETE (accept partial offer)} */
	r.add('POST', '/returns/{id}/advance', ({ params, body }) => {
		const s = st();
		const ret = cat(s).returns.get(params.id);
		if (!ret) throw new ControlError(404, `return ${params.id} not found`);
		const now = s.clock.now();
		const to = body?.to ?? 'BUYER_SHIPPED_ITEM';
		if (to === 'BUYER_SHIPPED_ITEM') {
			if (ret.return_status !== 'AWAITING_BUYER_SHIP') throw new ControlError(409, `return is ${ret.return_status}, not AWAITING_BUYER_SHIP`);
			buyerShipsReturn(s, ret, now);
		} else if (to === 'RETURN_OR_REFUND_REQUEST_CANCEL') {
			if (!['RETURN_OR_REFUND_REQUEST_PENDING', 'AWAITING_BUYER_SHIP', 'AWAITING_BUYER_RESPONSE'].includes(ret.return_status))
				throw new ControlError(409, `return is ${ret.return_status}; the buyer can no longer cancel it`);
			setReturnStatus(s, ret, to, now);
		} else if (to === 'RETURN_OR_REFUND_REQUEST_COMPLETE') {
			if (ret.return_status !== 'AWAITING_BUYER_RESPONSE') throw new ControlError(409, `return is ${ret.return_status}, not AWAITING_BUYER_RESPONSE`);
			setReturnStatus(s, ret, to, now);
		} else throw new ControlError(400, 'to must be BUYER_SHIPPED_ITEM, RETURN_OR_REFUND_REQUEST_CANCEL or RETURN_OR_REFUND_REQUEST_COMPLETE');
		return json({ return: returnView(s, ret), history: ret.history });
	});

	r.add('GET', '/promotions', ({ ctx }) => {
		const s = st();
		const x = cat(s);
		const shopId = ctx.query.get('shop_id');
		return json({
			activities: [...x.activities.values()].filter((a) => !shopId || a.shopId === shopId).map((a) => ({ activity_id: a.activity_id, shop_id: a.shopId, ...activityView(x, a, true) })),
		});
	});

	/** Move an activity in time: {to: 'ONGOING' (begin_time = now) | 'EXPIRED' (end_time = now)} */
	r.add('POST', '/promotions/{id}/advance', ({ params, body }) => {
		const s = st();
		const x = cat(s);
		const a = x.activities.get(params.id);
		if (!a) throw new ControlError(404, `activity ${params.id} not found`);
		const now = s.clock.now();
		const cur = x.activityStatus(a);
		const to = body?.to ?? (cur === 'NOT_START' ? 'ONGOING' : 'EXPIRED');
		if (to === 'ONGOING') {
			if (cur !== 'NOT_START') throw new ControlError(409, `activity is ${cur}, not NOT_START`);
			a.begin_time = now;
			if (a.end_time <= now) a.end_time = now + 86400;
		} else if (to === 'EXPIRED') {
			if (cur !== 'NOT_START' && cur !== 'ONGOING') throw new ControlError(409, `activity is ${cur}`);
			a.end_time = now;
			if (a.begin_time >= now) a.begin_time = now - 1;
		} else throw new ControlError(400, 'to must be ONGOING or EXPIRED');
		a.update_time = Math.max(a.update_time, now);
		return json({ activity_id: a.activity_id, ...activityView(x, a, true) });
	});
}
