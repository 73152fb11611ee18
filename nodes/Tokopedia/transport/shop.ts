import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from '../../common/tokenRenewal';
import { numericId } from '../../common/validate';
import { fsId, tokopediaApiRequest, tokopediaCredentials } from './index';

const shopsCache = new WeakMap<object, Promise<IDataObject[]>>();

/** Shops linked to the app (Get Shop Info without shop_id). */
export async function getLinkedShops(this: ApiContext): Promise<IDataObject[]> {
	let cached = shopsCache.get(this);
	if (!cached) {
		const load = async () => {
			const data = await tokopediaApiRequest.call(this, 'GET', `/v1/shop/fs/${await fsId.call(this)}/shop-info`);
			return Array.isArray(data) ? (data as IDataObject[]) : [];
		};
		cached = load();
		shopsCache.set(this, cached);
		cached.catch(() => shopsCache.delete(this));
	}
	return await cached;
}

/** The Shop field, else the credential's default shop, else the only linked shop. */
export async function resolveShopId(this: ApiContext, chosen: unknown, itemIndex?: number): Promise<string> {
	const picked = String(chosen ?? '').trim();
	if (picked) return numericId(picked, 'Shop');
	const fallback = String((await tokopediaCredentials.call(this)).shopId ?? '').trim();
	if (fallback) return numericId(fallback, 'Default Shop ID (in the Tokopedia credential)');
	const shops = await getLinkedShops.call(this);
	if (shops.length === 1) return String(shops[0].shop_id);
	throw new NodeOperationError(
		this.getNode(),
		shops.length === 0
			? 'No shop is linked to this App ID (fs_id). Link a shop in the Tokopedia Developer Console.'
			: `Pick a shop in the "Shop" field: this App ID has ${shops.length} linked shops (${shops
					.map((shop) => `${shop.shop_name} (${shop.shop_id})`)
					.join(', ')}), or set a Default Shop ID in the credential.`,
		{ itemIndex },
	);
}
