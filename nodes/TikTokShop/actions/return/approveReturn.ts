import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { idempotencyKey } from '../cancellation/shared';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

export const returnIdField: INodeProperties = {
	displayName: 'Return ID',
	name: 'returnId',
	type: 'string',
	default: '={{ $json.return_id }}',
	required: true,
};

const properties: INodeProperties[] = [
	returnIdField,
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		default: 'APPROVE_REFUND',
		options: [
			{ name: 'Approve Received Package', value: 'APPROVE_RECEIVED_PACKAGE', description: 'The returned parcel arrived in order' },
			{ name: 'Approve Refund', value: 'APPROVE_REFUND', description: 'Refund without a return' },
			{ name: 'Approve Replacement', value: 'APPROVE_REPLACEMENT' },
			{ name: 'Approve Return', value: 'APPROVE_RETURN', description: 'The buyer sends the item back' },
			{ name: 'Direct Refund', value: 'DIRECT_REFUND' },
			{ name: 'Issue Replacement Refund', value: 'ISSUE_REPLACEMENT_REFUND' },
			{ name: 'Offer Partial Refund', value: 'OFFER_PARTIAL_REFUND' },
		],
	},
	{
		displayName: 'Partial Refund Amount',
		name: 'partialRefundAmount',
		type: 'string',
		default: '',
		displayOptions: { show: { decision: ['OFFER_PARTIAL_REFUND'] } },
		description: 'Decimal amount, e.g. 15000',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'IDR',
		displayOptions: { show: { decision: ['OFFER_PARTIAL_REFUND'] } },
	},
];

export const description = withDisplay({ resource: ['return'], operation: ['approveReturn'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const returnId = requiredId(this.getNodeParameter('returnId', i), 'Return ID');
		const body: IDataObject = { decision: this.getNodeParameter('decision', i) };
		if (body.decision === 'OFFER_PARTIAL_REFUND') {
			body.partial_refund = { amount: String(this.getNodeParameter('partialRefundAmount', i)), currency: this.getNodeParameter('currency', i) };
		}
		const key = idempotencyKey.call(this, ['approveReturn', returnId, body]);
		const data = await tikTokShopApiRequest.call(this, 'POST', `/return_refund/202309/returns/${encodeURIComponent(returnId)}/approve`, {
			shopCipher: await shop(i),
			query: { idempotency_key: key },
			body,
			itemIndex: i,
		});
		return { return_id: returnId, ...body, idempotency_key: key, ...data };
	});
}
