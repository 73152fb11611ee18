import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import type { ShopResolver } from '../types';
import { productBatch, productIdField } from './shared';

const properties: INodeProperties[] = [
	{ ...productIdField, default: '={{ $json.product_id ?? $json.id }}', description: 'One product per input item; all items are sent together, 20 per request' },
];

export const description = withDisplay({ resource: ['product'], operation: ['deleteProducts'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await productBatch.call(this, items, shop, 'DELETE', '/product/202309/products', 'deleted', (status) => status === 'DELETED');
}
