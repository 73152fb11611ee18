import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from './constants';

interface TokenRec {
	fsId: number;
	issuedAt: number;
	expiresAt: number;
}

export type AccessCheck = { ok: true; fsId: number } | { ok: false; why: 'missing' | 'invalid' | 'expired' };

/** accounts.tokopedia.com: client_credentials grants. Every grant issues a NEW token; older ones stay valid until their own expiry. */
export class TokopediaAuth {
	tokens = new Map<string, TokenRec>();
	grants = 0;
	failedGrants = 0;

	constructor(
		private clock: Clock,
		private ttl: () => number,
	) {}

	clear(): void {
		this.tokens.clear();
		this.grants = 0;
		this.failedGrants = 0;
	}

	/** POST /token: returns [httpStatus, body]. */
	grant(authorization: string | undefined, query: URLSearchParams, rawBody: Buffer): [number, Record<string, unknown>] {
		let grantType = query.get('grant_type');
		if (!grantType && rawBody.length) grantType = new URLSearchParams(rawBody.toString('utf8')).get('grant_type'); // form body variant
		const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
		let id = '';
		let secret = '';
		if (m) {
			const dec = Buffer.from(m[1], 'base64').toString('utf8');
			const i = dec.indexOf(':');
			if (i >= 0) {
				id = dec.slice(0, i);
				secret = dec.slice(i + 1);
			}
		}
		if (id !== TOKOPEDIA_CLIENT_ID || secret !== TOKOPEDIA_CLIENT_SECRET) {
			this.failedGrants++;
			return [401, { error: 'invalid_client', error_description: 'Client authentication failed: unknown client_id or wrong client_secret' }];
		}
		if (grantType !== 'client_credentials') {
			this.failedGrants++;
			return [400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }];
		}
		const now = this.clock.now();
		const ttl = Math.max(1, Math.floor(this.ttl()));
		const token = 'c:' + randomBytes(17).toString('base64url').slice(0, 22);
		this.tokens.set(token, { fsId: TOKOPEDIA_FS_ID, issuedAt: now, expiresAt: now + ttl });
		this.grants++;
		return [200, { access_token: token, expires_in: ttl, token_type: 'Bearer' }];
	}

	check(authorization: string | undefined): AccessCheck {
		if (!authorization) return { ok: false, why: 'missing' };
		const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
		if (!m) return { ok: false, why: 'invalid' };
		const rec = this.tokens.get(m[1]);
		if (!rec) return { ok: false, why: 'invalid' };
		if (rec.expiresAt <= this.clock.now()) return { ok: false, why: 'expired' };
		return { ok: true, fsId: rec.fsId };
	}

	expireAll(): number {
		const past = this.clock.now() - 1;
		let n = 0;
		for (const r of this.tokens.values()) {
			if (r.expiresAt > past) n++;
			r.expiresAt = Math.min(r.expiresAt, past);
		}
		return n;
	}
}
