import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mapConcurrent } from '../../../common/batch';
import { errorToJson } from '../../../common/items';
import { AdaptivePacer } from '../../../common/pacer';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import type { ResolvedSku } from '../../transport/skus';
import { resolveSkus } from '../../transport/skus';
import type { ShopResolver } from '../types';

/** Fields shared by Update Stock and Update Price: which SKU a row is about. */
export const skuFields: INodeProperties[] = [
	{
		displayName: 'Identify SKU By',
		name: 'identifyBy',
		type: 'options',
		default: 'sellerSku',
		options: [
			{ name: 'Seller SKU', value: 'sellerSku' },
			{ name: 'SKU ID', value: 'skuId' },
		],
	},
	{
		displayName: 'Seller SKU',
		name: 'sellerSku',
		type: 'string',
		default: '={{ $json.sku }}',
		required: true,
		displayOptions: { show: { identifyBy: ['sellerSku'] } },
	},
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		default: '={{ $json.sku_id }}',
		required: true,
		displayOptions: { show: { identifyBy: ['skuId'] } },
	},
];

export const pushOptions: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: 4,
		typeOptions: { minValue: 1, maxValue: 20 },
		description: 'Requests in flight at once (one request per product)',
	},
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		default: 20,
		typeOptions: { minValue: 0.1 },
		description: 'Highest pace of the requests. When TikTok Shop answers HTTP 429 the node slows down below the limit it meets and creeps back up, and retries the throttled call.',
	},
];

export interface SkuRow<V> {
	itemIndex: number;
	ref: { sellerSku?: string; skuId?: string };
	value: V;
	json: IDataObject;
}

export interface ProductGroup<V> {
	productId: string;
	rows: Array<SkuRow<V> & { sku: ResolvedSku }>;
}

/** Reads "Identify SKU By" for an item. */
export function skuRef(this: IExecuteFunctions, i: number): { sellerSku?: string; skuId?: string } {
	if (this.getNodeParameter('identifyBy', i) === 'skuId') {
		const skuId = String(this.getNodeParameter('skuId', i, '') ?? '').trim();
		if (!/^\d+$/.test(skuId)) throw new Error(`"SKU ID" must be numeric, got "${skuId}"`);
		return { skuId };
	}
	const sellerSku = String(this.getNodeParameter('sellerSku', i, '') ?? '').trim();
	if (!sellerSku) throw new Error('"Seller SKU" is empty');
	return { sellerSku };
}

/**
 * The engine of Update Stock and Update Price: resolves every row's SKU (lookups batched and
 * cached for the execution), groups rows by product (the APIs take one product per call), sends
 * the groups concurrently and paced, and maps each `data.errors[]` entry back to its rows. Every
 * input item gets exactly one result.
 */
export async function pushBySku<V>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
	readRow: (i: number) => { value: V; json: IDataObject },
	send: (shopCipher: string, group: ProductGroup<V>, pacer: AdaptivePacer) => Promise<IDataObject>,
	noun: string,
	checkRow?: (row: SkuRow<V> & { sku: ResolvedSku }) => string | undefined,
): Promise<INodeExecutionData[]> {
	const results: RowResult[] = [];
	const byShop = new Map<string, Array<SkuRow<V>>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const ref = skuRef.call(ctx, i);
			const { value, json } = readRow(i);
			const cipher = await shop(i);
			const rows = byShop.get(cipher) ?? [];
			rows.push({ itemIndex: i, ref, value, json: { ...json, ...refJson(ref) } });
			byShop.set(cipher, rows);
		} catch (error) {
			results.push({ itemIndex: i, ok: false, json: {}, message: (error as Error).message });
		}
	}
	const options = (items.length ? ctx.getNodeParameter('options', 0, {}) : {}) as IDataObject;
	const concurrency = Math.max(1, Number(options.concurrency ?? 4));
	const rate = Math.max(0.1, Number(options.requestsPerSecond ?? 20));
	// Updates and SKU lookups are limited per API, so each gets its own pacer of the same kind.
	const pacer = new AdaptivePacer(rate, concurrency);
	const lookupPacer = new AdaptivePacer(rate, concurrency);

	for (const [shopCipher, rows] of byShop) {
		const resolved = await resolveSkus.call(ctx, shopCipher, {
			sellerSkus: rows.flatMap((row) => (row.ref.sellerSku ? [row.ref.sellerSku] : [])),
			skuIds: rows.flatMap((row) => (row.ref.skuId ? [row.ref.skuId] : [])),
		}, lookupPacer);
		const groups = new Map<string, ProductGroup<V>>();
		for (const row of rows) {
			const sku = row.ref.sellerSku ? resolved.bySellerSku.get(row.ref.sellerSku) : resolved.bySkuId.get(row.ref.skuId!);
			if (!sku) {
				results.push({
					itemIndex: row.itemIndex,
					ok: false,
					json: row.json,
					message: row.ref.sellerSku ? `seller SKU "${row.ref.sellerSku}" does not exist in this shop` : `SKU ID ${row.ref.skuId} does not exist in this shop`,
				});
				continue;
			}
			const resolvedRow = { ...row, sku, json: { ...row.json, product_id: sku.productId, sku_id: sku.skuId, seller_sku: sku.sellerSku } };
			const problem = checkRow?.(resolvedRow);
			if (problem) {
				results.push({ itemIndex: row.itemIndex, ok: false, json: resolvedRow.json, message: `${sku.sellerSku || sku.skuId}: ${problem}` });
				continue;
			}
			const group = groups.get(sku.productId) ?? { productId: sku.productId, rows: [] };
			group.rows.push(resolvedRow);
			groups.set(sku.productId, group);
		}
		await mapConcurrent([...groups.values()], concurrency, async (group) => {
			try {
				const data = await send(shopCipher, group, pacer);
				const errors = new Map<string, IDataObject>();
				for (const error of (data.errors as IDataObject[]) ?? []) {
					const skuId = String((error.detail as IDataObject | undefined)?.sku_id ?? '');
					errors.set(skuId || '*', error);
				}
				for (const row of group.rows) {
					const error = errors.get(row.sku.skuId) ?? errors.get('*');
					if (!error) {
						results.push({ itemIndex: row.itemIndex, ok: true, json: { ...row.json, applied: true } });
						continue;
					}
					const extra = ((error.detail as IDataObject | undefined)?.extra_errors as IDataObject[] | undefined)?.map((e) => `${String(e.message)} (${String(e.code)})`);
					results.push({
						itemIndex: row.itemIndex,
						ok: false,
						json: { ...row.json, applied: false, code: error.code },
						message: `${row.sku.sellerSku || row.sku.skuId}: ${String(error.message)} (code ${String(error.code)})${extra?.length ? `: ${extra.join('; ')}` : ''}`,
					});
				}
			} catch (error) {
				for (const row of group.rows) {
					results.push({
						itemIndex: row.itemIndex,
						ok: false,
						json: { ...row.json, applied: false, ...errorToJson(error) },
						message: `${row.sku.sellerSku || row.sku.skuId}: ${(error as Error).message}`,
					});
				}
			}
		});
	}
	return batchOutput.call(ctx, results, noun);
}

function refJson(ref: { sellerSku?: string; skuId?: string }): IDataObject {
	return ref.sellerSku ? { seller_sku: ref.sellerSku } : { sku_id: ref.skuId };
}
