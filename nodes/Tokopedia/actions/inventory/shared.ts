import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BulkRow, RowOutcome, RowVerdict } from '../../../common/bulkPush';
import { bulkPush } from '../../../common/bulkPush';
import { changeKey } from '../../../common/changeKey';
import { Pacer } from '../../../common/pacer';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { isTransientNetworkError } from '../../../common/retry';
import type { SafetyBuffer, SafetyBufferMode } from '../../../common/safetyBuffer';
import { applySafetyBuffer } from '../../../common/safetyBuffer';
import { numericId, optionalNumericId, positivePrice, wholeQuantity } from '../../../common/validate';
import { fsId, parseRateLimit, pick, tokopediaApiCall } from '../../transport';
import type { ShopResolver } from '../types';

// Stock and price endpoints take at most 100 rows per call (reference §3.3 PR12–PR15).
const MAX_ROWS_PER_REQUEST = 100;
// Until the first response tells the real limit (X-Ratelimit-Limit), pace conservatively.
const DEFAULT_ROWS_PER_SECOND = 10;

export type InventoryOperation = 'updateStock' | 'incrementStock' | 'decrementStock' | 'updatePrice';

interface OperationSpec {
	path: (app: string) => string;
	valueField: 'new_stock' | 'stock_value' | 'new_price';
	valueLabel: string;
	/** Whether the API has the request_id duplicate guard (increment/decrement, reference §3.3 PR14). */
	requestIdGuard: boolean;
}

const SPECS: Record<InventoryOperation, OperationSpec> = {
	updateStock: { path: (app) => `/inventory/v1/fs/${app}/stock/update`, valueField: 'new_stock', valueLabel: 'New Stock', requestIdGuard: false },
	incrementStock: { path: (app) => `/inventory/v1/fs/${app}/stock/increment`, valueField: 'stock_value', valueLabel: 'Quantity', requestIdGuard: true },
	decrementStock: { path: (app) => `/inventory/v1/fs/${app}/stock/decrement`, valueField: 'stock_value', valueLabel: 'Quantity', requestIdGuard: true },
	updatePrice: { path: (app) => `/inventory/v1/fs/${app}/price/update`, valueField: 'new_price', valueLabel: 'New Price', requestIdGuard: false },
};

/** The fields every bulk inventory operation shows, with the value field named per operation. */
export function inventoryFields(valueName: string, valueLabel: string, valueDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Identify Product By',
			name: 'identifyBy',
			type: 'options',
			default: 'sku',
			options: [
				{ name: 'SKU', value: 'sku' },
				{ name: 'Product ID', value: 'productId' },
			],
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '={{ $json.sku }}',
			required: true,
			displayOptions: { show: { identifyBy: ['sku'] } },
		},
		{
			displayName: 'Product ID',
			name: 'productId',
			type: 'string',
			default: '={{ $json.product_id }}',
			required: true,
			displayOptions: { show: { identifyBy: ['productId'] } },
		},
		{
			displayName: valueLabel,
			name: valueName,
			type: 'number',
			default: 0,
			required: true,
			description: valueDescription,
		},
		{
			displayName: 'Warehouse ID',
			name: 'warehouseId',
			type: 'string',
			default: '',
			description: 'Multi-warehouse shops only; leave empty for the main warehouse',
		},
	];
}

export const rateOption: INodeProperties = {
	displayName: 'Rows per Second',
	name: 'rowsPerSecond',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0 },
	description:
		'Pace of the push. 0 follows the limit Tokopedia announces in its rate-limit headers (each row counts as one request).',
};

export interface Payload {
	identifier: IDataObject;
	value: number;
	requested: number;
}

function verdictsFor(batch: Array<BulkRow<Payload>>, data: unknown): RowVerdict[] {
	const failures = (pick(data, 'failed_rows_data') as IDataObject[] | null) ?? [];
	const bySku = new Map<string, string>();
	const byProduct = new Map<string, string>();
	for (const failure of Array.isArray(failures) ? failures : []) {
		const message = String(pick(failure, 'message') ?? 'rejected');
		const sku = String(pick(failure, 'sku') ?? '');
		const productId = String(pick(failure, 'product_id') ?? '');
		if (sku) bySku.set(sku, message);
		if (productId && productId !== '0') byProduct.set(productId, message);
	}
	return batch.map((row) => {
		const message =
			row.payload.identifier.sku !== undefined
				? bySku.get(String(row.payload.identifier.sku))
				: byProduct.get(String(row.payload.identifier.product_id));
		if (message === undefined) return { status: 'applied' };
		// Rows over the bulk quota fail one by one inside a 200 (reference §7.1).
		if (/ERR_TOO_MANY_REQUEST/i.test(message)) return { status: 'throttled', message };
		return { status: 'failed', message };
	});
}

/**
 * Runs one bulk inventory operation over ALL input items: one row per item, grouped by shop and
 * warehouse, packed into requests of up to 100 rows, paced to the announced rate limit; throttled
 * rows and failed requests are retried, rows rejected for a real reason are reported on their item.
 */
export async function pushInventory(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
	operation: InventoryOperation,
	valueParameter: string,
): Promise<INodeExecutionData[]> {
	const spec = SPECS[operation];
	const app = await fsId.call(this);
	const results: RowResult[] = [];
	const groups = new Map<string, { shopId: string; warehouseId: string; rows: Array<BulkRow<Payload>> }>();

	for (let i = 0; i < items.length; i++) {
		const identifier: IDataObject = {};
		try {
			const identifyBy = this.getNodeParameter('identifyBy', i) as string;
			if (identifyBy === 'sku') {
				const sku = String(this.getNodeParameter('sku', i, '') ?? '').trim();
				if (!sku) throw new Error('"SKU" is empty');
				if (sku.length > 50) throw new Error(`"SKU" may have at most 50 characters, "${sku}" has ${sku.length}`);
				identifier.sku = sku;
			} else {
				identifier.product_id = Number(numericId(this.getNodeParameter('productId', i, ''), 'Product ID'));
			}
			// Refused here, per row: one value the API cannot decode would fail every row of its request.
			const raw = this.getNodeParameter(valueParameter, i, '');
			let requested: number;
			let value: number;
			if (operation === 'updatePrice') {
				requested = value = positivePrice(raw, spec.valueLabel, 0);
			} else if (operation === 'updateStock') {
				requested = wholeQuantity(raw, spec.valueLabel, { min: 0 });
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const buffer: SafetyBuffer = {
					mode: (options.safetyBufferMode as SafetyBufferMode) ?? 'none',
					value: Number(options.safetyBufferValue ?? 0),
				};
				value = applySafetyBuffer(requested, buffer);
			} else {
				requested = value = wholeQuantity(raw, spec.valueLabel, { min: 1 });
			}
			const shopId = await shop(i);
			const warehouseId = optionalNumericId(this.getNodeParameter('warehouseId', i, ''), 'Warehouse ID') ?? '';
			const groupKey = `${shopId}|${warehouseId}`;
			const group = groups.get(groupKey) ?? { shopId, warehouseId, rows: [] };
			group.rows.push({
				itemIndex: i,
				key: identifier.sku !== undefined ? `sku:${String(identifier.sku)}` : `pid:${String(identifier.product_id)}`,
				payload: { identifier, value, requested },
			});
			groups.set(groupKey, group);
		} catch (error) {
			results.push({ itemIndex: i, ok: false, json: { ...identifier, applied: false }, message: (error as Error).message });
		}
	}

	const firstOptions = (items.length ? this.getNodeParameter('options', 0, {}) : {}) as IDataObject;
	for (const group of groups.values()) {
		const outcomes = await pushRows.call(this, app, operation, group, {
			rowsPerSecond: Number(firstOptions.rowsPerSecond ?? 0),
			bypassUpdateProductStatus: Boolean(firstOptions.bypassUpdateProductStatus),
		});
		for (const outcome of outcomes) {
			const { identifier, value, requested } = outcome.row.payload;
			const json: IDataObject = {
				shop_id: Number(group.shopId),
				...(group.warehouseId ? { warehouse_id: Number(group.warehouseId) } : {}),
				...identifier,
				[spec.valueField]: value,
				...(value !== requested ? { requested_stock: requested } : {}),
				applied: outcome.applied,
				attempts: outcome.attempts,
			};
			results.push(
				outcome.applied
					? { itemIndex: outcome.row.itemIndex, ok: true, json }
					: {
							itemIndex: outcome.row.itemIndex,
							ok: false,
							json,
							message: `${identifier.sku !== undefined ? `SKU ${String(identifier.sku)}` : `product ${String(identifier.product_id)}`}: ${outcome.message}`,
						},
			);
		}
	}
	return batchOutput.call(this, results, 'rows');
}

/**
 * Pushes one shop/warehouse group of rows: packed into requests of up to 100 rows, paced to the
 * announced rate limit (or `rowsPerSecond`), throttled rows and failed requests retried, the
 * duplicate guard's request_id derived from the execution, the node's run, the rows and their values.
 */
export async function pushRows(
	this: IExecuteFunctions,
	app: string,
	operation: InventoryOperation,
	group: { shopId: string; warehouseId: string; rows: Array<BulkRow<Payload>> },
	options: { rowsPerSecond?: number; bypassUpdateProductStatus?: boolean } = {},
): Promise<Array<RowOutcome<Payload>>> {
	const spec = SPECS[operation];
	const configuredRate = Number(options.rowsPerSecond ?? 0);
	const pacer = new Pacer(configuredRate > 0 ? configuredRate : DEFAULT_ROWS_PER_SECOND, MAX_ROWS_PER_REQUEST);
	const query: IDataObject = { shop_id: group.shopId };
	if (group.warehouseId) query.warehouse_id = group.warehouseId;
	if (operation === 'updateStock' && options.bypassUpdateProductStatus) query.bypass_update_product_status = true;
	return await bulkPush<Payload>({
		rows: group.rows,
		batchSize: () => Math.min(MAX_ROWS_PER_REQUEST, pacer.capacity),
		pacer,
		isTransient: (error) =>
			isTransientNetworkError(error) || /^(429|5\d\d)$/.test(String((error as { httpCode?: string }).httpCode ?? '')),
		send: async ({ rows, seed }) => {
			const body = rows.map((row) => ({ ...row.payload.identifier, [spec.valueField]: row.payload.value }));
			const batchQuery = { ...query };
			if (spec.requestIdGuard) {
				// ≤ 20 characters of [A-Za-z0-9_-] (reference §3.3 PR14); the rows' values are part of the change.
				batchQuery.request_id = changeKey(this, [operation, group.shopId, group.warehouseId, seed, body], 'base64url', 20);
			}
			const response = await tokopediaApiCall.call(this, 'POST', spec.path(app), { query: batchQuery, body });
			if (configuredRate <= 0) {
				pacer.observe(parseRateLimit(response.headers), Number(response.headers['x-ratelimit-remaining'] ?? Number.NaN));
			}
			return verdictsFor(rows, response.data);
		},
	});
}
