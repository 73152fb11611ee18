import { createHmac, timingSafeEqual } from 'node:crypto';
import { mediaType } from '../common/http';

/**
 * TikTok Shop 202309+ request signature:
 * hex(HMAC-SHA256(secret, secret + path + sorted(k+v, excluding sign/access_token) + body + secret)).
 * Query values are the percent-decoded values; the body is the raw bytes received and is omitted
 * when the Content-Type media type is multipart/form-data (GET requests have an empty body).
 */
export function computeSign(
	appSecret: string,
	path: string,
	query: URLSearchParams,
	rawBody: Buffer | string,
	contentType: string | undefined,
): string {
	const seen = new Set<string>();
	const pairs: Array<[string, string]> = [];
	for (const [k, v] of query) {
		if (k === 'sign' || k === 'access_token' || seen.has(k)) continue;
		seen.add(k);
		pairs.push([k, v]);
	}
	pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const parts: Buffer[] = [Buffer.from(appSecret + path + pairs.map(([k, v]) => k + v).join(''), 'utf8')];
	if (mediaType(contentType) !== 'multipart/form-data') {
		parts.push(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
	}
	parts.push(Buffer.from(appSecret, 'utf8'));
	return createHmac('sha256', appSecret).update(Buffer.concat(parts)).digest('hex');
}

export function signMatches(expected: string, given: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(given, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
