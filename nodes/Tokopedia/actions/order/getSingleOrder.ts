import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { normalizeTokopediaOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { buyerDataDecrypter } from './buyerData';
import { orderIdOf } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'orderId',
		options: [
			{ name: 'Order ID', value: 'orderId' },
			{ name: 'Invoice Number', value: 'invoice' },
		],
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { findBy: ['orderId'] } },
	},
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. INV/20200110/XX/I/502',
		displayOptions: { show: { findBy: ['invoice'] } },
	},
	orderOutputField,
];

export const description = withDisplay({ resource: ['order'], operation: ['getSingleOrder'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const byInvoice = this.getNodeParameter('findBy', i) === 'invoice';
		const query = byInvoice
			? { invoice_num: String(this.getNodeParameter('invoiceNumber', i)).trim() }
			: { order_id: orderIdOf(this.getNodeParameter('orderId', i)) };
		const data = await tokopediaApiRequest.call(this, 'GET', `/v2/fs/${app}/order`, { query, itemIndex: i });
		const order = (await buyerDataDecrypter.call(this, i))((data ?? {}) as IDataObject);
		return this.getNodeParameter('orderOutput', i, 'raw') === 'normalized' ? normalizeTokopediaOrder(order) : order;
	});
}
