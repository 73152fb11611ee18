import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import type { SafetyBufferMode } from '../../../common/safetyBuffer';
import { applySafetyBuffer, safetyBufferOptions } from '../../../common/safetyBuffer';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import type { ResolvedSku } from '../../transport/skus';
import type { ProductGroup } from './shared';
import { pushBySku, pushOptions, skuFields } from './shared';

const properties: INodeProperties[] = [
	...skuFields,
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 0,
		required: true,
		description: 'Available quantity to set, usually mapped from the input item',
	},
	{
		displayName: 'Warehouse ID',
		name: 'warehouseId',
		type: 'string',
		default: '',
		description:
			'Warehouse to set. Leave empty for a SKU stocked in one warehouse. The other warehouses of the SKU keep their quantity (TikTok Shop requires them all in every update).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...pushOptions, ...safetyBufferOptions],
	},
];

export const description = withDisplay({ resource: ['inventory'], operation: ['updateInventory'] }, properties);

interface StockValue {
	quantity: number;
	requested: number;
	warehouseId: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await pushBySku<StockValue>(
		this,
		items,
		shop,
		(i) => {
			const raw = this.getNodeParameter('quantity', i, '');
			const requested = Number(raw);
			if (raw === '' || raw === null || !Number.isFinite(requested) || requested < 0) {
				throw new Error(`"Quantity" must be a number of 0 or more, got "${String(raw)}"`);
			}
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			const quantity = applySafetyBuffer(requested, {
				mode: (options.safetyBufferMode as SafetyBufferMode) ?? 'none',
				value: Number(options.safetyBufferValue ?? 0),
			});
			const warehouseId = String(this.getNodeParameter('warehouseId', i, '') ?? '').trim();
			return {
				value: { quantity, requested, warehouseId },
				json: { quantity, ...(quantity !== requested ? { requested_quantity: requested } : {}), ...(warehouseId ? { warehouse_id: warehouseId } : {}) },
			};
		},
		async (shopCipher, group: ProductGroup<StockValue>, pacer) => {
			// One entry per SKU carrying every warehouse it is assigned to; rows name the ones to change.
			const skus = new Map<string, Map<string, number>>();
			for (const row of group.rows) {
				let warehouses = skus.get(row.sku.skuId);
				if (!warehouses) {
					warehouses = new Map(row.sku.warehouses.map((w) => [w.warehouse_id, w.quantity]));
					skus.set(row.sku.skuId, warehouses);
				}
				warehouses.set(targetWarehouse(row) as string, row.value.quantity);
			}
			const body = {
				skus: [...skus].map(([id, warehouses]) => ({
					id,
					inventory: [...warehouses].map(([warehouse_id, quantity]) => ({ warehouse_id, quantity })),
				})),
			};
			return await tikTokShopApiRequest.call(this, 'POST', `/product/202309/products/${group.productId}/inventory/update`, {
				shopCipher,
				body,
				pacer,
			});
		},
		'SKUs',
		(row) => {
			if (targetWarehouse(row)) return undefined;
			const list = row.sku.warehouses.map((w) => w.warehouse_id).join(', ');
			return row.sku.warehouses.length === 0
				? 'has no warehouse assigned in TikTok Shop; set "Warehouse ID"'
				: `is stocked in ${row.sku.warehouses.length} warehouses (${list}): set "Warehouse ID" to the one to change`;
		},
	);
}

/** The warehouse a row changes: the one given, or the SKU's only warehouse. */
function targetWarehouse(row: { value: StockValue; sku: ResolvedSku }): string | undefined {
	if (row.value.warehouseId) return row.value.warehouseId;
	return row.sku.warehouses.length === 1 ? row.sku.warehouses[0].warehouse_id : undefined;
}
