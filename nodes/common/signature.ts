import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `presented` is the lowercase-hex HMAC-SHA256 of `signed` under `secret`, compared in
 * constant time. Fails closed: no secret, no signature or a malformed one is a mismatch.
 */
export function hmacHexMatches(secret: string, signed: Buffer, presented: string | undefined): boolean {
	if (!secret || !presented) return false;
	const expected = Buffer.from(createHmac('sha256', secret).update(signed).digest('hex'));
	const given = Buffer.from(presented.trim().toLowerCase());
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The raw request body n8n kept for the webhook, as bytes (never re-serialised JSON). */
export function rawBodyOf(request: { rawBody?: unknown; body?: unknown }): Buffer | undefined {
	const raw = request.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw);
	return undefined;
}
