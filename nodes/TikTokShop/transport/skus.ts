import type { IDataObject } from 'n8n-workflow';

import { chunk, mapConcurrent } from '../../common/batch';
import type { AdaptivePacer } from '../../common/pacer';
import type { ApiContext } from '../../common/tokenRenewal';
import { tikTokShopApiRequest } from './index';
import { searchAll } from './search';

export interface ResolvedSku {
	productId: string;
	skuId: string;
	sellerSku: string;
	/** Every warehouse the SKU is stocked in, with its current quantity. */
	warehouses: Array<{ warehouse_id: string; quantity: number }>;
}

// products/search takes at most 10 seller SKUs, inventory/search at most 600 SKU ids (reference §8).
const SELLER_SKUS_PER_SEARCH = 10;
const SKU_IDS_PER_SEARCH = 600;
const LOOKUP_CONCURRENCY = 4;

/**
 * Resolves seller SKUs and SKU ids to product id, SKU id and warehouse assignment, in as few
 * lookups as the API limits allow. Unknown references are simply absent from the result.
 */
export async function resolveSkus(
	this: ApiContext,
	shopCipher: string,
	refs: { sellerSkus: string[]; skuIds: string[] },
	pacer?: AdaptivePacer,
): Promise<{ bySellerSku: Map<string, ResolvedSku>; bySkuId: Map<string, ResolvedSku> }> {
	const bySellerSku = new Map<string, ResolvedSku>();
	const bySkuId = new Map<string, ResolvedSku>();
	const remember = (sku: ResolvedSku) => {
		bySkuId.set(sku.skuId, sku);
		if (sku.sellerSku) bySellerSku.set(sku.sellerSku, sku);
	};

	// Lookups are latency-bound (10 SKUs each), so several run at once.
	await mapConcurrent(chunk([...new Set(refs.sellerSkus)], SELLER_SKUS_PER_SEARCH), LOOKUP_CONCURRENCY, async (group) => {
		const products = await searchAll.call(this, 'POST', '/product/202309/products/search', 'products', {
			shopCipher,
			body: { seller_skus: group },
			maxPageSize: 100,
			pacer,
		});
		for (const product of products) {
			for (const sku of (product.skus as IDataObject[]) ?? []) {
				remember({
					productId: String(product.id),
					skuId: String(sku.id),
					sellerSku: String(sku.seller_sku ?? ''),
					warehouses: ((sku.inventory as IDataObject[]) ?? []).map((entry) => ({
						warehouse_id: String(entry.warehouse_id),
						quantity: Number(entry.quantity ?? 0),
					})),
				});
			}
		}
	});

	for (const group of chunk([...new Set(refs.skuIds)].filter((id) => !bySkuId.has(id)), SKU_IDS_PER_SEARCH)) {
		const data = await tikTokShopApiRequest.call(this, 'POST', '/product/202309/inventory/search', {
			shopCipher,
			body: { sku_ids: group },
			pacer,
		});
		for (const product of (data.inventory as IDataObject[]) ?? []) {
			for (const sku of (product.skus as IDataObject[]) ?? []) {
				remember({
					productId: String(product.product_id),
					skuId: String(sku.id),
					sellerSku: String(sku.seller_sku ?? ''),
					warehouses: ((sku.warehouse_inventory as IDataObject[]) ?? []).map((entry) => ({
						warehouse_id: String(entry.warehouse_id),
						quantity: Number(entry.available_quantity ?? entry.quantity ?? 0),
					})),
				});
			}
		}
	}
	return { bySellerSku, bySkuId };
}
