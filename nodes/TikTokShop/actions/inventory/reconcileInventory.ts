import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { mapConcurrent } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import type { MarketplaceRow } from '../../../common/reconcile';
import { reconcileFields } from '../../../common/reconcile';
import { runReconcile } from '../../../common/reconcileOperation';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

// products/search never returns more than 10,000 results (12052180): larger shops are read in
// create-time slices small enough to stay under it.
const RESULT_CAP = 10_000;

const properties: INodeProperties[] = reconcileFields;

export const description = withDisplay({ resource: ['inventory'], operation: ['reconcileInventory'] }, properties);

async function* productsIn(this: IExecuteFunctions, shopCipher: string, status: string, from: number, to: number): AsyncGenerator<IDataObject> {
	let pageToken: string | undefined;
	let first = true;
	do {
		const data = await tikTokShopApiRequest.call(this, 'POST', '/product/202309/products/search', {
			shopCipher,
			query: { page_size: 100, page_token: pageToken },
			body: { status, create_time_ge: from, create_time_le: to },
		});
		if (first && Number(data.total_count ?? 0) > RESULT_CAP && to > from) {
			const middle = Math.floor((from + to) / 2);
			yield* productsIn.call(this, shopCipher, status, from, middle);
			yield* productsIn.call(this, shopCipher, status, middle + 1, to);
			return;
		}
		first = false;
		yield* (data.products as IDataObject[]) ?? [];
		pageToken = (data.next_page_token as string) || undefined;
	} while (pageToken);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const shopCipher = await shop(0);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const status = options.ignoreInactive === false ? 'ALL' : 'ACTIVATE';
	const allProducts = () => productsIn.call(this, shopCipher, status, 0, Math.floor(Date.now() / 1000) + 86400);
	return await runReconcile.call(this, items, {
		fetch: async function* (this: void, warehouse?: string): AsyncGenerator<MarketplaceRow> {
			for await (const product of allProducts()) {
				for (const sku of (product.skus as IDataObject[]) ?? []) {
					const inventory = ((sku.inventory as IDataObject[]) ?? []).map((w) => ({ warehouse_id: String(w.warehouse_id), quantity: Number(w.quantity ?? 0) }));
					const ref = { product_id: String(product.id), sku_id: String(sku.id), warehouses: inventory };
					const active = product.status === 'ACTIVATE';
					if (warehouse) {
						const entry = inventory.find((w) => w.warehouse_id === warehouse);
						if (entry) yield { sku: String(sku.seller_sku), quantity: entry.quantity, warehouse, active, ref };
						continue;
					}
					yield { sku: String(sku.seller_sku), quantity: inventory.reduce((sum, w) => sum + w.quantity, 0), active, ref };
				}
			}
		},
		correct: async (corrections) => {
			const outcome = new Map<number, string | null>();
			const byProduct = new Map<string, typeof corrections>();
			for (const correction of corrections) {
				const ref = correction.marketplace?.ref as { product_id: string; warehouses: Array<{ warehouse_id: string }> } | undefined;
				if (!ref) continue;
				if (!correction.warehouse && ref.warehouses.length !== 1) {
					outcome.set(correction.index, `stocked in ${ref.warehouses.length} warehouses: reconcile with "Only Warehouse" or an ERP warehouse to correct it`);
					continue;
				}
				byProduct.set(ref.product_id, [...(byProduct.get(ref.product_id) ?? []), correction]);
			}
			await mapConcurrent([...byProduct], 4, async ([productId, list]) => {
				const skus = list.map((correction) => {
					const ref = correction.marketplace!.ref as { sku_id: string; warehouses: Array<{ warehouse_id: string; quantity: number }> };
					const target = correction.warehouse ?? ref.warehouses[0].warehouse_id;
					// Every warehouse of the SKU goes in the update (partial lists are refused, 12019028).
					return { id: ref.sku_id, inventory: ref.warehouses.map((w) => ({ warehouse_id: w.warehouse_id, quantity: w.warehouse_id === target ? correction.quantity : w.quantity })) };
				});
				try {
					const data = await tikTokShopApiRequest.call(this, 'POST', `/product/202309/products/${productId}/inventory/update`, { shopCipher, body: { skus } });
					const errors = new Map(((data.errors as IDataObject[]) ?? []).map((e) => [String((e.detail as IDataObject | undefined)?.sku_id), `${String(e.message)} (code ${String(e.code)})`]));
					list.forEach((correction, k) => outcome.set(correction.index, errors.get(skus[k].id) ?? null));
				} catch (error) {
					for (const correction of list) outcome.set(correction.index, (error as Error).message);
				}
			});
			return outcome;
		},
	});
}
