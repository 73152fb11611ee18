import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { markPossiblyApplied } from '../../common/exactlyOnce';
import { defaultRetryPolicy, isTransientNetworkError, isTransientStatus, mayHaveBeenApplied, retryAfterToMs, withRetry } from '../../common/retry';
import type { AdaptivePacer } from '../../common/pacer';
import type { AttemptOutcome, RetryBudget, RetryPolicy } from '../../common/retry';
import type { ApiContext, RawResponse, TokenLifecycle } from '../../common/tokenRenewal';
import { findTokenServiceError, parseJsonBody, sendWithToken } from '../../common/tokenRenewal';
import type { TikTokShopEnvelope } from './errors';
import { EXPIRED_TOKEN_CODE, RATE_LIMIT_CODE, TRANSIENT_CODES, tikTokShopApiError } from './errors';

export const CREDENTIAL_TYPE = 'tikTokShopApi';

export type TikTokShopContext = ApiContext;

export interface TikTokShopRequest {
	query?: IDataObject;
	body?: IDataObject;
	/** Sent as shop_cipher; shop-scoped APIs need it and /authorization/* refuses it (reference §2.3). */
	shopCipher?: string;
	itemIndex?: number;
	/**
	 * A write TikTok does not deduplicate: never re-sent once it may have been applied; such a failure is
	 * thrown marked for `writeOnce` (nodes/common/exactlyOnce.ts), which reads the state back instead.
	 */
	sendOnce?: boolean;
	/** Paces every attempt and learns from throttles (HTTP 429 / 36009002). */
	pacer?: AdaptivePacer;
	/** A multipart upload: sent as is, and (as TikTok requires) left out of the signature. */
	multipart?: { body: Buffer; contentType: string };
	/** Retries shared with the other requests of the same job (the pages of a pull). */
	retryBudget?: RetryBudget;
	retry?: RetryPolicy;
}

const credentialCache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

/** The credential, read once per execution context (the base URL and default shop do not change mid-run). */
export async function tikTokShopCredentials(this: TikTokShopContext): Promise<ICredentialDataDecryptedObject> {
	let cached = credentialCache.get(this);
	if (!cached) {
		cached = this.getCredentials(CREDENTIAL_TYPE);
		credentialCache.set(this, cached);
	}
	return await cached;
}

function parseEnvelope(body: unknown): TikTokShopEnvelope<unknown> | undefined {
	const value = parseJsonBody(body);
	if (value && typeof value === 'object' && typeof (value as TikTokShopEnvelope).code === 'number') {
		return value as TikTokShopEnvelope<unknown>;
	}
	return undefined;
}

const tokenLifecycle: TokenLifecycle = {
	credentialType: CREDENTIAL_TYPE,
	marketplace: 'TikTok Shop',
	// 105002 comes with HTTP 401 or 200 (reference §4).
	isExpired: (response) => parseEnvelope(response.body)?.code === EXPIRED_TOKEN_CODE,
};

/**
 * Calls a TikTok Shop API and returns its `data`. Signing happens in the credential. Rate limits
 * (HTTP 429 / 36009002), 5xx and dropped connections are retried with back-off; an expired token
 * is renewed once; any other non-zero code becomes a NodeApiError with the code, request_id and a hint.
 */
export async function tikTokShopApiRequest(
	this: TikTokShopContext,
	method: IHttpRequestMethods,
	path: string,
	request: TikTokShopRequest = {},
): Promise<IDataObject> {
	const credentials = await tikTokShopCredentials.call(this);
	const baseURL = String(credentials.apiBaseUrl || 'https://open-api.tiktokglobalshop.com').replace(/\/+$/, '');
	const qs: IDataObject = { ...request.query };
	if (request.shopCipher) qs.shop_cipher = request.shopCipher;
	const options: IHttpRequestOptions = {
		method,
		baseURL,
		url: path,
		qs,
		headers: { 'Content-Type': request.multipart?.contentType ?? 'application/json' },
		body: request.multipart?.body ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: true,
		timeout: 60_000,
	};
	const node = this.getNode();

	return await withRetry<IDataObject>(async (): Promise<AttemptOutcome<IDataObject>> => {
		let response: RawResponse;
		await request.pacer?.take();
		const sent = await sendWithToken.call(this, tokenLifecycle, options);
		if (sent.response) response = sent.response;
		else {
			const error = sent.error;
			const tokenFailure = findTokenServiceError(error);
			if (tokenFailure) {
				throw new NodeApiError(node, { message: tokenFailure.message }, {
					message: tokenFailure.message,
					description:
						tokenFailure.kind === 'unavailable'
							? 'TikTok Shop\'s token service failed; the credential itself was not refused.'
							: 'The TikTok Shop credential could not get an access token.',
					itemIndex: request.itemIndex,
				});
			}
			if (isTransientNetworkError(error)) {
				const lastError = new NodeApiError(node, { message: String((error as Error).message) }, {
					message: `Could not reach TikTok Shop at ${baseURL}: ${(error as Error).message}`,
					itemIndex: request.itemIndex,
				});
				if (request.sendOnce && mayHaveBeenApplied(error)) throw markPossiblyApplied(lastError);
				return { kind: 'retry', reason: 'network', lastError };
			}
			throw new NodeApiError(node, { message: String((error as Error).message) }, {
				message: `TikTok Shop request failed: ${(error as Error).message}`,
				itemIndex: request.itemIndex,
			});
		}

		const envelope = parseEnvelope(response.body);
		const status = response.statusCode;
		if (envelope && envelope.code === 0 && status < 400) {
			request.pacer?.succeeded();
			return { kind: 'done', value: (envelope.data ?? {}) as IDataObject };
		}
		const failure = envelope ?? {
			code: status,
			message: `HTTP ${status} without a TikTok Shop envelope`,
			request_id: '',
		};
		const error = tikTokShopApiError(node, failure, status, request.itemIndex);
		const retryAfterMs = retryAfterToMs(response.headers?.['retry-after']);
		if (status === 429 || failure.code === RATE_LIMIT_CODE) request.pacer?.throttled(retryAfterMs);
		if (isTransientStatus(status) || TRANSIENT_CODES.has(failure.code)) {
			if (request.sendOnce && failure.code !== RATE_LIMIT_CODE && mayHaveBeenApplied(error, status < 400 ? 500 : status)) {
				throw markPossiblyApplied(error);
			}
			return {
				kind: 'retry',
				reason: `HTTP ${status} / ${failure.code}`,
				retryAfterMs,
				lastError: error,
			};
		}
		throw error;
	}, request.retry ?? defaultRetryPolicy, undefined, request.retryBudget);
}

/** Downloads a file TikTok hands out as a pre-signed URL (shipping documents); no credential is sent. */
export async function downloadTikTokShopDocument(this: IExecuteFunctions, url: string): Promise<Buffer> {
	const response = (await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: 60_000,
	})) as { body: ArrayBuffer | Buffer };
	return Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
}
