import { createHmac } from 'node:crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

// Query keys TikTok leaves out of the signature (reference/tiktokshop-api.md §2.1 step 1).
const UNSIGNED_QUERY_KEYS = new Set(['sign', 'access_token']);

/**
 * TikTok Shop request signature (reference §2.1): HMAC-SHA256 keyed with the app secret over
 * secret + path + sorted query (key+value, values decoded) + raw body + secret, as lowercase hex.
 * `body` is undefined for GET and for multipart uploads, whose body is never signed.
 */
export function tikTokShopSign(
	appSecret: string,
	path: string,
	query: Record<string, string>,
	body?: string,
): string {
	const keys = Object.keys(query)
		.filter((key) => !UNSIGNED_QUERY_KEYS.has(key))
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const base = path + keys.map((key) => key + query[key]).join('') + (body ?? '');
	return createHmac('sha256', appSecret).update(appSecret + base + appSecret).digest('hex');
}

function queryValue(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) return value.map(String).join(',');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function isMultipart(request: IHttpRequestOptions): boolean {
	const body = request.body as { getHeaders?: unknown } | undefined;
	if (body && typeof body === 'object' && typeof body.getHeaders === 'function') return true;
	const headers = request.headers ?? {};
	const contentType = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
	return String(contentType ?? '').split(';')[0].trim().toLowerCase() === 'multipart/form-data';
}

function isPlainObject(value: unknown): value is IDataObject {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Buffer.isBuffer(value) &&
		!(value instanceof URLSearchParams) &&
		typeof (value as { getHeaders?: unknown }).getHeaders !== 'function' &&
		typeof (value as { pipe?: unknown }).pipe !== 'function'
	);
}

/** n8n's HTTP Request node authenticates legacy request options, which carry `uri` instead of `url`. */
type SignableRequest = IHttpRequestOptions & { uri?: string };

function targetUrl(request: SignableRequest): URL {
	const raw = String(request.url ?? request.uri ?? '');
	if (/^https?:\/\//i.test(raw)) return new URL(raw);
	const base = String(request.baseURL ?? '').replace(/\/+$/, '');
	return new URL(`${base}/${raw.replace(/^\/+/, '')}`);
}

/**
 * Returns a copy of `request` carrying app_key, timestamp, sign and the access token header.
 * The query string is written into the URL here and the JSON body is serialised here, so the
 * bytes TikTok receives are exactly the bytes that were signed.
 */
export function signTikTokShopRequest(
	request: SignableRequest,
	auth: { appKey: string; appSecret: string; accessToken: string },
	nowSeconds: number = Math.floor(Date.now() / 1000),
): IHttpRequestOptions {
	const url = targetUrl(request);
	const query: Record<string, string> = {};
	url.searchParams.forEach((value, key) => {
		query[key] = value;
	});
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		const text = queryValue(value);
		if (text !== undefined) query[key] = text;
	}
	query.app_key = auth.appKey;
	query.timestamp = String(nowSeconds);
	delete query.sign;

	const multipart = isMultipart(request);
	let body = request.body;
	if (!multipart && isPlainObject(body)) body = JSON.stringify(body);
	const method = (request.method ?? 'GET').toUpperCase();
	const signedBody =
		multipart || method === 'GET' || body === undefined
			? undefined
			: Buffer.isBuffer(body)
				? body.toString('utf8')
				: String(body);

	query.sign = tikTokShopSign(auth.appSecret, url.pathname, query, signedBody);

	const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
	const signedUrl = `${url.origin}${url.pathname}?${search}`;
	const headers: IDataObject = { ...request.headers, 'x-tts-access-token': auth.accessToken };
	// A body serialised here must still be sent as JSON (the HTTP Request node sets no content type for strings).
	const hasContentType = Object.keys(headers).some((key) => key.toLowerCase() === 'content-type');
	if (!multipart && signedBody !== undefined && !hasContentType) headers['Content-Type'] = 'application/json';
	const signed: SignableRequest = {
		...request,
		headers,
		body,
	};
	if (request.uri !== undefined && request.url === undefined) signed.uri = signedUrl;
	else signed.url = signedUrl;
	delete signed.qs;
	delete signed.baseURL;
	return signed;
}
