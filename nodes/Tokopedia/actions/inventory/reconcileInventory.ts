import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { pages } from '../../../common/paginate';
import type { MarketplaceRow } from '../../../common/reconcile';
import { reconcileFields } from '../../../common/reconcile';
import { runReconcile } from '../../../common/reconcileOperation';
import { fsId, pick, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import type { Payload } from './shared';
import { pushRows } from './shared';

// Product info by shop: 50 per page (reference §3.3 PR1).
const PER_PAGE = 50;

const properties: INodeProperties[] = reconcileFields;

export const description = withDisplay({ resource: ['inventory'], operation: ['reconcileInventory'] }, properties);

/**
 * Every SKU of the shop with its stock. Without a warehouse the main warehouse counts (the first
 * the API lists, which is also where a stock update without warehouse_id writes).
 */
async function* marketplaceStock(this: IExecuteFunctions, app: string, shopId: string, warehouse?: string): AsyncGenerator<MarketplaceRow> {
	const products = pages<IDataObject>(async (cursor) => {
		const page = Number(cursor ?? 1);
		const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, {
			query: { shop_id: shopId, page, per_page: PER_PAGE },
		});
		const list = Array.isArray(data) ? (data as IDataObject[]) : [];
		return { items: list, next: list.length < PER_PAGE ? undefined : String(page + 1) };
	});
	for await (const product of products) {
		const sku = String(pick(pick(product, 'other'), 'sku') ?? '');
		const warehouses = (pick(product, 'warehouses') as IDataObject[] | null) ?? [];
		// Variant parents carry no stock of their own; their children are listed as products.
		if (!sku || warehouses.length === 0) continue;
		const basic = pick(product, 'basic');
		const entry = warehouse ? warehouses.find((w) => String(pick(w, 'warehouseID')) === warehouse) : warehouses[0];
		if (!entry) continue;
		yield {
			sku,
			quantity: Number(pick(pick(entry, 'stock'), 'value') ?? 0),
			warehouse: warehouse || undefined,
			active: Number(pick(basic, 'status')) === 1,
			ref: { product_id: pick(basic, 'productID') as number },
		};
	}
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	const shopId = await shop(0);
	return await runReconcile.call(this, items, {
		fetch: (warehouse) => marketplaceStock.call(this, app, shopId, warehouse),
		correct: async (corrections) => {
			const byWarehouse = new Map<string, typeof corrections>();
			for (const correction of corrections) {
				const key = correction.warehouse ?? '';
				byWarehouse.set(key, [...(byWarehouse.get(key) ?? []), correction]);
			}
			const outcome = new Map<number, string | null>();
			for (const [warehouseId, list] of byWarehouse) {
				// A correction must not flip the product's status (Tokopedia deactivates products set to 0).
				const results = await pushRows.call(
					this,
					app,
					'updateStock',
					{
						shopId,
						warehouseId,
						rows: list.map((correction) => ({
							itemIndex: correction.index,
							key: `sku:${correction.sku}`,
							payload: { identifier: { sku: correction.sku }, value: correction.quantity, requested: correction.quantity } as Payload,
						})),
					},
					{ bypassUpdateProductStatus: true },
				);
				for (const result of results) outcome.set(result.row.itemIndex, result.applied ? null : (result.message ?? 'not applied'));
			}
			return outcome;
		},
	});
}
