import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { cancelIdField } from './approveCancellation';
import { decideCancellation, idempotencyKey } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	cancelIdField,
	{
		displayName: 'Reject Reason',
		name: 'rejectReason',
		type: 'string',
		default: 'seller_reject_apply_product_has_been_packed',
		required: true,
		description: 'Reason code, e.g. seller_reject_apply_product_has_been_packed',
	},
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'Explanation for the buyer' },
];

export const description = withDisplay({ resource: ['cancellation'], operation: ['rejectCancellation'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const cancelId = requiredId(this.getNodeParameter('cancelId', i), 'Cancellation ID');
		const body = { reject_reason: String(this.getNodeParameter('rejectReason', i)).trim(), comment: String(this.getNodeParameter('comment', i, '')) };
		const key = idempotencyKey.call(this, ['rejectCancellation', cancelId, body]);
		const shopCipher = await shop(i);
		const outcome = await decideCancellation.call(this, 'reject', cancelId, shopCipher, i, async () =>
			await tikTokShopApiRequest.call(this, 'POST', `/return_refund/202309/cancellations/${encodeURIComponent(cancelId)}/reject`, {
				shopCipher,
				query: { idempotency_key: key },
				body,
				itemIndex: i,
			}),
		);
		const already = outcome.alreadyDecided ? { already_rejected: true, cancel_status: outcome.alreadyDecided } : {};
		return { cancel_id: cancelId, rejected: true, ...already, idempotency_key: key, ...body, ...outcome.data };
	});
}
