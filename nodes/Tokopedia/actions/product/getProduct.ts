import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { integerIds } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'productId',
		options: [
			{ name: 'Product ID', value: 'productId' },
			{ name: 'Product URL', value: 'url' },
			{ name: 'SKU', value: 'sku' },
		],
	},
	{
		displayName: 'Product IDs',
		name: 'productIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 15341594, 15341595',
		displayOptions: { show: { findBy: ['productId'] } },
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { findBy: ['sku'] } },
	},
	{
		displayName: 'Product URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.tokopedia.com/shop/product',
		displayOptions: { show: { findBy: ['url'] } },
	},
];

export const description = withDisplay({ resource: ['product'], operation: ['getProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const findBy = this.getNodeParameter('findBy', i) as string;
		let query: IDataObject;
		if (findBy === 'productId') {
			const ids = integerIds(this.getNodeParameter('productIds', i), 'Product IDs');
			if (ids.length === 0) throw new NodeOperationError(this.getNode(), 'Enter at least one ID in "Product IDs"', { itemIndex: i });
			query = { product_id: ids.join(',') };
		} else if (findBy === 'sku') {
			query = { sku: String(this.getNodeParameter('sku', i)).trim() };
		} else {
			query = { product_url: String(this.getNodeParameter('productUrl', i)).trim() };
		}
		const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, { query, itemIndex: i });
		const list = Array.isArray(data) ? (data as IDataObject[]) : [];
		if (list.length === 0) {
			throw new NodeOperationError(this.getNode(), `Tokopedia found no product for ${Object.entries(query).map(([k, v]) => `${k}=${String(v)}`).join(', ')}`, {
				itemIndex: i,
			});
		}
		return list;
	});
}
