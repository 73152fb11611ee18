import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import type { ReadBack } from '../../../common/exactlyOnce';
import { writeBatchOnce } from '../../../common/exactlyOnce';
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
	// Active/inactive only set a status and are safe to repeat; a repeated delete is refused for a
	// product that is gone, so a delete whose answer was lost is read back instead of re-sent.
	const deleting = action === 'deleted';
	for (const [shopId, entries] of byShop) {
		for (const group of chunk(entries, IDS_PER_REQUEST)) {
			const outcomes = await writeBatchOnce(group, {
				send: async (pending) => {
					const data = await tokopediaApiRequest.call(this, 'POST', path.replace('{fs_id}', app), {
						query: { shop_id: shopId },
						body: { product_id: pending.map((entry) => entry.productId) },
						sendOnce: deleting,
					});
					const refused = new Map<(typeof pending)[number], { message: string }>();
					for (const [index, row] of productIdResults(pending, data, action).entries()) {
						if (!row.ok) refused.set(pending[index], { message: row.message ?? 'refused' });
					}
					return refused;
				},
				readBack: async ({ productId }) => await deletedReadBack.call(this, app, productId),
				name: ({ productId }) => `product ${productId}`,
				check: ({ productId }) => `product ${productId} in Tokopedia Seller Center`,
			});
			for (const outcome of outcomes) {
				const { itemIndex, productId } = outcome.entry;
				rows.push(
					outcome.ok
						? { itemIndex, ok: true, json: { product_id: productId, [action]: true, ...(outcome.recovered ? { recovered: true } : {}) } }
						: {
								itemIndex,
								ok: false,
								json: { product_id: productId, [action]: false, ...(outcome.error ? errorToJson(outcome.error) : {}) },
								message: outcome.message,
							},
				);
			}
		}
	}
	return batchOutput.call(this, rows, 'products');
}

/** Deleted when Product Info no longer lists the product or lists it with status 0 (reference §3.3). */
async function deletedReadBack(this: IExecuteFunctions, app: string, productId: number): Promise<ReadBack> {
	const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, { query: { product_id: String(productId) } });
	const product = (Array.isArray(data) ? (data as IDataObject[]) : []).find(
		(entry) => Number((entry.basic as IDataObject | undefined)?.productID) === productId,
	);
	if (!product) return { applied: true };
	return { applied: Number((product.basic as IDataObject).status) === 0 };
}
