import type { Clock } from '../common/clock';
import { Prng } from '../common/prng';
import { ST } from './constants';
import { bad } from './envelope';
import type { TokopediaStateEvent } from './events';
import type { Order, Product, Shop, StockLogEntry, Warehouse } from './types';

export interface TokopediaSettings {
	/** Access token lifetime (2 weeks, per the 2021 news; the doc example says 30 days). */
	accessTokenTtlSeconds: number;
	/** Default token bucket per route (requests/s and burst) when the shared `routes` config has no qps for it. */
	defaultQps: number;
	defaultBurst: number;
	/** Seeded orders per linked shop (spread over the last 30 days). */
	orderCount: number;
	/** Seeded catalogue size per linked shop (approximate: variant children are added on top of parents). */
	productCount: number;
	/** Request Pickup is refused until this long after the order was accepted through the API (reference O3: ≥ 5 s). */
	pickupAfterAckSeconds: number;
}

/** Courier catalogue (L1). */
export const SHIPPERS: Array<{ shipper_id: number; shipper_name: string; code: string; services: Array<{ service_id: number; service_name: string; service_desc: string }> }> = [
	{ shipper_id: 1, shipper_name: 'JNE', code: 'jne', services: [{ service_id: 1, service_name: 'Reguler', service_desc: 'Layanan reguler 2-3 hari' }, { service_id: 6, service_name: 'YES', service_desc: 'Yakin Esok Sampai' }, { service_id: 2, service_name: 'OKE', service_desc: 'Ongkos kirim ekonomis' }] },
	{ shipper_id: 4, shipper_name: 'Pos Indonesia', code: 'pos', services: [{ service_id: 8, service_name: 'Pos Kilat Khusus', service_desc: 'Layanan reguler Pos' }] },
	{ shipper_id: 10, shipper_name: 'GoSend', code: 'gojek', services: [{ service_id: 28, service_name: 'Instant Courier', service_desc: 'Sampai di hari yang sama' }, { service_id: 29, service_name: 'Same Day', service_desc: 'Sampai dalam 6-8 jam' }] },
	{ shipper_id: 11, shipper_name: 'SiCepat', code: 'sicepat', services: [{ service_id: 18, service_name: 'Regular Package', service_desc: 'Layanan reguler SiCepat' }, { service_id: 19, service_name: 'BEST', service_desc: 'Besok Sampai Tujuan' }] },
	{ shipper_id: 14, shipper_name: 'J&T', code: 'jnt', services: [{ service_id: 27, service_name: 'Reguler', service_desc: 'Layanan reguler J&T' }] },
	{ shipper_id: 16, shipper_name: 'AnterAja', code: 'anteraja', services: [{ service_id: 46, service_name: 'Reguler', service_desc: 'Layanan reguler AnterAja' }] },
	{ shipper_id: 999, shipper_name: 'Custom Logistik', code: 'custom', services: [{ service_id: 999, service_name: 'Service Normal', service_desc: 'Kurir toko' }] },
];

export const CATEGORIES = [
	{ name: 'Fashion Wanita', id: '1758', child: [{ name: 'Atasan', id: '1768', child: [{ name: 'Blouse', id: '1770' }, { name: 'Polo Shirt', id: '1774' }] }, { name: 'Hijab', id: '1790', child: [{ name: 'Hijab Segi Empat', id: '1791' }] }] },
	{ name: 'Fashion Pria', id: '1759', child: [{ name: 'Atasan Pria', id: '1807', child: [{ name: 'Kaos Pria', id: '1808' }, { name: 'Kemeja Pria', id: '1809' }] }, { name: 'Sepatu Pria', id: '1840', child: [{ name: 'Sneakers Pria', id: '1841' }] }] },
	{ name: 'Makanan & Minuman', id: '35', child: [{ name: 'Makanan Ringan', id: '2905', child: [{ name: 'Keripik', id: '2906' }] }, { name: 'Minuman', id: '2911', child: [{ name: 'Kopi', id: '2912' }] }] },
	{ name: 'Handphone & Tablet', id: '24', child: [{ name: 'Aksesoris Handphone', id: '66', child: [{ name: 'Casing Handphone', id: '69' }, { name: 'Earphone', id: '70' }] }] },
];

export interface LeafCategory {
	id: number;
	name: string;
	path: Array<{ id: number; name: string }>;
}
export const LEAF_CATEGORIES: LeafCategory[] = [];
(function walk(nodes: any[], path: Array<{ id: number; name: string }>) {
	for (const n of nodes) {
		const p = [...path, { id: Number(n.id), name: n.name }];
		if (n.child) walk(n.child, p);
		else LEAF_CATEGORIES.push({ id: Number(n.id), name: n.name, path: p });
	}
})(CATEGORIES, []);

export interface StockResult {
	before: number;
	after: number;
}

/** The whole Tokopedia world: shops, warehouses, catalogue, orders, stock log, webhooks. */
export class TokopediaState {
	prng: Prng;
	shops: Shop[] = [];
	shopById = new Map<number, Shop>();
	warehouses = new Map<number, Warehouse>();
	warehousesByShop = new Map<number, Warehouse[]>();
	products = new Map<number, Product>();
	productsByShop = new Map<number, Product[]>();
	skuIndex = new Map<string, Product>(); // `${shop}|${sku}`
	orders = new Map<number, Order>();
	ordersByShop = new Map<number, Order[]>();
	invoiceIndex = new Map<string, Order>();
	stockLog: StockLogEntry[] = [];
	/** request_id replay guard for stock increment/decrement: `${fs}|${shop}|${request_id}` → first response data */
	requestIds = new Map<string, unknown>();
	webhooks = new Map<number, Record<string, string | number>>();
	/** Webhook hook (events.ts): set by the marketplace after seeding; called on every status change, stock change, buyer cancel request. */
	onEvent: ((e: TokopediaStateEvent) => void) | null = null;
	nextOrderId = 0;
	nextDetailId = 0;
	nextProductId = 0;
	private logSeq = 0;

	constructor(
		public seed: number,
		public clock: Clock,
		public settings: TokopediaSettings,
	) {
		this.prng = new Prng(seed ^ 0x70c0);
	}

	addShop(shop: Shop, whs: Warehouse[]): void {
		this.shops.push(shop);
		this.shopById.set(shop.shop_id, shop);
		this.warehousesByShop.set(shop.shop_id, whs);
		for (const w of whs) this.warehouses.set(w.warehouse_id, w);
		this.productsByShop.set(shop.shop_id, []);
		this.ordersByShop.set(shop.shop_id, []);
	}

	addProduct(p: Product): void {
		this.products.set(p.product_id, p);
		this.productsByShop.get(p.shop_id)!.push(p);
		if (p.sku) this.skuIndex.set(`${p.shop_id}|${p.sku}`, p);
	}

	addOrder(o: Order): void {
		this.orders.set(o.order_id, o);
		this.ordersByShop.get(o.shop_id)!.push(o);
		this.invoiceIndex.set(o.invoice, o);
	}

	linkedShops(): Shop[] {
		return this.shops.filter((s) => s.linked);
	}
	defaultWarehouse(shopId: number): Warehouse {
		const l = this.warehousesByShop.get(shopId)!;
		return l.find((w) => w.is_default) ?? l[0];
	}
	productBySku(shopId: number, sku: string): Product | undefined {
		const p = this.skuIndex.get(`${shopId}|${sku}`);
		return p && p.status !== 0 ? p : undefined;
	}
	productInShop(shopId: number, id: number): Product | undefined {
		const p = this.products.get(id);
		return p && p.shop_id === shopId && p.status !== 0 ? p : undefined;
	}
	totalStock(p: Product): number {
		if (p.children.length) return p.children.reduce((s, id) => s + this.totalStock(this.products.get(id)!), 0);
		return Object.values(p.stock).reduce((s, n) => s + n, 0);
	}
	productUrl(p: Product): string {
		const shop = this.shopById.get(p.shop_id)!;
		return `https://www.tokopedia.com/${shop.domain}/${slug(p.name)}-${p.product_id}`;
	}

	/** Set a product's stock in one warehouse, log it, and apply the automatic status rule unless bypassed. */
	setStock(p: Product, warehouseId: number, value: number, op: string, requestId: string | null, route: string | null, bypassStatus = true): StockResult {
		const before = p.stock[warehouseId] ?? 0;
		p.stock[warehouseId] = value;
		p.update_time = this.clock.now();
		this.logSeq++;
		this.stockLog.push({
			seq: this.logSeq,
			time: new Date(this.clock.nowMs()).toISOString(),
			shop_id: p.shop_id,
			warehouse_id: warehouseId,
			product_id: p.product_id,
			sku: p.sku,
			op,
			before,
			after: value,
			delta: value - before,
			request_id: requestId,
			route,
		});
		this.onEvent?.({ kind: 'stock', product: p, warehouseId, before, after: value, op });
		if (!bypassStatus) {
			const total = this.totalStock(p);
			if (total === 0 && p.status === 1) {
				p.status = 3;
				p.auto_inactive = true;
			} else if (total > 0 && p.status === 3 && p.auto_inactive) {
				p.status = 1;
				p.auto_inactive = false;
			}
		}
		return { before, after: value };
	}

	/** Return or take order quantities from stock (the order's warehouse; falls back to the default warehouse). */
	moveOrderStock(o: Order, sign: 1 | -1, op: string, quantities?: Map<number, number>): void {
		for (const it of o.items) {
			const p = this.products.get(it.product_id);
			if (!p || p.status === 0) continue;
			const qty = quantities ? (quantities.get(it.product_id) ?? 0) : it.quantity;
			if (!qty) continue;
			const wh = p.stock[o.warehouse_id] !== undefined ? o.warehouse_id : this.defaultWarehouse(p.shop_id).warehouse_id;
			const cur = p.stock[wh] ?? 0;
			this.setStock(p, wh, Math.max(0, cur + sign * qty), op, null, null);
		}
	}

	setStatus(o: Order, status: number, by: string, message?: string): void {
		const now = this.clock.now();
		o.status = status;
		o.update_time = now;
		if (status === ST.PAID && o.paid_at === null) o.paid_at = now;
		o.history.push({ status, time: now, by, message: message ?? statusMessage(status) });
		this.onEvent?.({ kind: 'status', order: o });
	}

	awbFor(o: Order): string {
		const agency = o.logistics.shipping_agency;
		const p = this.prng;
		if (agency === 'JNE') return 'CGK' + p.digits(13);
		if (agency === 'SiCepat') return '00' + p.digits(10);
		if (agency === 'J&T') return 'JP' + p.digits(10);
		if (agency === 'AnterAja') return '1000' + p.digits(11);
		if (agency === 'GoSend') return 'GK-11-' + p.digits(8);
		if (agency === 'Pos Indonesia') return 'P' + p.digits(11);
		return 'TKP' + p.digits(10);
	}

	bookingCodeFor(): string {
		return 'TKP' + this.prng.chars(9, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
	}

	/** Happy-path transitions used by the API and the control API. */
	accept(o: Order, by = 'seller'): void {
		this.setStatus(o, ST.ACCEPTED, by);
		if (!o.booking_code) o.booking_code = this.bookingCodeFor();
		if (!o.products_fulfilled.length)
			o.products_fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: i.quantity, quantity_reject: 0 }));
	}
	requestPickup(o: Order, by = 'seller'): void {
		this.setStatus(o, ST.WAITING_PICKUP, by);
		o.pickup_request_time = fmtDateTime(this.clock.now());
		if (!o.autoresi_awb) o.autoresi_awb = this.awbFor(o);
	}
	ship(o: Order, awb: string, by = 'seller'): void {
		o.awb = awb;
		this.setStatus(o, ST.SHIPPED, by, `AWB ${awb}`);
	}

	/** Reject (NACK) or cancel: every remaining quantity goes back to stock if this order had taken it. */
	releaseStock(o: Order, op: string): void {
		if (!o.stock_deducted) return;
		const q = new Map<number, number>();
		for (const it of o.items) {
			const f = o.products_fulfilled.find((x) => x.product_id === it.product_id);
			q.set(it.product_id, (q.get(it.product_id) ?? 0) + (f ? f.quantity_deliver : it.quantity));
		}
		this.moveOrderStock(o, 1, op, q);
		o.stock_deducted = false;
	}

	/** Validate shop_close_end_date DD/MM/YYYY. */
	static parseDmy(s: unknown): Date | null {
		if (typeof s !== 'string') return null;
		const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
		if (!m) return null;
		const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
		return d.getUTCDate() === +m[1] && d.getUTCMonth() === +m[2] - 1 ? d : null;
	}

	requireOrder(id: number): Order {
		const o = this.orders.get(id);
		if (!o) throw bad('ORD_API_008', 'Data Not Found');
		return o;
	}
}

export function statusMessage(s: number): string {
	return (
		{
			0: 'Pesanan dibatalkan penjual',
			10: 'Pesanan ditolak penjual',
			15: 'Pesanan dibatalkan pembeli',
			100: 'Pesanan dibuat',
			103: 'Menunggu konfirmasi pembayaran',
			220: 'Pembayaran terverifikasi',
			400: 'Pesanan diterima penjual',
			450: 'Menunggu pickup',
			500: 'Pesanan dikirim',
			600: 'Pesanan tiba di tujuan',
			700: 'Pesanan selesai',
		} as Record<number, string>
	)[s] ?? `Status ${s}`;
}

export function slug(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "YYYY-MM-DD hh:mm:ss" in WIB (UTC+7). */
export function fmtDateTime(unix: number): string {
	const d = new Date((unix + 7 * 3600) * 1000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** RFC3339 with +07:00 offset (single order timestamps). */
export function rfc3339(unix: number | null): string {
	if (unix === null) return '0001-01-01T00:00:00Z';
	const d = new Date((unix + 7 * 3600) * 1000);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}
