import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Where a change is asked for: the workflow, the execution, the node and the node's run index.
 * A node inside a loop (Loop Over Items, a node wired back to itself) runs several times in one
 * execution, each run with its own input; n8n's Retry On Fail repeats the same run.
 */
export function changeScope(ctx: IExecuteFunctions): string[] {
	const proxy = typeof ctx.getWorkflowDataProxy === 'function' ? ctx.getWorkflowDataProxy(0) : undefined;
	const runIndex = Number(proxy?.$runIndex ?? 0);
	return [String(ctx.getWorkflow().id ?? ''), String(ctx.getExecutionId?.() ?? ''), ctx.getNode().id, String(runIndex)];
}

/**
 * A duplicate-guard key (Tokopedia request_id, TikTok idempotency_key) for one change: the scope
 * plus what the change is (operation, target ids, rows with their values). Two different changes
 * never share a key; the same change sent again in the same run always gets the same one.
 */
export function changeKey(ctx: IExecuteFunctions, change: unknown[], encoding: 'hex' | 'base64url' = 'hex', length?: number): string {
	const digest = createHash('sha256').update(JSON.stringify([...changeScope(ctx), ...change])).digest(encoding);
	return length ? digest.slice(0, length) : digest;
}
