import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeNetworkFailure } from '../../common/networkFailure';
import { TokenServiceError, secretDigest, sharedRenewal } from '../../common/tokenRenewal';

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

/** Token-service codes that mean "try again later", not "this grant is bad" (reference §4, §8). */
const UNAVAILABLE_CODES = new Set([36009002, 36009003, 36009007]);

function unavailable(base: string, cause: string): TokenServiceError {
	return new TokenServiceError(
		`The TikTok Shop token service at ${base} is unavailable (${cause}). This is not a problem with the credential: nothing in it needs to change. The node retried with back-off; run the workflow again later, or set "Retry On Fail" on the node.`,
		'unavailable',
	);
}

function unreachable(base: string, cause: string): TokenServiceError {
	return new TokenServiceError(
		`Could not reach the TikTok Shop token service at ${base} (${cause}). Check "Auth Base URL" in the credential (default https://auth.tiktok-shops.com) and that this n8n server can reach it; the node retried with back-off.`,
		'unavailable',
	);
}

export async function renewTikTokShopToken(
	this: IHttpRequestHelper,
	credentials: TikTokShopTokenCredentials,
): Promise<TikTokShopTokenSet> {
	const grant = credentials.refreshToken ? `rt:${credentials.refreshToken}` : `code:${credentials.authCode ?? ''}`;
	return await sharedRenewal(
		`tiktokshop|${credentials.authBaseUrl}|${credentials.appKey}|${secretDigest(credentials.appSecret)}|${grant}`,
		async () => await requestToken.call(this, credentials),
		(tokens) => tokens.accessTokenExpiresAt * 1000 > Date.now() + 5_000,
	);
}

async function requestToken(
	this: IHttpRequestHelper,
	credentials: TikTokShopTokenCredentials,
): Promise<TikTokShopTokenSet> {
	const { appKey, appSecret, authCode, refreshToken } = credentials;
	if (!appKey || !appSecret) {
		throw new TokenServiceError('The TikTok Shop credential needs both "App Key" and "App Secret".', 'incomplete');
	}
	if (!refreshToken && !authCode) {
		throw new TokenServiceError(
			`The TikTok Shop credential needs an "Authorization Code" or a "Refresh Token". ${AUTH_CODE_HINT}`,
			'incomplete',
		);
	}
	const base = credentials.authBaseUrl.replace(/\/+$/, '');
	const usingRefresh = Boolean(refreshToken);
	const qs = usingRefresh
		? { app_key: appKey, app_secret: appSecret, refresh_token: refreshToken, grant_type: 'refresh_token' }
		: { app_key: appKey, app_secret: appSecret, auth_code: authCode, grant_type: 'authorized_code' };

	let response: { statusCode: number; body: unknown } | undefined;
	let networkFailure: string | undefined;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: `${base}/api/v2/token/${usingRefresh ? 'refresh' : 'get'}`,
			qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// The request URL carries the app secret (TikTok's design), so only the cause is reported.
		networkFailure = describeNetworkFailure(error);
	}
	if (networkFailure !== undefined || !response) throw unreachable(base, networkFailure ?? 'no answer');
	let envelope = response.body as TokenEnvelope | string | undefined;
	if (typeof envelope === 'string') envelope = parseJson(envelope);
	const status = response.statusCode;
	const code = envelope?.code;
	if (status >= 500 || status === 429 || status === 408 || (code !== undefined && UNAVAILABLE_CODES.has(code))) {
		throw unavailable(base, `HTTP ${status}${code !== undefined ? `, code ${code}` : ''}`);
	}
	if (typeof code !== 'number') throw unavailable(base, `HTTP ${status} without a token envelope`);
	const data = envelope?.data;
	if (code !== 0 || !data?.access_token) {
		const hint = TOKEN_ERROR_HINTS[code] || AUTH_CODE_HINT;
		throw new TokenServiceError(
			`TikTok Shop refused to ${usingRefresh ? 'refresh the access token' : 'exchange the authorization code'}: ${envelope?.message ?? 'no message'} (code ${code}). ${hint}`,
			'refused',
			{ code, requestId: envelope?.request_id, httpStatus: status },
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

function parseJson(text: string): TokenEnvelope | undefined {
	try {
		return JSON.parse(text) as TokenEnvelope;
	} catch {
		return undefined;
	}
}
