import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RowVerdict } from '../../../common/bulkPush';
import { bulkPush } from '../../../common/bulkPush';
import type { ReadBack } from '../../../common/exactlyOnce';
import { isPossiblyApplied } from '../../../common/exactlyOnce';
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
	// Active/inactive only set a status and are safe to repeat. A repeated delete is refused for a
	// product that is gone, so a delete whose answer was lost is read back before it is sent again.
	const deleting = action === 'deleted';
	const lost = new Set<number>();
	const deleteVerdict = async (productId: number, why: string): Promise<RowVerdict> => {
		let state: ReadBack;
		try {
			state = await deletedReadBack.call(this, app, productId);
		} catch (error) {
			state = { applied: 'unknown', why: `reading it back failed: ${(error as Error).message}` };
		}
		if (state.applied === true) return { status: 'applied', detail: { recovered: true } };
		// not applied: sent again with the next batch, as a throttled row is
		if (state.applied === false) return { status: 'throttled', message: why };
		return {
			status: 'failed',
			message:
				`Delete Product ${productId}: outcome unknown, not sent again. The answer was lost (${why}) and ${state.why}. ` +
				`Check product ${productId} in Tokopedia Seller Center before running this item again.`,
		};
	};
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
				const sent = await tokopediaApiCall
					.call(this, 'POST', path.replace('{fs_id}', app), {
						query: { shop_id: shopId },
						body: { product_id: ids.map((entry) => entry.productId) },
						sendOnce: deleting,
					})
					.then(
						(answer) => ({ answer }),
						(error: unknown) => ({ error }),
					);
				if ('error' in sent) {
					if (!isPossiblyApplied(sent.error)) throw sent.error;
					for (const { productId } of ids) lost.add(productId);
					return await Promise.all(ids.map(async ({ productId }) => await deleteVerdict(productId, (sent.error as Error).message)));
				}
				const response = sent.answer;
				pacer.observe(parseRateLimit(response.headers), Number(response.headers['x-ratelimit-remaining'] ?? Number.NaN));
				return await Promise.all(
					productIdResults(ids, response.data, action).map(async (result, index): Promise<RowVerdict> => {
						if (result.ok) return { status: 'applied' };
						if (/ERR_TOO_MANY_REQUEST/i.test(result.message ?? '')) return { status: 'throttled', message: result.message! };
						// a re-sent delete is refused for a product an earlier, lost attempt deleted
						if (lost.has(ids[index].productId)) return await deleteVerdict(ids[index].productId, result.message!);
						return { status: 'failed', message: result.message! };
					}),
				);
			},
		});
		for (const outcome of outcomes) {
			const productId = Number(outcome.row.key);
			rows.push(
				outcome.applied
					? { itemIndex: outcome.row.itemIndex, ok: true, json: { product_id: productId, [action]: true, ...(outcome.detail ?? {}) } }
					: { itemIndex: outcome.row.itemIndex, ok: false, json: { product_id: productId, [action]: false }, message: `product ${productId}: ${outcome.message}` },
			);
		}
	}
	return batchOutput.call(this, rows, 'products');
}

/** Deleted when Product Info no longer lists the product or lists it with status 0 (reference §3.3). */
async function deletedReadBack(this: IExecuteFunctions, app: string, productId: number): Promise<ReadBack> {
	const { data } = await tokopediaApiCall.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, { query: { product_id: String(productId) } });
	const product = (Array.isArray(data) ? (data as IDataObject[]) : []).find(
		(entry) => Number((entry.basic as IDataObject | undefined)?.productID) === productId,
	);
	if (!product) return { applied: true };
	return { applied: Number((product.basic as IDataObject).status) === 0 };
}
