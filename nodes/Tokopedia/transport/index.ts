import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AttemptOutcome, RetryBudget, RetryPolicy } from '../../common/retry';
import { markPossiblyApplied } from '../../common/exactlyOnce';
import { defaultRetryPolicy, isTransientNetworkError, isTransientStatus, mayHaveBeenApplied, retryAfterToMs, withRetry } from '../../common/retry';
import type { ApiContext, RawResponse, TokenLifecycle } from '../../common/tokenRenewal';
import { findTokenServiceError, parseJsonBody, sendWithToken } from '../../common/tokenRenewal';
import type { TokopediaFailure } from './errors';
import { tokopediaApiError } from './errors';

export const CREDENTIAL_TYPE = 'tokopediaApi';

export interface TokopediaRequest {
	query?: IDataObject;
	body?: IDataObject | IDataObject[];
	itemIndex?: number;
	/**
	 * A write Tokopedia does not deduplicate: never re-sent once it may have been applied; such a failure
	 * is thrown marked for `writeOnce` (nodes/common/exactlyOnce.ts), which reads the state back instead.
	 */
	sendOnce?: boolean;
	/** Return the raw bytes (shipping label HTML) instead of an envelope's data. */
	binary?: boolean;
	/** Retries shared with the other requests of the same job (the pages of a pull). */
	retryBudget?: RetryBudget;
	retry?: RetryPolicy;
}

export interface TokopediaResponse {
	data: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
	raw?: Buffer;
}

const credentialCache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

export async function tokopediaCredentials(this: ApiContext): Promise<ICredentialDataDecryptedObject> {
	let cached = credentialCache.get(this);
	if (!cached) {
		cached = this.getCredentials(CREDENTIAL_TYPE);
		credentialCache.set(this, cached);
	}
	return await cached;
}

/** The app's fs_id, which most paths carry. */
export async function fsId(this: ApiContext): Promise<string> {
	const credentials = await tokopediaCredentials.call(this);
	return String(credentials.fsId ?? '').trim();
}

/** Looks a key up case-insensitively: Tokopedia mixes `Name` and `name`, `Messages` and `messages` (reference §1.6). */
export function pick(source: unknown, key: string): unknown {
	if (!source || typeof source !== 'object') return undefined;
	const record = source as IDataObject;
	if (key in record) return record[key];
	const lower = key.toLowerCase();
	const found = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return found === undefined ? undefined : record[found];
}

/**
 * Reads both envelopes (reference §1.3, §1.4): `{header:{messages, reason, error_code}, data}` and
 * the older `{data, status:"200 Ok", error_message:[]}`. Returns the failure, if any.
 */
export function readEnvelope(body: unknown, httpStatus: number): { data: unknown; failure?: TokopediaFailure } {
	if (!body || typeof body !== 'object') {
		return httpStatus >= 400
			? { data: undefined, failure: { errorCode: `HTTP_${httpStatus}`, reason: typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${httpStatus}` } }
			: { data: body };
	}
	const header = pick(body, 'header');
	const data = pick(body, 'data');
	if (header && typeof header === 'object') {
		const errorCode = pick(header, 'error_code');
		const code = errorCode === undefined || errorCode === null ? '' : String(errorCode);
		const isError = httpStatus >= 400 || (code !== '' && code !== '0' && code !== '200');
		if (!isError) return { data };
		return {
			data,
			failure: {
				errorCode: code || `HTTP_${httpStatus}`,
				reason: String(pick(header, 'reason') || pick(header, 'messages') || `HTTP ${httpStatus}`),
				messages: pick(header, 'messages') as string | undefined,
			},
		};
	}
	const status = pick(body, 'status');
	const errors = pick(body, 'error_message');
	if (status !== undefined || errors !== undefined) {
		const list = Array.isArray(errors) ? errors.map(String) : [];
		const ok = httpStatus < 400 && list.length === 0 && (status === undefined || String(status).startsWith('200'));
		return ok
			? { data }
			: { data, failure: { errorCode: String(status ?? `HTTP_${httpStatus}`), reason: list.join('; ') || String(status) } };
	}
	if (pick(body, 'error') !== undefined) {
		return {
			data: undefined,
			failure: { errorCode: String(pick(body, 'error')), reason: String(pick(body, 'error_description') ?? pick(body, 'error')) },
		};
	}
	return httpStatus >= 400 ? { data: body, failure: { errorCode: `HTTP_${httpStatus}`, reason: `HTTP ${httpStatus}` } } : { data: body };
}

/** Seconds to wait that Tokopedia announces in its X-Ratelimit-* headers (reference §7.1). */
export function rateLimitWaitMs(headers: RawResponse['headers']): number | undefined {
	const full = Number(headers?.['x-ratelimit-full-reset-after']);
	const one = Math.abs(Number(headers?.['x-ratelimit-reset-after']));
	const seconds = Number.isFinite(one) && one > 0 ? one : Number.isFinite(full) && full > 0 ? full : undefined;
	return seconds === undefined ? undefined : Math.ceil(seconds * 1000);
}

/** Parses "5 req/s (burst 5)" into a rate and a burst. */
export function parseRateLimit(headers: RawResponse['headers']): { rate: number; burst: number } | undefined {
	const text = String(headers?.['x-ratelimit-limit'] ?? '');
	const match = /([\d.]+)\s*req\s*\/\s*s(?:.*?burst\s*([\d.]+))?/i.exec(text);
	if (!match) return undefined;
	const rate = Number(match[1]);
	return { rate, burst: match[2] ? Number(match[2]) : rate };
}

const tokenLifecycle: TokenLifecycle = {
	credentialType: CREDENTIAL_TYPE,
	marketplace: 'Tokopedia',
	isExpired: (response) => response.statusCode === 401,
};

/**
 * Calls the Tokopedia Seller API and returns the whole response (data, headers). HTTP 429 and 5xx
 * and dropped connections are retried with back-off (honouring X-Ratelimit-*); a 401 renews the
 * token once; anything else becomes a NodeApiError with Tokopedia's error_code and reason.
 */
export async function tokopediaApiCall(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	request: TokopediaRequest = {},
): Promise<TokopediaResponse> {
	const credentials = await tokopediaCredentials.call(this);
	const baseURL = String(credentials.apiBaseUrl || 'https://fs.tokopedia.net').replace(/\/+$/, '');
	const options: IHttpRequestOptions = {
		method,
		baseURL,
		url: path,
		qs: request.query,
		headers: request.body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: request.body === undefined ? undefined : JSON.stringify(request.body),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: request.binary ? 'arraybuffer' : undefined,
		json: !request.binary,
		timeout: 60_000,
	};
	const node = this.getNode();

	return await withRetry(async (): Promise<AttemptOutcome<TokopediaResponse>> => {
		let response: RawResponse;
		const sent = await sendWithToken.call(this, tokenLifecycle, options);
		if (sent.response) response = sent.response;
		else {
			const error = sent.error;
			const tokenFailure = findTokenServiceError(error);
			const message = tokenFailure ? tokenFailure.message : `Tokopedia request failed: ${(error as Error).message}`;
			const wrapped = new NodeApiError(node, { message }, { message, itemIndex: request.itemIndex });
			if (!tokenFailure && isTransientNetworkError(error)) {
				if (request.sendOnce && mayHaveBeenApplied(error)) throw markPossiblyApplied(wrapped);
				return { kind: 'retry', reason: 'network', lastError: wrapped };
			}
			throw wrapped;
		}

		const raw = request.binary && response.body !== undefined ? Buffer.from(response.body as ArrayBuffer) : undefined;
		const parsed = raw
			? response.statusCode >= 400
				? parseJsonBody(raw)
				: undefined
			: parseJsonBody(response.body);
		if (raw && response.statusCode < 400) {
			return { kind: 'done', value: { data: undefined, raw, headers: response.headers, statusCode: response.statusCode } };
		}
		const { data, failure } = readEnvelope(parsed ?? response.body, response.statusCode);
		if (!failure) {
			return { kind: 'done', value: { data, headers: response.headers, statusCode: response.statusCode } };
		}
		const error = tokopediaApiError(node, failure, response.statusCode, request.itemIndex);
		if (isTransientStatus(response.statusCode)) {
			if (request.sendOnce && mayHaveBeenApplied(error, response.statusCode)) throw markPossiblyApplied(error);
			return { kind: 'retry', reason: `HTTP ${response.statusCode}`, retryAfterMs: rateLimitWaitMs(response.headers) ?? retryAfterToMs(response.headers?.['retry-after']), lastError: error };
		}
		throw error;
	}, request.retry ?? defaultRetryPolicy, undefined, request.retryBudget);
}

/** Calls the Tokopedia Seller API and returns the envelope's `data`. */
export async function tokopediaApiRequest(
	this: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	request: TokopediaRequest = {},
): Promise<unknown> {
	return (await tokopediaApiCall.call(this, method, path, request)).data;
}
