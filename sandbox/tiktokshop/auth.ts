import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import {
	AUTH_CODE_TTL_SECONDS,
	ERR,
	GRANTED_SCOPES,
	REFRESH_TOKEN_TTL_SECONDS,
	SANDBOX_APP_KEY,
	SANDBOX_APP_SECRET,
	SANDBOX_OPEN_ID,
	SANDBOX_REFRESH_TOKEN,
	SANDBOX_SELLER_NAME,
} from './constants';
import { ApiError } from './envelope';

export interface AuthSettings {
	accessTokenTtlSeconds: number;
	refreshGraceSeconds: number;
}

interface AccessTokenRec {
	expiresAt: number;
	issuedAt: number;
}
interface RefreshTokenRec {
	expiresAt: number;
	issuedAt: number;
	/** Set when this refresh token has been rotated by a refresh call. */
	rotatedAt?: number;
}
interface AuthCodeRec {
	expiresAt: number;
	used: boolean;
}

export type AccessCheck = 'ok' | 'expired' | 'invalid';

function token(): string {
	return 'TTP_' + randomBytes(30).toString('base64url');
}

/** Token host state: auth codes, access tokens and rotating refresh tokens. */
export class AuthStore {
	authCodes = new Map<string, AuthCodeRec>();
	accessTokens = new Map<string, AccessTokenRec>();
	refreshTokens = new Map<string, RefreshTokenRec>();
	tokenGets = 0;
	tokenRefreshes = 0;

	constructor(
		private clock: Clock,
		public settings: AuthSettings,
	) {
		this.seedDemoRefreshToken();
	}

	seedDemoRefreshToken(): void {
		const now = this.clock.now();
		this.refreshTokens.set(SANDBOX_REFRESH_TOKEN, { issuedAt: now, expiresAt: now + REFRESH_TOKEN_TTL_SECONDS });
	}

	clear(): void {
		this.authCodes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.tokenGets = 0;
		this.tokenRefreshes = 0;
		this.seedDemoRefreshToken();
	}

	mintAuthCode(): { code: string; expires_at: number } {
		const code = 'SBX_AC_' + randomBytes(18).toString('base64url');
		const expiresAt = this.clock.now() + AUTH_CODE_TTL_SECONDS;
		this.authCodes.set(code, { expiresAt, used: false });
		return { code, expires_at: expiresAt };
	}

	expireAllAccessTokens(): number {
		const past = this.clock.now() - 1;
		for (const rec of this.accessTokens.values()) rec.expiresAt = Math.min(rec.expiresAt, past);
		return this.accessTokens.size;
	}

	checkAccess(tok: string | undefined): AccessCheck {
		if (!tok) return 'invalid';
		const rec = this.accessTokens.get(tok);
		if (!rec) return 'invalid';
		return rec.expiresAt <= this.clock.now() ? 'expired' : 'ok';
	}

	private checkApp(q: URLSearchParams): void {
		const appKey = q.get('app_key');
		const appSecret = q.get('app_secret');
		if (!appKey || !appSecret) throw new ApiError(200, ERR.INVALID_PARAM, 'invalid param error: app_key and app_secret are required');
		if (appKey !== SANDBOX_APP_KEY) throw new ApiError(200, ERR.INVALID_PARAM, 'Invalid app_key. Please check the app_key in the request.');
		if (appSecret !== SANDBOX_APP_SECRET) throw new ApiError(200, ERR.INVALID_PARAM, 'Invalid app_secret. Please check the app_secret in the request.');
	}

	private issue(): Record<string, unknown> {
		const now = this.clock.now();
		const access = token();
		const refresh = token();
		const accessExp = now + this.settings.accessTokenTtlSeconds;
		const refreshExp = now + REFRESH_TOKEN_TTL_SECONDS;
		this.accessTokens.set(access, { issuedAt: now, expiresAt: accessExp });
		this.refreshTokens.set(refresh, { issuedAt: now, expiresAt: refreshExp });
		return {
			access_token: access,
			access_token_expire_in: accessExp,
			refresh_token: refresh,
			refresh_token_expire_in: refreshExp,
			open_id: SANDBOX_OPEN_ID,
			seller_name: SANDBOX_SELLER_NAME,
			seller_base_region: 'ID',
			user_type: 0,
			granted_scopes: [...GRANTED_SCOPES],
		};
	}

	/** GET /api/v2/token/get */
	getToken(q: URLSearchParams): Record<string, unknown> {
		this.checkApp(q);
		const grant = q.get('grant_type');
		if (grant !== 'authorized_code') throw new ApiError(200, ERR.INVALID_PARAM, 'invalid param error: grant_type must be authorized_code');
		const code = q.get('auth_code') ?? '';
		const rec = this.authCodes.get(code);
		if (!rec || rec.used || rec.expiresAt <= this.clock.now()) throw new ApiError(200, ERR.INVALID_AUTH_CODE, 'Invalid auth code.');
		rec.used = true;
		this.tokenGets++;
		return this.issue();
	}

	/** GET /api/v2/token/refresh (grant_type refresh_token; authorized_code tolerated like the official Node SDK sends). */
	refresh(q: URLSearchParams): Record<string, unknown> {
		this.checkApp(q);
		const grant = q.get('grant_type');
		if (grant !== 'refresh_token' && grant !== 'authorized_code')
			throw new ApiError(200, ERR.INVALID_PARAM, 'invalid param error: grant_type must be refresh_token');
		const rt = q.get('refresh_token') ?? '';
		const rec = this.refreshTokens.get(rt);
		if (!rt || !rec) throw new ApiError(200, ERR.RT_NOT_FOUND, 'can not find related auth record: unknown refresh_token');
		const now = this.clock.now();
		if (rec.expiresAt <= now) throw new ApiError(200, ERR.RT_EXPIRED, 'rt has expired: the refresh token is past its expiry time');
		if (rec.rotatedAt !== undefined && now > rec.rotatedAt + this.settings.refreshGraceSeconds)
			throw new ApiError(
				200,
				ERR.RT_EXPIRED,
				'rt has expired: this refresh token was already rotated by a previous refresh; use the newest refresh token',
			);
		if (rec.rotatedAt === undefined) rec.rotatedAt = now;
		this.tokenRefreshes++;
		return this.issue();
	}
}
