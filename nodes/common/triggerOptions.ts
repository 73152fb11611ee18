import type { INodeProperties } from 'n8n-workflow';

/** The duplicate window both webhook triggers show; `key` says what makes two deliveries the same. */
export function duplicateWindowOption(key: string): INodeProperties {
	return {
		displayName: 'Duplicate Window (Minutes)',
		name: 'dedupeMinutes',
		type: 'number',
		default: 1440,
		typeOptions: { minValue: 0 },
		description: `Marketplaces redeliver events they think were lost. A delivery with the same ${key} within this window does not run the workflow again (0 turns this off).`,
	};
}

export const fetchOrderOption: INodeProperties = {
	displayName: 'Fetch Full Order',
	name: 'fetchOrder',
	type: 'boolean',
	default: false,
	description: 'Whether to add the order\'s full detail (Get Order) to events that name an order',
};
