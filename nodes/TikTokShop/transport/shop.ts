import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TikTokShopContext } from './index';
import { tikTokShopApiRequest, tikTokShopCredentials } from './index';

export interface AuthorizedShop extends IDataObject {
	id: string;
	cipher: string;
	name: string;
	region: string;
	code: string;
	seller_type: string;
}

/** A shop as the rest of the node sees it: the cipher is what shop-scoped APIs take. */
export interface ShopRef {
	cipher: string;
}

const shopsCache = new WeakMap<object, Promise<AuthorizedShop[]>>();

export async function getAuthorizedShops(this: TikTokShopContext): Promise<AuthorizedShop[]> {
	let cached = shopsCache.get(this);
	if (!cached) {
		const load = async () => {
			const data = await tikTokShopApiRequest.call(this, 'GET', '/authorization/202309/shops');
			return (data.shops as AuthorizedShop[] | undefined) ?? [];
		};
		cached = load();
		shopsCache.set(this, cached);
		cached.catch(() => shopsCache.delete(this));
	}
	return await cached;
}

/**
 * The shop an operation acts on: the Shop field if set, else the credential's default cipher,
 * else the only shop the token can see. Several shops and no choice is an error that says so.
 */
export async function resolveShopCipher(
	this: TikTokShopContext,
	chosen: string | undefined,
	itemIndex?: number,
): Promise<string> {
	const picked = String(chosen ?? '').trim();
	if (picked) return picked;
	const credentials = await tikTokShopCredentials.call(this);
	const fallback = String(credentials.shopCipher ?? '').trim();
	if (fallback) return fallback;
	const shops = await getAuthorizedShops.call(this);
	if (shops.length === 1) return shops[0].cipher;
	const names = shops.map((shop) => `${shop.name} (${shop.cipher})`).join(', ');
	throw new NodeOperationError(
		this.getNode(),
		shops.length === 0
			? 'The TikTok Shop credential is not authorized for any shop. Have the seller authorize the app, then paste the new authorization code.'
			: `Pick a shop in the "Shop" field: this credential can reach ${shops.length} shops (${names}), or set a Default Shop Cipher in the credential.`,
		{ itemIndex },
	);
}

/** Orders do not say which shop they belong to: the normalized `shop_id` comes from the authorized shops. */
export async function shopIdOfCipher(this: TikTokShopContext, cipher: string): Promise<string | null> {
	const shops = await getAuthorizedShops.call(this);
	return shops.find((shop) => shop.cipher === cipher)?.id ?? null;
}

export async function shopFromParameter(this: IExecuteFunctions, itemIndex: number): Promise<ShopRef> {
	const value = this.getNodeParameter('shop', itemIndex, '', { extractValue: true }) as string;
	return { cipher: await resolveShopCipher.call(this, value, itemIndex) };
}

export async function shopFromCurrentParameters(this: ILoadOptionsFunctions): Promise<string> {
	const value = this.getCurrentNodeParameter('shop', { extractValue: true }) as string | undefined;
	return await resolveShopCipher.call(this, value);
}
