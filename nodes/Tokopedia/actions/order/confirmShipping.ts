import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, statusReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import { isCancelledStatus, orderIdOf, readOrder } from './shared';

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
		const outcome = await writeOnce(this.getNode(), {
			what: `Confirm Shipping of order ${orderId}`,
			check: `order ${orderId} in Tokopedia Seller Center (shipped = status 500 with AWB ${awb})`,
			send: async () => ({
				result: (await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/status`, { body, itemIndex: i, sendOnce: true })) as string,
			}),
			readBack: async () => {
				const order = await readOrder.call(this, app, orderId, i);
				const shippedAwb = String(((order.order_info as IDataObject)?.shipping_info as IDataObject)?.awb ?? '');
				return statusReadBack(
					order.order_status,
					(status) => status >= 500 && !isCancelledStatus(status) && shippedAwb === awb,
					(status) => status === 400 || status === 450,
				);
			},
		}, i);
		return { order_id: Number(orderId), ...body, result: (outcome.data.result as string) ?? 'Success', ...recoveredMark(outcome) };
	});
}
