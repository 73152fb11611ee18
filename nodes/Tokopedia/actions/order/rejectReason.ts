import type { IDataObject } from 'n8n-workflow';

import { shopDateDdMmYyyy } from '../../../common/shopTime';

export interface RejectInput {
	reasonCode: number;
	reason: string;
	shopClosedUntil?: string;
	shopClosedNote?: string;
	emptyProducts?: number[];
}

// NACK reason codes and what each requires (reference §6.2). There is no code 6.
export const REJECT_REASONS: Record<number, { label: string; reasonMax: number }> = {
	0: { label: 'Shipping Problem', reasonMax: 200 },
	1: { label: 'Product Out of Stock', reasonMax: 200 },
	2: { label: 'Variant Unavailable', reasonMax: 200 },
	3: { label: 'Wrong Price or Weight', reasonMax: 200 },
	4: { label: 'Shop Closed', reasonMax: 200 },
	5: { label: 'Other', reasonMax: 200 },
	7: { label: 'Courier Problem', reasonMax: 200 },
	8: { label: 'Buyer Request', reasonMax: 200 },
};

/**
 * Checks a rejection before it is sent and builds the NACK body. Returns the problems in the
 * words of the node's fields, so the user knows which one to fill in.
 */
export function buildRejectBody(input: RejectInput): { body?: IDataObject; problems: string[] } {
	const problems: string[] = [];
	const rule = REJECT_REASONS[input.reasonCode];
	if (!rule) problems.push(`"Reason Code" ${input.reasonCode} does not exist (valid: ${Object.keys(REJECT_REASONS).join(', ')})`);
	const reason = input.reason.trim();
	if (!reason) problems.push('"Reason" is required: Tokopedia shows it to the buyer');
	if (rule && reason.length > rule.reasonMax) problems.push(`"Reason" may have at most ${rule.reasonMax} characters (has ${reason.length})`);
	const body: IDataObject = { reason_code: input.reasonCode, reason };
	if (input.reasonCode === 4) {
		const until = shopDateDdMmYyyy(input.shopClosedUntil ?? '');
		if (!input.shopClosedUntil?.trim()) problems.push('Reason "Shop Closed" needs "Shop Closed Until"');
		else if (!until) problems.push(`"Shop Closed Until" must be a date such as 2026-12-06 or 06/12/2026 (read in Asia/Jakarta time), got "${input.shopClosedUntil}"`);
		if (!input.shopClosedNote?.trim()) problems.push('Reason "Shop Closed" needs "Shop Closed Note"');
		body.shop_close_end_date = until;
		body.shop_close_note = input.shopClosedNote?.trim();
	}
	if (input.reasonCode === 1 && input.emptyProducts?.length) body.empty_products = input.emptyProducts;
	return problems.length ? { problems } : { body, problems };
}
