import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesFilter } from '../../common/descriptions';

import { fetchCategories, leafCategories } from '../actions/category/getAllCategories';
import { activeCouriers } from '../actions/logistic/getActiveCourier';
import { allShowcases } from '../actions/shop/getShowcase';
import { getLinkedShops, resolveShopId } from '../transport/shop';

async function currentShop(this: ILoadOptionsFunctions): Promise<string> {
	let chosen: unknown;
	try {
		chosen = this.getCurrentNodeParameter('shop', { extractValue: true });
	} catch {
		chosen = undefined;
	}
	return await resolveShopId.call(this, chosen);
}

export async function shopSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const shops = await getLinkedShops.call(this);
	return {
		results: shops
			.filter((shop) => matchesFilter(filter, shop.shop_name, shop.shop_id, shop.domain))
			.map((shop) => ({ name: `${String(shop.shop_name)} (${String(shop.shop_id)})`, value: String(shop.shop_id), url: shop.shop_url as string | undefined })),
	};
}

export async function showcaseSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const showcases = await allShowcases.call(this, await currentShop.call(this));
	return {
		results: showcases
			.filter((showcase) => matchesFilter(filter, showcase.name, showcase.id))
			.map((showcase) => ({ name: `${String(showcase.name)} (${String(showcase.product_count ?? 0)} products)`, value: String(showcase.id) })),
	};
}

export async function categorySearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const leaves = leafCategories(await fetchCategories.call(this));
	return {
		results: leaves
			.filter((leaf) => matchesFilter(filter, leaf.path, leaf.id))
			.slice(0, 200)
			.map((leaf) => ({ name: leaf.path, value: leaf.id })),
	};
}

export async function courierSearch(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const couriers = await activeCouriers.call(this, await currentShop.call(this));
	return {
		results: couriers
			.filter((courier) => matchesFilter(filter, courier.shipment_name, courier.service_name))
			.map((courier) => ({ name: `${String(courier.shipment_name)} ${String(courier.service_name)}`, value: String(courier.shipping_product_id) })),
	};
}
