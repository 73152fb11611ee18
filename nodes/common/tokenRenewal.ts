import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { backoffMs } from './retry';
import type { RetryPolicy } from './retry';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** What n8n's httpRequestWithAuthentication resolves to with returnFullResponse. */
export interface RawResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
}

/**
 * Why a token service did not hand out a token.
 * - `unavailable`: the service failed (5xx, 429, timeout, dropped connection): not a credential problem, retried.
 * - `refused`: the service refused the grant itself (wrong secret, used code, revoked refresh token).
 * - `incomplete`: the credential lacks a field; nothing was sent.
 */
export type TokenFailureKind = 'unavailable' | 'refused' | 'incomplete';

/** Thrown by the credentials' preAuthentication; n8n wraps it, the transports find it again by name. */
export class TokenServiceError extends Error {
	constructor(
		message: string,
		readonly kind: TokenFailureKind,
		readonly detail: { code?: number | string; requestId?: string; httpStatus?: number } = {},
	) {
		super(message);
		this.name = 'TokenServiceError';
	}
}

/** The TokenServiceError inside whatever n8n wrapped it in, if any. */
export function findTokenServiceError(error: unknown): TokenServiceError | undefined {
	let current = error as { cause?: unknown; name?: string } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.name === 'TokenServiceError' && typeof (current as TokenServiceError).kind === 'string') {
			return current as TokenServiceError;
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * Renewals in flight or just finished, keyed by the grant they use. Executions of one process that
 * find the same token expired at the same moment share one renewal instead of each spending the
 * grant (TikTok's refresh token is rotated by every use). A settled result is handed to later
 * callers holding the same grant only while `reusable` says the token it produced is still good,
 * and never after `shareMs`: by then n8n has persisted it and callers read it from the credential.
 */
const renewals = new Map<string, { settledAt?: number; result: Promise<unknown> }>();

/**
 * Stands for a secret inside a renewal key: a renewal is shared only by callers holding the same
 * secret (a wrong secret must be refused by the token service, not handed another's token), and
 * the secret itself is not kept in the key.
 */
export function secretDigest(secret: string): string {
	return createHash('sha256').update(secret).digest('base64url');
}

export async function sharedRenewal<T>(
	key: string,
	renew: () => Promise<T>,
	reusable: (tokens: T) => boolean,
	shareMs = 60_000,
): Promise<T> {
	const now = Date.now();
	for (const [other, entry] of renewals) {
		if (entry.settledAt !== undefined && now - entry.settledAt > shareMs) renewals.delete(other);
	}
	const shared = renewals.get(key);
	if (shared) {
		const tokens = (await shared.result) as T;
		if (reusable(tokens)) return tokens;
		if (renewals.get(key) === shared) renewals.delete(key);
	}
	const entry: { settledAt?: number; result: Promise<unknown> } = { result: renew() };
	renewals.set(key, entry);
	// A failed renewal is not shared: the next caller tries again.
	entry.result.then(
		() => (entry.settledAt = Date.now()),
		() => {
			if (renewals.get(key) === entry) renewals.delete(key);
		},
	);
	return (await entry.result) as T;
}

/** How a marketplace tells that its token was refused, and what to say when renewal is hopeless. */
export interface TokenLifecycle {
	credentialType: string;
	/** The response says the access token it was sent with is expired or unknown. */
	isExpired: (response: RawResponse) => boolean;
	/** Marketplace name for messages. */
	marketplace: string;
}

export const tokenRetryPolicy: RetryPolicy = { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 15_000 };

/**
 * Handed to preAuthentication (never persisted: n8n stores only what preAuthentication returns)
 * so that a renewal shared inside one process is keyed by the token it replaces.
 */
export const REPLACED_TOKEN_FIELD = 'replacedAccessToken';

/** The answer, or the error of the last attempt (a TokenServiceError inside, when the token was the problem). */
export type SendResult = { response: RawResponse; error?: undefined } | { response: undefined; error: unknown };

/** Refusals worth re-reading the credential for a while: another process may have rotated the grant. */
const REFUSAL_REREADS = 3;

function credentialReference(this: ApiContext, credentialType: string) {
	const reference = this.getNode().credentials?.[credentialType];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type: credentialType };
}

/**
 * Sends one request with the credential's access token and keeps the token alive across the
 * network's failures. The credential is read from n8n's store before every attempt (it is the one
 * place all executions and all queue-mode workers share), and the data handed to n8n is the object
 * n8n signs with, so after the call it holds exactly the token that was sent. Then:
 * - the marketplace refused that token: if the stored token differs, another execution or worker
 *   renewed it meanwhile, so send again with the stored one; otherwise empty the token, which
 *   makes n8n run preAuthentication, persist the new token and sign with it;
 * - the token service failed (5xx/429/timeout/drop): back off, read the credential again (a
 *   renewal elsewhere may have succeeded, or rotated the refresh token) and try again;
 * - the token service refused the grant: re-read a few times in case another process rotated it
 *   (then its stored token or refresh token is used), else throw the refusal, which says what to do.
 * Never decided by clocks: only by comparing the stored token with the one that failed.
 */
export async function sendWithToken(
	this: ApiContext,
	lifecycle: TokenLifecycle,
	options: IHttpRequestOptions,
	wait: (ms: number) => Promise<void> = sleep,
): Promise<SendResult> {
	const { credentialType } = lifecycle;
	const reference = credentialReference.call(this, credentialType);
	/** The access token the marketplace refused last; a stored token other than this one is usable. */
	let refused: unknown;
	const renewal = (stored: ICredentialDataDecryptedObject) => ({
		...stored,
		accessToken: '',
		[REPLACED_TOKEN_FIELD]: String(refused ?? ''),
	});
	const usable = (stored: ICredentialDataDecryptedObject) =>
		stored.accessToken && stored.accessToken !== refused ? stored : renewal(stored);
	let data: ICredentialDataDecryptedObject = await this.getCredentials(credentialType);
	let expiries = 0;
	let renewalsRefused = 0;
	let unavailable = 0;
	let refusals = 0;
	for (;;) {
		const used: ICredentialDataDecryptedObject = { ...data };
		const grantSent = String(used.refreshToken ?? '');
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{ ...options, headers: { ...options.headers } },
				{ credentialsDecrypted: { ...reference, data: used } },
			)) as RawResponse;
		} catch (error) {
			const failure = findTokenServiceError(error);
			if (!failure || failure.kind === 'incomplete') return { response: undefined, error };
			let stored = await this.getCredentials(credentialType);
			if (stored.accessToken && stored.accessToken !== refused) {
				// Another execution or worker renewed the token while our renewal failed.
				data = stored;
				continue;
			}
			if (failure.kind === 'refused' && String(stored.refreshToken ?? '') !== grantSent && refusals < REFUSAL_REREADS) {
				// Our grant was rotated by a renewal elsewhere: renew with the stored one.
				refusals++;
				data = renewal(stored);
				continue;
			}
			if (failure.kind === 'unavailable' ? ++unavailable >= tokenRetryPolicy.maxAttempts : ++refusals > REFUSAL_REREADS) {
				return { response: undefined, error };
			}
			// Unavailable: the service may be back after a pause. Refused: the renewal that rotated our
			// grant elsewhere may not be persisted yet. Either way, look at the credential again after it.
			await wait(backoffMs(failure.kind === 'unavailable' ? unavailable : refusals, tokenRetryPolicy));
			stored = await this.getCredentials(credentialType);
			data = usable(stored);
			continue;
		}
		// Renewing twice and still being refused will not get better by renewing again.
		if (!lifecycle.isExpired(response) || (data.accessToken === '' && ++renewalsRefused >= 2) || ++expiries > 4) {
			return { response };
		}
		refused = used.accessToken;
		data = usable(await this.getCredentials(credentialType));
	}
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
