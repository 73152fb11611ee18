import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import type { ShopResolver } from '../types';

export const description = withDisplay({ resource: ['product'], operation: ['getBrands'] }, [
	{ displayName: 'Category ID', name: 'categoryId', type: 'string', default: '', description: 'Only brands usable in this category (optional)' },
	{ displayName: 'Brand Name', name: 'brandName', type: 'string', default: '', description: 'Filter by name (optional)' },
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const query: IDataObject = {};
		const category = String(this.getNodeParameter('categoryId', i, '')).trim();
		const name = String(this.getNodeParameter('brandName', i, '')).trim();
		if (category) query.category_id = category;
		if (name) query.brand_name = name;
		return await searchAll.call(this, 'GET', '/product/202309/brands', 'brands', { shopCipher: await shop(i), query, maxPageSize: 100, itemIndex: i });
	});
}
