import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RowVerdict } from '../../../common/bulkPush';
import { bulkPush } from '../../../common/bulkPush';
import { Pacer } from '../../../common/pacer';
import { isTransientNetworkError } from '../../../common/retry';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { fsId, parseRateLimit, tokopediaApiCall } from '../../transport';
import type { ShopResolver } from '../types';
import { productIdResults } from './shared';
import { numericId } from '../../../common/validate';

// Set active / inactive / delete take at most 25 ids per call (reference §3.3 PR9).
const IDS_PER_REQUEST = 25;
// Until the first answer announces the limit (X-Ratelimit-Limit), as the inventory pushes do.
const DEFAULT_IDS_PER_SECOND = 10;

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
		// Each id takes one token of the bulk quota (reference §7.1): ids over it come back
		// ERR_TOO_MANY_REQUEST inside a 200, so the push is paced to the announced limit and retries them.
		const pacer = new Pacer(DEFAULT_IDS_PER_SECOND, IDS_PER_REQUEST);
		const outcomes = await bulkPush<null>({
			rows: entries.map((entry) => ({ itemIndex: entry.itemIndex, key: String(entry.productId), payload: null })),
			batchSize: () => Math.min(IDS_PER_REQUEST, pacer.capacity),
			pacer,
			isTransient: (error) => isTransientNetworkError(error) || /^(429|5\d\d)$/.test(String((error as { httpCode?: string }).httpCode ?? '')),
			send: async ({ rows: batch }) => {
				const ids = batch.map((row) => ({ itemIndex: row.itemIndex, productId: Number(row.key) }));
				const response = await tokopediaApiCall.call(this, 'POST', path.replace('{fs_id}', app), {
					query: { shop_id: shopId },
					body: { product_id: ids.map((entry) => entry.productId) },
				});
				pacer.observe(parseRateLimit(response.headers), Number(response.headers['x-ratelimit-remaining'] ?? Number.NaN));
				return productIdResults(ids, response.data, action).map((result): RowVerdict =>
					result.ok ? { status: 'applied' } : /ERR_TOO_MANY_REQUEST/i.test(result.message ?? '') ? { status: 'throttled', message: result.message! } : { status: 'failed', message: result.message! },
				);
			},
		});
		for (const outcome of outcomes) {
			const productId = Number(outcome.row.key);
			rows.push(
				outcome.applied
					? { itemIndex: outcome.row.itemIndex, ok: true, json: { product_id: productId, [action]: true } }
					: { itemIndex: outcome.row.itemIndex, ok: false, json: { product_id: productId, [action]: false }, message: `product ${productId}: ${outcome.message}` },
			);
		}
	}
	return batchOutput.call(this, rows, 'products');
}
