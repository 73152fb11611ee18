import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { idempotencyKey } from '../cancellation/shared';
import type { ShopResolver } from '../types';
import { returnIdField } from './approveReturn';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	returnIdField,
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		default: 'REJECT_REFUND',
		options: [
			{ name: 'Reject Received Package', value: 'REJECT_RECEIVED_PACKAGE' },
			{ name: 'Reject Refund', value: 'REJECT_REFUND' },
			{ name: 'Reject Replacement', value: 'REJECT_REPLACEMENT' },
			{ name: 'Reject Return', value: 'REJECT_RETURN' },
		],
	},
	{
		displayName: 'Reject Reason',
		name: 'rejectReason',
		type: 'string',
		default: '',
		required: true,
		description: 'Reason code from the return\'s reject reasons, e.g. seller_reject_apply_package_has_not_exceeded_estimated_delivery_time',
	},
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
];

export const description = withDisplay({ resource: ['return'], operation: ['rejectReturn'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const returnId = requiredId(this.getNodeParameter('returnId', i), 'Return ID');
		const body = {
			decision: this.getNodeParameter('decision', i) as string,
			reject_reason: String(this.getNodeParameter('rejectReason', i)).trim(),
			comment: String(this.getNodeParameter('comment', i, '')),
		};
		const key = idempotencyKey.call(this, ['rejectReturn', returnId, body]);
		const data = await tikTokShopApiRequest.call(this, 'POST', `/return_refund/202309/returns/${encodeURIComponent(returnId)}/reject`, {
			shopCipher: await shop(i),
			query: { idempotency_key: key },
			body,
			itemIndex: i,
		});
		return { return_id: returnId, ...body, idempotency_key: key, ...data };
	});
}
