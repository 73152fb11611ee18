import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeNetworkFailure } from '../../common/networkFailure';

export interface TikTokShopTokenCredentials {
	appKey: string;
	appSecret: string;
	authCode?: string;
	refreshToken?: string;
	authBaseUrl: string;
}

/** What preAuthentication hands back to n8n, which persists it into the credential. */
export interface TikTokShopTokenSet extends IDataObject {
	accessToken: string;
	accessTokenExpiresAt: number;
	accessTokenIssuedAt: number;
	refreshToken: string;
	refreshTokenExpiresAt: number;
	authCode: string;
}

interface TokenEnvelope {
	code?: number;
	message?: string;
	request_id?: string;
	data?: {
		access_token?: string;
		access_token_expire_in?: number;
		refresh_token?: string;
		refresh_token_expire_in?: number;
	};
}

const AUTH_CODE_HINT =
	'Authorize the app again (Partner Center → your app → Authorize, or the seller authorization link) and paste the new authorization code, or paste a valid refresh token instead.';

const TOKEN_ERROR_HINTS: Record<number, string> = {
	36004004: `The authorization code is invalid, already used, or older than 30 minutes. ${AUTH_CODE_HINT}`,
	36004001: `The refresh token has expired or was revoked. ${AUTH_CODE_HINT}`,
	36004005: `TikTok Shop has no authorization for this refresh token. ${AUTH_CODE_HINT}`,
	36009004: 'TikTok Shop rejected the app key or app secret. Copy both again from Partner Center → App & Service → your app.',
};

export class TikTokShopTokenError extends Error {
	// Not named `code`: n8n's credential test shows `error.cause.code` instead of the message when set.
	constructor(
		message: string,
		readonly marketplaceCode?: number,
		readonly requestId?: string,
	) {
		super(message);
		this.name = 'TikTokShopTokenError';
	}
}

/**
 * Renewals in flight or just finished, keyed by the grant they used. Several executions of the
 * same n8n process that find the token expired at the same moment share one renewal instead of
 * each spending the (rotating, single-use) refresh token. Entries live only while the token
 * they produced is still valid, and never longer than a minute.
 */
const renewals = new Map<string, { settledAt?: number; result: Promise<TikTokShopTokenSet> }>();
const SHARE_WINDOW_MS = 60_000;

function grantKey(credentials: TikTokShopTokenCredentials): string {
	const grant = credentials.refreshToken ? `rt:${credentials.refreshToken}` : `code:${credentials.authCode ?? ''}`;
	return `${credentials.authBaseUrl}|${credentials.appKey}|${grant}`;
}

export async function renewTikTokShopToken(
	this: IHttpRequestHelper,
	credentials: TikTokShopTokenCredentials,
	nowMs: number = Date.now(),
): Promise<TikTokShopTokenSet> {
	for (const [key, entry] of renewals) {
		if (entry.settledAt !== undefined && nowMs - entry.settledAt > SHARE_WINDOW_MS) renewals.delete(key);
	}
	const key = grantKey(credentials);
	const shared = renewals.get(key);
	if (shared) {
		const tokens = await shared.result;
		if (tokens.accessTokenExpiresAt * 1000 > nowMs + 5_000) return tokens;
		renewals.delete(key);
	}
	const entry: { settledAt?: number; result: Promise<TikTokShopTokenSet> } = {
		result: requestToken.call(this, credentials),
	};
	renewals.set(key, entry);
	// A failed renewal is not shared: the next caller tries again.
	entry.result.then(
		() => (entry.settledAt = Date.now()),
		() => renewals.delete(key),
	);
	return await entry.result;
}

function parseJson(text: string): TokenEnvelope | undefined {
	try {
		return JSON.parse(text) as TokenEnvelope;
	} catch {
		return undefined;
	}
}

async function requestToken(
	this: IHttpRequestHelper,
	credentials: TikTokShopTokenCredentials,
): Promise<TikTokShopTokenSet> {
	const { appKey, appSecret, authCode, refreshToken } = credentials;
	if (!appKey || !appSecret) {
		throw new TikTokShopTokenError('The TikTok Shop credential needs both "App Key" and "App Secret".');
	}
	if (!refreshToken && !authCode) {
		throw new TikTokShopTokenError(
			`The TikTok Shop credential needs an "Authorization Code" or a "Refresh Token". ${AUTH_CODE_HINT}`,
		);
	}
	const base = credentials.authBaseUrl.replace(/\/+$/, '');
	const usingRefresh = Boolean(refreshToken);
	const qs = usingRefresh
		? { app_key: appKey, app_secret: appSecret, refresh_token: refreshToken, grant_type: 'refresh_token' }
		: { app_key: appKey, app_secret: appSecret, auth_code: authCode, grant_type: 'authorized_code' };

	let envelope: TokenEnvelope | undefined;
	let networkFailure: string | undefined;
	try {
		envelope = (await this.helpers.httpRequest({
			method: 'GET',
			url: `${base}/api/v2/token/${usingRefresh ? 'refresh' : 'get'}`,
			qs,
			json: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as TokenEnvelope;
	} catch (error) {
		// The request URL carries the app secret (TikTok's design), so only the cause is reported.
		networkFailure = describeNetworkFailure(error);
	}
	if (networkFailure !== undefined) {
		throw new TikTokShopTokenError(
			`Could not reach the TikTok Shop token service at ${base} (${networkFailure}). Check "Auth Base URL" in the credential (default https://auth.tiktok-shops.com) and that this n8n server can reach it.`,
		);
	}
	if (typeof envelope === 'string') envelope = parseJson(envelope);
	const data = envelope?.data;
	if (envelope?.code !== 0 || !data?.access_token) {
		const code = envelope?.code;
		const hint = (code !== undefined && TOKEN_ERROR_HINTS[code]) || AUTH_CODE_HINT;
		throw new TikTokShopTokenError(
			`TikTok Shop refused to ${usingRefresh ? 'refresh the access token' : 'exchange the authorization code'}: ${envelope?.message ?? 'no message'} (code ${code ?? 'none'}). ${hint}`,
			code,
			envelope?.request_id,
		);
	}
	return {
		accessToken: data.access_token,
		// Both *_expire_in fields are absolute Unix timestamps despite their names (reference §3.4).
		accessTokenExpiresAt: Number(data.access_token_expire_in ?? 0),
		accessTokenIssuedAt: Date.now(),
		refreshToken: data.refresh_token ?? refreshToken ?? '',
		refreshTokenExpiresAt: Number(data.refresh_token_expire_in ?? 0),
		authCode: '',
	};
}
