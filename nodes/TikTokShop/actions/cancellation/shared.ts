import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { toItemError } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';

/**
 * An idempotency_key (≤ 255 chars, reference §5.5) for one approve/reject: derived from the workflow,
 * the node and what the decision is (its id and body), not from the execution or the run. A decision
 * settles a pending request once, so the same decision sent again (a transport retry, Retry On Fail, a
 * re-run of the workflow, another run of a loop) is the same change and TikTok does not act twice.
 */
export function idempotencyKey(this: IExecuteFunctions, parts: unknown[]): string {
	return createHash('sha256')
		.update(JSON.stringify([String(this.getWorkflow().id ?? ''), this.getNode().id, ...parts]))
		.digest('hex');
}

// Closed without cancelling the order: rejected by the seller, or withdrawn by the buyer (reference §5.5
// spells it both ways).
const CLOSED = ['CANCELLATION_REQUEST_CANCEL', 'CANCELLATION_REQUEST_CANCELLED'];
const APPROVED = ['CANCELLATION_REQUEST_SUCCESS', 'CANCELLATION_REQUEST_COMPLETE'];

async function cancellationStatus(this: IExecuteFunctions, cancelId: string, shopCipher: string, itemIndex: number): Promise<string | undefined> {
	const data = await tikTokShopApiRequest.call(this, 'POST', '/return_refund/202309/cancellations/search', {
		shopCipher,
		query: { page_size: 1 },
		body: { cancel_ids: [cancelId] },
		itemIndex,
	});
	const found = ((data.cancellations as IDataObject[] | undefined) ?? []).find((c) => String(c.cancel_id) === cancelId);
	return found ? String(found.cancel_status) : undefined;
}

export interface CancellationDecision {
	/** The decision's status when it had already been made: nothing was sent, nothing changed. */
	alreadyDecided?: string;
	data: IDataObject;
}

/**
 * Approves or rejects a buyer's cancellation request once in effect. A request already decided this
 * way is a no-op success (`alreadyDecided`), also when TikTok refuses the decision because it was
 * made meanwhile; a request decided the other way is an error that says so.
 */
export async function decideCancellation(
	this: IExecuteFunctions,
	decision: 'approve' | 'reject',
	cancelId: string,
	shopCipher: string,
	itemIndex: number,
	send: () => Promise<IDataObject>,
): Promise<CancellationDecision> {
	const [done, opposite] = decision === 'approve' ? [APPROVED, CLOSED] : [CLOSED, APPROVED];
	const decided = async (): Promise<string | undefined> => {
		const status = await cancellationStatus.call(this, cancelId, shopCipher, itemIndex);
		if (status !== undefined && done.includes(status)) return status;
		if (status !== undefined && opposite.includes(status)) {
			throw new NodeOperationError(this.getNode(), `Cancellation ${cancelId} cannot be ${decision}d: it is already ${status}`, {
				itemIndex,
				description: decision === 'approve' ? 'It was rejected, or the buyer withdrew it; the order was not cancelled.' : 'It was approved: the order is cancelled.',
			});
		}
		return undefined;
	};
	const before = await decided();
	if (before) return { alreadyDecided: before, data: {} };
	try {
		return { data: await send() };
	} catch (error) {
		if (!(error instanceof NodeApiError)) throw toItemError(this, error, itemIndex);
		const after = await decided();
		if (after) return { alreadyDecided: after, data: {} };
		throw toItemError(this, error, itemIndex);
	}
}
