import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../common/descriptions';

import { tikTokShopApiRequest } from '../transport';
import { getAuthorizedShops, shopFromCurrentParameters } from '../transport/shop';

export async function shopSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shops = await getAuthorizedShops.call(this);
	return {
		results: shops
			.filter((shop) => matchesFilter(filter, shop.name, shop.id, shop.code, shop.cipher))
			.map((shop) => ({ name: `${shop.name} (${shop.region}, ${shop.id})`, value: shop.cipher })),
	};
}

async function warehouses(this: ILoadOptionsFunctions, shopCipher: string): Promise<IDataObject[]> {
	const data = await tikTokShopApiRequest.call(this, 'GET', '/logistics/202309/warehouses', { shopCipher });
	return (data.warehouses as IDataObject[]) ?? [];
}

async function deliveryOptions(this: ILoadOptionsFunctions, shopCipher: string, warehouseId: string): Promise<IDataObject[]> {
	const data = await tikTokShopApiRequest.call(
		this,
		'GET',
		`/logistics/202309/warehouses/${encodeURIComponent(warehouseId)}/delivery_options`,
		{ shopCipher },
	);
	return (data.delivery_options as IDataObject[]) ?? [];
}

export async function warehouseSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shopCipher = await shopFromCurrentParameters.call(this);
	const list = await warehouses.call(this, shopCipher);
	return {
		results: list
			.filter((warehouse) => matchesFilter(filter, warehouse.name, warehouse.id))
			.map((warehouse) => ({
				name: `${warehouse.name}${warehouse.is_default ? ' (default)' : ''} · ${warehouse.type ?? ''}`.trim(),
				value: String(warehouse.id),
			})),
	};
}

export async function deliveryOptionSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shopCipher = await shopFromCurrentParameters.call(this);
	const warehouseId = String(this.getCurrentNodeParameter('warehouse', { extractValue: true }) ?? '').trim();
	const warehouseIds = warehouseId
		? [warehouseId]
		: (await warehouses.call(this, shopCipher)).map((warehouse) => String(warehouse.id));
	const seen = new Set<string>();
	const results = [];
	for (const id of warehouseIds) {
		for (const option of await deliveryOptions.call(this, shopCipher, id)) {
			const value = String(option.id);
			if (seen.has(value) || !matchesFilter(filter, option.name, option.type, value)) continue;
			seen.add(value);
			results.push({ name: `${option.name} (${option.type})`, value });
		}
	}
	return { results };
}

/** Carriers of the chosen delivery option, or of every delivery option of the shop when none is chosen. */
export async function shippingProviderSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shopCipher = await shopFromCurrentParameters.call(this);
	let optionIds: string[];
	let chosen: string | undefined;
	try {
		chosen = this.getCurrentNodeParameter('deliveryOption', { extractValue: true }) as string | undefined;
	} catch {
		chosen = undefined;
	}
	if (chosen) {
		optionIds = [String(chosen)];
	} else {
		optionIds = [];
		for (const warehouse of await warehouses.call(this, shopCipher)) {
			for (const option of await deliveryOptions.call(this, shopCipher, String(warehouse.id))) {
				optionIds.push(String(option.id));
			}
		}
	}
	const seen = new Set<string>();
	const results = [];
	for (const optionId of [...new Set(optionIds)]) {
		const data = await tikTokShopApiRequest.call(
			this,
			'GET',
			`/logistics/202309/delivery_options/${encodeURIComponent(optionId)}/shipping_providers`,
			{ shopCipher },
		);
		for (const provider of (data.shipping_providers as IDataObject[]) ?? []) {
			const value = String(provider.id);
			if (seen.has(value) || !matchesFilter(filter, provider.name, value)) continue;
			seen.add(value);
			results.push({ name: String(provider.name), value });
		}
	}
	return { results };
}

/** Leaf product categories of the shop's market, labelled with their path ("Womenswear › Tops › T-shirts"). */
export async function categorySearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shopCipher = await shopFromCurrentParameters.call(this);
	const data = await tikTokShopApiRequest.call(this, 'GET', '/product/202309/categories', { shopCipher });
	const categories = (data.categories as IDataObject[]) ?? [];
	const byId = new Map(categories.map((category) => [String(category.id), category]));
	const pathOf = (category: IDataObject): string => {
		const names: string[] = [];
		const seen = new Set<string>();
		for (let at: IDataObject | undefined = category; at && !seen.has(String(at.id)); at = byId.get(String(at.parent_id))) {
			seen.add(String(at.id));
			names.unshift(String(at.local_name));
		}
		return names.join(' › ');
	};
	return {
		results: categories
			.filter((category) => category.is_leaf)
			.map((category) => ({ name: pathOf(category), value: String(category.id) }))
			.filter((option) => matchesFilter(filter, option.name, option.value))
			.slice(0, 200),
	};
}
