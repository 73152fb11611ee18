import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { searchAll } from '../../transport/search';
import type { ShopResolver } from '../types';

/** Category reference data a product create needs: one small operation each. */
const categoryId: INodeProperties = {
	displayName: 'Category ID',
	name: 'categoryId',
	type: 'string',
	default: '',
	required: true,
};

export const getCategories = {
	description: withDisplay({ resource: ['product'], operation: ['getCategories'] }, [
		{ displayName: 'Leaf Categories Only', name: 'leafOnly', type: 'boolean', default: false, description: 'Whether to return only categories products can be listed in' },
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
		return await forEachItem.call(this, items.slice(0, 1), async (i) => {
			const data = await tikTokShopApiRequest.call(this, 'GET', '/product/202309/categories', { shopCipher: await shop(i), itemIndex: i });
			const categories = (data.categories as IDataObject[]) ?? [];
			return this.getNodeParameter('leafOnly', i) ? categories.filter((c) => c.is_leaf) : categories;
		});
	},
};

export const getAttributes = {
	description: withDisplay({ resource: ['product'], operation: ['getAttributes'] }, [categoryId]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
		return await forEachItem.call(this, items, async (i) => {
			const id = encodeURIComponent(String(this.getNodeParameter('categoryId', i)).trim());
			const data = await tikTokShopApiRequest.call(this, 'GET', `/product/202309/categories/${id}/attributes`, { shopCipher: await shop(i), itemIndex: i });
			return (data.attributes as IDataObject[]) ?? [];
		});
	},
};

export const getCategoryRules = {
	description: withDisplay({ resource: ['product'], operation: ['getCategoryRules'] }, [categoryId]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
		return await forEachItem.call(this, items, async (i) => {
			const id = encodeURIComponent(String(this.getNodeParameter('categoryId', i)).trim());
			return await tikTokShopApiRequest.call(this, 'GET', `/product/202309/categories/${id}/rules`, { shopCipher: await shop(i), itemIndex: i });
		});
	},
};

export const getBrands = {
	description: withDisplay({ resource: ['product'], operation: ['getBrands'] }, [
		{ displayName: 'Category ID', name: 'categoryId', type: 'string', default: '', description: 'Only brands usable in this category (optional)' },
		{ displayName: 'Brand Name', name: 'brandName', type: 'string', default: '', description: 'Filter by name (optional)' },
	]),
	async execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
		return await forEachItem.call(this, items, async (i) => {
			const query: IDataObject = {};
			const category = String(this.getNodeParameter('categoryId', i, '')).trim();
			const name = String(this.getNodeParameter('brandName', i, '')).trim();
			if (category) query.category_id = category;
			if (name) query.brand_name = name;
			return await searchAll.call(this, 'GET', '/product/202309/brands', 'brands', { shopCipher: await shop(i), query, maxPageSize: 100, itemIndex: i });
		});
	},
};
