import { bad, type OkOptions, rbac } from '../envelope';
import type { TokopediaState } from '../state';
import type { Shop, Warehouse } from '../types';

export interface ApiCtx {
	state: TokopediaState;
	/** fs_id of the request (path or query), already checked against the token's app. */
	fsId: number;
	query: URLSearchParams;
	params: Record<string, string>;
	rawBody: Buffer;
	/** Business clock (unix seconds). */
	now: number;
	/** Normalized route key, e.g. "POST /inventory/v1/fs/{}/stock/update". */
	route: string;
	/** Bulk routes: how many leading rows fit in the rate-limit quota (rows after that fail with ERR_TOO_MANY_REQUEST). */
	allowedRows: number;
}

export type Out =
	| { kind: 'std'; data: unknown; opts?: OkOptions }
	| { kind: 'old'; status: number; body: unknown }
	| { kind: 'html'; html: string };

export type Handler = (c: ApiCtx) => Out;

export const std = (data: unknown, opts?: OkOptions): Out => ({ kind: 'std', data, opts });

export function isInt(v: unknown): v is number {
	return typeof v === 'number' && Number.isInteger(v);
}

/** Positive integer query value, or null when absent/empty; throws `invalid` when malformed. */
export function qInt(q: URLSearchParams, key: string, invalid: () => Error): number | null {
	const raw = q.get(key);
	if (raw === null || raw === '') return null;
	if (!/^\d+$/.test(raw)) throw invalid();
	return Number(raw);
}

/** Parse the JSON body; empty → undefined. */
export function jsonBody(c: ApiCtx, code: string): any {
	if (!c.rawBody.length) return undefined;
	try {
		return JSON.parse(c.rawBody.toString('utf8'));
	} catch {
		throw bad(code, 'Failed to read request body: invalid JSON');
	}
}

/** Resolve a linked shop (unknown or unlinked → 403 RBAC_MDLW_001). */
export function linkedShop(c: ApiCtx, shopId: number): Shop {
	const shop = c.state.shopById.get(shopId);
	if (!shop || !shop.linked) throw rbac(`shop_id ${shopId}`);
	return shop;
}

/** `shop_id` query param: required unless opts.optional. */
export function shopParam(c: ApiCtx, missingCode: string, invalidCode: string, optional = false): Shop | null {
	const id = qInt(c.query, 'shop_id', () => bad(invalidCode, 'Invalid shop_id'));
	if (id === null) {
		if (optional) return null;
		throw bad(missingCode, 'shop_id cannot be empty');
	}
	return linkedShop(c, id);
}

/** `warehouse_id` query param (optional): must belong to the shop, else 403 RBAC_MDLW_001. Default warehouse when absent. */
export function warehouseParam(c: ApiCtx, shop: Shop, invalidCode: string): Warehouse {
	const id = qInt(c.query, 'warehouse_id', () => bad(invalidCode, 'Invalid warehouse_id'));
	if (id === null || id === 0) return c.state.defaultWarehouse(shop.shop_id);
	const w = c.state.warehouses.get(id);
	if (!w || w.shop_id !== shop.shop_id || !shop.linked) throw rbac(`warehouse_id ${id}`);
	return w;
}

/** Path order id → order of a linked shop (unknown → ORD_API_008; other fs's shop → 403). */
export function pathOrder(c: ApiCtx) {
	const raw = c.params.order_id;
	if (!/^\d+$/.test(raw)) throw bad('ORD_DLV_005', 'Invalid order_id');
	const o = c.state.requireOrder(Number(raw));
	linkedShop(c, o.shop_id);
	return o;
}
