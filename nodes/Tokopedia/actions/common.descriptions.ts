import type { INodeProperties } from 'n8n-workflow';

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

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 43481289',
};

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
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
