import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, statusReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import { isCancelledStatus, orderIdOf, readOrder } from './shared';
import { optionalNumericId, wholeQuantity } from '../../../common/validate';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Accept',
		name: 'acceptMode',
		type: 'options',
		default: 'full',
		options: [
			{ name: 'Whole Order', value: 'full' },
			{ name: 'Partially', value: 'partial', description: 'Deliver some quantities and reject the rest, per product' },
		],
	},
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { acceptMode: ['partial'] } },
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{ displayName: 'Product ID', name: 'productId', type: 'string', default: '' },
					{ displayName: 'Quantity to Deliver', name: 'quantityDeliver', type: 'number', default: 0, typeOptions: { minValue: 0 } },
					{ displayName: 'Quantity to Reject', name: 'quantityReject', type: 'number', default: 0, typeOptions: { minValue: 0 } },
				],
			},
		],
	},
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		description: 'Warehouse that fulfils the order (multi-warehouse shops only)',
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['acceptOrder'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const warehouseId = optionalNumericId(this.getNodeParameter('warehouseId', i, ''), 'Warehouse ID') ?? '';
		let body: IDataObject | undefined;
		if (this.getNodeParameter('acceptMode', i) === 'partial') {
			const rows = ((this.getNodeParameter('products', i, {}) as IDataObject).product as IDataObject[]) ?? [];
			if (rows.length === 0) {
				throw new NodeOperationError(this.getNode(), 'A partial accept needs at least one row under "Products"', { itemIndex: i });
			}
			body = {
				products: rows.map((row, index) => {
					const productId = String(row.productId ?? '').trim();
					if (!/^\d+$/.test(productId)) {
						throw new NodeOperationError(this.getNode(), `Products → row ${index + 1}: "Product ID" must be numeric`, { itemIndex: i });
					}
					const field = (name: string) => `Products → row ${index + 1} → ${name}`;
					return {
						product_id: Number(productId),
						quantity_deliver: wholeQuantity(row.quantityDeliver, field('Quantity to Deliver'), { min: 0 }),
						quantity_reject: wholeQuantity(row.quantityReject, field('Quantity to Reject'), { min: 0 }),
					};
				}),
			};
		}
		const outcome = await writeOnce(this.getNode(), {
			what: `Accept Order ${orderId}`,
			check: `order ${orderId} in Tokopedia Seller Center (accepted = status 400 or later)`,
			send: async () => ({
				result: (await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/ack`, {
					query: warehouseId ? { warehouse_id: warehouseId } : undefined,
					body,
					itemIndex: i,
					sendOnce: true,
				})) as string,
			}),
			readBack: async () =>
				statusReadBack(
					(await readOrder.call(this, app, orderId, i)).order_status,
					(status) => status >= 400 && !isCancelledStatus(status),
					(status) => status === 220,
				),
		}, i);
		return {
			order_id: Number(orderId),
			accepted: true,
			partial: body !== undefined,
			...(body ?? {}),
			result: (outcome.data.result as string) ?? 'success',
			...recoveredMark(outcome),
		};
	});
}
