import type { IDataObject } from 'n8n-workflow';

import { CREATED_READBACK_WINDOW_SECONDS, type ReadBack } from '../../../common/exactlyOnce';
import type { ApiContext } from '../../../common/tokenRenewal';
import { tikTokShopApiRequest } from '../../transport';

// products/search takes at most 10 seller SKUs
const MAX_SELLER_SKUS = 10;

/**
 * After a lost answer to Create Product: looks for a product created since `sentAt` (Unix seconds)
 * carrying all of the request's seller SKUs. Found → applied, with the answer Create Product would
 * have given. Not found → unknown, never "not applied": search can lag a new product, and sending
 * the creation again then would list it twice.
 */
export function createdProductReadBack(this: ApiContext, shopCipher: string, body: IDataObject, sentAt: () => number, itemIndex: number) {
	const sellerSkus = ((body.skus as IDataObject[]) ?? []).map((sku) => (typeof sku?.seller_sku === 'string' ? sku.seller_sku.trim() : ''));
	return async (): Promise<ReadBack> => {
		if (sellerSkus.length === 0 || sellerSkus.some((sku) => !sku)) return { applied: 'unknown', why: 'not every SKU has a seller SKU to look the product up by' };
		const since = sentAt() - CREATED_READBACK_WINDOW_SECONDS;
		const data = await tikTokShopApiRequest.call(this, 'POST', '/product/202309/products/search', {
			shopCipher,
			query: { page_size: 20 },
			body: { seller_skus: sellerSkus.slice(0, MAX_SELLER_SKUS), create_time_ge: since },
			itemIndex,
		});
		const wanted = new Set(sellerSkus);
		const found = ((data.products as IDataObject[]) ?? []).filter((product) => {
			const listed = new Set(((product.skus as IDataObject[]) ?? []).map((sku) => String(sku.seller_sku ?? '')));
			return product.title === body.title && [...wanted].every((sku) => listed.has(sku));
		});
		if (found.length === 1) {
			const product = found[0];
			const skus = ((product.skus as IDataObject[]) ?? []).map((sku) => ({ id: sku.id, seller_sku: sku.seller_sku, sales_attributes: sku.sales_attributes ?? [] }));
			return { applied: true, data: { product_id: product.id, skus, warnings: [] } };
		}
		if (found.length > 1) return { applied: 'unknown', why: `${found.length} products created since then carry these seller SKUs` };
		return { applied: 'unknown', why: `no product with seller SKU ${sellerSkus.join(', ')} created since then is listed yet (a new product can take minutes to appear in search)` };
	};
}
