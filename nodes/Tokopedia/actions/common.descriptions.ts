import type { INodeProperties } from 'n8n-workflow';

export { binaryPropertyField, limitField, returnAllField } from '../../common/descriptions';

export const shopLocator: INodeProperties = {
	displayName: 'Shop',
	name: 'shop',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'Shop to act on. Leave empty to use the Default Shop ID of the credential, or the only linked shop.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'shopSearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 479066' },
	],
};

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 43481289',
};

export const showcaseLocator: INodeProperties = {
	displayName: 'Showcase (Etalase)',
	name: 'showcase',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'showcaseSearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1402956' },
	],
};

export const categoryLocator: INodeProperties = {
	displayName: 'Category',
	name: 'category',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The deepest (leaf) category of the product',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'categorySearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1774' },
	],
};

/** Splits "1, 2 3" into integer ids, naming the field when one is not a number. */
export function integerIds(value: unknown, field: string): number[] {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/)).map((part) => part.trim()).filter(Boolean);
	return parts.map((part) => {
		if (!/^\d+$/.test(part)) throw new Error(`"${field}" must list numeric IDs, got "${part}"`);
		return Number(part);
	});
}
