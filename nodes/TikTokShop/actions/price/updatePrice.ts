import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { tikTokShopApiRequest } from '../../transport';
import { pushBySku, pushOptions, skuFields } from '../inventory/shared';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [
	...skuFields,
	{
		displayName: 'Price',
		name: 'price',
		type: 'string',
		default: '={{ $json.price }}',
		required: true,
		description: 'Sale price in major units as a decimal, e.g. 45000 or 19.90',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		default: 'IDR',
		options: ['BRL', 'EUR', 'GBP', 'IDR', 'JPY', 'MXN', 'MYR', 'PHP', 'SGD', 'THB', 'USD', 'VND'].map((code) => ({ name: code, value: code })),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: pushOptions,
	},
];

export const description = withDisplay({ resource: ['price'], operation: ['updatePrice'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await pushBySku<{ amount: string; currency: string }>(
		this,
		items,
		shop,
		(i) => {
			const amount = String(this.getNodeParameter('price', i, '') ?? '').trim();
			if (!/^\d+(\.\d{1,2})?$/.test(amount)) throw new Error(`"Price" must be a decimal like 45000 or 19.90, got "${amount}"`);
			const currency = this.getNodeParameter('currency', i) as string;
			return { value: { amount, currency }, json: { price: amount, currency } };
		},
		async (shopCipher, group, pacer) =>
			await tikTokShopApiRequest.call(this, 'POST', `/product/202309/products/${group.productId}/prices/update`, {
				shopCipher,
				body: { skus: group.rows.map((row) => ({ id: row.sku.skuId, price: row.value })) },
				pacer,
			}),
		'prices',
	);
}
