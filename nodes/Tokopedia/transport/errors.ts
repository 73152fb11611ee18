import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface TokopediaFailure {
	errorCode: string;
	reason: string;
	messages?: string;
}

// What to do about an error code, in the seller's words (reference §6.3 and the endpoint pages).
const HINTS: Record<string, string> = {
	RBAC_MDLW_001: 'The shop or warehouse is not linked to this App ID (fs_id). Link it in the Tokopedia Developer Console or pick a linked shop.',
	RBAC_MDLW_002: 'The shop owner has not granted this app permission. Ask the seller to approve the app in Seller Center.',
	RBAC_USC_012: 'The shop owner has not granted this app permission. Ask the seller to approve the app in Seller Center.',
	RBAC_USC_008: 'The app is not associated with this shop. Check the shop ID.',
	ORD_DLV_008: 'Filter by shop or by warehouse, not both.',
	ORD_DLV_013: 'The date range of one request must be shorter than 3 days; the node splits longer ranges, so check From and To.',
	ORD_API_008: 'Tokopedia has no such order for this App ID. Check the order ID or invoice number.',
	ORD_API_009: 'Too many orders in the time window. Narrow From/To.',
	ORD_USC_001: 'Only new orders (status 220) can be accepted.',
	ORD_USC_008: 'The order is no longer in a status that can be rejected.',
	ORD_USC_009: 'This reject reason needs a written reason.',
	ORD_USC_012: 'Reason "Shop closed" needs "Shop Closed Until".',
	ORD_USC_013: 'Reason "Shop closed" needs "Shop Closed Note".',
	ORD_USC_019: 'The buyer has not requested a cancellation for this order.',
	ORD_DLV_021: 'Confirm Shipping needs the AWB (shipping reference number).',
	PRD_DLV_005: 'Listing products by shop needs a page number.',
	PRD_DLV_018: 'Too many rows in one request; the node batches them, so this points at a changed API limit.',
	PRD_USC_028: 'Only active products can be edited.',
	ERR_TOO_MANY_REQUEST: 'Tokopedia rate-limited the request and retries ran out. Lower the rate or spread the work over time.',
	UNAUTHORIZED: 'The access token was refused after a renewal. Check Client ID, Client Secret and App ID in the credential.',
};

export function tokopediaHint(code: string): string | undefined {
	return HINTS[code];
}

export function tokopediaApiError(node: INode, failure: TokopediaFailure, httpCode: number, itemIndex?: number): NodeApiError {
	const body: JsonObject = { error_code: failure.errorCode, reason: failure.reason };
	const error = new NodeApiError(node, body, {
		message: `Tokopedia error ${failure.errorCode}: ${failure.reason}`,
		description: tokopediaHint(failure.errorCode) ?? failure.messages,
		httpCode: String(httpCode),
		itemIndex,
	});
	error.context = { ...error.context, marketplaceCode: failure.errorCode };
	return error;
}
