import { createHash } from 'node:crypto';
import type { TikTokShopState } from '../state';
import type { Shop } from '../types';
import { type ApiResult, ApiError, invalidParam } from '../envelope';
import { ERR } from '../constants';

export interface ApiCtx {
	state: TikTokShopState;
	/** Shop selected by shop_cipher (null on non shop-scoped routes). */
	shop: Shop | null;
	query: URLSearchParams;
	params: Record<string, string>;
	/** Parsed JSON body ({} when empty). */
	body: any;
	/** Business clock (unix seconds). */
	now: number;
	/** Base URL as seen by the client (from the Host header), used for document URLs. */
	baseUrl: string;
	/** request_id of this call (envelope), route key ("POST /product/202309/products/{}/inventory/update"). */
	requestId?: string;
	routeKey?: string;
	/** Raw body and Content-Type (multipart routes get `body = {}` and parse these). */
	rawBody?: Buffer;
	contentType?: string;
}

export type Handler = (c: ApiCtx) => ApiResult;

export function requireShop(c: ApiCtx): Shop {
	if (!c.shop) throw new ApiError(400, ERR.MISSING_CIPHER, 'shop_cipher is required for this request');
	return c.shop;
}

export function pageSize(q: URLSearchParams, min: number, max: number): number {
	const raw = q.get('page_size');
	if (raw === null || raw === '') throw invalidParam(`page_size is required and must be an integer between ${min} and ${max}`);
	if (!/^\d+$/.test(raw)) throw invalidParam(`page_size must be an integer between ${min} and ${max}`);
	const n = Number(raw);
	if (n < min || n > max) throw invalidParam(`page_size must be between ${min} and ${max}, got ${n}`);
	return n;
}

export function sortParams(q: URLSearchParams, fields: string[], defaultOrder: 'ASC' | 'DESC'): { field: string; order: 'ASC' | 'DESC' } {
	const field = q.get('sort_field') || fields[0];
	if (!fields.includes(field)) throw invalidParam(`sort_field must be one of ${fields.join(', ')}`);
	const order = (q.get('sort_order') || defaultOrder).toUpperCase();
	if (order !== 'ASC' && order !== 'DESC') throw invalidParam('sort_order must be ASC or DESC');
	return { field, order };
}

const MAGIC = Buffer.from([0xfb, 0xef, 0xff]); // base64 "++//": tokens always contain + and /

function filterHash(filterKey: string): Buffer {
	return createHash('sha256').update(filterKey).digest().subarray(0, 8);
}

/** Opaque page token: base64(magic(3) + offset(u32be) + sha256(filters)[0..8]). Always contains '+' and '/'. */
export function encodePageToken(offset: number, filterKey: string): string {
	const b = Buffer.alloc(15);
	MAGIC.copy(b, 0);
	b.writeUInt32BE(offset, 3);
	filterHash(filterKey).copy(b, 7);
	return b.toString('base64');
}

export function decodePageToken(token: string | null, filterKey: string): number {
	if (!token) return 0;
	const b = Buffer.from(token, 'base64');
	if (b.length !== 15 || b.toString('base64') !== token || !b.subarray(0, 3).equals(MAGIC))
		throw invalidParam('page_token is invalid');
	if (!b.subarray(7).equals(filterHash(filterKey)))
		throw invalidParam('page_token does not match the current query (filters or sort changed)');
	return b.readUInt32BE(3);
}

/** The page (1 = first) a request's `page_token` and `page_size` point at; undefined without a page size. */
export function pageNumberOf(q: URLSearchParams): number | undefined {
	const size = Number(q.get('page_size'));
	if (!Number.isInteger(size) || size < 1) return undefined;
	const token = q.get('page_token');
	if (!token) return 1;
	const b = Buffer.from(token, 'base64');
	if (b.length !== 15 || !b.subarray(0, 3).equals(MAGIC)) return undefined;
	return Math.floor(b.readUInt32BE(3) / size) + 1;
}

export function paginate<T>(items: T[], q: URLSearchParams, size: number, filterKey: string): { page: T[]; next: string } {
	const offset = decodePageToken(q.get('page_token'), filterKey);
	const page = items.slice(offset, offset + size);
	const next = offset + size < items.length ? encodePageToken(offset + size, filterKey) : '';
	return { page, next };
}

export function optInt(body: any, key: string): number | undefined {
	const v = body?.[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidParam(`${key} must be a unix timestamp (number)`);
	return v;
}

export function reqString(body: any, key: string): string {
	const v = body?.[key];
	if (typeof v !== 'string' || v === '') throw invalidParam(`${key} is required`);
	return v;
}

export function sorter<T extends { id: string }>(field: string, order: 'ASC' | 'DESC', get: (x: T) => number) {
	return (a: T, b: T): number => {
		const d = get(a) - get(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
		return order === 'ASC' ? d : -d;
	};
}
