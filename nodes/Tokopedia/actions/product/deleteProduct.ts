import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import type { ShopResolver } from '../types';
import { changeProducts, productIdField } from './productStatus';

const properties: INodeProperties[] = [productIdField];

export const description = withDisplay({ resource: ['product'], operation: ['deleteProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await changeProducts.call(this, items, shop, '/v3/products/fs/{fs_id}/delete', 'deleted');
}
