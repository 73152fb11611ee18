import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiCall } from '../../transport';
import { binaryPropertyField, orderIdField } from '../common.descriptions';
import { orderIdOf } from './shared';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Mark as Printed',
		name: 'markAsPrinted',
		type: 'boolean',
		default: true,
		description: 'Whether Seller Center shows the label as printed afterwards',
	},
	binaryPropertyField,
];

export const description = withDisplay({ resource: ['order'], operation: ['getShippingLabel'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const printed = this.getNodeParameter('markAsPrinted', i) as boolean;
		const response = await tokopediaApiCall.call(this, 'GET', `/v1/order/${orderId}/fs/${app}/shipping-label`, {
			query: { printed: printed ? 1 : 0 },
			binary: true,
			itemIndex: i,
		});
		const fileName = `shipping-label-${orderId}.html`;
		const binary = await this.helpers.prepareBinaryData(response.raw ?? Buffer.alloc(0), fileName, 'text/html');
		return {
			json: { order_id: Number(orderId), marked_as_printed: printed, file_name: fileName },
			binary: { [this.getNodeParameter('binaryPropertyName', i) as string]: binary },
		};
	});
}
