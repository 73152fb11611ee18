import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RowResult } from '../../../common/rowResults';
import { pick } from '../../transport';

/** The product fields create and edit share, named as Tokopedia names them (reference §3.3 PR4). */
export const productFields: INodeProperties[] = [
	{ displayName: 'Condition', name: 'condition', type: 'options', default: 'NEW', options: [{ name: 'New', value: 'NEW' }, { name: 'Used', value: 'USED' }] },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 4 }, description: 'At most 2,000 characters' },
	{ displayName: 'Minimum Order', name: 'min_order', type: 'number', default: 1, typeOptions: { minValue: 1 } },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'At most 70 characters' },
	{
		displayName: 'Other Fields (JSON)',
		name: 'additionalJson',
		type: 'json',
		default: '{}',
		description: 'Product fields not listed here, as Tokopedia names them (e.g. wholesale, variant, dimension); merged into the product last',
	},
	{ displayName: 'Picture URLs', name: 'pictures', type: 'string', default: '', description: 'Comma-separated image URLs; the first is the main picture' },
	{ displayName: 'Price', name: 'price', type: 'number', default: 0, description: 'Price in IDR (100 to 100,000,000)' },
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'At most 50 characters' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'LIMITED',
		options: [
			{ name: 'Empty', value: 'EMPTY' },
			{ name: 'Limited (Use Stock)', value: 'LIMITED' },
			{ name: 'Unlimited', value: 'UNLIMITED' },
		],
	},
	{ displayName: 'Stock', name: 'stock', type: 'number', default: 1, typeOptions: { minValue: 0 } },
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		// couriers bill at least 1 kg; the unit is the next field
		default: 1000,
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		description: 'Shipping weight of one unit, in the Weight Unit',
	},
	{ displayName: 'Weight Unit', name: 'weight_unit', type: 'options', default: 'GR', options: [{ name: 'Gram', value: 'GR' }, { name: 'Kilogram', value: 'KG' }] },
];

/** Turns the node's product fields into Tokopedia's product object. */
export function productBody(this: IExecuteFunctions, fields: IDataObject, i: number): IDataObject {
	const product: IDataObject = {};
	// workflows saved before "Other Fields (JSON)" moved into the collection keep it top-level
	const raw = fields.additionalJson ?? this.getNodeParameter('additionalJson', i, '{}');
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || key === 'additionalJson') continue;
		if (key === 'pictures') {
			product.pictures = String(value).split(',').map((url) => url.trim()).filter(Boolean).map((file_path) => ({ file_path }));
		} else product[key] = value;
	}
	let extra: unknown = raw;
	if (typeof raw === 'string') {
		try {
			extra = JSON.parse(raw || '{}');
		} catch {
			throw new NodeOperationError(this.getNode(), '"Other Fields (JSON)" is not valid JSON', { itemIndex: i });
		}
	}
	if (extra && typeof extra === 'object' && !Array.isArray(extra)) Object.assign(product, extra);
	if (typeof product.name === 'string' && product.name.length > 70) {
		throw new NodeOperationError(this.getNode(), `"Name" may have at most 70 characters (has ${product.name.length})`, { itemIndex: i });
	}
	if (product.weight !== undefined && !(Number(product.weight) > 0)) {
		throw new NodeOperationError(this.getNode(), '"Weight" must be more than 0 (the shipping weight of one unit, in "Weight Unit")', { itemIndex: i });
	}
	if (product.price !== undefined && (Number(product.price) < 100 || Number(product.price) > 100_000_000)) {
		throw new NodeOperationError(this.getNode(), '"Price" must be between 100 and 100,000,000 IDR', { itemIndex: i });
	}
	return product;
}

/** The error text of a create/edit result that failed for its only row, if it did. */
export function failedRowMessage(data: unknown): string | undefined {
	const failed = Number(pick(data, 'fail_data') ?? pick(data, 'failed_rows') ?? 0);
	const rows = (pick(data, 'failed_rows_data') as unknown[]) ?? [];
	if (!failed && (!Array.isArray(rows) || rows.length === 0)) return undefined;
	const first = Array.isArray(rows) ? rows[0] : undefined;
	if (typeof first === 'string') return first;
	const errors = pick(first, 'error');
	return Array.isArray(errors) ? errors.join('; ') : String(pick(first, 'message') ?? errors ?? 'rejected');
}

/**
 * Maps the per-id result of activate / deactivate / delete back to the input items.
 * Tokopedia reports failures as text such as "Error Product ID [115306196] : …" (reference §3.3 PR9).
 */
export function productIdResults(ids: Array<{ itemIndex: number; productId: number }>, data: unknown, action: string): RowResult[] {
	const failures = new Map<number, string>();
	const rows = pick(data, 'failed_rows_data');
	for (const entry of Array.isArray(rows) ? rows : []) {
		const text = typeof entry === 'string' ? entry : JSON.stringify(entry);
		const id = /\[(\d+)\]/.exec(text)?.[1] ?? String(pick(entry, 'product_id') ?? '');
		if (id) failures.set(Number(id), text);
	}
	return ids.map(({ itemIndex, productId }) => {
		const failure = failures.get(productId);
		return failure === undefined
			? { itemIndex, ok: true, json: { product_id: productId, [action]: true } }
			: { itemIndex, ok: false, json: { product_id: productId, [action]: false }, message: failure };
	});
}
