import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import { orderIdOf, readOrder } from './shared';
import { numericId, wholeQuantity } from '../../../common/validate';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Order Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'How many units of each order line you can fulfil',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Order Detail ID', name: 'orderDetailId', type: 'string', default: '' },
					{ displayName: 'Quantity You Can Fulfil', name: 'quantity', type: 'number', default: 1, typeOptions: { minValue: 0 } },
				],
			},
		],
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['requestPartialFulfillment'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const rows = ((this.getNodeParameter('lines', i, {}) as IDataObject).line as IDataObject[]) ?? [];
		if (rows.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Add at least one row under "Order Lines"', { itemIndex: i });
		}
		const body = {
			pof_detail: rows.map((row, index) => ({
				order_dtl_id: Number(numericId(row.orderDetailId, `Order Lines → row ${index + 1} → Order Detail ID`)),
				quantity_request: wholeQuantity(row.quantity, `Order Lines → row ${index + 1} → Quantity You Can Fulfil`, { min: 0 }),
			})),
		};
		const outcome = await writeOnce(this.getNode(), {
			what: `Request Partial Fulfillment of order ${orderId}`,
			check: `order ${orderId} in Tokopedia Seller Center (a partial-fulfillment request)`,
			send: async () =>
				((await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/pof/request`, { body, itemIndex: i, sendOnce: true })) as IDataObject) ?? {},
			readBack: async () => {
				const order = await readOrder.call(this, app, orderId, i);
				if (order.pof_info) return { applied: true, data: { success: true } };
				return Number(order.order_status) === 220 ? { applied: false } : { applied: 'unknown', why: `order status is now ${String(order.order_status)}` };
			},
		}, i);
		return { order_id: Number(orderId), ...body, ...outcome.data, ...recoveredMark(outcome) };
	});
}
