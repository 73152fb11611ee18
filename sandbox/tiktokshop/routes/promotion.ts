import type { Router } from '../../common/http';
import { type Activity, type ActivityProduct, type ActivityProductSku, CODES, activityView, cat } from '../catalog';
import { bizError, invalidParam, ok } from '../envelope';
import { type ApiCtx, type Handler, decodePageToken, encodePageToken, requireShop } from './common';

export const ACTIVITY_TYPES = ['FIXED_PRICE', 'DIRECT_DISCOUNT', 'FLASHSALE', 'SHIPPING_DISCOUNT', 'BUY_MORE_SAVE_MORE', 'BUY_X_GET_Y'];
export const PRODUCT_LEVELS = ['PRODUCT', 'VARIATION', 'SHOP'];
export const ACTIVITY_STATUSES = ['DRAFT', 'NOT_START', 'ONGOING', 'EXPIRED', 'DEACTIVATED', 'NOT_EFFECTIVE'];
export const ACTIVITY_PRODUCTS_MAX = 300;

function activityOr(c: ApiCtx, id: string): Activity {
	const shop = requireShop(c);
	const a = cat(c.state).activities.get(id);
	if (!a || a.shopId !== shop.id) throw bizError(CODES.ACTIVITY_NOT_FOUND, `The activity ${id} does not exist or does not belong to the current shop.`);
	return a;
}

function title(v: unknown): string {
	if (typeof v !== 'string' || !v.trim() || [...v].length > 50) throw invalidParam('title is required (at most 50 characters)');
	return v;
}

function uniqueTitle(c: ApiCtx, shopId: string, t: string, except?: string): void {
	for (const a of cat(c.state).activities.values())
		if (a.shopId === shopId && a.activity_id !== except && a.title === t)
			throw bizError(CODES.ACTIVITY_TITLE_DUPLICATE, `The activity title "${t}" is already used by activity ${a.activity_id}; titles must be unique.`);
}

function limit(v: unknown, what: string): number {
	if (v === undefined || v === null) return -1;
	if (typeof v !== 'number' || !Number.isInteger(v) || (v !== -1 && v < 1)) throw invalidParam(`${what} must be -1 (no limit) or a positive integer`);
	return v;
}

function discount(v: unknown, what: string): string {
	if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) >= 100) throw invalidParam(`${what} must be a percentage string between 1 and 99`);
	return v;
}

function price(v: unknown, what: string, max: number): string {
	if (typeof v !== 'string' || !/^\d+(\.\d{1,2})?$/.test(v) || !(Number(v) > 0)) throw invalidParam(`${what} must be a positive decimal string`);
	if (Number(v) >= max) throw bizError(CODES.ACTIVITY_PRODUCT_INVALID, `${what} (${v}) must be lower than the current price (${max}).`);
	return String(Number(v));
}

function summary(c: ApiCtx, a: Activity) {
	return { activity_id: a.activity_id, status: cat(c.state).activityStatus(a), title: a.title, total_count: a.products.size, update_time: a.update_time };
}

export function registerPromotionRoutes(r: Router<Handler>): void {
	r.add('POST', '/promotion/202309/activities', (c) => {
		const shop = requireShop(c);
		const b = c.body ?? {};
		const t = title(b.title);
		const type = b.activity_type;
		if (!ACTIVITY_TYPES.includes(type)) throw invalidParam(`activity_type must be one of ${ACTIVITY_TYPES.join(', ')}`);
		const level = b.product_level;
		if (!PRODUCT_LEVELS.includes(level)) throw invalidParam(`product_level must be one of ${PRODUCT_LEVELS.join(', ')}`);
		if (type === 'SHIPPING_DISCOUNT' && level === 'VARIATION') throw invalidParam('product_level cannot be VARIATION when activity_type is SHIPPING_DISCOUNT');
		const dt = b.duration_type ?? 'NORMAL';
		if (!['NORMAL', 'FIXED_TIME', 'INDEFINITE'].includes(dt)) throw invalidParam('duration_type must be NORMAL or INDEFINITE');
		if (dt === 'INDEFINITE' && type !== 'SHIPPING_DISCOUNT') throw invalidParam('duration_type INDEFINITE is only valid for SHIPPING_DISCOUNT');
		let begin = 0;
		let end = 0;
		if (dt !== 'INDEFINITE') {
			begin = b.begin_time;
			end = b.end_time;
			if (typeof begin !== 'number' || !Number.isInteger(begin)) throw invalidParam('begin_time is required (unix seconds)');
			if (typeof end !== 'number' || !Number.isInteger(end)) throw invalidParam('end_time is required (unix seconds)');
			if (begin <= c.now) throw invalidParam('begin_time must be greater than the current time');
			if (end <= begin) throw invalidParam('end_time must be greater than begin_time');
		}
		uniqueTitle(c, shop.id, t);
		const a: Activity = {
			activity_id: c.state.ids.next('766', 19),
			shopId: shop.id,
			title: t,
			activity_type: type,
			product_level: level,
			duration_type: dt === 'FIXED_TIME' ? 'NORMAL' : dt,
			begin_time: begin,
			end_time: end,
			create_time: c.now,
			update_time: c.now,
			deactivated: false,
			discount: b.discount,
			participation_limit: b.participation_limit,
			target_user_info: b.target_user_info,
			products: new Map(),
		};
		cat(c.state).activities.set(a.activity_id, a);
		return ok({ activity_id: a.activity_id, status: cat(c.state).activityStatus(a), create_time: a.create_time, update_time: a.update_time });
	});

	r.add('PUT', '/promotion/202309/activities/{activity_id}', (c) => {
		const a = activityOr(c, c.params.activity_id);
		const st = cat(c.state).activityStatus(a);
		if (st === 'EXPIRED' || st === 'DEACTIVATED') throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, `The activity ${a.activity_id} is ${st} and cannot be edited.`);
		const b = c.body ?? {};
		const t = b.title === undefined ? a.title : title(b.title);
		let begin = a.begin_time;
		let end = a.end_time;
		if (b.begin_time !== undefined) {
			if (typeof b.begin_time !== 'number' || !Number.isInteger(b.begin_time)) throw invalidParam('begin_time must be unix seconds');
			if (b.begin_time !== a.begin_time) {
				if (st === 'ONGOING') throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, 'begin_time of an ONGOING activity cannot be changed.');
				if (b.begin_time <= c.now) throw invalidParam('begin_time must be greater than the current time');
			}
			begin = b.begin_time;
		}
		if (b.end_time !== undefined) {
			if (typeof b.end_time !== 'number' || !Number.isInteger(b.end_time)) throw invalidParam('end_time must be unix seconds');
			end = b.end_time;
		}
		if (a.duration_type !== 'INDEFINITE' && end <= begin) throw invalidParam('end_time must be greater than begin_time');
		if (a.duration_type !== 'INDEFINITE' && end <= c.now) throw invalidParam('end_time must be greater than the current time');
		uniqueTitle(c, a.shopId, t, a.activity_id);
		a.title = t;
		a.begin_time = begin;
		a.end_time = end;
		if (b.discount !== undefined) a.discount = b.discount;
		if (b.participation_limit !== undefined) a.participation_limit = b.participation_limit;
		a.update_time = Math.max(a.update_time, c.now);
		return ok({ activity_id: a.activity_id, title: a.title, update_time: a.update_time });
	});

	r.add('POST', '/promotion/202309/activities/{activity_id}/deactivate', (c) => {
		const a = activityOr(c, c.params.activity_id);
		const st = cat(c.state).activityStatus(a);
		if (st !== 'NOT_START' && st !== 'ONGOING' && st !== 'DRAFT')
			throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, `The activity ${a.activity_id} is ${st}; only NOT_START or ONGOING activities can be deactivated.`);
		a.deactivated = true;
		a.update_time = Math.max(a.update_time, c.now);
		return ok({ activity_id: a.activity_id, status: 'DEACTIVATED', title: a.title, update_time: a.update_time });
	});

	r.add('POST', '/promotion/202309/activities/search', (c) => {
		const shop = requireShop(c);
		const b = c.body ?? {};
		const rawSize = b.page_size ?? c.query.get('page_size') ?? 20;
		const size = Number(rawSize);
		if (!Number.isInteger(size) || size < 1 || size > 100) throw invalidParam('page_size must be an integer between 1 and 100');
		const status = b.status;
		if (status !== undefined && !ACTIVITY_STATUSES.includes(status)) throw invalidParam(`status must be one of ${ACTIVITY_STATUSES.join(', ')}`);
		const type = b.activity_type;
		if (type !== undefined && !ACTIVITY_TYPES.includes(type)) throw invalidParam(`activity_type must be one of ${ACTIVITY_TYPES.join(', ')}`);
		const t = b.activity_title ?? b.title;
		if (t !== undefined && typeof t !== 'string') throw invalidParam('activity_title must be a string');
		const x = cat(c.state);
		const list = [...x.activities.values()]
			.filter(
				(a) =>
					a.shopId === shop.id &&
					(status === undefined || x.activityStatus(a) === status) &&
					(type === undefined || a.activity_type === type) &&
					(!t || a.title.toLowerCase().includes(t.toLowerCase())),
			)
			.sort((p, q) => q.create_time - p.create_time || (p.activity_id < q.activity_id ? 1 : -1));
		const key = JSON.stringify(['activities', shop.id, status, type, t]);
		const offset = decodePageToken(b.page_token ?? c.query.get('page_token'), key);
		const page = list.slice(offset, offset + size);
		const next = offset + size < list.length ? encodePageToken(offset + size, key) : '';
		return ok({ activities: page.map((a) => ({ id: a.activity_id, ...activityView(x, a, false) })), total_count: list.length, next_page_token: next });
	});

	r.add('GET', '/promotion/202309/activities/{activity_id}', (c) => {
		const a = activityOr(c, c.params.activity_id);
		return ok({ activity_id: a.activity_id, ...activityView(cat(c.state), a, true) });
	});

	r.add('PUT', '/promotion/202309/activities/{activity_id}/products', (c) => {
		const shop = requireShop(c);
		const a = activityOr(c, c.params.activity_id);
		const b = c.body ?? {};
		if (b.activity_id !== undefined && String(b.activity_id) !== a.activity_id) throw invalidParam('activity_id in the body does not match the path');
		const st = cat(c.state).activityStatus(a);
		if (st === 'EXPIRED' || st === 'DEACTIVATED')
			throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, `You cannot update the products in ${st} activities (activity ${a.activity_id}).`);
		if (a.product_level === 'SHOP') throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, 'A SHOP level activity applies to every product; products cannot be set.');
		const list = b.products;
		if (!Array.isArray(list) || !list.length) throw invalidParam('products is required (non-empty array)');
		if (list.length > ACTIVITY_PRODUCTS_MAX) throw invalidParam(`products accepts at most ${ACTIVITY_PRODUCTS_MAX} items, got ${list.length}`);
		const needsPrice = a.activity_type === 'FIXED_PRICE' || a.activity_type === 'FLASHSALE';
		const needsDiscount = a.activity_type === 'DIRECT_DISCOUNT';
		const staged: ActivityProduct[] = [];
		const seen = new Set<string>();
		for (const [i, p] of list.entries()) {
			if (!p || typeof p.id !== 'string' || !p.id) throw invalidParam(`products[${i}].id is required`);
			if (seen.has(p.id)) throw invalidParam(`products has product ${p.id} twice`);
			seen.add(p.id);
			const rec = c.state.productById.get(p.id);
			if (!rec || rec.shopId !== shop.id) throw bizError(CODES.PRODUCT_NOT_FOUND, `The product ${p.id} does not exist or does not belong to the current shop.`);
			if (rec.product.status !== 'ACTIVATE') throw bizError(CODES.ACTIVITY_PRODUCT_INVALID, `The product ${p.id} is ${rec.product.status}; only ACTIVATE products can join an activity.`);
			const maxPrice = Math.min(...rec.product.skus.map((s) => Number(s.price.sale_price)));
			const ap: ActivityProduct = {
				id: p.id,
				quantity_limit: limit(p.quantity_limit, `products[${i}].quantity_limit`),
				quantity_per_user: limit(p.quantity_per_user, `products[${i}].quantity_per_user`),
				skus: [],
			};
			if (p.activity_price_amount !== undefined) ap.activity_price_amount = price(p.activity_price_amount, `products[${i}].activity_price_amount`, maxPrice);
			if (p.discount !== undefined) ap.discount = discount(p.discount, `products[${i}].discount`);
			if (p.skus !== undefined) {
				if (!Array.isArray(p.skus)) throw invalidParam(`products[${i}].skus must be an array`);
				for (const [j, s] of p.skus.entries()) {
					if (!s || typeof s.id !== 'string') throw invalidParam(`products[${i}].skus[${j}].id is required`);
					const sku = rec.product.skus.find((k) => k.id === s.id);
					if (!sku) throw bizError(CODES.SKU_NOT_IN_PRODUCT, `The SKU ${s.id} does not belong to product ${p.id}.`);
					const as: ActivityProductSku = {
						id: s.id,
						quantity_limit: limit(s.quantity_limit, `products[${i}].skus[${j}].quantity_limit`),
						quantity_per_user: limit(s.quantity_per_user, `products[${i}].skus[${j}].quantity_per_user`),
					};
					if (s.activity_price_amount !== undefined) as.activity_price_amount = price(s.activity_price_amount, `products[${i}].skus[${j}].activity_price_amount`, Number(sku.price.sale_price));
					if (s.discount !== undefined) as.discount = discount(s.discount, `products[${i}].skus[${j}].discount`);
					ap.skus.push(as);
				}
			}
			if (a.product_level === 'VARIATION') {
				if (!ap.skus.length) throw invalidParam(`products[${i}].skus is required for a VARIATION level activity`);
				for (const [j, s] of ap.skus.entries()) {
					if (needsPrice && s.activity_price_amount === undefined) throw invalidParam(`products[${i}].skus[${j}].activity_price_amount is required for ${a.activity_type}`);
					if (needsDiscount && s.discount === undefined) throw invalidParam(`products[${i}].skus[${j}].discount is required for DIRECT_DISCOUNT`);
				}
			} else {
				if (needsPrice && ap.activity_price_amount === undefined) throw invalidParam(`products[${i}].activity_price_amount is required for ${a.activity_type}`);
				if (needsDiscount && ap.discount === undefined) throw invalidParam(`products[${i}].discount is required for DIRECT_DISCOUNT`);
			}
			staged.push(ap);
		}
		for (const ap of staged) a.products.set(ap.id, ap);
		a.update_time = Math.max(a.update_time, c.now);
		return ok(summary(c, a));
	});

	r.add('DELETE', '/promotion/202309/activities/{activity_id}/products', (c) => {
		const a = activityOr(c, c.params.activity_id);
		const b = c.body ?? {};
		const arr = (k: string): string[] => {
			const v = b[k];
			if (v === undefined || v === null) return [];
			if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalidParam(`${k} must be an array of strings`);
			if (v.length > ACTIVITY_PRODUCTS_MAX) throw invalidParam(`${k} accepts at most ${ACTIVITY_PRODUCTS_MAX} ids`);
			return v;
		};
		const pids = arr('product_ids');
		const sids = arr('sku_ids');
		if (!pids.length && !sids.length) throw invalidParam('product_ids or sku_ids is required');
		const st = cat(c.state).activityStatus(a);
		if (st === 'EXPIRED' || st === 'DEACTIVATED') throw bizError(CODES.ACTIVITY_STATUS_NOT_ALLOWED, `You cannot remove products from ${st} activities.`);
		for (const id of pids) a.products.delete(id);
		if (sids.length) {
			const set = new Set(sids);
			for (const [id, p] of a.products) {
				if (!p.skus.length) {
					const rec = c.state.productById.get(id);
					if (rec && rec.product.skus.every((s) => set.has(s.id))) a.products.delete(id);
					continue;
				}
				p.skus = p.skus.filter((s) => !set.has(s.id));
				if (!p.skus.length) a.products.delete(id);
			}
		}
		a.update_time = Math.max(a.update_time, c.now);
		return ok(summary(c, a));
	});
}
