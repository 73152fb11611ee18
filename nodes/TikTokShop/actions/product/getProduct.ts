import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { productIdField } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [productIdField];

export const description = withDisplay({ resource: ['product'], operation: ['getProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const productId = requiredId(this.getNodeParameter('productId', i), 'Product ID');
		return await tikTokShopApiRequest.call(this, 'GET', `/product/202309/products/${encodeURIComponent(productId)}`, {
			shopCipher: await shop(i),
			itemIndex: i,
		});
	});
}
