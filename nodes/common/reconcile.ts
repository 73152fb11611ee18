import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { SafetyBuffer } from './safetyBuffer';
import { applySafetyBuffer } from './safetyBuffer';

/** One ERP row: what the seller's system says the stock is. */
export interface ErpRow {
	itemIndex: number;
	sku: string;
	quantity: number;
	warehouse?: string;
}

/** One marketplace SKU (per warehouse when the marketplace keeps stock per warehouse). */
export interface MarketplaceRow {
	sku: string;
	quantity: number;
	warehouse?: string;
	active: boolean;
	/** Marketplace ids needed to push a correction (product id, SKU id…). */
	ref: IDataObject;
}

export type ReconcileStatus = 'match' | 'mismatch' | 'missingOnMarketplace' | 'missingInErp';

export interface ReconcileRow extends IDataObject {
	sku: string;
	warehouse: string | null;
	status: ReconcileStatus;
	erp_quantity: number | null;
	target_quantity: number | null;
	marketplace_quantity: number | null;
	difference: number | null;
}

export interface ReconcileOptions {
	tolerance: number;
	ignoreInactive: boolean;
	buffer?: SafetyBuffer;
	/** Compare only this warehouse (marketplace rows of other warehouses are left out). */
	warehouse?: string;
}

export interface ReconcileResult {
	rows: Array<{ row: ReconcileRow; erp?: ErpRow; marketplace?: MarketplaceRow }>;
	summary: IDataObject;
}

const keyOf = (sku: string, warehouse?: string) => `${sku}\u0000${warehouse ?? ''}`;

/**
 * Compares ERP stock with marketplace stock in one pass over each side: a map of the ERP rows,
 * then a walk over the marketplace rows. Time and memory grow linearly with the SKU count.
 * ERP rows without a warehouse match the SKU in whatever warehouse it is; a later ERP row for the
 * same SKU and warehouse replaces an earlier one.
 */
export function reconcile(erpRows: Iterable<ErpRow>, marketplaceRows: Iterable<MarketplaceRow>, options: ReconcileOptions): ReconcileResult {
	const erp = new Map<string, ErpRow>();
	for (const row of erpRows) erp.set(keyOf(row.sku, row.warehouse), row);
	const rows: ReconcileResult['rows'] = [];
	const counts: Record<ReconcileStatus, number> = { match: 0, mismatch: 0, missingOnMarketplace: 0, missingInErp: 0 };
	let totalAbsoluteDrift = 0;

	for (const market of marketplaceRows) {
		if (options.ignoreInactive && !market.active) continue;
		if (options.warehouse && market.warehouse && market.warehouse !== options.warehouse) continue;
		const key = erp.has(keyOf(market.sku, market.warehouse)) ? keyOf(market.sku, market.warehouse) : keyOf(market.sku);
		const source = erp.get(key);
		if (!source) {
			counts.missingInErp++;
			rows.push({
				row: { sku: market.sku, warehouse: market.warehouse ?? null, status: 'missingInErp', erp_quantity: null, target_quantity: null, marketplace_quantity: market.quantity, difference: null },
				marketplace: market,
			});
			continue;
		}
		erp.delete(key);
		const target = applySafetyBuffer(source.quantity, options.buffer);
		const difference = market.quantity - target;
		const status: ReconcileStatus = Math.abs(difference) <= options.tolerance ? 'match' : 'mismatch';
		counts[status]++;
		if (status === 'mismatch') totalAbsoluteDrift += Math.abs(difference);
		rows.push({
			row: { sku: market.sku, warehouse: market.warehouse ?? source.warehouse ?? null, status, erp_quantity: source.quantity, target_quantity: target, marketplace_quantity: market.quantity, difference },
			erp: source,
			marketplace: market,
		});
	}
	for (const source of erp.values()) {
		counts.missingOnMarketplace++;
		rows.push({
			row: { sku: source.sku, warehouse: source.warehouse ?? null, status: 'missingOnMarketplace', erp_quantity: source.quantity, target_quantity: applySafetyBuffer(source.quantity, options.buffer), marketplace_quantity: null, difference: null },
			erp: source,
		});
	}
	return {
		rows,
		summary: { summary: true, skus_compared: rows.length, ...counts, total_absolute_drift: totalAbsoluteDrift, tolerance: options.tolerance },
	};
}

/** The parameters both nodes' Reconcile Inventory shows. */
export const reconcileFields: INodeProperties[] = [
	{
		displayName: 'ERP SKU',
		name: 'erpSku',
		type: 'string',
		default: '={{ $json.sku }}',
		required: true,
		description: 'SKU of the input row (all input items are the ERP stock list)',
	},
	{
		displayName: 'ERP Quantity',
		name: 'erpQuantity',
		type: 'number',
		default: 0,
		required: true,
		description: 'Stock of the input row, usually mapped from the input item',
	},
	{
		displayName: 'ERP Warehouse',
		name: 'erpWarehouse',
		type: 'string',
		default: '',
		description: 'Marketplace warehouse ID of the input row (optional)',
	},
	{
		displayName: 'Apply Corrections',
		name: 'applyCorrections',
		type: 'boolean',
		default: false,
		description: 'Whether to push the ERP quantity to the marketplace for every mismatch (off: dry run, only report)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Buffer Value', name: 'safetyBufferValue', type: 'number', default: 0, typeOptions: { minValue: 0 } },
			{ displayName: 'Ignore Inactive Products', name: 'ignoreInactive', type: 'boolean', default: true, description: 'Whether to leave out products that are not active on the marketplace' },
			{ displayName: 'Only Warehouse', name: 'warehouse', type: 'string', default: '', description: 'Compare only this marketplace warehouse ID' },
			{
				displayName: 'Safety Buffer Before Comparing',
				name: 'safetyBufferMode',
				type: 'options',
				default: 'none',
				description: 'Compare against the ERP quantity after the safety buffer, as Update Stock would publish it',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'Publish a Percentage', value: 'keepPercent' },
					{ name: 'Subtract Units', value: 'subtractUnits' },
				],
			},
			{ displayName: 'Tolerance', name: 'tolerance', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'A difference of at most this many units counts as a match' },
		],
	},
];
