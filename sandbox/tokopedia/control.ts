import type { RequestContext, Router } from '../common/http';
import type { Reply } from '../common/marketplace';
import { ST, TOKOPEDIA_FS_ID } from './constants';
import { registerFinanceControlRoutes } from './financeControl';
import type { TokopediaMarketplace } from './index';
import { makeOrder } from './seed';
import type { Order, Product } from './types';

export class ControlError extends Error {
	constructor(
		public status: number,
		message: string,
	) {
		super(message);
	}
}

export type ControlHandler = (a: { ctx: RequestContext; params: Record<string, string>; body: any; baseUrl: string }) => Reply;

const json = (v: unknown, status = 200): Reply => ({ status, json: v });
const HAPPY = [ST.PENDING, ST.PAID, ST.ACCEPTED, ST.WAITING_PICKUP, ST.SHIPPED, ST.DELIVERED, ST.FINISHED] as number[];
const CANCELLED = [ST.SELLER_CANCEL, ST.REJECTED, ST.BUYER_INSTANT_CANCEL] as number[];
const CREATABLE = [...HAPPY, ...CANCELLED];

/** Control API: /_sandbox/tokopedia/... (plain JSON, unauthenticated). */
export function registerControlRoutes(r: Router<ControlHandler>, mp: TokopediaMarketplace): void {
	const st = () => mp.state;

	registerFinanceControlRoutes(r, mp);
	r.add('POST', '/tokens/expire', () => json({ expired: mp.auth.expireAll() }));

	r.add('GET', '/shops', () =>
		json({
			fs_id: TOKOPEDIA_FS_ID,
			shops: st().shops.map((s) => ({ ...s, warehouses: st().warehousesByShop.get(s.shop_id) })),
		}),
	);

	r.add('GET', '/webhooks', () => json({ registrations: [...st().webhooks.values()] }));

	r.add('GET', '/orders/{id}', ({ params }) => json(orderView(mp, getOrder(mp, params.id))));

	r.add('POST', '/orders', ({ body }) => {
		const s = st();
		const b = body ?? {};
		const shopId = b.shop_id === undefined ? s.linkedShops()[0].shop_id : Number(b.shop_id);
		if (!s.shopById.has(shopId)) throw new ControlError(400, `unknown shop_id ${b.shop_id}`);
		const count = b.count === undefined ? 1 : Number(b.count);
		if (!Number.isInteger(count) || count < 1 || count > 1000) throw new ControlError(400, 'count must be an integer 1..1000');
		const status = b.status === undefined ? ST.PAID : Number(b.status);
		if (!CREATABLE.includes(status)) throw new ControlError(400, `status must be one of ${CREATABLE.join(', ')}`);
		const createTime = b.create_time === undefined ? undefined : Number(b.create_time);
		if (createTime !== undefined && !Number.isInteger(createTime)) throw new ControlError(400, 'create_time must be a unix timestamp (seconds)');
		let items: Array<{ product: Product; quantity: number }> | undefined;
		if (b.skus !== undefined) {
			if (!Array.isArray(b.skus) || !b.skus.length) throw new ControlError(400, 'skus must be a non-empty array of {sku, quantity}');
			items = b.skus.map((x: any) => {
				const p = s.productBySku(shopId, String(x?.sku));
				if (!p || p.status !== 1) throw new ControlError(400, `unknown or inactive sku ${x?.sku} in shop ${shopId}`);
				const quantity = x.quantity === undefined ? 1 : Number(x.quantity);
				if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) throw new ControlError(400, 'quantity must be an integer 1..1000');
				return { product: p, quantity };
			});
		}
		const needsStock = status !== ST.PENDING && !(status === ST.BUYER_INSTANT_CANCEL);
		const created: Order[] = [];
		for (let i = 0; i < count; i++) {
			let order: Order | null = null;
			for (let attempt = 0; attempt < 25 && !order; attempt++) {
				const o = makeOrder(s, s.prng, shopId, createTime ?? s.clock.now(), items);
				if (!o) break;
				if (!needsStock) order = o;
				else {
					const wh = s.warehousesByShop.get(shopId)!.find((w) => o.items.every((it) => (s.products.get(it.product_id)!.stock[w.warehouse_id] ?? 0) >= it.quantity));
					if (wh) {
						o.warehouse_id = wh.warehouse_id;
						order = o;
					} else if (items) break;
				}
			}
			if (!order) throw new ControlError(409, items ? 'insufficient stock for the requested skus in every warehouse of the shop' : 'no product with stock available to create an order');
			s.addOrder(order);
			if (needsStock) {
				s.setStatus(order, ST.PAID, 'system');
				s.moveOrderStock(order, -1, 'order_created');
				order.stock_deducted = true;
			}
			driveTo(mp, order, status);
			created.push(order);
		}
		return json({ orders: created.map((o) => orderView(mp, o)) }, 201);
	});

	r.add('POST', '/orders/{id}/advance', ({ params, body }) => {
		const s = st();
		const o = getOrder(mp, params.id);
		const b = body ?? {};
		if (b.buyer_cancel_request !== undefined) {
			if (b.buyer_cancel_request === true) {
				if (o.status < ST.PAID || o.status >= ST.DELIVERED) throw new ControlError(409, `buyer can only request cancellation while status is 220..599 (is ${o.status})`);
				o.buyer_cancel_request = { reason: typeof b.reason === 'string' ? b.reason : 'Ingin mengubah pesanan', time: s.clock.now() };
				o.cancel_request_rejected = false;
				o.history.push({ status: o.status, time: s.clock.now(), by: 'buyer', message: 'Pembeli mengajukan pembatalan' });
				s.onEvent?.({ kind: 'request_cancellation', order: o });
			} else o.buyer_cancel_request = null;
			if (b.to === undefined) return json(orderView(mp, o));
		}
		if (b.to === undefined) {
			const i = HAPPY.indexOf(o.status);
			if (i < 0 || i === HAPPY.length - 1) throw new ControlError(409, `order ${o.order_id} is final (status ${o.status})`);
			step(mp, o, HAPPY[i + 1]);
		} else {
			const to = Number(b.to);
			if (!CREATABLE.includes(to)) throw new ControlError(400, `to must be one of ${CREATABLE.join(', ')}`);
			if (to === o.status) throw new ControlError(409, `order is already ${to}`);
			if (CANCELLED.includes(o.status) || o.status === ST.FINISHED) throw new ControlError(409, `order ${o.order_id} is final (status ${o.status})`);
			if (CANCELLED.includes(to)) {
				if (o.status >= ST.SHIPPED) throw new ControlError(409, `cannot cancel an order in status ${o.status}`);
				if (to === ST.REJECTED && o.status !== ST.PAID) throw new ControlError(409, 'status 10 (rejected) is only reachable from 220');
			} else if (HAPPY.indexOf(to) <= HAPPY.indexOf(o.status)) throw new ControlError(409, `cannot move order from ${o.status} back to ${to}`);
			driveTo(mp, o, to);
		}
		return json(orderView(mp, o));
	});

	r.add('GET', '/products', ({ ctx }) => {
		const q = ctx.query;
		const shopId = q.get('shop_id') ? Number(q.get('shop_id')) : null;
		const sku = q.get('sku');
		const pid = q.get('product_id') ? Number(q.get('product_id')) : null;
		const limit = Number(q.get('limit') ?? 500);
		const out: Array<Record<string, unknown>> = [];
		for (const p of st().products.values()) {
			if (shopId !== null && p.shop_id !== shopId) continue;
			if (sku && p.sku !== sku) continue;
			if (pid !== null && p.product_id !== pid) continue;
			out.push({ ...p, total_stock: st().totalStock(p) });
			if (out.length >= limit) break;
		}
		return json({ products: out });
	});

	r.add('GET', '/stock-log', ({ ctx }) => {
		const q = ctx.query;
		const shopId = q.get('shop_id') ? Number(q.get('shop_id')) : null;
		const pid = q.get('product_id') ? Number(q.get('product_id')) : null;
		const rid = q.get('request_id');
		const sku = q.get('sku');
		const entries = st().stockLog.filter(
			(e) => (shopId === null || e.shop_id === shopId) && (pid === null || e.product_id === pid) && (!rid || e.request_id === rid) && (!sku || e.sku === sku),
		);
		return json({ total: entries.length, entries });
	});

	r.add('POST', '/products/drift', ({ body }) => {
		const s = st();
		const shopId = body?.shop_id === undefined ? s.linkedShops()[0].shop_id : Number(body.shop_id);
		if (!s.shopById.has(shopId)) throw new ControlError(400, `unknown shop_id ${body?.shop_id}`);
		const count = body?.count === undefined ? 10 : Number(body.count);
		if (!Number.isInteger(count) || count < 1 || count > 1000) throw new ControlError(400, 'count must be an integer 1..1000');
		const candidates = s.productsByShop.get(shopId)!.filter((p) => p.status !== 0 && !p.children.length);
		const changes: Array<Record<string, unknown>> = [];
		// Distinct products, each really changed, so a test knows exactly how many drifted.
		const pool = [...candidates];
		for (let i = 0; i < count && pool.length; i++) {
			const p = pool.splice(s.prng.int(0, pool.length - 1), 1)[0];
			const wh = s.defaultWarehouse(shopId).warehouse_id;
			const cur = p.stock[wh] ?? 0;
			const delta = s.prng.int(1, 5) * (cur > 5 && s.prng.chance(0.5) ? -1 : 1);
			const r = s.setStock(p, wh, cur + delta, 'drift', null, null);
			changes.push({ product_id: p.product_id, sku: p.sku, warehouse_id: wh, ...r });
		}
		return json({ changes });
	});
}

function getOrder(mp: TokopediaMarketplace, raw: string): Order {
	const o = /^\d+$/.test(raw) ? mp.state.orders.get(Number(raw)) : undefined;
	if (!o) throw new ControlError(404, `order ${raw} not found`);
	return o;
}

/** One happy-path step (or cancellation) with the same side effects as the API. */
function step(mp: TokopediaMarketplace, o: Order, to: number): void {
	const s = mp.state;
	switch (to) {
		case ST.PAID:
			s.setStatus(o, ST.PAID, 'system');
			if (!o.stock_deducted) {
				s.moveOrderStock(o, -1, 'order_created');
				o.stock_deducted = true;
			}
			return;
		case ST.ACCEPTED:
			return s.accept(o, 'control');
		case ST.WAITING_PICKUP:
			return s.requestPickup(o, 'control');
		case ST.SHIPPED:
			return s.ship(o, o.autoresi_awb || s.awbFor(o), 'control');
		case ST.DELIVERED:
			o.buyer_cancel_request = null;
			return s.setStatus(o, ST.DELIVERED, 'logistic');
		case ST.FINISHED:
			return s.setStatus(o, ST.FINISHED, 'system');
		default:
			if (CANCELLED.includes(to)) {
				s.releaseStock(o, to === ST.REJECTED ? 'order_rejected' : 'order_cancelled');
				if (to === ST.REJECTED) o.products_fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: 0, quantity_reject: i.quantity }));
				o.buyer_cancel_request = null;
				s.setStatus(o, to, to === ST.SELLER_CANCEL || to === ST.REJECTED ? 'seller' : 'buyer');
			}
	}
}

function driveTo(mp: TokopediaMarketplace, o: Order, to: number): void {
	if (CANCELLED.includes(to)) return step(mp, o, to);
	let guard = 0;
	while (o.status !== to && guard++ < 10) {
		const i = HAPPY.indexOf(o.status);
		if (i < 0 || i === HAPPY.length - 1) return;
		step(mp, o, HAPPY[i + 1]);
	}
}

function orderView(mp: TokopediaMarketplace, o: Order): Record<string, unknown> {
	return { ...o, fs_id: TOKOPEDIA_FS_ID };
}
