import type { Router } from '../../common/http';
import { ACTIVE_MAX_IDS, BULK_MAX_ROWS, PRODUCT_INFO_MAX_PER_PAGE } from '../constants';
import { bad } from '../envelope';
import { CATEGORIES, LEAF_CATEGORIES } from '../state';
import type { Product, Shop, Warehouse } from '../types';
import { productInfo, variantInfo } from '../views';
import { type ApiCtx, type Handler, isInt, jsonBody, linkedShop, qInt, shopParam, std, warehouseParam } from './common';

const THROTTLED = 'ERR_TOO_MANY_REQUEST';

function bulkShop(c: ApiCtx): Shop {
	return shopParam(c, 'PRD_DLV_016', 'PRD_DLV_003')!;
}

function arrayBody(c: ApiCtx, integerKey: string): any[] {
	const b = jsonBody(c, 'PRD_DLV_043');
	if (!Array.isArray(b) || !b.length) throw bad('PRD_DLV_043', 'Invalid request body: expected a non-empty JSON array');
	if (b.length > BULK_MAX_ROWS) throw bad('PRD_DLV_018', `Max allowed products per-update are ${BULK_MAX_ROWS} products`);
	// The value fields are integers in Tokopedia's (Go) request structs: one fraction fails decoding of the whole body.
	const fraction = b.find((row) => typeof row?.[integerKey] === 'number' && !Number.isInteger(row[integerKey]));
	if (fraction) {
		throw bad('PRD_DLV_043', `Invalid request body: json: cannot unmarshal number ${fraction[integerKey]} into Go struct field .${integerKey} of type int64`);
	}
	return b;
}

/** sku (non-empty string) wins over product_id. */
function resolveRow(c: ApiCtx, shop: Shop, row: any): { p?: Product; message?: string } {
	if (row && typeof row.sku === 'string' && row.sku !== '') {
		const p = c.state.productBySku(shop.shop_id, row.sku);
		return p ? { p } : { message: 'Invalid SKU.' };
	}
	const id = row?.product_id;
	const p = isInt(id) ? c.state.productInShop(shop.shop_id, id) : undefined;
	if (!p || p.children.length) return { message: 'Invalid Product ID.' };
	return { p };
}

type RowOp = (p: Product, row: any, wh: Warehouse) => string | null; // error message or null

function bulkRows(c: ApiCtx, shop: Shop, wh: Warehouse, rows: any[], valueKey: string, op: RowOp) {
	const failed: Array<Record<string, unknown>> = [];
	const succeeded: Array<Record<string, unknown>> = [];
	rows.forEach((row, i) => {
		const fail = (message: string): void => {
			failed.push({ product_id: isInt(row?.product_id) ? row.product_id : 0, sku: typeof row?.sku === 'string' ? row.sku : '', product_url: '', [valueKey]: row?.[valueKey] ?? 0, message });
		};
		if (i >= c.allowedRows) return fail(THROTTLED);
		const { p, message } = resolveRow(c, shop, row);
		if (!p) return fail(message!);
		const err = op(p, row, wh);
		if (err) return fail(err);
		succeeded.push({ productID: p.product_id, warehouseID: wh.warehouse_id, shopID: shop.shop_id, stock: p.stock[wh.warehouse_id] ?? 0, price: p.price });
	});
	return { total_data: rows.length, succeed_rows: succeeded.length, failed_rows: failed.length, failed_rows_data: failed, succeed_rows_data: succeeded };
}

const validStock = (v: unknown) => isInt(v) && v >= 0 && v <= 999999;

function idListBody(c: ApiCtx): unknown[] {
	const b = jsonBody(c, 'PRD_DLV_043');
	const ids = b?.product_id;
	if (!Array.isArray(ids) || !ids.length) throw bad('PRD_DLV_043', 'Invalid request body: expected {"product_id":[…]}');
	if (ids.length > ACTIVE_MAX_IDS) throw bad('PRD_DLV_018', `Max allowed products per-update are ${ACTIVE_MAX_IDS} products`);
	return ids;
}

/** Set active / inactive / delete: `failed_rows_data` is a list of strings ("Error Product ID [x] : …") or null. */
function statusChange(c: ApiCtx, apply: (p: Product) => void) {
	const shop = bulkShop(c);
	const ids = idListBody(c);
	const failed: string[] = [];
	let ok = 0;
	ids.forEach((id, i) => {
		if (i >= c.allowedRows) {
			failed.push(`Error Product ID [${id}] : ${THROTTLED}`);
			return;
		}
		const p = isInt(id) ? c.state.productInShop(shop.shop_id, id) : undefined;
		if (!p) {
			failed.push(`Error Product ID [${id}] : There are some problem when retrieve product info`);
			return;
		}
		apply(p);
		for (const ch of p.children) {
			const cp = c.state.products.get(ch)!;
			if (cp.status !== 0) apply(cp);
		}
		ok++;
	});
	return std({ total_data: ids.length, succeed_rows: ok, failed_rows: failed.length, failed_rows_data: failed.length ? failed : null });
}

export function registerProductRoutes(r: Router<Handler>): void {
	// PR13 stock overwrite
	r.add('POST', '/inventory/v1/fs/{fs_id}/stock/update', (c) => {
		const shop = bulkShop(c);
		const wh = warehouseParam(c, shop, 'PRD_DLV_042');
		const bp = c.query.get('bypass_update_product_status');
		const bypass = bp === 'true' || bp === '1';
		const rows = arrayBody(c, 'new_stock');
		return std(
			bulkRows(c, shop, wh, rows, 'new_stock', (p, row) => {
				if (!validStock(row.new_stock)) return 'Invalid stock value.';
				c.state.setStock(p, wh.warehouse_id, row.new_stock, 'update', null, c.route, bypass);
				return null;
			}),
		);
	});

	// PR14/PR15 increment / decrement (v1 and v2), request_id duplicate guard
	for (const ver of ['v1', 'v2'])
		for (const dir of ['increment', 'decrement'] as const)
			r.add('POST', `/inventory/${ver}/fs/{fs_id}/stock/${dir}`, (c) => {
				const shop = bulkShop(c);
				const wh = warehouseParam(c, shop, 'PRD_DLV_042');
				const rid = c.query.get('request_id');
				if (rid !== null && rid !== '' && !/^[A-Za-z0-9_-]{1,20}$/.test(rid))
					throw bad('PRD_DLV_042', 'Invalid request_id: max 20 characters of [A-Za-z0-9_-]');
				const key = rid ? `${c.fsId}|${shop.shop_id}|${rid}` : null;
				if (key && c.state.requestIds.has(key)) return std(c.state.requestIds.get(key));
				const rows = arrayBody(c, 'stock_value');
				const data = bulkRows(c, shop, wh, rows, 'stock_value', (p, row) => {
					const v = row.stock_value;
					if (!isInt(v) || v <= 0 || v > 999999) return 'Invalid stock value.';
					const cur = p.stock[wh.warehouse_id] ?? 0;
					if (dir === 'decrement' && cur - v < 0) return 'Stock is not enough.';
					c.state.setStock(p, wh.warehouse_id, dir === 'increment' ? cur + v : cur - v, dir, rid || null, c.route);
					return null;
				});
				if (key) c.state.requestIds.set(key, data);
				return std(data);
			});

	// PR12 price
	r.add('POST', '/inventory/v1/fs/{fs_id}/price/update', (c) => {
		const shop = bulkShop(c);
		const wh = warehouseParam(c, shop, 'PRD_DLV_042');
		const rows = arrayBody(c, 'new_price');
		return std(
			bulkRows(c, shop, wh, rows, 'new_price', (p, row) => {
				const v = row.new_price;
				if (!isInt(v) || v < 100 || v > 100000000) return 'Invalid price value.';
				p.price = v;
				p.price_update_time = p.update_time = c.now;
				return null;
			}),
		);
	});

	// PR9/PR10/PR11
	r.add('POST', '/v1/products/fs/{fs_id}/active', (c) =>
		statusChange(c, (p) => {
			p.status = 1;
			p.auto_inactive = false;
			p.update_time = c.now;
		}),
	);
	r.add('POST', '/v1/products/fs/{fs_id}/inactive', (c) =>
		statusChange(c, (p) => {
			p.status = 3;
			p.auto_inactive = false;
			p.update_time = c.now;
		}),
	);
	r.add('POST', '/v3/products/fs/{fs_id}/delete', (c) =>
		statusChange(c, (p) => {
			p.status = 0;
			p.update_time = c.now;
		}),
	);

	// PR1 product info
	r.add('GET', '/inventory/v1/fs/{fs_id}/product/info', (c) => {
		const q = c.query;
		const s = c.state;
		const idsRaw = [...q.getAll('product_id'), ...q.getAll('product')].flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
		const out = (list: Product[]) => {
			for (const p of list) linkedShop(c, p.shop_id);
			return std(list.map((p) => productInfo(s, p)));
		};
		if (idsRaw.length) {
			if (idsRaw.some((x) => !/^\d+$/.test(x))) throw bad('PRD_DLV_042', 'Invalid product_id');
			const list = [...new Set(idsRaw.map(Number))].map((id) => s.products.get(id)).filter((p): p is Product => !!p && p.status !== 0);
			return out(list);
		}
		const sku = q.get('sku');
		if (sku) {
			const shop = shopParam(c, 'PRD_DLV_016', 'PRD_DLV_003', true);
			const shops = shop ? [shop] : s.linkedShops();
			return out(shops.map((sh) => s.productBySku(sh.shop_id, sku)).filter((p): p is Product => !!p));
		}
		const url = q.get('product_url');
		if (url) {
			const m = /-(\d+)\/?$/.exec(url.split('?')[0]);
			const p = m ? s.products.get(Number(m[1])) : undefined;
			return out(p && p.status !== 0 && s.productUrl(p) === url.split('?')[0] ? [p] : []);
		}
		const shop = shopParam(c, 'PRD_DLV_016', 'PRD_DLV_003', true);
		if (!shop) throw bad('PRD_DLV_042', 'One of product_id, product, sku, product_url or shop_id is required');
		const page = qInt(q, 'page', () => bad('PRD_DLV_042', 'Invalid page'));
		if (page === null || page < 1) throw bad('PRD_DLV_005', 'page cannot be empty when shop_id is filled');
		const perPage = qInt(q, 'per_page', () => bad('PRD_DLV_042', 'Invalid per_page'));
		if (perPage === null || perPage < 1) throw bad('PRD_DLV_005', 'per_page cannot be empty when shop_id is filled');
		if (perPage > PRODUCT_INFO_MAX_PER_PAGE) throw bad('PRD_DLV_042', `per_page must be at most ${PRODUCT_INFO_MAX_PER_PAGE}`);
		const list = s.productsByShop.get(shop.shop_id)!.filter((p) => p.status !== 0);
		list.sort((a, b) => a.product_id - b.product_id);
		return out(list.slice((page - 1) * perPage, page * perPage));
	});

	// PR2 variants of a product
	r.add('GET', '/inventory/v1/fs/{fs_id}/product/variant/{product_id}', (c) => {
		if (!/^\d+$/.test(c.params.product_id)) throw bad('PRD_DLV_042', 'Invalid product_id');
		const p = c.state.products.get(Number(c.params.product_id));
		if (!p || p.status === 0) throw bad('PRD_USC_004', 'Product not found');
		linkedShop(c, p.shop_id);
		return std(variantInfo(c.state, p));
	});

	// PR16 category tree
	r.add('GET', '/inventory/v1/fs/{fs_id}/product/category', (c) => {
		const kw = (c.query.get('keyword') ?? '').trim().toLowerCase();
		if (!kw) return std({ categories: CATEGORIES }, { withCodes: true });
		const hits = LEAF_CATEGORIES.filter((l) => l.path.some((n) => n.name.toLowerCase().includes(kw))).map((l) => ({ name: l.name, id: String(l.id) }));
		return std({ categories: hits }, { withCodes: true });
	});

	// PR18 etalase
	r.add('GET', '/inventory/v1/fs/{fs_id}/product/etalase', (c) => {
		const shop = shopParam(c, 'PRD_DLV_016', 'PRD_DLV_003')!;
		return std({
			shop: { id: shop.shop_id, name: shop.shop_name, uri: `https://www.tokopedia.com/${shop.domain}`, location: shop.province_name },
			etalase: shop.etalase.map((e) => ({ etalase_id: e.id, etalase_name: e.name, url: `https://www.tokopedia.com/${shop.domain}/etalase/${e.alias}` })),
		});
	});

	// PR4 create (v3, synchronous)
	r.add('POST', '/v3/products/fs/{fs_id}/create', (c) => {
		const shop = bulkShop(c);
		const b = jsonBody(c, 'PRD_DLV_043');
		const rows = Array.isArray(b) ? b : b?.products;
		if (!Array.isArray(rows) || !rows.length) throw bad('PRD_DLV_043', 'Invalid request body: expected {"products":[…]}');
		if (rows.length > BULK_MAX_ROWS) throw bad('PRD_DLV_018', `Max allowed products per-update are ${BULK_MAX_ROWS} products`);
		const s = c.state;
		const wh = s.defaultWarehouse(shop.shop_id);
		const ok: Array<Record<string, unknown>> = [];
		const failed: Array<Record<string, unknown>> = [];
		const seen = new Set<string>();
		for (const row of rows) {
			const e: string[] = [];
			const req = (k: string) => row?.[k] === undefined || row?.[k] === null || row?.[k] === '';
			for (const k of ['name', 'category_id', 'price_currency', 'price', 'status', 'min_order', 'weight', 'weight_unit', 'condition']) if (req(k)) e.push(`${k} is required`);
			if (typeof row?.name === 'string' && row.name.length > 70) e.push('name must be at most 70 characters');
			if (!req('price') && (!isInt(row.price) || row.price < 100 || row.price > 100000000)) e.push('price must be between 100 and 100000000');
			if (!req('price_currency') && !['IDR', 'USD'].includes(row.price_currency)) e.push('price_currency must be IDR or USD');
			if (!req('condition') && !['NEW', 'USED'].includes(row.condition)) e.push('condition must be NEW or USED');
			if (!req('weight_unit') && !['GR', 'KG'].includes(row.weight_unit)) e.push('weight_unit must be GR or KG');
			if (!req('weight') && !(typeof row.weight === 'number' && row.weight > 0)) e.push('weight must be a positive number');
			if (!req('min_order') && !(isInt(row.min_order) && row.min_order >= 1)) e.push('min_order must be a positive integer');
			if (!req('status') && !['LIMITED', 'UNLIMITED', 'EMPTY'].includes(row.status)) e.push('status must be LIMITED (or UNLIMITED / EMPTY)');
			if (!req('category_id') && !LEAF_CATEGORIES.some((l) => l.id === Number(row.category_id))) e.push('category_id must be a leaf category');
			if (row?.stock !== undefined && !(isInt(row.stock) && row.stock >= 0 && row.stock <= 999999)) e.push('stock must be an integer 0..999999');
			if (typeof row?.description === 'string' && row.description.length > 2000) e.push('description must be at most 2000 characters');
			const sku = typeof row?.sku === 'string' ? row.sku : '';
			if (sku.length > 50) e.push('sku must be at most 50 characters');
			if (sku && (s.productBySku(shop.shop_id, sku) || seen.has(sku))) e.push(`sku ${sku} already exists in this shop`);
			if (row?.variant) e.push('variant products are not supported by the sandbox create endpoint');
			if (e.length) {
				failed.push({ product_name: row?.name ?? '', product_price: row?.price ?? 0, sku, error: e });
				continue;
			}
			if (sku) seen.add(sku);
			const p: Product = {
				product_id: s.nextProductId++,
				shop_id: shop.shop_id,
				name: row.name,
				sku,
				price: row.price,
				status: 1,
				condition: row.condition,
				category_id: Number(row.category_id),
				description: row.description ?? '',
				weight: row.weight_unit === 'KG' ? Math.round(row.weight * 1000) : row.weight,
				min_order: row.min_order,
				etalase_id: isInt(row.etalase?.id) && shop.etalase.some((x) => x.id === row.etalase.id) ? row.etalase.id : shop.etalase[0].id,
				parent_id: null,
				children: [],
				option: null,
				stock: Object.fromEntries(s.warehousesByShop.get(shop.shop_id)!.map((w) => [w.warehouse_id, 0])),
				create_time: c.now,
				update_time: c.now,
				price_update_time: c.now,
				auto_inactive: false,
				sold: 0,
				view_count: 0,
			};
			s.addProduct(p);
			if (row.stock) s.setStock(p, wh.warehouse_id, row.stock, 'product_created', null, c.route);
			ok.push({ product_id: p.product_id });
		}
		return std({ total_data: rows.length, success_data: ok.length, fail_data: failed.length, success_rows_data: ok, failed_rows_data: failed });
	});

	// PR6 edit (v3, partial fields)
	r.add('PATCH', '/v3/products/fs/{fs_id}/edit', (c) => {
		const shop = bulkShop(c);
		const b = jsonBody(c, 'PRD_DLV_043');
		const rows = Array.isArray(b) ? b : b?.products;
		if (!Array.isArray(rows) || !rows.length) throw bad('PRD_DLV_043', 'Invalid request body: expected {"products":[…]}');
		if (rows.length > BULK_MAX_ROWS) throw bad('PRD_DLV_018', `Max allowed products per-update are ${BULK_MAX_ROWS} products`);
		const s = c.state;
		const ok: Array<Record<string, unknown>> = [];
		const failed: Array<Record<string, unknown>> = [];
		for (const row of rows) {
			const e: string[] = [];
			if (!isInt(row?.id)) e.push('id is required');
			if (typeof row?.sku !== 'string') e.push('sku is required');
			if (row?.status === undefined || row?.status === '') e.push('status is required');
			const p = isInt(row?.id) ? s.productInShop(shop.shop_id, row.id) : undefined;
			if (isInt(row?.id) && !p) e.push(`product ${row.id} not found in shop ${shop.shop_id}`);
			if (p && p.status !== 1) e.push('PRD_USC_028: product is not active and cannot be edited');
			if (row?.name !== undefined && (typeof row.name !== 'string' || !row.name || row.name.length > 70)) e.push('name must be 1..70 characters');
			if (row?.price !== undefined && (!isInt(row.price) || row.price < 100 || row.price > 100000000)) e.push('price must be between 100 and 100000000');
			if (row?.stock !== undefined && !(isInt(row.stock) && row.stock >= 0 && row.stock <= 999999)) e.push('stock must be an integer 0..999999');
			if (row?.condition !== undefined && !['NEW', 'USED'].includes(row.condition)) e.push('condition must be NEW or USED');
			if (p && typeof row?.sku === 'string' && row.sku && row.sku !== p.sku) {
				const other = s.productBySku(shop.shop_id, row.sku);
				if (other && other !== p) e.push(`sku ${row.sku} already exists in this shop`);
			}
			if (e.length || !p) {
				failed.push({ product_id: row?.id ?? 0, product_sku: row?.sku ?? '', error: e });
				continue;
			}
			if (row.sku && row.sku !== p.sku && !p.children.length) {
				s.skuIndex.delete(`${p.shop_id}|${p.sku}`);
				p.sku = row.sku;
				s.skuIndex.set(`${p.shop_id}|${p.sku}`, p);
			}
			if (row.name !== undefined) p.name = row.name;
			if (row.price !== undefined) {
				p.price = row.price;
				p.price_update_time = c.now;
			}
			if (row.description !== undefined) p.description = String(row.description);
			if (row.condition !== undefined) p.condition = row.condition;
			if (isInt(row.min_order)) p.min_order = row.min_order;
			if (typeof row.weight === 'number') p.weight = row.weight_unit === 'KG' ? Math.round(row.weight * 1000) : row.weight;
			p.update_time = c.now;
			if (row.stock !== undefined && !p.children.length) s.setStock(p, s.defaultWarehouse(shop.shop_id).warehouse_id, row.stock, 'product_edited', null, c.route);
			ok.push({ product_id: p.product_id, product_sku: p.sku });
		}
		return std({ total_data: rows.length, success_data: ok.length, fail_data: failed.length, success_rows_data: ok, failed_rows_data: failed });
	});
}

