import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import { IdGen, Prng } from '../common/prng';
import { DOCUMENT_URL_TTL_SECONDS, ERR } from './constants';
import { ApiError, bizError } from './envelope';
import type {
	Cancellation,
	DeliveryOptionRec,
	DocumentRec,
	LineItem,
	Order,
	OrderMeta,
	OrderStatus,
	Package,
	Product,
	ShippingProvider,
	Shop,
	SkuRef,
	Warehouse,
} from './types';
import type { TikTokStateEvent, TikTokWebhookRegistration } from './events';

export interface TikTokShopSettings {
	accessTokenTtlSeconds: number;
	refreshGraceSeconds: number;
	expiredTokenHttpStatus: number;
	orderCount: number;
	productCount: number;
	/** Total SKUs over all seeded products (default 4 × productCount, at least 1 per product). */
	skuCount?: number;
	/** PENDING (created/edited) products are approved this many business seconds later, checked lazily; < 0 = only via control. */
	productAuditSeconds?: number;
}

export interface ShipOptions {
	handover_method?: string;
	pickup_slot?: { start_time?: number; end_time?: number };
	self_shipment?: { shipping_provider_id?: string; tracking_number?: string };
}

const TRACKING_FORMATS: Record<string, (p: Prng) => string> = {
	'J&T Express': (p) => 'JX' + p.digits(10),
	SiCepat: (p) => '00' + p.digits(10),
	JNE: (p) => 'CGK' + p.digits(13),
	AnterAja: (p) => '1000' + p.digits(11),
	'Ninja Xpress': (p) => 'NLIDAP' + p.digits(9),
	'ID Express': (p) => 'IDS' + p.digits(11),
	GoSend: (p) => 'GK-11-' + p.digits(8),
	GrabExpress: (p) => 'IN-' + p.digits(10),
	'J&T Cargo': (p) => '30' + p.digits(10),
	'POS Indonesia': (p) => 'P' + p.digits(11),
};

/** The whole TikTok Shop world: shops, logistics, catalogue, orders, packages and the state machine. */
export class TikTokShopState {
	shops: Shop[] = [];
	shopById = new Map<string, Shop>();
	shopByCipher = new Map<string, Shop>();
	warehouses = new Map<string, Warehouse[]>(); // by shop id
	warehouseById = new Map<string, { shopId: string; warehouse: Warehouse }>();
	deliveryOptions = new Map<string, DeliveryOptionRec>();
	deliveryOptionsByWarehouse = new Map<string, DeliveryOptionRec[]>();
	providers = new Map<string, ShippingProvider>();
	products = new Map<string, Product[]>(); // by shop id
	productById = new Map<string, { shopId: string; product: Product }>();
	skuById = new Map<string, SkuRef>();
	skuBySellerSku = new Map<string, Map<string, SkuRef>>(); // shop id → seller_sku → ref
	skusByWarehouse = new Map<string, SkuRef[]>();
	orders = new Map<string, Order>();
	orderMeta = new Map<string, OrderMeta>();
	ordersByShop = new Map<string, Order[]>();
	packages = new Map<string, Package>();
	packagesByShop = new Map<string, Package[]>();
	cancellations = new Map<string, Cancellation>();
	documents = new Map<string, DocumentRec>();
	buyers = new Map<string, Array<Record<string, any>>>(); // by shop id
	/** Webhook registrations: shop id → event_type → registration (routes/event.ts). */
	webhooks = new Map<string, Map<string, TikTokWebhookRegistration>>();
	/** Webhook hook (events.ts): set by the marketplace after seeding; called on every order status / cancellation / package change. */
	onEvent: ((e: TikTokStateEvent) => void) | null = null;
	/** Stock listener (catalog.ts inventory log): every order-driven stock change. */
	onStock: ((ref: SkuRef, warehouseId: string, before: number, after: number, source: string, orderId: string) => void) | null = null;
	ids: IdGen;
	prng: Prng;

	constructor(
		public seed: number,
		public clock: Clock,
		public settings: TikTokShopSettings,
	) {
		this.prng = new Prng(seed);
		this.ids = new IdGen(this.prng);
	}

	// ---------- lookups ----------
	shopOrders(shopId: string): Order[] {
		return this.ordersByShop.get(shopId) ?? [];
	}
	orderInShop(shopId: string, orderId: string): Order | undefined {
		const o = this.orders.get(orderId);
		return o && this.orderMeta.get(orderId)!.shopId === shopId ? o : undefined;
	}
	packageInShop(shopId: string, packageId: string): Package | undefined {
		const p = this.packages.get(packageId);
		return p && p.shopId === shopId ? p : undefined;
	}
	meta(order: Order): OrderMeta {
		return this.orderMeta.get(order.id)!;
	}
	orderPackages(order: Order): Package[] {
		return this.meta(order).packageIds.map((id) => this.packages.get(id)!);
	}
	providerName(id: string): string | undefined {
		return this.providers.get(id)?.name;
	}
	trackingNumberFor(provider: ShippingProvider): string {
		const f = TRACKING_FORMATS[provider.name] ?? ((p: Prng) => 'SBX' + p.digits(12));
		return f(this.prng);
	}

	// ---------- registration helpers used by the seeder and control API ----------
	addShop(shop: Shop): void {
		this.shops.push(shop);
		this.shopById.set(shop.id, shop);
		this.shopByCipher.set(shop.cipher, shop);
		this.warehouses.set(shop.id, []);
		this.products.set(shop.id, []);
		this.ordersByShop.set(shop.id, []);
		this.packagesByShop.set(shop.id, []);
		this.skuBySellerSku.set(shop.id, new Map());
	}
	addWarehouse(shopId: string, w: Warehouse): void {
		this.warehouses.get(shopId)!.push(w);
		this.warehouseById.set(w.id, { shopId, warehouse: w });
		this.deliveryOptionsByWarehouse.set(w.id, []);
		this.skusByWarehouse.set(w.id, []);
	}
	addDeliveryOption(rec: DeliveryOptionRec): void {
		this.deliveryOptions.set(rec.option.id, rec);
		this.deliveryOptionsByWarehouse.get(rec.warehouseId)!.push(rec);
		for (const p of rec.providers) this.providers.set(p.id, p);
	}
	addProduct(shopId: string, product: Product): void {
		this.products.get(shopId)!.push(product);
		this.productById.set(product.id, { shopId, product });
		for (const sku of product.skus) {
			const ref: SkuRef = { shopId, product, sku };
			this.skuById.set(sku.id, ref);
			this.skuBySellerSku.get(shopId)!.set(sku.seller_sku, ref);
			for (const inv of sku.inventory) this.skusByWarehouse.get(inv.warehouse_id)?.push(ref);
		}
	}

	// ---------- order creation ----------
	createOrder(args: {
		shopId: string;
		at: number;
		items: Array<{ ref: SkuRef; quantity: number }>;
		deliveryOption: DeliveryOptionRec;
		buyer: Record<string, any>;
		isCod?: boolean;
		provider?: ShippingProvider;
		shippingFee?: number;
		buyerMessage?: string;
	}): Order {
		const shop = this.shopById.get(args.shopId)!;
		const p = this.prng;
		const opt = args.deliveryOption;
		const lineItems: LineItem[] = [];
		let orig = 0;
		let sellerDisc = 0;
		let platformDisc = 0;
		for (const { ref, quantity } of args.items) {
			const price = Number(ref.sku.price.sale_price);
			const sd = p.chance(0.25) ? Math.round((price * p.int(5, 15)) / 100 / 100) * 100 : 0;
			const pd = p.chance(0.2) ? Math.round((price * p.int(2, 8)) / 100 / 100) * 100 : 0;
			const skuName = ref.sku.sales_attributes.map((a) => a.value_name).join(', ') || 'Default';
			for (let u = 0; u < quantity; u++) {
				orig += price;
				sellerDisc += sd;
				platformDisc += pd;
				lineItems.push({
					id: this.ids.next('577', 18),
					product_id: ref.product.id,
					product_name: ref.product.title,
					sku_id: ref.sku.id,
					sku_name: skuName,
					sku_image: ref.product.main_image,
					seller_sku: ref.sku.seller_sku,
					currency: 'IDR',
					original_price: String(price),
					sale_price: String(price - sd - pd),
					seller_discount: String(sd),
					platform_discount: String(pd),
					display_status: 'UNPAID',
					package_status: 'TO_FULFILL',
					is_gift: false,
					sku_type: 'NORMAL',
				});
			}
		}
		const shipOrig = args.shippingFee ?? p.pick([9000, 10000, 12000, 15000, 18000, 22000, 25000]);
		const shipPlatDisc = p.chance(0.35) ? Math.min(shipOrig, p.pick([5000, 10000, 20000])) : 0;
		const shipSellerDisc = !shipPlatDisc && p.chance(0.1) ? Math.min(shipOrig, 5000) : 0;
		const shippingFee = shipOrig - shipPlatDisc - shipSellerDisc;
		const subTotal = orig - sellerDisc - platformDisc;
		const order: Order = {
			id: this.ids.next('57', 18),
			status: 'UNPAID',
			create_time: args.at,
			update_time: args.at,
			user_id: args.buyer.user_id,
			buyer_email: args.buyer.email,
			buyer_message: args.buyerMessage ?? '',
			shipping_type: opt.option.type === 'SEND_BY_SELLER' ? 'SELLER' : 'TIKTOK',
			delivery_option_id: opt.option.id,
			delivery_option_name: opt.option.name,
			delivery_type: 'HOME_DELIVERY',
			fulfillment_type: 'FULFILLMENT_BY_SELLER',
			warehouse_id: opt.warehouseId,
			is_cod: args.isCod ?? false,
			is_on_hold_order: false,
			is_buyer_request_cancel: false,
			is_sample_order: false,
			is_replacement_order: false,
			has_updated_recipient_address: false,
			commerce_platform: shop.commercePlatform,
			order_type: 'NORMAL',
			cancel_order_sla_time: args.at + 24 * 3600,
			payment: {
				currency: 'IDR',
				original_total_product_price: String(orig),
				seller_discount: String(sellerDisc),
				platform_discount: String(platformDisc),
				sub_total: String(subTotal),
				original_shipping_fee: String(shipOrig),
				shipping_fee_seller_discount: String(shipSellerDisc),
				shipping_fee_platform_discount: String(shipPlatDisc),
				shipping_fee: String(shippingFee),
				tax: '0',
				product_tax: '0',
				shipping_fee_tax: '0',
				total_amount: String(subTotal + shippingFee),
			},
			recipient_address: args.buyer.address,
			line_items: lineItems,
		};
		this.orders.set(order.id, order);
		this.orderMeta.set(order.id, {
			shopId: args.shopId,
			stockReserved: false,
			plannedProvider: args.provider ?? p.pick(opt.providers),
			history: [{ status: 'UNPAID', time: args.at }],
			packageIds: [],
			cancelledLineItems: new Set(),
		});
		this.ordersByShop.get(args.shopId)!.push(order);
		this.sync(order);
		this.onEvent?.({ kind: 'order_status', order });
		return order;
	}

	// ---------- state machine ----------
	private setStatus(order: Order, status: OrderStatus, at: number): void {
		if (order.status !== status) {
			order.status = status;
			this.meta(order).history.push({ status, time: at });
			order.update_time = Math.max(order.update_time, at);
			this.onEvent?.({ kind: 'order_status', order });
		}
		order.update_time = Math.max(order.update_time, at);
	}

	private touchPackage(pkg: Package, at: number): void {
		pkg.update_time = Math.max(pkg.update_time, at);
	}

	private adjustStock(order: Order, direction: -1 | 1, lineIds?: Set<string>): void {
		for (const li of order.line_items) {
			if (lineIds && !lineIds.has(li.id)) continue;
			const ref = this.skuById.get(li.sku_id);
			if (!ref) continue;
			const inv = ref.sku.inventory.find((i) => i.warehouse_id === order.warehouse_id) ?? ref.sku.inventory[0];
			if (!inv) continue;
			const before = inv.quantity;
			inv.quantity = Math.max(0, inv.quantity + direction);
			this.onStock?.(ref, inv.warehouse_id, before, inv.quantity, direction < 0 ? 'order_reserve' : 'order_release', order.id);
		}
	}

	/** UNPAID → AWAITING_SHIPMENT (or ON_HOLD when hold=true). Reserves stock and creates the package. */
	pay(order: Order, at: number, hold = false): void {
		if (order.status !== 'UNPAID') throw bizError(ERR.ORDER_STATUS_NOT_CANCELLABLE, `order ${order.id} is ${order.status}, not UNPAID`);
		const meta = this.meta(order);
		order.paid_time = at;
		if (!meta.stockReserved) {
			this.adjustStock(order, -1);
			meta.stockReserved = true;
		}
		const pkg: Package = {
			id: this.ids.next('115', 18),
			shopId: meta.shopId,
			orderId: order.id,
			status: 'TO_FULFILL',
			create_time: at,
			update_time: at,
			lineItemIds: order.line_items.filter((li) => !meta.cancelledLineItems.has(li.id)).map((li) => li.id),
			split: false,
		};
		this.packages.set(pkg.id, pkg);
		this.packagesByShop.get(meta.shopId)!.push(pkg);
		meta.packageIds.push(pkg.id);
		order.rts_sla_time = at + 2 * 86400;
		order.tts_sla_time = at + 3 * 86400;
		order.shipping_due_time = at + 3 * 86400;
		order.collection_due_time = at + 4 * 86400;
		order.delivery_due_time = at + 10 * 86400;
		delete order.cancel_order_sla_time;
		order.is_on_hold_order = hold;
		this.setStatus(order, hold ? 'ON_HOLD' : 'AWAITING_SHIPMENT', at);
		this.sync(order);
	}

	/** ON_HOLD → AWAITING_SHIPMENT */
	release(order: Order, at: number): void {
		order.is_on_hold_order = false;
		this.setStatus(order, 'AWAITING_SHIPMENT', at);
		this.sync(order);
	}

	/** Ship Package (TikTok shipping or SEND_BY_SELLER with self_shipment). Throws ApiError on refusal. */
	shipPackage(pkg: Package, opts: ShipOptions, at: number): void {
		const order = this.orders.get(pkg.orderId)!;
		const hm = opts.handover_method ?? 'PICKUP';
		if (hm !== 'PICKUP' && hm !== 'DROP_OFF')
			throw new ApiError(400, ERR.INVALID_PARAM, 'invalid param error: handover_method must be PICKUP or DROP_OFF');
		if (pkg.status !== 'TO_FULFILL' || !['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'].includes(order.status))
			throw bizError(
				ERR.PACKAGE_STATUS_NOT_SHIPPABLE,
				`Package status does not allow shipping: package ${pkg.id} is ${pkg.status} and order ${order.id} is ${order.status}; only packages of AWAITING_SHIPMENT orders can be shipped.`,
			);
		const opt = this.deliveryOptions.get(order.delivery_option_id)!;
		if (opt.option.type === 'SEND_BY_SELLER') {
			const ss = opts.self_shipment;
			if (!ss || !ss.shipping_provider_id || !ss.tracking_number)
				throw bizError(
					ERR.SELF_SHIPMENT_REQUIRED,
					'self_shipment.shipping_provider_id and self_shipment.tracking_number are required: the delivery option of this order is SEND_BY_SELLER.',
				);
			const prov = this.providers.get(ss.shipping_provider_id);
			if (!prov) throw bizError(ERR.INVALID_SHIPPING_PROVIDER, `Invalid shipping_provider_id: ${ss.shipping_provider_id}`);
			pkg.status = 'FULFILLING';
			pkg.tracking_number = ss.tracking_number;
			pkg.shipping_provider_id = prov.id;
			pkg.shipping_provider_name = prov.name;
		} else {
			const prov = this.meta(order).plannedProvider;
			pkg.status = 'PROCESSING';
			pkg.tracking_number = this.trackingNumberFor(prov);
			pkg.shipping_provider_id = prov.id;
			pkg.shipping_provider_name = prov.name;
		}
		pkg.handover_method = hm;
		if (opts.pickup_slot && typeof opts.pickup_slot.start_time === 'number' && typeof opts.pickup_slot.end_time === 'number')
			pkg.pickup_slot = { start_time: opts.pickup_slot.start_time, end_time: opts.pickup_slot.end_time };
		pkg.ship_time = at;
		this.touchPackage(pkg, at);
		order.rts_time = order.rts_time ?? at;
		this.recomputeShipping(order, at);
		this.onEvent?.({ kind: 'package_update', order, packages: [pkg], scType: 'SHIP' });
	}

	/** Mark Package As Shipped (seller's own carrier) for the given line items. */
	markShipped(order: Order, lineItemIds: string[], trackingNumber: string, providerId: string, at: number): Package {
		if (!['AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING'].includes(order.status))
			throw bizError(
				ERR.PACKAGE_STATUS_NOT_SHIPPABLE,
				`Order status does not allow marking as shipped: order ${order.id} is ${order.status}.`,
			);
		const prov = this.providers.get(providerId);
		if (!prov) throw bizError(ERR.INVALID_SHIPPING_PROVIDER, `Invalid shipping_provider_id: ${providerId}`);
		const meta = this.meta(order);
		const ids = new Set(lineItemIds);
		const byPkg = new Map<string, string[]>();
		for (const id of ids) {
			const li = order.line_items.find((l) => l.id === id);
			if (!li) throw bizError(ERR.LINE_ITEM_NOT_SHIPPABLE, `Line item ${id} does not belong to order ${order.id}.`);
			if (meta.cancelledLineItems.has(id)) throw bizError(ERR.LINE_ITEM_NOT_SHIPPABLE, `Line item ${id} is cancelled.`);
			const pkg = this.orderPackages(order).find((p) => p.lineItemIds.includes(id));
			if (!pkg || pkg.status !== 'TO_FULFILL')
				throw bizError(ERR.LINE_ITEM_NOT_SHIPPABLE, `Line item ${id} has already been shipped (package ${pkg?.id ?? '-'} is ${pkg?.status ?? '-'}).`);
			byPkg.set(pkg.id, [...(byPkg.get(pkg.id) ?? []), id]);
		}
		let target: Package | undefined;
		const touched: Package[] = [];
		// Whole package selected → ship it in place, else split the selected items into a new package.
		if (byPkg.size === 1) {
			const [pid, items] = [...byPkg.entries()][0];
			const pkg = this.packages.get(pid)!;
			if (items.length === pkg.lineItemIds.length) target = pkg;
		}
		if (!target) {
			for (const [pid, items] of byPkg) {
				const pkg = this.packages.get(pid)!;
				pkg.lineItemIds = pkg.lineItemIds.filter((x) => !items.includes(x));
				pkg.split = true;
				this.touchPackage(pkg, at);
				if (pkg.lineItemIds.length === 0) pkg.status = 'CANCELLED';
				touched.push(pkg);
			}
			target = {
				id: this.ids.next('115', 18),
				shopId: meta.shopId,
				orderId: order.id,
				status: 'TO_FULFILL',
				create_time: at,
				update_time: at,
				lineItemIds: [...ids],
				split: true,
			};
			this.packages.set(target.id, target);
			this.packagesByShop.get(meta.shopId)!.push(target);
			meta.packageIds.push(target.id);
		}
		target.status = 'FULFILLING';
		target.tracking_number = trackingNumber;
		target.shipping_provider_id = prov.id;
		target.shipping_provider_name = prov.name;
		target.ship_time = at;
		target.handover_method = target.handover_method ?? 'DROP_OFF';
		this.touchPackage(target, at);
		order.rts_time = order.rts_time ?? at;
		this.recomputeShipping(order, at);
		this.onEvent?.({ kind: 'package_update', order, packages: [...touched, target], scType: touched.length ? 'SPLIT' : 'SHIP' });
		return target;
	}

	updateShippingInfo(pkg: Package, trackingNumber: string, providerId: string, at: number): void {
		if (!['PROCESSING', 'FULFILLING'].includes(pkg.status))
			throw bizError(
				ERR.SHIPPING_INFO_NOT_UPDATABLE,
				`Shipping info can only be updated for shipped packages (PROCESSING or FULFILLING); package ${pkg.id} is ${pkg.status}.`,
			);
		const prov = this.providers.get(providerId);
		if (!prov) throw bizError(ERR.INVALID_SHIPPING_PROVIDER, `Invalid shipping_provider_id: ${providerId}`);
		pkg.tracking_number = trackingNumber;
		pkg.shipping_provider_id = prov.id;
		pkg.shipping_provider_name = prov.name;
		this.touchPackage(pkg, at);
		const order = this.orders.get(pkg.orderId)!;
		order.update_time = Math.max(order.update_time, at);
		this.sync(order);
		this.onEvent?.({ kind: 'package_update', order, packages: [pkg], scType: 'UPDATE' });
	}

	/** Order status from the shipping state of its packages (non-cancelled line items). */
	private recomputeShipping(order: Order, at: number): void {
		const pkgs = this.orderPackages(order).filter((p) => p.status !== 'CANCELLED' && p.lineItemIds.length > 0);
		const st = pkgs.map((p) => p.status);
		let next: OrderStatus = order.status;
		if (st.length && st.every((s) => s === 'FULFILLING')) next = 'IN_TRANSIT';
		else if (st.length && st.every((s) => s === 'PROCESSING' || s === 'FULFILLING')) next = 'AWAITING_COLLECTION';
		else if (st.some((s) => s === 'TO_FULFILL') && st.some((s) => s !== 'TO_FULFILL')) next = 'PARTIALLY_SHIPPING';
		this.setStatus(order, next, at);
		order.update_time = Math.max(order.update_time, at);
		this.sync(order);
	}

	/** AWAITING_COLLECTION → IN_TRANSIT (carrier picked up). */
	collect(order: Order, at: number): void {
		for (const p of this.orderPackages(order)) {
			if (p.status === 'PROCESSING') {
				p.status = 'FULFILLING';
				this.touchPackage(p, at);
			}
		}
		order.collection_time = at;
		this.recomputeShipping(order, at);
	}

	/** IN_TRANSIT → DELIVERED */
	deliver(order: Order, at: number): void {
		for (const p of this.orderPackages(order)) {
			if (p.status === 'FULFILLING' || p.status === 'PROCESSING') {
				p.status = 'COMPLETED';
				this.touchPackage(p, at);
			}
		}
		order.delivery_time = at;
		this.setStatus(order, 'DELIVERED', at);
		this.sync(order);
	}

	/** DELIVERED → COMPLETED */
	complete(order: Order, at: number): void {
		this.setStatus(order, 'COMPLETED', at);
		this.sync(order);
	}

	/**
	 * Cancel an order (whole, or only the given line items). Restores reserved stock for the cancelled items.
	 * Validation of who may cancel in which status is done by the caller.
	 */
	cancel(
		order: Order,
		args: { initiator: 'SELLER' | 'BUYER' | 'SYSTEM'; reason: string; lineItemIds?: string[] },
		at: number,
	): Cancellation {
		const meta = this.meta(order);
		const active = order.line_items.filter((li) => !meta.cancelledLineItems.has(li.id)).map((li) => li.id);
		let ids = args.lineItemIds && args.lineItemIds.length ? [...new Set(args.lineItemIds)] : active;
		for (const id of ids) {
			if (!order.line_items.some((li) => li.id === id))
				throw bizError(ERR.CANCEL_LINE_ITEM_INVALID, `order_line_item_id ${id} does not belong to order ${order.id}`);
			if (meta.cancelledLineItems.has(id))
				throw bizError(ERR.CANCEL_LINE_ITEM_INVALID, `order_line_item_id ${id} is already cancelled`);
		}
		const full = ids.length === active.length;
		if (full) ids = active;
		const idSet = new Set(ids);
		if (meta.stockReserved) this.adjustStock(order, 1, idSet);
		for (const li of order.line_items) {
			if (!idSet.has(li.id)) continue;
			meta.cancelledLineItems.add(li.id);
			li.cancel_reason = args.reason;
			li.cancel_user = args.initiator;
		}
		for (const pkg of this.orderPackages(order)) {
			if (pkg.status === 'CANCELLED') continue;
			const orig = pkg.lineItemIds;
			const remaining = orig.filter((x) => !idSet.has(x));
			if (remaining.length === orig.length) continue;
			if (remaining.length === 0) pkg.status = 'CANCELLED'; // a cancelled package keeps its items
			else pkg.lineItemIds = remaining;
			this.touchPackage(pkg, at);
		}
		if (full) {
			order.cancel_reason = args.reason;
			order.cancel_time = at;
			order.cancellation_initiator = args.initiator;
			order.is_on_hold_order = false;
			this.setStatus(order, 'CANCELLED', at);
		}
		order.update_time = Math.max(order.update_time, at);
		const c: Cancellation = {
			cancel_id: this.ids.next('458', 18),
			order_id: order.id,
			shopId: meta.shopId,
			cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
			cancel_type: args.initiator === 'BUYER' ? 'BUYER_CANCEL' : 'CANCEL',
			role: args.initiator,
			cancel_reason: args.reason,
			cancel_reason_text: args.reason,
			create_time: at,
			update_time: at,
			order_line_item_ids: ids,
			should_replenish_stock: meta.stockReserved,
		};
		this.cancellations.set(c.cancel_id, c);
		this.sync(order);
		this.onEvent?.({ kind: 'cancellation', order, cancellation: c });
		return c;
	}

	/** Next status on the happy path (used by the control API `advance`). */
	advance(order: Order, at: number): void {
		switch (order.status) {
			case 'UNPAID':
				return this.pay(order, at);
			case 'ON_HOLD':
				return this.release(order, at);
			case 'AWAITING_SHIPMENT':
			case 'PARTIALLY_SHIPPING': {
				for (const pkg of this.orderPackages(order).filter((p) => p.status === 'TO_FULFILL')) {
					const self =
						order.shipping_type === 'SELLER'
							? { shipping_provider_id: this.meta(order).plannedProvider.id, tracking_number: this.trackingNumberFor(this.meta(order).plannedProvider) }
							: undefined;
					this.shipPackage(pkg, { handover_method: 'PICKUP', self_shipment: self }, at);
				}
				return;
			}
			case 'AWAITING_COLLECTION':
				return this.collect(order, at);
			case 'IN_TRANSIT':
				return this.deliver(order, at);
			case 'DELIVERED':
				return this.complete(order, at);
			default:
				throw new ApiError(409, ERR.INVALID_PARAM, `order ${order.id} is ${order.status}: no next status`);
		}
	}

	// ---------- derived fields ----------
	/** Recompute line-item package/tracking fields and order-level package/tracking fields. */
	sync(order: Order): void {
		const meta = this.meta(order);
		const pkgs = this.orderPackages(order);
		const byLine = new Map<string, Package>();
		for (const p of pkgs) for (const id of p.lineItemIds) if (!byLine.has(id) || p.status !== 'CANCELLED') byLine.set(id, p);
		for (const li of order.line_items) {
			const cancelled = meta.cancelledLineItems.has(li.id);
			const pkg = byLine.get(li.id);
			if (pkg) li.package_id = pkg.id;
			else delete li.package_id;
			li.package_status = cancelled ? 'CANCELLED' : (pkg?.status ?? 'TO_FULFILL');
			li.display_status = cancelled ? 'CANCELLED' : order.status;
			if (pkg?.tracking_number && !cancelled) {
				li.tracking_number = pkg.tracking_number;
				li.shipping_provider_id = pkg.shipping_provider_id;
				li.shipping_provider_name = pkg.shipping_provider_name;
				li.rts_time = pkg.ship_time;
			} else {
				delete li.tracking_number;
				delete li.shipping_provider_id;
				delete li.shipping_provider_name;
				delete li.rts_time;
			}
			if (li.display_status !== 'AWAITING_SHIPMENT') delete li.is_buyer_request_cancel;
		}
		if (pkgs.length) order.packages = pkgs.map((p) => ({ id: p.id }));
		else delete order.packages;
		const shipped = pkgs.find((p) => p.tracking_number && p.status !== 'CANCELLED');
		if (shipped) {
			order.tracking_number = shipped.tracking_number;
			order.shipping_provider = shipped.shipping_provider_name;
			order.shipping_provider_id = shipped.shipping_provider_id;
		} else {
			delete order.tracking_number;
			delete order.shipping_provider;
			delete order.shipping_provider_id;
		}
	}

	/** Tracking events (newest first) derived from the order's history. */
	trackingEvents(order: Order): Array<{ description: string; update_time_millis: number }> {
		const meta = this.meta(order);
		const pkg = this.orderPackages(order).find((p) => p.tracking_number && p.status !== 'CANCELLED');
		if (!pkg || pkg.ship_time === undefined) return [];
		const prov = pkg.shipping_provider_name ?? 'the carrier';
		const wh = this.warehouseById.get(order.warehouse_id)?.warehouse;
		const city = String((order.recipient_address as any)?.district_info?.[2]?.address_name ?? 'destination city');
		const ev: Array<{ description: string; update_time_millis: number }> = [];
		ev.push({ description: 'The seller has arranged shipment. Waiting for the courier to collect the package.', update_time_millis: pkg.ship_time * 1000 });
		const t = (s: OrderStatus) => meta.history.find((h) => h.status === s)?.time;
		const transit = t('IN_TRANSIT');
		const now = this.clock.now();
		if (transit !== undefined) {
			ev.push({ description: `Package picked up by ${prov}.`, update_time_millis: transit * 1000 });
			const sort1 = transit + 3 * 3600;
			if (sort1 <= now) ev.push({ description: `Package arrived at the ${prov} sorting center in ${wh?.address.city ?? 'origin city'}.`, update_time_millis: sort1 * 1000 });
			const sort2 = transit + 18 * 3600;
			if (sort2 <= now) ev.push({ description: `Package arrived at the ${prov} hub in ${city}.`, update_time_millis: sort2 * 1000 });
		}
		const delivered = t('DELIVERED');
		if (delivered !== undefined) {
			ev.push({ description: 'Package is out for delivery.', update_time_millis: (delivered - 2 * 3600) * 1000 });
			ev.push({ description: 'Your package was delivered!', update_time_millis: delivered * 1000 });
		}
		if (order.status === 'CANCELLED' && order.cancel_time) ev.push({ description: 'Shipment cancelled.', update_time_millis: order.cancel_time * 1000 });
		const cap = Math.max(...ev.map((e) => e.update_time_millis));
		return ev
			.filter((e) => e.update_time_millis <= Math.max(cap, now * 1000))
			.sort((a, b) => b.update_time_millis - a.update_time_millis);
	}

	createDocument(pkg: Package, documentType: string, documentSize: 'A6' | 'A5'): DocumentRec {
		const rec: DocumentRec = {
			token: randomBytes(24).toString('base64url'),
			packageId: pkg.id,
			shopId: pkg.shopId,
			documentType,
			documentSize,
			expiresAt: this.clock.now() + DOCUMENT_URL_TTL_SECONDS,
		};
		this.documents.set(rec.token, rec);
		return rec;
	}

	// ---------- API views ----------
	packageSummary(pkg: Package): Record<string, unknown> {
		const order = this.orders.get(pkg.orderId)!;
		const skus = new Map<string, { id: string; name: string; image_url: string; quantity: number }>();
		for (const id of pkg.lineItemIds) {
			const li = order.line_items.find((l) => l.id === id);
			if (!li) continue;
			const s = skus.get(li.sku_id) ?? { id: li.sku_id, name: li.sku_name, image_url: li.sku_image, quantity: 0 };
			s.quantity++;
			skus.set(li.sku_id, s);
		}
		const out: Record<string, unknown> = {
			id: pkg.id,
			status: pkg.status,
			create_time: pkg.create_time,
			update_time: pkg.update_time,
			order_line_item_ids: [...pkg.lineItemIds],
			orders: [{ id: order.id, skus: [...skus.values()] }],
		};
		if (pkg.shipping_provider_id) {
			out.shipping_provider_id = pkg.shipping_provider_id;
			out.shipping_provider_name = pkg.shipping_provider_name;
		}
		if (pkg.tracking_number) out.tracking_number = pkg.tracking_number;
		return out;
	}

	packageDetail(pkg: Package): Record<string, unknown> {
		const order = this.orders.get(pkg.orderId)!;
		const summary = this.packageSummary(pkg);
		const wh = this.warehouseById.get(order.warehouse_id)?.warehouse;
		const units = pkg.lineItemIds.length;
		const detail: Record<string, unknown> = {
			package_id: pkg.id,
			package_status: pkg.status,
			create_time: pkg.create_time,
			update_time: pkg.update_time,
			order_line_item_ids: summary.order_line_item_ids,
			orders: summary.orders,
			shipping_type: order.shipping_type,
			delivery_option_id: order.delivery_option_id,
			delivery_option_name: order.delivery_option_name,
			split_and_combine_tag: pkg.split ? 'SPLIT' : '',
			has_multi_skus: (summary.orders as any)[0].skus.length > 1,
			note_tag: '',
			dimension: { length: '20', width: '15', height: String(5 + Math.min(units, 10) * 2), unit: 'CM' },
			weight: { value: String(250 * Math.max(units, 1)), unit: 'GRAM' },
			recipient_address: order.recipient_address,
			sender_address: wh
				? {
						name: wh.address.contact_person,
						phone_number: wh.address.phone_number,
						full_address: wh.address.full_address,
						postal_code: wh.address.postal_code,
						region_code: 'ID',
					}
				: undefined,
		};
		if (pkg.handover_method) detail.handover_method = pkg.handover_method;
		if (pkg.pickup_slot) detail.pickup_slot = pkg.pickup_slot;
		if (pkg.shipping_provider_id) {
			detail.shipping_provider_id = pkg.shipping_provider_id;
			detail.shipping_provider_name = pkg.shipping_provider_name;
		}
		if (pkg.tracking_number) detail.tracking_number = pkg.tracking_number;
		return detail;
	}
}
