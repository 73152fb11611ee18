import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { categoryIdField } from './shared';
import { requiredId } from '../../../common/validate';

export const description = withDisplay({ resource: ['product'], operation: ['getCategoryRules'] }, [categoryIdField]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const id = encodeURIComponent(requiredId(this.getNodeParameter('categoryId', i), 'Category ID'));
		return await tikTokShopApiRequest.call(this, 'GET', `/product/202309/categories/${id}/rules`, { shopCipher: await shop(i), itemIndex: i });
	});
}
