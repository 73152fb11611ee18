import type {
	IAdditionalCredentialOptions,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** What n8n's httpRequestWithAuthentication resolves to with returnFullResponse. */
export interface RawResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/**
 * Options that make n8n renew a preAuthentication token on the next request. n8n renews only when
 * the stored token is empty or a request failed with HTTP 401, so handing it the stored credential
 * with the expirable field emptied makes it run preAuthentication, persist the result into the
 * credential (shared by every worker) and sign the request with the new token.
 */
export async function forcedRenewal(
	this: ApiContext,
	credentialType: string,
	expirableField: string,
): Promise<IAdditionalCredentialOptions> {
	const stored = await this.getCredentials(credentialType);
	const reference = this.getNode().credentials?.[credentialType];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: credentialType,
			data: { ...stored, [expirableField]: '' },
		},
	};
}

/**
 * What to do after the marketplace said the token is expired. If the stored token was issued
 * after the failing request was signed, another execution already renewed it: send again with
 * the stored token. Otherwise renew. Credentials record `accessTokenIssuedAt` (ms) for this.
 */
export async function renewalAfterExpiry(
	this: ApiContext,
	credentialType: string,
	sentAtMs: number,
): Promise<IAdditionalCredentialOptions | undefined> {
	const stored = await this.getCredentials(credentialType);
	if (Number(stored.accessTokenIssuedAt ?? 0) > sentAtMs && stored.accessToken) return undefined;
	return await forcedRenewal.call(this, credentialType, 'accessToken');
}

/** Parses a JSON body that n8n may hand over as a string or Buffer; undefined when it is not JSON. */
export function parseJsonBody(body: unknown): unknown {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		try {
			return JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return value;
}
