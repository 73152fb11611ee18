import type { IHttpRequestHelper } from 'n8n-workflow';

import { describeNetworkFailure } from '../../common/networkFailure';

export class TokopediaTokenError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TokopediaTokenError';
	}
}

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
	token_type?: string;
	error?: string;
	error_description?: string;
}

/**
 * Client-credentials token from the accounts host (reference §2.1): grant type in the query,
 * client id and secret as HTTP Basic, empty body.
 */
export async function requestTokopediaToken(
	this: IHttpRequestHelper,
	credentials: { clientId: string; clientSecret: string; authBaseUrl: string },
): Promise<{ accessToken: string; accessTokenIssuedAt: number }> {
	const { clientId, clientSecret } = credentials;
	if (!clientId || !clientSecret) {
		throw new TokopediaTokenError('The Tokopedia credential needs both "Client ID" and "Client Secret".');
	}
	const base = credentials.authBaseUrl.replace(/\/+$/, '');
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
		throw new TokopediaTokenError(
			`Could not reach the Tokopedia token service at ${base} (${networkFailure}). Check "Auth Base URL" in the credential (default https://accounts.tokopedia.com) and that this n8n server can reach it.`,
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
	if (response.statusCode >= 400 || !body.access_token) {
		const reason = body.error_description ?? body.error ?? `HTTP ${response.statusCode}`;
		throw new TokopediaTokenError(
			`Tokopedia refused the client credentials (${reason}). Check "Client ID" and "Client Secret" in the credential: Tokopedia Developer Console → your app.`,
		);
	}
	return { accessToken: body.access_token, accessTokenIssuedAt: Date.now() };
}
