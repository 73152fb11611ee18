import { createHash } from 'node:crypto';
import { mediaType, type Router } from '../../common/http';
import {
	BRANDS,
	CATEGORIES,
	CATEGORY_BY_ID,
	CODES,
	type CatalogExt,
	PRODUCT_STATUSES,
	cat,
	committedUnits,
	productDetailView,
	productSearchView,
	rootOf,
	syncIntegrated,
} from '../catalog';
import { ApiError, bizError, invalidParam, ok } from '../envelope';
import type { TikTokShopState } from '../state';
import type { Product, Shop, Sku, SkuRef } from '../types';
import { type ApiCtx, type Handler, decodePageToken, encodePageToken, optInt, pageSize, paginate, requireShop } from './common';

export const SEARCH_RESULT_CAP = 10000;
export const BATCH_PRODUCT_MAX = 20;
export const MAX_QUANTITY = 99999;
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_USE_CASES = ['MAIN_IMAGE', 'ATTRIBUTE_IMAGE', 'DESCRIPTION_IMAGE', 'CERTIFICATION_IMAGE', 'SIZE_CHART_IMAGE'];
const WEIGHT_UNITS = ['GRAM', 'KILOGRAM', 'POUND'];

function productOr(c: ApiCtx, id: string): Product {
	const shop = requireShop(c);
	const rec = c.state.productById.get(id);
	if (!rec || rec.shopId !== shop.id) throw bizError(CODES.PRODUCT_NOT_FOUND, `The product ${id} does not exist or does not belong to the current shop.`);
	return rec.product;
}

function strArray(b: any, key: string, max: number, required: boolean): string[] | undefined {
	const v = b?.[key];
	if (v === undefined || v === null) {
		if (required) throw invalidParam(`${key} is required (non-empty array of strings)`);
		return undefined;
	}
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) throw invalidParam(`${key} must be an array of non-empty strings`);
	if (required && v.length === 0) throw invalidParam(`${key} is required (non-empty array of strings)`);
	if (v.length > max) throw invalidParam(`${key} accepts at most ${max} items, got ${v.length}`);
	return [...new Set(v as string[])];
}

function amountString(v: unknown, what: string): string {
	if (typeof v !== 'string' || !/^\d+(\.\d{1,2})?$/.test(v) || Number(v) <= 0) throw invalidParam(`${what} must be a positive decimal string (e.g. "45000")`);
	return String(Number(v));
}

function quantity(v: unknown, what: string): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_QUANTITY) throw invalidParam(`${what} must be an integer between 0 and ${MAX_QUANTITY}`);
	return v;
}

function salesWarehouse(state: TikTokShopState, shop: Shop, id: string): boolean {
	const w = state.warehouseById.get(id);
	return !!w && w.shopId === shop.id && w.warehouse.type === 'SALES_WAREHOUSE';
}

function auditSeconds(state: TikTokShopState): number | undefined {
	const s = state.settings.productAuditSeconds ?? 0;
	return s < 0 ? undefined : s;
}

/** Remove all index entries of a product's SKUs, then re-add the current ones (after create/edit). */
function reindex(state: TikTokShopState, shopId: string, product: Product, oldSkus: Sku[]): void {
	const bySeller = state.skuBySellerSku.get(shopId)!;
	for (const s of oldSkus) {
		if (state.skuById.get(s.id)?.product === product) state.skuById.delete(s.id);
		if (bySeller.get(s.seller_sku)?.sku === s) bySeller.delete(s.seller_sku);
	}
	for (const [wid, list] of state.skusByWarehouse) {
		const kept = list.filter((r) => r.product !== product);
		if (kept.length !== list.length) state.skusByWarehouse.set(wid, kept);
	}
	for (const sku of product.skus) {
		const ref: SkuRef = { shopId, product, sku };
		state.skuById.set(sku.id, ref);
		if (sku.seller_sku) bySeller.set(sku.seller_sku, ref);
		for (const inv of sku.inventory) state.skusByWarehouse.get(inv.warehouse_id)?.push(ref);
	}
}

interface SkuInput {
	id?: string;
	seller_sku?: string;
	price?: string;
	inventory?: Array<{ warehouse_id: string; quantity: number }>;
	sales_attributes?: Sku['sales_attributes'];
}

function parseSkus(c: ApiCtx, shop: Shop, raw: unknown, full: boolean): SkuInput[] {
	if (!Array.isArray(raw) || raw.length === 0) throw invalidParam('skus is required (non-empty array)');
	if (raw.length > 100) throw invalidParam('skus accepts at most 100 items');
	return raw.map((s: any, i: number) => {
		if (!s || typeof s !== 'object') throw invalidParam(`skus[${i}] must be an object`);
		const out: SkuInput = {};
		if (s.id !== undefined) {
			if (typeof s.id !== 'string' || !s.id) throw invalidParam(`skus[${i}].id must be a string`);
			out.id = s.id;
		}
		if (s.seller_sku !== undefined) {
			if (typeof s.seller_sku !== 'string' || s.seller_sku.length > 50) throw invalidParam(`skus[${i}].seller_sku must be a string of at most 50 characters`);
			out.seller_sku = s.seller_sku;
		}
		if (s.price !== undefined || full) {
			if (!s.price || typeof s.price !== 'object') throw invalidParam(`skus[${i}].price is required ({amount, currency})`);
			if (s.price.currency !== 'IDR') throw invalidParam(`skus[${i}].price.currency must be IDR for this shop`);
			out.price = amountString(s.price.amount, `skus[${i}].price.amount`);
		}
		if (s.inventory !== undefined || full) {
			if (!Array.isArray(s.inventory) || !s.inventory.length) throw invalidParam(`skus[${i}].inventory is required (non-empty array of {warehouse_id, quantity})`);
			const seen = new Set<string>();
			out.inventory = s.inventory.map((inv: any, j: number) => {
				const wid = inv?.warehouse_id;
				if (typeof wid !== 'string' || !wid) throw invalidParam(`skus[${i}].inventory[${j}].warehouse_id is required`);
				if (seen.has(wid)) throw invalidParam(`skus[${i}].inventory has warehouse ${wid} twice`);
				seen.add(wid);
				if (!salesWarehouse(c.state, shop, wid)) throw bizError(CODES.WAREHOUSE_NOT_EXIST, `The warehouse does not exist: ${wid}`);
				return { warehouse_id: wid, quantity: quantity(inv.quantity, `skus[${i}].inventory[${j}].quantity`) };
			});
		}
		if (s.sales_attributes !== undefined) {
			if (!Array.isArray(s.sales_attributes)) throw invalidParam(`skus[${i}].sales_attributes must be an array`);
			out.sales_attributes = s.sales_attributes.map((a: any, j: number) => {
				if (!a || typeof a.name !== 'string' || typeof (a.value_name ?? '') !== 'string' || !(a.value_name || a.value_id))
					throw invalidParam(`skus[${i}].sales_attributes[${j}] needs name and value_name (or value_id)`);
				return {
					id: String(a.id ?? createHash('sha1').update(a.name).digest('hex').replace(/\D/g, '').slice(0, 6)),
					name: a.name,
					value_id: String(a.value_id ?? '7' + createHash('sha1').update(a.name + '|' + a.value_name).digest('hex').replace(/\D/g, '').padEnd(18, '0').slice(0, 18)),
					value_name: String(a.value_name ?? a.value_id),
				};
			});
		}
		return out;
	});
}

interface ProductInput {
	title?: string;
	description?: string;
	category_id?: string;
	brand_id?: string;
	main_images?: Array<{ uri: string }>;
	package_weight?: { value: string; unit: string };
	package_dimensions?: { length: string; width: string; height: string; unit: string };
	product_attributes?: any[];
	is_cod_allowed?: boolean;
	skus?: SkuInput[];
}

function parseProduct(c: ApiCtx, shop: Shop, b: any, full: boolean): ProductInput {
	const out: ProductInput = {};
	if (b.title !== undefined || full) {
		if (typeof b.title !== 'string' || !b.title.trim() || b.title.length > 255) throw invalidParam('title is required (1-255 characters)');
		out.title = b.title;
	}
	if (b.description !== undefined || full) {
		if (typeof b.description !== 'string' || !b.description.trim() || b.description.length > 10000) throw invalidParam('description is required (HTML, at most 10000 characters)');
		out.description = b.description;
	}
	if (b.category_id !== undefined || full) {
		if (typeof b.category_id !== 'string' || !b.category_id) throw invalidParam('category_id is required');
		const cg = CATEGORY_BY_ID.get(b.category_id);
		if (!cg) throw bizError(CODES.CATEGORY_INVALID, `The category ${b.category_id} does not exist.`);
		if (!cg.is_leaf) throw bizError(CODES.CATEGORY_INVALID, `The category ${b.category_id} is not a leaf category.`);
		out.category_id = b.category_id;
	}
	if (b.brand_id !== undefined && b.brand_id !== '') {
		if (typeof b.brand_id !== 'string' || !BRANDS.some((x) => x.id === b.brand_id)) throw invalidParam(`brand_id ${b.brand_id} does not exist`);
		out.brand_id = b.brand_id;
	}
	if (b.main_images !== undefined || full) {
		if (!Array.isArray(b.main_images) || !b.main_images.length || b.main_images.length > 9 || b.main_images.some((i: any) => typeof i?.uri !== 'string' || !i.uri))
			throw invalidParam('main_images is required (1-9 items of {uri})');
		out.main_images = b.main_images.map((i: any) => ({ uri: i.uri }));
	}
	if (b.package_weight !== undefined || full) {
		const w = b.package_weight;
		if (!w || typeof w.value !== 'string' || !(Number(w.value) > 0) || !WEIGHT_UNITS.includes(w.unit))
			throw invalidParam(`package_weight is required ({value: positive decimal string, unit: ${WEIGHT_UNITS.join('|')}})`);
		out.package_weight = { value: w.value, unit: w.unit };
	}
	if (b.package_dimensions !== undefined) {
		const d = b.package_dimensions;
		if (!d || ['length', 'width', 'height'].some((k) => typeof d[k] !== 'string' || !(Number(d[k]) > 0)) || !['CENTIMETER', 'INCH'].includes(d.unit))
			throw invalidParam('package_dimensions must be {length, width, height (positive decimal strings), unit: CENTIMETER|INCH}');
		out.package_dimensions = { length: d.length, width: d.width, height: d.height, unit: d.unit };
	}
	if (b.product_attributes !== undefined) {
		if (!Array.isArray(b.product_attributes)) throw invalidParam('product_attributes must be an array');
		out.product_attributes = b.product_attributes;
	}
	if (b.is_cod_allowed !== undefined) {
		if (typeof b.is_cod_allowed !== 'boolean') throw invalidParam('is_cod_allowed must be a boolean');
		out.is_cod_allowed = b.is_cod_allowed;
	}
	if (b.skus !== undefined || full) out.skus = parseSkus(c, shop, b.skus, full);
	if (out.skus && full && out.skus.length > 1 && out.skus.some((s) => !s.sales_attributes?.length))
		throw invalidParam('every SKU needs sales_attributes when a product has more than one SKU');
	return out;
}

function checkSellerSkus(state: TikTokShopState, shop: Shop, skus: SkuInput[], product?: Product): void {
	const seen = new Set<string>();
	const map = state.skuBySellerSku.get(shop.id)!;
	for (const s of skus) {
		if (!s.seller_sku) continue;
		if (seen.has(s.seller_sku)) throw bizError(CODES.SELLER_SKU_DUPLICATE, `Duplicate seller_sku in the request: ${s.seller_sku}`);
		seen.add(s.seller_sku);
		const owner = map.get(s.seller_sku);
		if (owner && owner.product !== product) throw bizError(CODES.SELLER_SKU_DUPLICATE, `seller_sku ${s.seller_sku} is already used by product ${owner.product.id}`);
		if (owner && owner.product === product && s.id && owner.sku.id !== s.id)
			throw bizError(CODES.SELLER_SKU_DUPLICATE, `seller_sku ${s.seller_sku} is already used by SKU ${owner.sku.id}`);
	}
}

function imageView(uri: string, x: CatalogExt) {
	const img = x.images.get(uri);
	return { uri, urls: [img?.url ?? `https://p16-oec-sg.ibyteimg.com/${uri}~tplv-aphluv4xwc-origin-jpeg.jpeg`], width: img?.width ?? 800, height: img?.height ?? 800 };
}

function applyProductInput(c: ApiCtx, shop: Shop, product: Product, input: ProductInput, mode: 'create' | 'replace' | 'partial'): void {
	const x = cat(c.state);
	const e = x.extra(product);
	if (input.title !== undefined) product.title = input.title;
	if (input.description !== undefined) e.description = input.description;
	if (input.category_id !== undefined) e.category_id = input.category_id;
	if (input.brand_id !== undefined) e.brand_id = input.brand_id;
	if (input.main_images) {
		e.main_images = input.main_images.map((i) => imageView(i.uri, x));
		product.main_image = e.main_images[0].urls[0];
	}
	if (input.package_weight) e.package_weight = input.package_weight;
	if (input.package_dimensions) e.package_dimensions = input.package_dimensions;
	if (input.product_attributes) e.product_attributes = input.product_attributes;
	if (input.is_cod_allowed !== undefined) e.is_cod_allowed = input.is_cod_allowed;
	if (!input.skus) return;
	const oldSkus = [...product.skus];
	const next: Sku[] = mode === 'partial' ? [...product.skus] : [];
	const source = mode === 'create' ? 'product_create' : 'product_edit';
	for (const si of input.skus) {
		let sku = si.id ? product.skus.find((s) => s.id === si.id) : undefined;
		const before = new Map((sku?.inventory ?? []).map((i) => [i.warehouse_id, i.quantity]));
		if (!sku) {
			const price = si.price ?? '0';
			sku = {
				id: c.state.ids.next('173', 19),
				seller_sku: si.seller_sku ?? '',
				price: { currency: 'IDR', sale_price: price, tax_exclusive_price: price },
				inventory: si.inventory ?? [],
				sales_attributes: si.sales_attributes ?? [],
			};
		} else {
			if (si.seller_sku !== undefined) sku.seller_sku = si.seller_sku;
			if (si.price !== undefined) sku.price = { currency: 'IDR', sale_price: si.price, tax_exclusive_price: si.price };
			if (si.inventory) sku.inventory = si.inventory.map((i) => ({ ...i }));
			if (si.sales_attributes) sku.sales_attributes = si.sales_attributes;
		}
		if (mode !== 'partial') next.push(sku);
		if (si.inventory) {
			const ref: SkuRef = { shopId: shop.id, product, sku };
			for (const inv of sku.inventory) x.logStock(ref, inv.warehouse_id, before.get(inv.warehouse_id) ?? 0, inv.quantity, source, { request_id: c.requestId, route: c.routeKey });
		}
	}
	product.skus = next;
	reindex(c.state, shop.id, product, oldSkus);
}

function startAudit(c: ApiCtx, product: Product, statusAfter: string): void {
	const e = cat(c.state).extra(product);
	product.status = 'PENDING';
	e.audit_status = 'AUDITING';
	e.status_after_audit = statusAfter;
	const s = auditSeconds(c.state);
	e.audit_due = s === undefined ? undefined : c.now + s;
	delete e.audit_failed_reasons;
	syncIntegrated(product);
}

function batchStatus(c: ApiCtx, change: (p: Product) => string | null): ReturnType<typeof ok> {
	const shop = requireShop(c);
	const x = cat(c.state);
	x.settleAudits(c.now);
	const ids = strArray(c.body, 'product_ids', Number.MAX_SAFE_INTEGER, true)!;
	if (ids.length > BATCH_PRODUCT_MAX) throw invalidParam(`product_ids accepts at most ${BATCH_PRODUCT_MAX} ids per call, got ${ids.length}`);
	const errors: Array<{ code: number; message: string; detail: { product_id: string } }> = [];
	for (const id of ids) {
		const rec = c.state.productById.get(id);
		if (!rec || rec.shopId !== shop.id) {
			errors.push({ code: CODES.PRODUCT_NOT_FOUND, message: `The product ${id} does not exist or does not belong to the current shop.`, detail: { product_id: id } });
			continue;
		}
		const p = rec.product;
		const refusal = change(p);
		if (refusal) {
			errors.push({ code: CODES.PRODUCT_STATUS_NOT_ALLOWED, message: refusal, detail: { product_id: id } });
			continue;
		}
		p.update_time = Math.max(p.update_time, c.now);
		syncIntegrated(p);
	}
	return ok(errors.length ? { errors } : {});
}

// ---------- multipart ----------
interface Part {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Part[] {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!m) throw invalidParam('multipart/form-data body without boundary');
	const boundary = Buffer.from('--' + (m[1] ?? m[2]).trim());
	const parts: Part[] = [];
	let pos = body.indexOf(boundary);
	if (pos < 0) throw invalidParam('multipart body does not contain the boundary');
	for (;;) {
		pos += boundary.length;
		if (body.subarray(pos, pos + 2).toString() === '--') break;
		if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
		const headEnd = body.indexOf('\r\n\r\n', pos);
		if (headEnd < 0) throw invalidParam('malformed multipart body');
		const head = body.subarray(pos, headEnd).toString('utf8');
		const next = body.indexOf(boundary, headEnd + 4);
		if (next < 0) throw invalidParam('malformed multipart body (no closing boundary)');
		let end = next;
		if (body[end - 2] === 0x0d && body[end - 1] === 0x0a) end -= 2;
		const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
		const name = /name="([^"]*)"/i.exec(disp)?.[1] ?? '';
		const filename = /filename="([^"]*)"/i.exec(disp)?.[1];
		const ct = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
		parts.push({ name, filename, contentType: ct, data: body.subarray(headEnd + 4, end) });
		pos = next;
	}
	return parts;
}

export function imageSize(buf: Buffer): { width: number; height: number; format: string } | null {
	if (buf.length >= 24 && buf.readUInt32BE(0) === 0x89504e47) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), format: 'png' };
	if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) {
		let i = 2;
		while (i + 9 < buf.length) {
			if (buf[i] !== 0xff) return null;
			const marker = buf[i + 1];
			const len = buf.readUInt16BE(i + 2);
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), format: 'jpeg' };
			i += 2 + len;
		}
		return null;
	}
	if (buf.length >= 30 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') {
		const chunk = buf.toString('ascii', 12, 16);
		if (chunk === 'VP8X') return { width: 1 + buf.readUIntLE(24, 3), height: 1 + buf.readUIntLE(27, 3), format: 'webp' };
		if (chunk === 'VP8 ') return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff, format: 'webp' };
		return { width: 1, height: 1, format: 'webp' };
	}
	return null;
}

// ---------- attributes / rules per root category ----------
const COLORS = ['Hitam', 'Putih', 'Navy', 'Merah', 'Abu-abu', 'Hijau Army', 'Krem', 'Maroon'];
const APPAREL_ROOTS = ['601152', '601213', '605196'];

function attributesFor(catId: string) {
	const root = rootOf(catId);
	const attrs: Array<Record<string, unknown>> = [
		{
			id: '100000',
			name: 'Warna',
			type: 'SALES_PROPERTY',
			is_requried: false,
			is_customizable: true,
			is_multiple_selection: false,
			value_data_format: 'POSITIVE_INT_OR_DECIMAL',
			values: COLORS.map((v, i) => ({ id: String(7000000000000000000n + BigInt(i)), name: v })),
		},
	];
	if (APPAREL_ROOTS.includes(root))
		attrs.push({
			id: '100007',
			name: 'Ukuran',
			type: 'SALES_PROPERTY',
			is_requried: false,
			is_customizable: true,
			is_multiple_selection: false,
			values: ['S', 'M', 'L', 'XL', 'XXL'].map((v, i) => ({ id: String(7100000000000000000n + BigInt(i)), name: v })),
		});
	attrs.push({
		id: '100392',
		name: 'Negara Asal',
		type: 'PRODUCT_PROPERTY',
		is_requried: true,
		is_customizable: false,
		is_multiple_selection: false,
		values: [
			{ id: '1000059', name: 'Indonesia' },
			{ id: '1000060', name: 'China' },
			{ id: '1000061', name: 'Lainnya' },
		],
	});
	if (APPAREL_ROOTS.includes(root))
		attrs.push({ id: '100198', name: 'Bahan', type: 'PRODUCT_PROPERTY', is_requried: false, is_customizable: true, is_multiple_selection: true, values: [{ id: '1000201', name: 'Katun' }, { id: '1000202', name: 'Polyester' }, { id: '1000203', name: 'Kulit' }] });
	if (root === '700437' || root === '601450')
		attrs.push({ id: '100410', name: 'Masa Simpan', type: 'PRODUCT_PROPERTY', is_requried: true, is_customizable: true, is_multiple_selection: false, values: [{ id: '1000301', name: '6 Bulan' }, { id: '1000302', name: '12 Bulan' }] });
	return attrs;
}

function rulesFor(catId: string) {
	const root = rootOf(catId);
	const regulated = root === '700437' || root === '601450';
	return {
		product_certifications: regulated
			? [{ id: '7182427311584347905', name: 'BPOM', is_required: true, sample_image_url: 'https://p16-oec-sg.ibyteimg.com/tos-alisg-i-aphluv4xwc-sg/sbx-bpom-sample~tplv-aphluv4xwc-origin-jpeg.jpeg' }]
			: [],
		size_chart: { is_supported: APPAREL_ROOTS.includes(root), is_required: false },
		is_cod_allowed: true,
		package_dimension: { is_required: true },
		epr: { is_required: false },
		responsible_person: { is_required: false },
		manufacturer: { is_required: false },
	};
}

// ---------- routes ----------
export function registerProductRoutes(r: Router<Handler>): void {
	r.add('POST', '/product/202309/products/search', (c) => {
		const shop = requireShop(c);
		const x = cat(c.state);
		x.settleAudits(c.now);
		const size = pageSize(c.query, 1, 100);
		const b = c.body ?? {};
		const status = b.status ?? 'ALL';
		if (status !== 'ALL' && !PRODUCT_STATUSES.includes(status)) throw invalidParam(`status must be one of ALL, ${PRODUCT_STATUSES.join(', ')}`);
		const sellerSkus = strArray(b, 'seller_skus', 10, false);
		const cge = optInt(b, 'create_time_ge');
		const cle = optInt(b, 'create_time_le');
		const uge = optInt(b, 'update_time_ge');
		const ule = optInt(b, 'update_time_le');
		const sset = sellerSkus ? new Set(sellerSkus) : null;
		const list = (c.state.products.get(shop.id) ?? []).filter(
			(p) =>
				(status === 'ALL' ? p.status !== 'DELETED' : p.status === status) &&
				(cge === undefined || p.create_time >= cge) &&
				(cle === undefined || p.create_time <= cle) &&
				(uge === undefined || p.update_time >= uge) &&
				(ule === undefined || p.update_time <= ule) &&
				(!sset || p.skus.some((s) => sset.has(s.seller_sku))),
		);
		list.sort((a, b2) => b2.create_time - a.create_time || (a.id < b2.id ? 1 : a.id > b2.id ? -1 : 0));
		const key = JSON.stringify(['products', shop.id, status, sellerSkus, cge, cle, uge, ule]);
		const offset = decodePageToken(c.query.get('page_token'), key);
		if (Math.min(offset + size, list.length) > SEARCH_RESULT_CAP)
			throw bizError(CODES.SEARCH_CAP, `search total results cannot exceed ${SEARCH_RESULT_CAP}: narrow the filters (page offset ${offset} + page_size ${size}).`);
		const page = list.slice(offset, offset + size);
		const next = offset + size < list.length ? encodePageToken(offset + size, key) : '';
		return ok({ next_page_token: next, total_count: list.length, products: page.map(productSearchView) });
	});

	r.add('GET', '/product/202309/products/{product_id}', (c) => {
		cat(c.state).settleAudits(c.now);
		const p = productOr(c, c.params.product_id);
		return ok(productDetailView(cat(c.state), p));
	});

	r.add('POST', '/product/202309/products', (c) => {
		const shop = requireShop(c);
		const x = cat(c.state);
		x.settleAudits(c.now);
		const b = c.body ?? {};
		const saveMode = b.save_mode ?? 'LISTING';
		if (saveMode !== 'LISTING' && saveMode !== 'AS_DRAFT') throw invalidParam('save_mode must be LISTING or AS_DRAFT');
		const input = parseProduct(c, shop, b, true);
		if (input.skus!.some((s) => s.id)) throw invalidParam('skus[].id must not be given when creating a product');
		checkSellerSkus(c.state, shop, input.skus!);
		const id = c.state.ids.next('172', 19);
		const product: Product = {
			id,
			title: input.title!,
			status: saveMode === 'AS_DRAFT' ? 'DRAFT' : 'PENDING',
			create_time: c.now,
			update_time: c.now,
			sales_regions: ['ID'],
			skus: [],
			listing_quality_tier: 'FAIR',
			main_image: '',
		};
		if (shop.commercePlatform === 'TOKOPEDIA') product.integrated_platform_statuses = [{ platform: 'TOKOPEDIA', status: 'NOT_LIVE' }];
		c.state.addProduct(shop.id, product);
		const e = x.extra(product);
		e.audit_status = 'NONE';
		applyProductInput(c, shop, product, input, 'create');
		if (saveMode === 'LISTING') startAudit(c, product, 'ACTIVATE');
		return ok({ product_id: id, skus: product.skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes })), warnings: [] });
	});

	const edit = (mode: 'replace' | 'partial') => (c: ApiCtx) => {
		const shop = requireShop(c);
		const x = cat(c.state);
		x.settleAudits(c.now);
		const product = productOr(c, c.params.product_id);
		if (['DELETED', 'FREEZE', 'PLATFORM_DEACTIVATED'].includes(product.status))
			throw bizError(CODES.PRODUCT_STATUS_NOT_ALLOWED, `The product ${product.id} is ${product.status} and cannot be edited.`);
		const input = parseProduct(c, shop, c.body ?? {}, mode === 'replace');
		if (input.skus) {
			for (const s of input.skus) {
				if (s.id && !product.skus.some((k) => k.id === s.id)) throw bizError(CODES.SKU_NOT_IN_PRODUCT, `The SKU ${s.id} does not belong to product ${product.id}.`);
				if (mode === 'partial' && !s.id) throw invalidParam('partial_edit: every skus[] item needs the id of an existing SKU');
			}
			checkSellerSkus(c.state, shop, input.skus, product);
			const priceChange = input.skus.some((s) => s.id && s.price !== undefined && product.skus.find((k) => k.id === s.id)!.price.sale_price !== s.price);
			const lock = priceChange ? x.lockingActivity(product.id) : undefined;
			if (lock) throw bizError(CODES.PRICE_LOCKED, `price is locked by promotion: product ${product.id} is in the ongoing activity ${lock.activity_id}.`);
		}
		applyProductInput(c, shop, product, input, mode);
		product.update_time = Math.max(product.update_time, c.now);
		if (product.status === 'SELLER_DEACTIVATED') {
			x.extra(product).audit_status = 'APPROVED';
		} else if (product.status !== 'DRAFT' || (c.body?.save_mode ?? 'LISTING') === 'LISTING') startAudit(c, product, 'ACTIVATE');
		return ok({ product_id: product.id, skus: product.skus.map((s) => ({ id: s.id, seller_sku: s.seller_sku, sales_attributes: s.sales_attributes })), warnings: [] });
	};
	r.add('PUT', '/product/202309/products/{product_id}', edit('replace'));
	r.add('POST', '/product/202309/products/{product_id}/partial_edit', edit('partial'));

	r.add('POST', '/product/202309/products/activate', (c) =>
		batchStatus(c, (p) => {
			if (p.status === 'ACTIVATE') return null;
			if (p.status !== 'SELLER_DEACTIVATED') return `The product ${p.id} is ${p.status}; only SELLER_DEACTIVATED products can be activated.`;
			p.status = 'ACTIVATE';
			return null;
		}),
	);
	r.add('POST', '/product/202309/products/deactivate', (c) =>
		batchStatus(c, (p) => {
			if (p.status === 'SELLER_DEACTIVATED') return null;
			if (p.status !== 'ACTIVATE' && p.status !== 'PENDING') return `The product ${p.id} is ${p.status}; only ACTIVATE or PENDING products can be deactivated.`;
			const e = cat(c.state).extra(p);
			e.audit_due = undefined;
			p.status = 'SELLER_DEACTIVATED';
			return null;
		}),
	);
	r.add('DELETE', '/product/202309/products', (c) =>
		batchStatus(c, (p) => {
			if (p.status === 'DELETED') return `The product ${p.id} is already deleted.`;
			if (p.status === 'FREEZE') return `The product ${p.id} is frozen by the platform and cannot be deleted.`;
			const e = cat(c.state).extra(p);
			e.deleted_from = p.status;
			e.audit_due = undefined;
			p.status = 'DELETED';
			return null;
		}),
	);
	r.add('POST', '/product/202309/products/recover', (c) =>
		batchStatus(c, (p) => {
			if (p.status !== 'DELETED') return `The product ${p.id} is ${p.status}; only DELETED products can be recovered.`;
			p.status = 'SELLER_DEACTIVATED';
			return null;
		}),
	);

	// ---------- categories / brands ----------
	r.add('GET', '/product/202309/categories', (c) => {
		requireShop(c);
		const kw = (c.query.get('keyword') ?? '').trim().toLowerCase();
		const ver = c.query.get('category_version');
		if (ver && ver !== 'v1' && ver !== 'v2') throw invalidParam('category_version must be v1 or v2');
		const list = kw ? CATEGORIES.filter((x) => x.local_name.toLowerCase().includes(kw)) : CATEGORIES;
		return ok({ categories: list.map((x) => ({ ...x, permission_statuses: [...x.permission_statuses] })) });
	});

	const leafOr = (id: string) => {
		const cg = CATEGORY_BY_ID.get(id);
		if (!cg) throw bizError(CODES.CATEGORY_INVALID, `The category ${id} does not exist.`);
		if (!cg.is_leaf) throw bizError(CODES.CATEGORY_INVALID, `The category ${id} is not a leaf category.`);
		return cg;
	};
	r.add('GET', '/product/202309/categories/{category_id}/attributes', (c) => {
		requireShop(c);
		return ok({ attributes: attributesFor(leafOr(c.params.category_id).id) });
	});
	r.add('GET', '/product/202309/categories/{category_id}/rules', (c) => {
		requireShop(c);
		return ok(rulesFor(leafOr(c.params.category_id).id));
	});

	r.add('GET', '/product/202309/brands', (c) => {
		requireShop(c);
		const size = pageSize(c.query, 1, 100);
		const catId = c.query.get('category_id');
		const name = (c.query.get('brand_name') ?? '').trim().toLowerCase();
		const auth = c.query.get('is_authorized');
		if (auth !== null && !['0', '1', 'true', 'false'].includes(auth)) throw invalidParam('is_authorized must be 0/1 or true/false');
		if (catId && !CATEGORY_BY_ID.has(catId)) throw bizError(CODES.CATEGORY_INVALID, `The category ${catId} does not exist.`);
		const root = catId ? rootOf(catId) : null;
		const list = BRANDS.filter(
			(b) =>
				(!root || b.roots.includes(root)) &&
				(!name || b.name.toLowerCase().includes(name)) &&
				(auth === null || (b.authorized_status === 'AUTHORIZED') === (auth === '1' || auth === 'true')),
		);
		const key = JSON.stringify(['brands', catId, name, auth]);
		const { page, next } = paginate(list, c.query, size, key);
		return ok({
			brands: page.map((b) => ({ id: b.id, name: b.name, authorized_status: b.authorized_status, brand_status: b.brand_status, is_t1_brand: b.is_t1_brand })),
			total_count: list.length,
			next_page_token: next,
		});
	});

	// ---------- images ----------
	r.add('POST', '/product/202309/images/upload', (c) => {
		const ct = c.contentType ?? '';
		if (mediaType(ct) !== 'multipart/form-data')
			throw new ApiError(400, CODES.NOT_MULTIPART, 'Invalid Content-Type: the request must be multipart/form-data.');
		const raw = c.rawBody ?? Buffer.alloc(0);
		if (!raw.length) throw invalidParam('data (image file) is required');
		const parts = parseMultipart(raw, ct);
		const file = parts.find((p) => p.name === 'data');
		if (!file || !file.data.length) throw invalidParam('data (image file) is required');
		if (file.data.length > IMAGE_MAX_BYTES) throw new ApiError(400, CODES.FILE_TOO_LARGE, `The uploaded file is too large (max ${IMAGE_MAX_BYTES} bytes).`);
		const useCasePart = parts.find((p) => p.name === 'use_case');
		const useCase = useCasePart ? useCasePart.data.toString('utf8').trim() : 'MAIN_IMAGE';
		if (!IMAGE_USE_CASES.includes(useCase)) throw invalidParam(`use_case must be one of ${IMAGE_USE_CASES.join(', ')}`);
		const dim = imageSize(file.data);
		if (!dim) throw invalidParam('data must be a JPG, PNG or WEBP image');
		const hash = createHash('sha256').update(file.data).digest('hex').slice(0, 32);
		const uri = `tos-alisg-i-aphluv4xwc-sg/${hash}`;
		const url = `https://p16-oec-sg.ibyteimg.com/${uri}~tplv-aphluv4xwc-origin-${dim.format}.${dim.format}`;
		cat(c.state).images.set(uri, { uri, url, width: dim.width, height: dim.height, use_case: useCase, size: file.data.length });
		return ok({ uri, url, width: dim.width, height: dim.height, use_case: useCase });
	});

	// ---------- inventory ----------
	r.add('POST', '/product/202309/inventory/search', (c) => {
		const shop = requireShop(c);
		const b = c.body ?? {};
		const pids = strArray(b, 'product_ids', 100, false);
		const sids = strArray(b, 'sku_ids', 600, false);
		if (!pids?.length && !sids?.length) throw invalidParam('product_ids (max 100) or sku_ids (max 600) is required');
		if (pids?.length && sids?.length) throw invalidParam('give either product_ids or sku_ids, not both');
		const committed = committedUnits(c.state);
		const groups = new Map<string, { product: Product; skus: Sku[] }>();
		if (pids) {
			for (const id of pids) {
				const rec = c.state.productById.get(id);
				if (rec && rec.shopId === shop.id && rec.product.status !== 'DELETED') groups.set(id, { product: rec.product, skus: rec.product.skus });
			}
		} else {
			for (const id of sids!) {
				const ref = c.state.skuById.get(id);
				if (!ref || ref.shopId !== shop.id || ref.product.status === 'DELETED') continue;
				const g = groups.get(ref.product.id) ?? { product: ref.product, skus: [] };
				g.skus.push(ref.sku);
				groups.set(ref.product.id, g);
			}
		}
		return ok({
			inventory: [...groups.values()].map((g) => ({
				product_id: g.product.id,
				skus: g.skus.map((s) => ({
					id: s.id,
					seller_sku: s.seller_sku,
					total_available_quantity: s.inventory.reduce((t, i) => t + i.quantity, 0),
					total_committed_quantity: s.inventory.reduce((t, i) => t + (committed.get(`${s.id}|${i.warehouse_id}`) ?? 0), 0),
					warehouse_inventory: s.inventory.map((i) => ({
						warehouse_id: i.warehouse_id,
						available_quantity: i.quantity,
						committed_quantity: committed.get(`${s.id}|${i.warehouse_id}`) ?? 0,
					})),
				})),
			})),
		});
	});

	r.add('POST', '/product/202309/products/{product_id}/inventory/update', (c) => {
		const shop = requireShop(c);
		const x = cat(c.state);
		const product = productOr(c, c.params.product_id);
		const list = c.body?.skus;
		if (!Array.isArray(list) || !list.length) throw invalidParam('skus is required (non-empty array of {id, inventory:[{warehouse_id, quantity}]})');
		if (list.length > 100) throw invalidParam('skus accepts at most 100 items');
		const seenSku = new Set<string>();
		const parsed = list.map((s: any, i: number) => {
			if (!s || typeof s.id !== 'string' || !s.id) throw invalidParam(`skus[${i}].id is required`);
			if (seenSku.has(s.id)) throw invalidParam(`skus has SKU ${s.id} twice`);
			seenSku.add(s.id);
			if (!Array.isArray(s.inventory) || !s.inventory.length) throw invalidParam(`skus[${i}].inventory is required (non-empty array of {warehouse_id?, quantity})`);
			const seenWh = new Set<string>();
			const inv = s.inventory.map((w: any, j: number) => {
				if (w?.warehouse_id !== undefined && (typeof w.warehouse_id !== 'string' || !w.warehouse_id)) throw invalidParam(`skus[${i}].inventory[${j}].warehouse_id must be a string`);
				const wid: string | undefined = w?.warehouse_id;
				const key = wid ?? '';
				if (seenWh.has(key)) throw invalidParam(`skus[${i}].inventory has warehouse ${wid ?? '(default)'} twice`);
				seenWh.add(key);
				return { warehouse_id: wid, quantity: quantity(w?.quantity, `skus[${i}].inventory[${j}].quantity`) };
			});
			return { id: s.id as string, inventory: inv as Array<{ warehouse_id?: string; quantity: number }> };
		});
		if (product.status === 'FREEZE' || product.status === 'DELETED')
			throw bizError(CODES.PRODUCT_STATUS_NOT_ALLOWED, `The product ${product.id} is ${product.status}; its inventory cannot be updated.`);
		const errors: Array<{ code: number; message: string; detail: Record<string, unknown> }> = [];
		for (const s of parsed) {
			const sku = product.skus.find((k) => k.id === s.id);
			if (!sku) {
				errors.push({ code: CODES.SKU_NOT_IN_PRODUCT, message: `The SKU ${s.id} does not belong to product ${product.id}.`, detail: { sku_id: s.id } });
				continue;
			}
			const assigned = sku.inventory.map((i) => i.warehouse_id);
			const extra: Array<{ warehouse_id: string; code: number; message: string }> = [];
			const targets: Array<{ warehouse_id: string; quantity: number }> = [];
			let partial = false;
			for (const w of s.inventory) {
				if (w.warehouse_id === undefined) {
					if (assigned.length !== 1) {
						partial = true;
						continue;
					}
					targets.push({ warehouse_id: assigned[0], quantity: w.quantity });
				} else if (!salesWarehouse(c.state, shop, w.warehouse_id)) {
					extra.push({ warehouse_id: w.warehouse_id, code: CODES.WAREHOUSE_NOT_EXIST, message: 'The warehouse does not exist' });
				} else targets.push({ warehouse_id: w.warehouse_id, quantity: w.quantity });
			}
			if (extra.length) {
				errors.push({ code: CODES.CHECK_FAILED, message: 'Check failed', detail: { sku_id: sku.id, extra_errors: extra } });
				continue;
			}
			const given = new Set(targets.map((t) => t.warehouse_id));
			if (partial || assigned.some((w) => !given.has(w)) || given.size !== targets.length) {
				errors.push({
					code: CODES.PARTIAL_WAREHOUSES,
					message: `The SKU ${sku.id} is assigned to warehouses ${assigned.join(', ')}: the request must include the quantity of every assigned warehouse.`,
					detail: { sku_id: sku.id },
				});
				continue;
			}
			const ref: SkuRef = c.state.skuById.get(sku.id) ?? { shopId: shop.id, product, sku };
			for (const t of targets) {
				let inv = sku.inventory.find((i) => i.warehouse_id === t.warehouse_id);
				if (!inv) {
					inv = { warehouse_id: t.warehouse_id, quantity: 0 };
					sku.inventory.push(inv);
					c.state.skusByWarehouse.get(t.warehouse_id)?.push(ref);
				}
				const before = inv.quantity;
				inv.quantity = t.quantity;
				x.logStock(ref, t.warehouse_id, before, t.quantity, 'api_update', { request_id: c.requestId, route: c.routeKey });
			}
		}
		product.update_time = Math.max(product.update_time, c.now);
		return ok(errors.length ? { errors } : {});
	});

	r.add('POST', '/product/202309/products/{product_id}/prices/update', (c) => {
		requireShop(c);
		const x = cat(c.state);
		x.settleAudits(c.now);
		const product = productOr(c, c.params.product_id);
		const list = c.body?.skus;
		if (!Array.isArray(list) || !list.length) throw invalidParam('skus is required (non-empty array of {id, price:{amount, currency}})');
		if (list.length > 100) throw invalidParam('skus accepts at most 100 items');
		const parsed = list.map((s: any, i: number) => {
			if (!s || typeof s.id !== 'string' || !s.id) throw invalidParam(`skus[${i}].id is required`);
			if (!s.price || typeof s.price !== 'object') throw invalidParam(`skus[${i}].price is required ({amount, currency})`);
			if (s.price.currency !== 'IDR') throw invalidParam(`skus[${i}].price.currency must be IDR for this shop`);
			return { id: s.id as string, amount: amountString(s.price.amount, `skus[${i}].price.amount`) };
		});
		if (product.status !== 'ACTIVATE')
			throw bizError(CODES.PRODUCT_STATUS_NOT_ALLOWED, `The product ${product.id} is ${product.status}; prices can only be updated for ACTIVATE products.`);
		for (const s of parsed)
			if (!product.skus.some((k) => k.id === s.id)) throw bizError(CODES.SKU_NOT_IN_PRODUCT, `The SKU ${s.id} does not belong to product ${product.id}.`);
		const lock = x.lockingActivity(product.id);
		if (lock) throw bizError(CODES.PRICE_LOCKED, `price is locked by promotion: product ${product.id} is in the ongoing activity ${lock.activity_id}.`);
		for (const s of parsed) {
			const sku = product.skus.find((k) => k.id === s.id)!;
			sku.price = { currency: 'IDR', sale_price: s.amount, tax_exclusive_price: s.amount };
		}
		product.update_time = Math.max(product.update_time, c.now);
		return ok({});
	});
}
