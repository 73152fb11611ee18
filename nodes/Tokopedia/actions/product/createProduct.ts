import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { fsId, pick, tokopediaApiRequest } from '../../transport';
import { categoryLocator, showcaseLocator } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { createdProductReadBack } from './createdProductReadBack';
import { failedRowMessage, productBody, productFields } from './shared';

const required = new Set(['name', 'price', 'stock', 'weight', 'weight_unit']);

const properties: INodeProperties[] = [
	...productFields.filter((field) => required.has(field.name)).map((field) => ({ ...field, required: true })),
	{ ...categoryLocator, required: true },
	{
		displayName: 'Additional Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFields.filter((field) => !required.has(field.name)),
	},
	{ ...showcaseLocator, description: 'Showcase to put the product in (optional)' },
];

export const description = withDisplay({ resource: ['product'], operation: ['createProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const fields: IDataObject = {
			condition: 'NEW',
			min_order: 1,
			status: 'LIMITED',
			weight_unit: 'GR',
			price_currency: 'IDR',
			...(this.getNodeParameter('fields', i, {}) as IDataObject),
		};
		for (const name of required) fields[name] = this.getNodeParameter(name, i);
		const categoryId = String(this.getNodeParameter('category', i, '', { extractValue: true }) ?? '').trim();
		if (!categoryId) throw new NodeOperationError(this.getNode(), 'Pick a "Category" (the deepest one)', { itemIndex: i });
		fields.category_id = Number(categoryId);
		const showcase = String(this.getNodeParameter('showcase', i, '', { extractValue: true }) ?? '').trim();
		if (showcase) fields.etalase = { id: Number(showcase) };
		const product = productBody.call(this, fields, i);
		const shopId = await shop(i);
		let sentAt = 0;
		const outcome = await writeOnce(this.getNode(), {
			what: `Create Product "${String(product.name)}"`,
			check: 'the product list in Tokopedia Seller Center (search for the name or SKU)',
			send: async () => {
				sentAt = Math.floor(Date.now() / 1000);
				return ((await tokopediaApiRequest.call(this, 'POST', `/v3/products/fs/${app}/create`, {
					query: { shop_id: shopId },
					body: { products: [product] },
					itemIndex: i,
					sendOnce: true,
				})) as IDataObject) ?? {};
			},
			readBack: createdProductReadBack.call(this, app, shopId, product, () => sentAt, i),
		}, i);
		const data = outcome.data;
		const failure = failedRowMessage(data);
		if (failure) {
			throw new NodeOperationError(this.getNode(), `Tokopedia did not create "${String(product.name)}": ${failure}`, { itemIndex: i });
		}
		const created = ((pick(data, 'success_rows_data') ?? pick(data, 'success_row_data')) as IDataObject[] | undefined)?.[0];
		return { product_id: pick(created, 'product_id') as number, ...product, ...recoveredMark(outcome) };
	});
}
