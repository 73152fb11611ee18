import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { describeNetworkFailure } from '../../common/networkFailure';
import { TokenServiceError, secretDigest, sharedRenewal } from '../../common/tokenRenewal';

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
	token_type?: string;
	error?: string;
	error_description?: string;
}

export interface TokopediaTokenSet extends IDataObject {
	accessToken: string;
	accessTokenIssuedAt: number;
}

/**
 * Client-credentials token from the accounts host (reference §2.1): grant type in the query,
 * client id and secret as HTTP Basic, empty body. Concurrent renewals of one process share one grant.
 */
export async function requestTokopediaToken(
	this: IHttpRequestHelper,
	credentials: { clientId: string; clientSecret: string; authBaseUrl: string; replacedAccessToken?: string },
): Promise<TokopediaTokenSet> {
	const { tokens } = await sharedRenewal(
		`tokopedia|${credentials.authBaseUrl}|${credentials.clientId}|${secretDigest(credentials.clientSecret)}|${credentials.replacedAccessToken ?? ''}`,
		async () => await grant.call(this, credentials),
		(granted) => granted.expiresAt > Date.now() + 5_000,
	);
	return tokens;
}

async function grant(
	this: IHttpRequestHelper,
	credentials: { clientId: string; clientSecret: string; authBaseUrl: string },
): Promise<{ tokens: TokopediaTokenSet; expiresAt: number }> {
	const { clientId, clientSecret } = credentials;
	if (!clientId || !clientSecret) {
		throw new TokenServiceError('The Tokopedia credential needs both "Client ID" and "Client Secret".', 'incomplete');
	}
	const base = credentials.authBaseUrl.replace(/\/+$/, '');
	const unavailable = (cause: string) =>
		new TokenServiceError(
			`The Tokopedia token service at ${base} is unavailable (${cause}). This is not a problem with the credential: nothing in it needs to change. The node retried with back-off; run the workflow again later, or set "Retry On Fail" on the node.`,
			'unavailable',
		);
	let response: { statusCode: number; body: TokenResponse | string } | undefined;
	let networkFailure: string | undefined;
	try {
		response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${base}/token`,
			qs: { grant_type: 'client_credentials' },
			headers: {
				Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
				'Content-Length': '0',
			},
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
			timeout: 30_000,
		})) as { statusCode: number; body: TokenResponse | string };
	} catch (error) {
		networkFailure = describeNetworkFailure(error);
	}
	if (networkFailure !== undefined || !response) {
		throw new TokenServiceError(
			`Could not reach the Tokopedia token service at ${base} (${networkFailure ?? 'no answer'}). Check "Auth Base URL" in the credential (default https://accounts.tokopedia.com) and that this n8n server can reach it; the node retried with back-off.`,
			'unavailable',
		);
	}
	let body = response.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body) as TokenResponse;
		} catch {
			body = {};
		}
	}
	const status = response.statusCode;
	if (status >= 500 || status === 429 || status === 408) throw unavailable(`HTTP ${status}`);
	if (status < 400 && !body.access_token) throw unavailable(`HTTP ${status} without an access token`);
	if (status >= 400) {
		const reason = body.error_description ?? body.error ?? `HTTP ${status}`;
		throw new TokenServiceError(
			`Tokopedia refused the client credentials (${reason}). Check "Client ID" and "Client Secret" in the credential: Tokopedia Developer Console → your app.`,
			'refused',
			{ code: body.error, httpStatus: status },
		);
	}
	return {
		tokens: { accessToken: body.access_token!, accessTokenIssuedAt: Date.now() },
		expiresAt: Date.now() + Number(body.expires_in ?? 0) * 1000,
	};
}
