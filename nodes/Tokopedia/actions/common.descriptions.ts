import type { INodeProperties } from 'n8n-workflow';

import { listLocator } from '../../common/descriptions';

export { binaryPropertyField, limitField, returnAllField } from '../../common/descriptions';

export const shopLocator = listLocator({
	name: 'shop',
	displayName: 'Shop',
	searchListMethod: 'shopSearch',
	manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 479066' },
	description: 'Shop to act on. Leave empty to use the Default Shop ID of the credential, or the only linked shop.',
});

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 43481289',
};

export const showcaseLocator = listLocator({ name: 'showcase', displayName: 'Showcase (Etalase)', searchListMethod: 'showcaseSearch', manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 1402956' } });

export const categoryLocator = listLocator({
	name: 'category',
	displayName: 'Category',
	searchListMethod: 'categorySearch',
	manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 1774' },
	description: 'The deepest (leaf) category of the product',
});

/** Splits "1, 2 3" into integer ids, naming the field when one is not a number. */
export function integerIds(value: unknown, field: string): number[] {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/)).map((part) => part.trim()).filter(Boolean);
	return parts.map((part) => {
		if (!/^\d+$/.test(part)) throw new Error(`"${field}" must list numeric IDs, got "${part}"`);
		return Number(part);
	});
}
