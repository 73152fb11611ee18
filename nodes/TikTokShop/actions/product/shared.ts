import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import { writeBatchOnce } from '../../../common/exactlyOnce';
import { errorToJson } from '../../../common/items';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { numericId } from '../../../common/validate';

export const categoryIdField: INodeProperties = {
	displayName: 'Category ID',
	name: 'categoryId',
	type: 'string',
	default: '',
	required: true,
};

export const productIdField: INodeProperties = {
	displayName: 'Product ID',
	name: 'productId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1729592969712207008',
};

/** A JSON parameter as an object, with an error that names the field. */
export function jsonParameter(this: IExecuteFunctions, name: string, label: string, i: number): IDataObject {
	const raw = this.getNodeParameter(name, i, '{}');
	if (raw && typeof raw === 'object') return raw as IDataObject;
	try {
		const value = JSON.parse(String(raw || '{}')) as unknown;
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	} catch {
		// reported below
	}
	throw new NodeOperationError(this.getNode(), `"${label}" must be a JSON object`, { itemIndex: i });
}

// Activate, deactivate, delete and recover take at most 20 product ids per call (reference §8).
const IDS_PER_REQUEST = 20;

/**
 * Runs a batch product action over the product ids of all input items and maps `data.errors[]`
 * (detail.product_id) back to the items. Every item gets one result. With `appliedStatus`, a batch
 * whose answer was lost is resolved by reading each product's status (writeBatchOnce).
 */
export async function productBatch(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
	method: 'POST' | 'DELETE',
	path: string,
	action: string,
	/** For actions TikTok does not repeat harmlessly: whether a product status shows the action applied. */
	appliedStatus?: (status: string) => boolean,
): Promise<INodeExecutionData[]> {
	const rows: RowResult[] = [];
	const byShop = new Map<string, Array<{ itemIndex: number; productId: string }>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const productId = numericId(this.getNodeParameter('productId', i, ''), 'Product ID');
			const cipher = await shop(i);
			if (!byShop.has(cipher)) byShop.set(cipher, []);
			byShop.get(cipher)!.push({ itemIndex: i, productId });
		} catch (error) {
			rows.push({ itemIndex: i, ok: false, json: {}, message: (error as Error).message });
		}
	}
	for (const [shopCipher, entries] of byShop) {
		for (const group of chunk(entries, IDS_PER_REQUEST)) {
			const outcomes = await writeBatchOnce(group, {
				send: async (pending) => {
					const data = await tikTokShopApiRequest.call(this, method, path, {
						shopCipher,
						body: { product_ids: [...new Set(pending.map((entry) => entry.productId))] },
						sendOnce: appliedStatus !== undefined,
					});
					const errors = new Map<string, IDataObject>();
					for (const error of (data.errors as IDataObject[]) ?? []) {
						errors.set(String((error.detail as IDataObject | undefined)?.product_id ?? ''), error);
					}
					const refused = new Map<(typeof pending)[number], { message: string; detail: IDataObject }>();
					for (const entry of pending) {
						const error = errors.get(entry.productId);
						if (error) refused.set(entry, { message: `${String(error.message)} (code ${String(error.code)})`, detail: { code: error.code } });
					}
					return refused;
				},
				readBack: async ({ productId }) => {
					const product = await tikTokShopApiRequest.call(this, 'GET', `/product/202309/products/${productId}`, { shopCipher });
					return { applied: appliedStatus!(String(product.status ?? '')) };
				},
				name: ({ productId }) => `product ${productId}`,
				check: ({ productId }) => `product ${productId} in TikTok Shop Seller Center`,
			});
			for (const outcome of outcomes) {
				const { itemIndex, productId } = outcome.entry;
				rows.push(
					outcome.ok
						? { itemIndex, ok: true, json: { product_id: productId, [action]: true, ...(outcome.recovered ? { recovered: true } : {}) } }
						: {
								itemIndex,
								ok: false,
								json: { product_id: productId, [action]: false, ...(outcome.error ? errorToJson(outcome.error) : {}), ...outcome.detail },
								message: outcome.message,
							},
				);
			}
		}
	}
	return batchOutput.call(this, rows, 'products');
}
