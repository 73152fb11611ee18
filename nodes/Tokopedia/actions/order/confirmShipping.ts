import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import { orderIdOf } from './shared';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'AWB (Shipping Reference Number)',
		name: 'awb',
		type: 'string',
		default: '',
		required: true,
		description: 'The courier\'s tracking number ("nomor resi")',
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['confirmShipping'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const awb = String(this.getNodeParameter('awb', i, '')).trim();
		if (!awb) throw new NodeOperationError(this.getNode(), '"AWB (Shipping Reference Number)" is empty', { itemIndex: i });
		// Status 500 is "shipped" (reference §3.2 O5); the same endpoint serves other transitions for partners.
		const body = { order_status: 500, shipping_ref_num: awb };
		const data = await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/status`, { body, itemIndex: i });
		return { order_id: Number(orderId), ...body, result: data as string };
	});
}
