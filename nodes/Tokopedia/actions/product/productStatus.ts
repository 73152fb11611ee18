import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import { errorToJson } from '../../../common/items';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { fsId, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { productIdResults } from './shared';
import { numericId } from '../../../common/validate';

// Set active / inactive / delete take at most 25 ids per call (reference §3.3 PR9).
const IDS_PER_REQUEST = 25;

export const productIdField: INodeProperties = {
	displayName: 'Product ID',
	name: 'productId',
	type: 'string',
	default: '={{ $json.product_id }}',
	required: true,
	description: 'One product per input item; all items are sent together in batches of 25',
};

/** Activate, deactivate or delete the products of all input items, with a result per item. */
export async function changeProducts(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
	path: string,
	action: string,
): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	const rows: RowResult[] = [];
	const byShop = new Map<string, Array<{ itemIndex: number; productId: number }>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const productId = Number(numericId(this.getNodeParameter('productId', i), 'Product ID'));
			const shopId = await shop(i);
			if (!byShop.has(shopId)) byShop.set(shopId, []);
			byShop.get(shopId)!.push({ itemIndex: i, productId });
		} catch (error) {
			rows.push({ itemIndex: i, ok: false, json: {}, message: (error as Error).message });
		}
	}
	for (const [shopId, entries] of byShop) {
		for (const group of chunk(entries, IDS_PER_REQUEST)) {
			try {
				const data = await tokopediaApiRequest.call(this, 'POST', path.replace('{fs_id}', app), {
					query: { shop_id: shopId },
					body: { product_id: group.map((entry) => entry.productId) },
				});
				rows.push(...productIdResults(group, data, action));
			} catch (error) {
				for (const entry of group) {
					rows.push({
						itemIndex: entry.itemIndex,
						ok: false,
						json: { product_id: entry.productId, ...errorToJson(error) },
						message: `product ${entry.productId}: ${(error as Error).message}`,
					});
				}
			}
		}
	}
	return batchOutput.call(this, rows, 'products');
}
