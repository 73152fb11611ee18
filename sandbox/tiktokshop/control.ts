import type { RequestContext, Router } from '../common/http';
import type { Reply } from '../common/marketplace';
import type { TikTokShopMarketplace } from './index';
import { registerCatalogControlRoutes } from './catalogControl';
import { registerFinanceControlRoutes } from './financeControl';
import { buildPdf } from './pdf';
import { randomOrder } from './seed';
import { ORDER_STATUSES, type DeliveryOptionType, type Order, type OrderStatus, type SkuRef } from './types';

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

const HAPPY: OrderStatus[] = ['UNPAID', 'AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'];
const rank = (s: OrderStatus): number => (s === 'ON_HOLD' ? 0.5 : s === 'PARTIALLY_SHIPPING' ? 1.5 : HAPPY.indexOf(s));

/** Control API: /_sandbox/tiktokshop/... (plain JSON, unauthenticated). */
export function registerControlRoutes(r: Router<ControlHandler>, mp: TikTokShopMarketplace): void {
	const st = () => mp.state;

	registerCatalogControlRoutes(r, mp); // products, inventory log, buyer cancellations, returns, promotions
	registerFinanceControlRoutes(r, mp);
	r.add('POST', '/auth_codes', () => json(mp.auth.mintAuthCode()));
	r.add('POST', '/tokens/expire', () => json({ expired: mp.auth.expireAllAccessTokens() }));

	r.add('GET', '/shops', () =>
		json({
			shops: st().shops.map((s) => ({
				id: s.id,
				cipher: s.cipher,
				code: s.code,
				name: s.name,
				region: s.region,
				seller_type: s.seller_type,
				commerce_platform: s.commercePlatform,
				warehouses: st().warehouses.get(s.id),
				delivery_options: (st().warehouses.get(s.id) ?? []).flatMap((w) =>
					(st().deliveryOptionsByWarehouse.get(w.id) ?? []).map((o) => ({ ...o.option, warehouse_id: w.id, shipping_providers: o.providers })),
				),
			})),
		}),
	);

	r.add('GET', '/skus', ({ ctx }) => {
		const sellerSku = ctx.query.get('seller_sku');
		const shopId = ctx.query.get('shop_id');
		const skuId = ctx.query.get('sku_id');
		const out: Array<Record<string, unknown>> = [];
		for (const ref of st().skuById.values()) {
			if (sellerSku && ref.sku.seller_sku !== sellerSku) continue;
			if (shopId && ref.shopId !== shopId) continue;
			if (skuId && ref.sku.id !== skuId) continue;
			out.push({ shop_id: ref.shopId, product_id: ref.product.id, product_title: ref.product.title, product_status: ref.product.status, ...ref.sku });
			if (!sellerSku && !skuId && out.length >= 200) break;
		}
		return json({ skus: out });
	});

	r.add('GET', '/orders/{id}', ({ params }) => {
		const o = st().orders.get(params.id);
		if (!o) throw new ControlError(404, `order ${params.id} not found`);
		return json(orderView(mp, o));
	});

	r.add('GET', '/packages/{id}', ({ params }) => {
		const p = st().packages.get(params.id);
		if (!p) throw new ControlError(404, `package ${params.id} not found`);
		return json({ ...p, detail: st().packageDetail(p) });
	});

	r.add('GET', '/cancellations', ({ ctx }) => {
		const orderId = ctx.query.get('order_id');
		return json({ cancellations: [...st().cancellations.values()].filter((c) => !orderId || c.order_id === orderId) });
	});

	r.add('POST', '/orders', ({ body }) => {
		const s = st();
		const b = body ?? {};
		const shopId = b.shop_id ? String(b.shop_id) : s.shops[0].id;
		if (!s.shopById.has(shopId)) throw new ControlError(400, `unknown shop_id ${shopId}`);
		const count = b.count === undefined ? 1 : Number(b.count);
		if (!Number.isInteger(count) || count < 1 || count > 1000) throw new ControlError(400, 'count must be an integer 1..1000');
		const target: OrderStatus = b.status ?? 'AWAITING_SHIPMENT';
		if (!ORDER_STATUSES.includes(target) || target === 'PARTIALLY_SHIPPING') throw new ControlError(400, `invalid status ${target}`);
		const optType: DeliveryOptionType | undefined = b.delivery_option;
		if (optType && !['STANDARD', 'EXPRESS', 'ECONOMY', 'SEND_BY_SELLER'].includes(optType))
			throw new ControlError(400, 'delivery_option must be STANDARD, EXPRESS, ECONOMY or SEND_BY_SELLER');
		let items: Array<{ ref: SkuRef; quantity: number }> | undefined;
		if (b.skus !== undefined) {
			if (!Array.isArray(b.skus) || !b.skus.length) throw new ControlError(400, 'skus must be a non-empty array of {seller_sku, quantity}');
			items = b.skus.map((x: any) => {
				const ref = s.skuBySellerSku.get(shopId)!.get(String(x?.seller_sku));
				if (!ref) throw new ControlError(400, `unknown seller_sku ${x?.seller_sku} in shop ${shopId}`);
				const quantity = x.quantity === undefined ? 1 : Number(x.quantity);
				if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) throw new ControlError(400, 'quantity must be an integer 1..100');
				return { ref, quantity };
			});
		}
		const created: Order[] = [];
		for (let i = 0; i < count; i++) {
			const now = s.clock.now();
			const order = randomOrder(s, s.prng, shopId, now, optType ?? 'STANDARD', items);
			if (!order) throw new ControlError(409, 'no SKU with stock available to create an order');
			if (target !== 'UNPAID' && target !== 'CANCELLED') {
				for (const li of order.line_items) {
					const ref = s.skuById.get(li.sku_id)!;
					const inv = ref.sku.inventory.find((x) => x.warehouse_id === order.warehouse_id) ?? ref.sku.inventory[0];
					const need = order.line_items.filter((l) => l.sku_id === li.sku_id).length;
					if (!inv || inv.quantity < need) {
						removeOrder(mp, order);
						throw new ControlError(409, `insufficient stock for seller_sku ${li.seller_sku} in warehouse ${order.warehouse_id} (have ${inv?.quantity ?? 0}, need ${need})`);
					}
				}
			}
			driveTo(mp, order, target, b);
			created.push(order);
		}
		return json({ orders: created.map((o) => orderView(mp, o)) }, 201);
	});

	r.add('POST', '/orders/{id}/advance', ({ params, body }) => {
		const s = st();
		const o = s.orders.get(params.id);
		if (!o) throw new ControlError(404, `order ${params.id} not found`);
		const to: OrderStatus | undefined = body?.to;
		if (to === undefined) s.advance(o, s.clock.now());
		else {
			if (!ORDER_STATUSES.includes(to)) throw new ControlError(400, `invalid status ${to}`);
			if (o.status === to) throw new ControlError(409, `order is already ${to}`);
			if (to !== 'CANCELLED' && (o.status === 'CANCELLED' || rank(to) <= rank(o.status)))
				throw new ControlError(409, `cannot move order from ${o.status} to ${to}`);
			driveTo(mp, o, to, body ?? {});
		}
		return json(orderView(mp, o));
	});

	r.add('GET', '/documents/{token}', ({ params }) => {
		const s = st();
		const doc = s.documents.get(params.token);
		if (!doc || doc.expiresAt <= s.clock.now()) throw new ControlError(404, 'document not found or link expired');
		const pkg = s.packages.get(doc.packageId);
		if (!pkg) throw new ControlError(404, 'document not found');
		const order = s.orders.get(pkg.orderId)!;
		const addr = order.recipient_address as any;
		const titles: Record<string, string> = {
			SHIPPING_LABEL: 'Shipping Label',
			PACKING_SLIP: 'Packing Slip',
			SHIPPING_LABEL_AND_PACKING_SLIP: 'Shipping Label + Packing Slip',
		};
		const lines = [
			`Document type: ${doc.documentType} (${doc.documentSize})`,
			`Package ID: ${pkg.id}`,
			`Order ID: ${order.id}`,
			`Tracking number: ${pkg.tracking_number ?? '-'}`,
			`Shipping provider: ${pkg.shipping_provider_name ?? '-'}`,
			`Delivery option: ${order.delivery_option_name}`,
			`Recipient: ${addr?.name ?? ''} ${addr?.phone_number ?? ''}`,
			`${String(addr?.address_line1 ?? '')}`,
			`${String(addr?.address_line2 ?? '')}, ${addr?.postal_code ?? ''}`,
			`Items: ${pkg.lineItemIds.length}${order.is_cod ? '   COD: IDR ' + order.payment.total_amount : ''}`,
			...(doc.documentType !== 'SHIPPING_LABEL'
				? pkg.lineItemIds.slice(0, 8).map((id) => {
						const li = order.line_items.find((l) => l.id === id)!;
						return `- ${li.seller_sku} ${li.product_name.slice(0, 40)}`;
					})
				: []),
			'TikTok Shop sandbox - not a real label',
		];
		return { status: 200, raw: buildPdf(doc.documentSize, `TikTok Shop ${titles[doc.documentType] ?? doc.documentType}`, lines), contentType: 'application/pdf' };
	});
}

function removeOrder(mp: TikTokShopMarketplace, order: Order): void {
	const s = mp.state;
	s.orders.delete(order.id);
	const meta = s.orderMeta.get(order.id)!;
	s.orderMeta.delete(order.id);
	const list = s.ordersByShop.get(meta.shopId)!;
	list.splice(list.indexOf(order), 1);
}

function driveTo(mp: TikTokShopMarketplace, order: Order, target: OrderStatus, b: any): void {
	const s = mp.state;
	const now = () => s.clock.now();
	if (target === 'CANCELLED') {
		const initiator = b.initiator === 'SELLER' || b.initiator === 'SYSTEM' ? b.initiator : 'BUYER';
		s.cancel(order, { initiator, reason: typeof b.reason === 'string' ? b.reason : 'Berubah pikiran' }, now());
		return;
	}
	if (target === 'ON_HOLD') {
		if (order.status !== 'UNPAID') throw new ControlError(409, `cannot move order from ${order.status} to ON_HOLD`);
		s.pay(order, now(), true);
		return;
	}
	let guard = 0;
	while (order.status !== target && rank(order.status) < rank(target) && guard++ < 10) s.advance(order, now());
}

function orderView(mp: TikTokShopMarketplace, o: Order): Record<string, unknown> {
	const s = mp.state;
	const meta = s.orderMeta.get(o.id)!;
	return {
		order: o,
		shop_id: meta.shopId,
		stock_reserved: meta.stockReserved,
		history: meta.history,
		packages: s.orderPackages(o).map((p) => ({ ...p })),
		cancelled_line_item_ids: [...meta.cancelledLineItems],
	};
}
