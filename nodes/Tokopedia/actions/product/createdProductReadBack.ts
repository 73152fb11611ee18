import type { IDataObject } from 'n8n-workflow';

import { CREATED_READBACK_WINDOW_SECONDS, type ReadBack } from '../../../common/exactlyOnce';
import type { ApiContext } from '../../../common/tokenRenewal';
import { pick, tokopediaApiRequest } from '../../transport';

/**
 * After a lost answer to Create Product: looks the product up by its SKU. One product with that SKU,
 * the same name and created since `sentAt` (Unix seconds) → applied, answered as the creation would
 * have been. Anything else is unknown, never "not applied": a re-send could list it twice.
 */
export function createdProductReadBack(this: ApiContext, app: string, shopId: number | string, product: IDataObject, sentAt: () => number, itemIndex: number) {
	const sku = typeof product.sku === 'string' ? product.sku.trim() : '';
	return async (): Promise<ReadBack> => {
		if (!sku) return { applied: 'unknown', why: 'the product has no SKU to look it up by (set Additional Fields → SKU to make this recoverable)' };
		const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, { query: { sku, shop_id: shopId }, itemIndex });
		const since = sentAt() - CREATED_READBACK_WINDOW_SECONDS;
		const found = (Array.isArray(data) ? (data as IDataObject[]) : []).filter((info) => {
			const basic = pick(info, 'basic');
			return String(pick(basic, 'name') ?? '') === String(product.name) && Number(pick(basic, 'createTimeUnix') ?? 0) >= since;
		});
		if (found.length === 1) return { applied: true, data: { success_rows_data: [{ product_id: pick(pick(found[0], 'basic'), 'productID') }] } };
		return { applied: 'unknown', why: `no product with SKU ${sku} and this name created since then is listed yet` };
	};
}
