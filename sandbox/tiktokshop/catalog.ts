/*
 * Catalogue, inventory log, promotions, returns and idempotency records of the TikTok Shop simulator.
 * Kept beside TikTokShopState (one CatalogExt per state object, see `cat(state)`), so the shared state file stays small.
 */
import { createHash } from 'node:crypto';
import type { TikTokShopState } from './state';
import type { Order, Product, Sku, SkuRef } from './types';

export type ProductStatus =
	| 'DRAFT'
	| 'PENDING'
	| 'FAILED'
	| 'ACTIVATE'
	| 'SELLER_DEACTIVATED'
	| 'PLATFORM_DEACTIVATED'
	| 'FREEZE'
	| 'DELETED';

export const PRODUCT_STATUSES: ProductStatus[] = ['DRAFT', 'PENDING', 'FAILED', 'ACTIVATE', 'SELLER_DEACTIVATED', 'PLATFORM_DEACTIVATED', 'FREEZE', 'DELETED'];

/** Sandbox-chosen codes (documented in sandbox/README.md) plus the real ones from the reference. */
export const CODES = {
	SEARCH_CAP: 12052180, // real: search total results cannot exceed 10000
	PARTIAL_WAREHOUSES: 12019028, // real: all warehouses of a multi-warehouse SKU must be given
	CHECK_FAILED: 12052990, // real: "Check failed" (with extra_errors)
	WAREHOUSE_NOT_EXIST: 12052097, // real: "The warehouse does not exist"
	PRICE_LOCKED: 12019045, // real: price is locked by promotion
	PRODUCT_NOT_FOUND: 12052001, // sandbox-chosen
	PRODUCT_STATUS_NOT_ALLOWED: 12052002, // sandbox-chosen
	SKU_NOT_IN_PRODUCT: 12052003, // sandbox-chosen
	SELLER_SKU_DUPLICATE: 12052004, // sandbox-chosen
	CATEGORY_INVALID: 12052005, // sandbox-chosen
	NOT_MULTIPART: 36009023, // real: content-type must be multipart/form-data
	FILE_TOO_LARGE: 36009021, // real: uploaded file too large
	RR_NOT_FOUND: 24001001, // sandbox-chosen: cancellation / return not found or another shop's
	RR_STATUS_NOT_ALLOWED: 24001002, // sandbox-chosen: not pending / decision not applicable in this status
	IDEMPOTENCY_CONFLICT: 24001003, // sandbox-chosen: idempotency_key already used for a different request
	ACTIVITY_NOT_FOUND: 17001001, // sandbox-chosen
	ACTIVITY_TITLE_DUPLICATE: 17001002, // sandbox-chosen
	ACTIVITY_STATUS_NOT_ALLOWED: 17001003, // sandbox-chosen
	ACTIVITY_PRODUCT_INVALID: 17001004, // sandbox-chosen
} as const;

// ---------------- categories / brands ----------------
export interface Category {
	id: string;
	parent_id: string;
	local_name: string;
	is_leaf: boolean;
	permission_statuses: string[];
}

const CAT_DEFS: Array<[string, string, string]> = [
	// id, parent, name
	['601152', '0', 'Womenswear & Underwear'],
	['601265', '601152', "Women's Tops"],
	['601302', '601265', 'T-shirts'],
	['601303', '601265', 'Blouses & Shirts'],
	['601266', '601152', "Women's Bottoms"],
	['601304', '601266', 'Skirts'],
	['601267', '601152', 'Muslim Fashion'],
	['601305', '601267', 'Hijabs'],
	['601306', '601267', 'Gamis & Dresses'],
	['601213', '0', 'Menswear & Underwear'],
	['601226', '601213', "Men's Tops"],
	['601227', '601226', 'T-shirts'],
	['601228', '601226', 'Shirts'],
	['601229', '601226', 'Hoodies & Sweatshirts'],
	['601230', '601213', "Men's Bottoms"],
	['601231', '601230', 'Chinos'],
	['601232', '601213', 'Traditional Wear'],
	['601233', '601232', 'Sarongs'],
	['605196', '0', 'Shoes'],
	['605210', '605196', 'Sneakers'],
	['605211', '605196', 'Sandals & Flip-flops'],
	['605248', '0', 'Fashion Accessories'],
	['605249', '605248', 'Bags'],
	['605250', '605248', 'Hats & Caps'],
	['605251', '605248', 'Wallets'],
	['605252', '605248', 'Socks'],
	['605253', '605248', 'Face Masks'],
	['605254', '0', 'Home Supplies'],
	['605255', '605254', 'Drinkware'],
	['601739', '0', 'Phones & Electronics'],
	['601740', '601739', 'Phone Cases'],
	['601741', '601739', 'Earphones & Headphones'],
	['700437', '0', 'Food & Beverages'],
	['700645', '700437', 'Snacks'],
	['700646', '700437', 'Coffee'],
	['700647', '700437', 'Sauces & Condiments'],
	['601450', '0', 'Beauty & Personal Care'],
	['601451', '601450', 'Skincare'],
	['601452', '601450', 'Makeup'],
	['601453', '601450', 'Fragrance'],
];

export const CATEGORIES: Category[] = CAT_DEFS.map(([id, parent, name]) => ({
	id,
	parent_id: parent,
	local_name: name,
	is_leaf: !CAT_DEFS.some((c) => c[1] === id),
	permission_statuses: ['AVAILABLE'],
}));
export const CATEGORY_BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Seeded product noun → leaf category. */
const NOUN_CATEGORY: Record<string, string> = {
	'Kaos Polos': '601227',
	'Kemeja Batik': '601228',
	'Celana Chino': '601231',
	'Hijab Voal': '601305',
	'Tas Selempang': '605249',
	'Sepatu Sneakers': '605210',
	'Jaket Hoodie': '601229',
	'Gamis Syari': '601306',
	'Sandal Jepit': '605211',
	'Dompet Kulit': '605251',
	'Topi Baseball': '605250',
	'Kaos Kaki': '605252',
	'Rok Plisket': '601304',
	'Blouse Wanita': '601303',
	'Sarung Tenun': '601233',
	'Masker Kain': '605253',
	'Botol Minum': '605255',
	'Casing HP': '601740',
	'Earphone Bluetooth': '601741',
	'Kopi Bubuk Arabika': '700646',
	'Sambal Bawang': '700647',
	'Keripik Pisang': '700645',
	'Skincare Serum': '601451',
	'Lipstik Matte': '601452',
	'Parfum Unisex': '601453',
};

export function categoryChain(leafId: string): Array<{ id: string; parent_id: string; local_name: string; is_leaf: boolean }> {
	const out: Array<{ id: string; parent_id: string; local_name: string; is_leaf: boolean }> = [];
	let c = CATEGORY_BY_ID.get(leafId);
	while (c) {
		out.unshift({ id: c.id, parent_id: c.parent_id, local_name: c.local_name, is_leaf: c.is_leaf });
		c = c.parent_id === '0' ? undefined : CATEGORY_BY_ID.get(c.parent_id);
	}
	return out;
}

export function rootOf(catId: string): string {
	const chain = categoryChain(catId);
	return chain[0]?.id ?? catId;
}

export interface Brand {
	id: string;
	name: string;
	authorized_status: 'AUTHORIZED' | 'UNAUTHORIZED';
	brand_status: 'AVAILABLE' | 'UNAVAILABLE';
	is_t1_brand: boolean;
	/** root categories the brand can be used in */
	roots: string[];
}

const BRAND_DEFS: Array<[string, string, string[], boolean]> = [
	['7082427311584347905', 'Sandbox Basics', ['601152', '601213', '605196', '605248'], true],
	['7082427311584347906', 'Batik Nusantara', ['601152', '601213'], true],
	['7082427311584347907', 'Kopi Kenangan Senja', ['700437'], false],
	['7082427311584347908', 'Glow Tropis', ['601450'], true],
	['7082427311584347909', 'Langkah Ringan', ['605196'], false],
	['7082427311584347910', 'Tekno Murah', ['601739'], true],
	['7082427311584347911', 'Dapur Nenek', ['700437'], true],
	['7082427311584347912', 'Urban Hijab', ['601152'], true],
	['7082427311584347913', 'Rumah Rapi', ['605254', '605248'], false],
	['7082427311584347914', 'Nike', ['605196', '601213', '601152'], false],
	['7082427311584347915', 'Wardah', ['601450'], false],
	['7082427311584347916', 'Eiger', ['605248', '601213'], false],
];
export const BRANDS: Brand[] = BRAND_DEFS.map(([id, name, roots, auth]) => ({
	id,
	name,
	authorized_status: auth ? 'AUTHORIZED' : 'UNAUTHORIZED',
	brand_status: 'AVAILABLE',
	is_t1_brand: !auth,
	roots,
}));

// ---------------- records ----------------
export interface ProductExtra {
	description: string;
	category_id: string;
	brand_id?: string;
	main_images: Array<{ uri: string; urls: string[]; width: number; height: number }>;
	product_attributes: Array<{ id: string; name: string; values: Array<{ id: string; name: string }> }>;
	package_weight: { value: string; unit: string };
	package_dimensions: { length: string; width: string; height: string; unit: string };
	is_cod_allowed: boolean;
	/** status before DELETE (recover restores SELLER_DEACTIVATED; kept for the control view) */
	deleted_from?: string;
	audit_status: 'NONE' | 'AUDITING' | 'APPROVED' | 'FAILED';
	audit_failed_reasons?: Array<{ reasons: string[]; suggestions: string[] }>;
	/** business time when a PENDING product gets approved automatically (undefined = manual only) */
	audit_due?: number;
	/** status to restore when an edit's audit passes */
	status_after_audit?: string;
}

export interface InventoryLogEntry {
	seq: number;
	time: number;
	shop_id: string;
	product_id: string;
	sku_id: string;
	seller_sku: string;
	warehouse_id: string;
	before: number;
	after: number;
	delta: number;
	/** api_update | product_create | product_edit | order_reserve | order_release */
	source: string;
	route?: string;
	request_id?: string;
	order_id?: string;
}

export interface ActivityProductSku {
	id: string;
	activity_price_amount?: string;
	discount?: string;
	quantity_limit: number;
	quantity_per_user: number;
}
export interface ActivityProduct {
	id: string;
	activity_price_amount?: string;
	discount?: string;
	quantity_limit: number;
	quantity_per_user: number;
	skus: ActivityProductSku[];
}
export interface Activity {
	activity_id: string;
	shopId: string;
	title: string;
	activity_type: string;
	product_level: string;
	duration_type: string;
	begin_time: number;
	end_time: number;
	create_time: number;
	update_time: number;
	deactivated: boolean;
	discount?: unknown;
	participation_limit?: unknown;
	target_user_info?: unknown;
	products: Map<string, ActivityProduct>;
}

export interface ReturnOrder {
	return_id: string;
	order_id: string;
	shopId: string;
	return_status: string;
	return_type: 'REFUND' | 'RETURN_AND_REFUND';
	role: 'BUYER';
	return_reason: string;
	return_reason_text: string;
	create_time: number;
	update_time: number;
	order_line_item_ids: string[];
	return_method?: 'DROP_OFF' | 'PICKUP';
	return_tracking_number?: string;
	return_provider_name?: string;
	return_provider_id?: string;
	arbitration_status?: string;
	seller_decision?: string;
	reject_reason?: string;
	comment?: string;
	history: Array<{ status: string; time: number; decision?: string }>;
}

export interface IdemRecord {
	fingerprint: string;
	code: number;
	message: string;
	data: unknown;
	status: number;
}

export interface ImageRec {
	uri: string;
	url: string;
	width: number;
	height: number;
	use_case: string;
	size: number;
}

export class CatalogExt {
	extras = new Map<string, ProductExtra>();
	inventoryLog: InventoryLogEntry[] = [];
	private seq = 0;
	activities = new Map<string, Activity>();
	returns = new Map<string, ReturnOrder>();
	/** idempotency records: `${shopId}|${key}` */
	idem = new Map<string, IdemRecord>();
	images = new Map<string, ImageRec>();
	constructor(private state: TikTokShopState) {}

	extra(p: Product): ProductExtra {
		let e = this.extras.get(p.id);
		if (!e) {
			const noun = Object.keys(NOUN_CATEGORY).find((n) => p.title.startsWith(n));
			const cat = noun ? NOUN_CATEGORY[noun] : '605255';
			const h = createHash('sha1').update(p.id).digest();
			const root = rootOf(cat);
			const brands = BRANDS.filter((b) => b.roots.includes(root));
			const brand = brands.length && h[0] % 3 !== 0 ? brands[h[1] % brands.length] : undefined;
			const grams = 100 + (h[2] % 20) * 50;
			e = {
				description: `<p>${escapeHtml(p.title)} — kualitas terbaik, siap kirim dari gudang kami.</p><ul><li>Bahan nyaman</li><li>Garansi tukar ukuran 7 hari</li></ul>`,
				category_id: cat,
				brand_id: brand?.id,
				main_images: [{ uri: p.main_image.replace(/^https:\/\/[^/]+\//, '').replace(/~.*$/, ''), urls: [p.main_image], width: 800, height: 800 }],
				product_attributes: [{ id: '100392', name: 'Negara Asal', values: [{ id: '1000059', name: 'Indonesia' }] }],
				package_weight: { value: String(grams), unit: 'GRAM' },
				package_dimensions: { length: '20', width: '15', height: String(3 + (h[3] % 10)), unit: 'CENTIMETER' },
				is_cod_allowed: h[4] % 4 !== 0,
				audit_status: p.status === 'PENDING' ? 'AUDITING' : p.status === 'DRAFT' ? 'NONE' : 'APPROVED',
			};
			this.extras.set(p.id, e);
		}
		return e;
	}

	logStock(ref: SkuRef, warehouseId: string, before: number, after: number, source: string, extra: Partial<InventoryLogEntry> = {}): void {
		if (before === after && source !== 'api_update') return;
		this.inventoryLog.push({
			seq: ++this.seq,
			time: this.state.clock.now(),
			shop_id: ref.shopId,
			product_id: ref.product.id,
			sku_id: ref.sku.id,
			seller_sku: ref.sku.seller_sku,
			warehouse_id: warehouseId,
			before,
			after,
			delta: after - before,
			source,
			...extra,
		});
	}

	activityStatus(a: Activity, now = this.state.clock.now()): string {
		if (a.deactivated) return 'DEACTIVATED';
		if (a.duration_type === 'INDEFINITE') return 'ONGOING';
		if (now < a.begin_time) return 'NOT_START';
		if (now < a.end_time) return 'ONGOING';
		return 'EXPIRED';
	}

	/** Ongoing price-type activity that contains the product (price lock). */
	lockingActivity(productId: string): Activity | undefined {
		for (const a of this.activities.values()) {
			if (!['FIXED_PRICE', 'DIRECT_DISCOUNT', 'FLASHSALE'].includes(a.activity_type)) continue;
			if (a.products.has(productId) && this.activityStatus(a) === 'ONGOING') return a;
		}
		return undefined;
	}

	/** Auto-approve PENDING products whose audit is due (called before product reads/writes). */
	settleAudits(now: number): void {
		for (const [id, e] of this.extras) {
			if (e.audit_due === undefined || e.audit_due > now) continue;
			const rec = this.state.productById.get(id);
			e.audit_due = undefined;
			if (!rec || rec.product.status !== 'PENDING') continue;
			this.finishAudit(rec.product, true, now);
		}
	}

	finishAudit(p: Product, approved: boolean, now: number, reason?: string): void {
		const e = this.extra(p);
		e.audit_due = undefined;
		if (approved) {
			p.status = e.status_after_audit ?? 'ACTIVATE';
			e.audit_status = 'APPROVED';
			delete e.audit_failed_reasons;
		} else {
			p.status = 'FAILED';
			e.audit_status = 'FAILED';
			e.audit_failed_reasons = [{ reasons: [reason ?? 'Product information does not meet the listing rules'], suggestions: ['Edit the product and resubmit'] }];
		}
		e.status_after_audit = undefined;
		p.update_time = Math.max(p.update_time, now);
		syncIntegrated(p);
	}
}

export function syncIntegrated(p: Product): void {
	if (p.integrated_platform_statuses) p.integrated_platform_statuses = [{ platform: 'TOKOPEDIA', status: p.status === 'ACTIVATE' ? 'LIVE' : 'NOT_LIVE' }];
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

const EXT = new WeakMap<TikTokShopState, CatalogExt>();

/** The catalogue extension of a state object (created on first use). */
export function cat(state: TikTokShopState): CatalogExt {
	let e = EXT.get(state);
	if (!e) {
		e = new CatalogExt(state);
		EXT.set(state, e);
	}
	return e;
}

// ---------------- views ----------------
export function skuSearchView(s: Sku): Record<string, unknown> {
	return {
		id: s.id,
		seller_sku: s.seller_sku,
		price: { ...s.price },
		inventory: s.inventory.map((i) => ({ warehouse_id: i.warehouse_id, quantity: i.quantity })),
	};
}

export function productSearchView(p: Product): Record<string, unknown> {
	const out: Record<string, unknown> = {
		id: p.id,
		title: p.title,
		status: p.status,
		create_time: p.create_time,
		update_time: p.update_time,
		sales_regions: [...p.sales_regions],
		skus: p.skus.map(skuSearchView),
		listing_quality_tier: p.listing_quality_tier,
		recommended_categories: [],
		product_sync_fail_reasons: [],
	};
	if (p.integrated_platform_statuses) out.integrated_platform_statuses = p.integrated_platform_statuses.map((x) => ({ ...x }));
	return out;
}

export function productDetailView(c: CatalogExt, p: Product): Record<string, unknown> {
	const e = c.extra(p);
	const brand = e.brand_id ? BRANDS.find((b) => b.id === e.brand_id) : undefined;
	const out: Record<string, unknown> = {
		id: p.id,
		title: p.title,
		description: e.description,
		status: p.status,
		audit: { status: e.audit_status === 'NONE' ? 'NONE' : e.audit_status },
		create_time: p.create_time,
		update_time: p.update_time,
		category_chains: categoryChain(e.category_id),
		main_images: e.main_images.map((i) => ({ ...i, urls: [...i.urls] })),
		product_attributes: e.product_attributes,
		package_weight: { ...e.package_weight },
		package_dimensions: { ...e.package_dimensions },
		is_cod_allowed: e.is_cod_allowed,
		is_not_for_sale: false,
		listing_quality_tier: p.listing_quality_tier,
		skus: p.skus.map((s) => ({
			id: s.id,
			seller_sku: s.seller_sku,
			price: { amount: s.price.sale_price, currency: s.price.currency, sale_price: s.price.sale_price, tax_exclusive_price: s.price.tax_exclusive_price },
			inventory: s.inventory.map((i) => ({ warehouse_id: i.warehouse_id, quantity: i.quantity })),
			sales_attributes: s.sales_attributes.map((a) => ({ ...a })),
			status_info: { status: p.status === 'ACTIVATE' ? 'NORMAL' : 'UNAVAILABLE' },
		})),
	};
	if (brand) out.brand = { id: brand.id, name: brand.name };
	if (e.audit_failed_reasons) out.audit_failed_reasons = e.audit_failed_reasons;
	if (p.integrated_platform_statuses) out.integrated_platform_statuses = p.integrated_platform_statuses.map((x) => ({ ...x }));
	return out;
}

/** committed (reserved, not yet shipped) units per sku|warehouse from open orders. */
export function committedUnits(state: TikTokShopState): Map<string, number> {
	const m = new Map<string, number>();
	for (const o of state.orders.values()) {
		if (!['AWAITING_SHIPMENT', 'ON_HOLD', 'PARTIALLY_SHIPPING'].includes(o.status)) continue;
		const meta = state.orderMeta.get(o.id);
		if (!meta?.stockReserved) continue;
		for (const li of o.line_items) {
			if (meta.cancelledLineItems.has(li.id) || li.package_status !== 'TO_FULFILL') continue;
			const k = `${li.sku_id}|${o.warehouse_id}`;
			m.set(k, (m.get(k) ?? 0) + 1);
		}
	}
	return m;
}

export function activityView(c: CatalogExt, a: Activity, withProducts: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {
		title: a.title,
		activity_type: a.activity_type,
		status: c.activityStatus(a),
		begin_time: a.begin_time,
		end_time: a.end_time,
		duration_type: a.duration_type,
		product_level: a.product_level,
		create_time: a.create_time,
		update_time: a.update_time,
	};
	if (a.discount !== undefined) out.discount = a.discount;
	if (a.participation_limit !== undefined) out.participation_limit = a.participation_limit;
	if (a.target_user_info !== undefined) out.target_user_info = a.target_user_info;
	if (withProducts) {
		const price = (amt?: string) => (amt === undefined ? undefined : { amount: amt, currency: 'IDR' });
		out.products = [...a.products.values()].map((p) => ({
			id: p.id,
			...(p.activity_price_amount !== undefined ? { activity_price: price(p.activity_price_amount) } : {}),
			...(p.discount !== undefined ? { discount: p.discount } : {}),
			quantity_limit: p.quantity_limit,
			quantity_per_user: p.quantity_per_user,
			skus: p.skus.map((s) => ({
				id: s.id,
				...(s.activity_price_amount !== undefined ? { activity_price: price(s.activity_price_amount) } : {}),
				...(s.discount !== undefined ? { discount: s.discount } : {}),
				quantity_limit: s.quantity_limit,
				quantity_per_user: s.quantity_per_user,
			})),
		}));
	}
	return out;
}

// ---------------- cancellation / return views ----------------
function lineRefund(order: Order, ids: string[]) {
	const items = order.line_items.filter((l) => ids.includes(l.id));
	const subtotal = items.reduce((s, l) => s + Number(l.sale_price), 0);
	return { items, subtotal };
}

export function refundAmount(order: Order, ids: string[], includeShipping: boolean): Record<string, string> {
	const { subtotal } = lineRefund(order, ids);
	const ship = includeShipping ? Number(order.payment.shipping_fee ?? 0) : 0;
	return {
		currency: 'IDR',
		refund_total: String(subtotal + ship),
		refund_subtotal: String(subtotal),
		refund_shipping_fee: String(ship),
		refund_tax: '0',
		retail_delivery_fee: '0',
		buyer_service_fee: '0',
	};
}

export function lineItemsView(order: Order, ids: string[], prefix: 'cancel' | 'return') {
	return order.line_items
		.filter((l) => ids.includes(l.id))
		.map((l) => ({
			[`${prefix}_line_item_id`]: createHash('sha1').update(prefix + l.id).digest('hex').slice(0, 16).replace(/[a-f]/g, (x) => String(x.charCodeAt(0) % 10)),
			order_line_item_id: l.id,
			sku_id: l.sku_id,
			sku_name: l.sku_name,
			seller_sku: l.seller_sku,
			product_name: l.product_name,
			product_image: { url: l.sku_image, width: 800, height: 800 },
			refund_amount: { currency: 'IDR', refund_total: l.sale_price, refund_subtotal: l.sale_price, refund_shipping_fee: '0', refund_tax: '0' },
		}));
}
