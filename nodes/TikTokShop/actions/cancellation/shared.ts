import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * An idempotency_key (≤ 255 chars) derived from what the action is: the same approve/reject of the
 * same request by the same node gives the same key, so a retried item (Retry On Fail, a re-run
 * execution) is recognised by TikTok instead of acting twice (reference §5.5).
 */
export function idempotencyKey(this: IExecuteFunctions, parts: unknown[]): string {
	const node = this.getNode();
	const workflowId = this.getWorkflow().id ?? '';
	return createHash('sha256').update(JSON.stringify([workflowId, node.id, ...parts])).digest('hex');
}
