import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { jsonParameter, productIdField } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	productIdField,
	{
		displayName: 'Update Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 4 } },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
	{ displayName: 'Other Fields (JSON)', name: 'additionalJson', type: 'json', default: '{}', description: 'Only the fields to change, as TikTok names them' },
];

export const description = withDisplay({ resource: ['product'], operation: ['partialEditProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const productId = requiredId(this.getNodeParameter('productId', i), 'Product ID');
		const body: IDataObject = { ...(this.getNodeParameter('fields', i, {}) as IDataObject), ...jsonParameter.call(this, 'additionalJson', 'Other Fields (JSON)', i) };
		if (Object.keys(body).length === 0) throw new NodeOperationError(this.getNode(), 'Give at least one field to change', { itemIndex: i });
		const data = await tikTokShopApiRequest.call(this, 'POST', `/product/202309/products/${encodeURIComponent(productId)}/partial_edit`, {
			shopCipher: await shop(i),
			body,
			itemIndex: i,
		});
		return { product_id: productId, updated: true, ...data };
	});
}
