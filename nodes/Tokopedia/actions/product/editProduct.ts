import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, pick, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { failedRowMessage, productBody, productFields } from './shared';
import { numericId } from '../../../common/validate';

const properties: INodeProperties[] = [
	{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', required: true },
	{
		displayName: 'Update Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields to change. SKU and status are sent as they are now unless you change them.',
		options: productFields,
	},
];

export const description = withDisplay({ resource: ['product'], operation: ['editProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const productId = Number(numericId(this.getNodeParameter('productId', i), 'Product ID'));
		const changes = productBody.call(this, this.getNodeParameter('fields', i, {}) as IDataObject, i);
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Add at least one field under "Update Fields"', { itemIndex: i });
		}
		// Edit requires id, sku and status on every row (reference §3.3 PR6); unchanged ones are read first.
		if (changes.sku === undefined || changes.status === undefined) {
			const current = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, {
				query: { product_id: productId },
				itemIndex: i,
			});
			const product = Array.isArray(current) ? current[0] : undefined;
			if (!product) throw new NodeOperationError(this.getNode(), `Tokopedia has no product ${productId}`, { itemIndex: i });
			changes.sku ??= String(pick(pick(product, 'other'), 'sku') ?? '');
			changes.status ??= pick(pick(product, 'stock'), 'useStock') === false ? 'UNLIMITED' : 'LIMITED';
		}
		const body = { products: [{ id: productId, ...changes }] };
		const data = await tokopediaApiRequest.call(this, 'PATCH', `/v3/products/fs/${app}/edit`, {
			query: { shop_id: await shop(i) },
			body,
			itemIndex: i,
		});
		const failure = failedRowMessage(data);
		if (failure) throw new NodeOperationError(this.getNode(), `Tokopedia did not edit product ${productId}: ${failure}`, { itemIndex: i });
		return { product_id: productId, updated: true, ...changes };
	});
}
