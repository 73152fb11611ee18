import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ErpRow, MarketplaceRow, ReconcileOptions } from './reconcile';
import { reconcile } from './reconcile';
import type { SafetyBufferMode } from './safetyBuffer';

export interface Correction {
	/** Position in the reconcile rows (not an input item). */
	index: number;
	sku: string;
	warehouse?: string;
	quantity: number;
	marketplace?: MarketplaceRow;
}

export interface ReconcileAdapter {
	fetch: (warehouse?: string) => AsyncIterable<MarketplaceRow>;
	/** Pushes the corrections; returns per index null (applied) or the reason it failed. */
	correct: (corrections: Correction[]) => Promise<Map<number, string | null>>;
}

/**
 * Reconcile Inventory for any marketplace: all input items are the ERP list; the marketplace stock
 * of the whole shop is fetched once; the output is one item per SKU plus a summary item.
 * Corrections (ERP quantity pushed for every mismatch) only when "Apply Corrections" is on.
 */
export async function runReconcile(this: IExecuteFunctions, items: INodeExecutionData[], adapter: ReconcileAdapter): Promise<INodeExecutionData[]> {
	const erp: ErpRow[] = [];
	for (let i = 0; i < items.length; i++) {
		const sku = String(this.getNodeParameter('erpSku', i, '') ?? '').trim();
		const raw = this.getNodeParameter('erpQuantity', i, '');
		const quantity = Number(raw);
		if (!sku) throw new NodeOperationError(this.getNode(), '"ERP SKU" is empty', { itemIndex: i });
		if (raw === '' || raw === null || !Number.isFinite(quantity)) {
			throw new NodeOperationError(this.getNode(), `"ERP Quantity" must be a number, got "${String(raw)}" for SKU ${sku}`, { itemIndex: i });
		}
		const warehouse = String(this.getNodeParameter('erpWarehouse', i, '') ?? '').trim();
		erp.push({ itemIndex: i, sku, quantity, warehouse: warehouse || undefined });
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const settings: ReconcileOptions = {
		tolerance: Number(options.tolerance ?? 0),
		ignoreInactive: options.ignoreInactive !== false,
		buffer: { mode: (options.safetyBufferMode as SafetyBufferMode) ?? 'none', value: Number(options.safetyBufferValue ?? 0) },
		warehouse: String(options.warehouse ?? '').trim() || undefined,
	};
	const marketplace: MarketplaceRow[] = [];
	const startedFetch = Date.now();
	for await (const row of adapter.fetch(settings.warehouse)) marketplace.push(row);
	const fetchMs = Date.now() - startedFetch;
	const startedCompare = Date.now();
	const result = reconcile(erp, marketplace, settings);
	const compareMs = Date.now() - startedCompare;

	const apply = this.getNodeParameter('applyCorrections', 0, false) as boolean;
	const corrections: Correction[] = [];
	result.rows.forEach(({ row, marketplace: market }, index) => {
		if (row.status === 'mismatch') {
			corrections.push({ index, sku: row.sku, warehouse: market?.warehouse ?? row.warehouse ?? undefined, quantity: row.target_quantity ?? 0, marketplace: market });
		}
	});
	const outcome = apply && corrections.length ? await adapter.correct(corrections) : new Map<number, string | null>();
	let corrected = 0;
	let failed = 0;
	const out: INodeExecutionData[] = result.rows.map(({ row, erp: source }, index) => {
		const json: IDataObject = { ...row };
		if (row.status === 'mismatch') {
			if (!apply) json.correction = 'dryRun';
			else if (outcome.get(index) === null) {
				json.correction = 'corrected';
				corrected++;
			} else {
				json.correction = 'failed';
				json.correction_error = outcome.get(index) ?? 'not attempted';
				failed++;
			}
		}
		// Marketplace-only SKUs have no ERP row; they are paired with the first input item.
		return { json, pairedItem: { item: source?.itemIndex ?? 0 } };
	});
	out.push({
		json: { ...result.summary, dry_run: !apply, corrected, correction_failed: failed, fetch_ms: fetchMs, compare_ms: compareMs, marketplace_skus: marketplace.length },
		pairedItem: { item: 0 },
	});
	return out;
}
