import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { decideCancellation, idempotencyKey } from './shared';
import { requiredId } from '../../../common/validate';

export const cancelIdField: INodeProperties = {
	displayName: 'Cancellation ID',
	name: 'cancelId',
	type: 'string',
	default: '={{ $json.cancel_id }}',
	required: true,
};

const properties: INodeProperties[] = [cancelIdField];

export const description = withDisplay({ resource: ['cancellation'], operation: ['approveCancellation'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const cancelId = requiredId(this.getNodeParameter('cancelId', i), 'Cancellation ID');
		const key = idempotencyKey.call(this, ['approveCancellation', cancelId]);
		const shopCipher = await shop(i);
		const outcome = await decideCancellation.call(this, 'approve', cancelId, shopCipher, i, async () =>
			await tikTokShopApiRequest.call(this, 'POST', `/return_refund/202309/cancellations/${encodeURIComponent(cancelId)}/approve`, {
				shopCipher,
				query: { idempotency_key: key },
				itemIndex: i,
			}),
		);
		const already = outcome.alreadyDecided ? { already_approved: true, cancel_status: outcome.alreadyDecided } : {};
		return { cancel_id: cancelId, approved: true, ...already, idempotency_key: key, ...outcome.data };
	});
}
