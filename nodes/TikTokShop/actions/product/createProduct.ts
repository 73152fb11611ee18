import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { listLocator } from '../../../common/descriptions';
import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { createdProductReadBack } from './createdProductReadBack';
import { jsonParameter } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', required: true, typeOptions: { rows: 4 }, description: 'HTML allowed' },
	listLocator({
		name: 'category',
		displayName: 'Category',
		searchListMethod: 'categorySearch',
		manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 600001' },
		required: true,
		description: 'A leaf category (Get Category Rules and Attributes tell what it requires)',
	}),
	{
		displayName: 'Main Image URIs',
		name: 'mainImages',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated "uri" values returned by Upload Image',
	},
	{
		displayName: 'SKUs (JSON)',
		name: 'skus',
		type: 'json',
		default: '[{"seller_sku": "SKU-1", "price": {"amount": "45000", "currency": "IDR"}, "inventory": [{"warehouse_id": "", "quantity": 10}]}]',
		required: true,
	},
	{ displayName: 'Package Weight in Kilograms', name: 'packageWeight', type: 'number', default: 0.2, typeOptions: { minValue: 0.001, numberPrecision: 3 } },
	{ displayName: 'Additional Fields (JSON)', name: 'additionalJson', type: 'json', default: '{}', description: 'Other fields as TikTok names them (brand_id, product_attributes, listing_platforms…)' },
];

export const description = withDisplay({ resource: ['product'], operation: ['createProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		let skus: unknown = this.getNodeParameter('skus', i);
		if (typeof skus === 'string') {
			try {
				skus = JSON.parse(skus);
			} catch {
				throw new NodeOperationError(this.getNode(), '"SKUs (JSON)" is not valid JSON', { itemIndex: i });
			}
		}
		if (!Array.isArray(skus) || skus.length === 0) throw new NodeOperationError(this.getNode(), '"SKUs (JSON)" must be a non-empty array', { itemIndex: i });
		const images = parseIdList(this.getNodeParameter('mainImages', i));
		if (images.length === 0) throw new NodeOperationError(this.getNode(), 'Give at least one "Main Image URIs" entry (upload images first)', { itemIndex: i });
		const body: IDataObject = {
			title: this.getNodeParameter('title', i),
			description: this.getNodeParameter('description', i),
			category_id: String(this.getNodeParameter('category', i, '', { extractValue: true })),
			main_images: images.map((uri) => ({ uri })),
			skus: skus as IDataObject[],
			package_weight: { value: String(this.getNodeParameter('packageWeight', i)), unit: 'KILOGRAM' },
			...jsonParameter.call(this, 'additionalJson', 'Additional Fields (JSON)', i),
		};
		const shopCipher = await shop(i);
		let sentAt = 0;
		const outcome = await writeOnce(this.getNode(), {
			what: `Create Product "${String(body.title)}"`,
			check: 'the product list in TikTok Shop Seller Center (search for the title or seller SKU)',
			send: async () => {
				sentAt = Math.floor(Date.now() / 1000);
				return await tikTokShopApiRequest.call(this, 'POST', '/product/202309/products', { shopCipher, body, itemIndex: i, sendOnce: true });
			},
			readBack: createdProductReadBack.call(this, shopCipher, body, () => sentAt, i),
		}, i);
		return { ...outcome.data, title: body.title, ...recoveredMark(outcome) };
	});
}
