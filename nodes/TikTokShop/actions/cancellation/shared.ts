import type { IExecuteFunctions } from 'n8n-workflow';

import { changeKey } from '../../../common/changeKey';

/**
 * An idempotency_key (≤ 255 chars, reference §5.5) for one approve/reject: derived from the
 * execution, the node's run and what the action is (its id and body), so a resend of the same
 * action (a transport retry, n8n's Retry On Fail) is recognised by TikTok, while a later decision
 * on the same request (another run of a loop, another execution) is never swallowed as a duplicate.
 */
export function idempotencyKey(this: IExecuteFunctions, parts: unknown[]): string {
	return changeKey(this, parts);
}
