import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface TikTokShopEnvelope<T = unknown> {
	code: number;
	message: string;
	request_id: string;
	data: T;
}

/** Error codes that mean "the token is gone": renew it once, then retry (reference §4). */
export const EXPIRED_TOKEN_CODE = 105002;
/** Rate limited: the request was refused, never applied. */
export const RATE_LIMIT_CODE = 36009002;
/** Codes that mean "try again later" even when they arrive with HTTP 200. */
export const TRANSIENT_CODES = new Set([RATE_LIMIT_CODE, 36009003, 36009007]);

// What to do about a code, in the user's words (reference §3.4, §4 and the common-errors page).
const HINTS: Record<number, string> = {
	105001: 'The access token is not valid. Open the TikTok Shop credential and paste a new authorization code or refresh token.',
	105002: 'The access token expired and could not be renewed. Re-authorize the app and paste a new authorization code or refresh token into the credential.',
	105005: 'The app lacks the permission (scope) this API needs. Add the API package to the app in Partner Center → App & Service → Manage API, then have the seller re-authorize.',
	106001: 'TikTok Shop rejected the request signature. Check that the App Key and App Secret in the credential belong to the same app.',
	106013: 'This API needs a shop. Pick one in the Shop field or set a Default Shop Cipher in the credential.',
	36009002: 'TikTok Shop rate-limited the app and retries ran out. Lower the node\'s concurrency or spread the work over time.',
	36009003: 'TikTok Shop had an internal error and retries ran out. Try again later.',
	36009004: 'TikTok Shop rejected a parameter; the message names it. Check the shop cipher, ids and dates you passed.',
	36009009: 'TikTok Shop does not know this API path. Check the API Base URL in the credential.',
	36009033: 'The IP address of this n8n server is not on the app\'s IP allow list. Add it in Partner Center → App & Service → your app.',
	21008111: 'The order or package does not belong to the selected shop. Pick the shop that owns it.',
	12052180: 'Product search cannot return more than 10,000 results. Narrow the filters (status, update time) and run it in slices.',
	12019045: 'The price is locked by an ongoing promotion. End or edit the promotion first, or wait until it ends.',
};

export function tikTokShopHint(code: number): string | undefined {
	return HINTS[code];
}

/** Builds the NodeApiError for a non-zero TikTok Shop code. Carries code and request_id, never request details. */
export function tikTokShopApiError(
	node: INode,
	envelope: Pick<TikTokShopEnvelope, 'code' | 'message' | 'request_id'>,
	httpCode: number,
	itemIndex?: number,
): NodeApiError {
	const hint = tikTokShopHint(envelope.code);
	const body: JsonObject = {
		code: envelope.code,
		message: envelope.message,
		request_id: envelope.request_id,
	};
	const error = new NodeApiError(node, body, {
		message: `TikTok Shop error ${envelope.code}: ${envelope.message}`,
		description: [hint, envelope.request_id ? `Request ID: ${envelope.request_id}` : undefined]
			.filter(Boolean)
			.join(' '),
		httpCode: String(httpCode),
		itemIndex,
	});
	error.context = { ...error.context, marketplaceCode: envelope.code, requestId: envelope.request_id };
	return error;
}
