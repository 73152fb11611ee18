import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

export const description = withDisplay({ resource: ['product'], operation: ['getCategories'] }, [
	{ displayName: 'Leaf Categories Only', name: 'leafOnly', type: 'boolean', default: false, description: 'Whether to return only categories products can be listed in' },
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items.slice(0, 1), async (i) => {
		const data = await tikTokShopApiRequest.call(this, 'GET', '/product/202309/categories', { shopCipher: await shop(i), itemIndex: i });
		const categories = (data.categories as IDataObject[]) ?? [];
		return this.getNodeParameter('leafOnly', i) ? categories.filter((c) => c.is_leaf) : categories;
	});
}
