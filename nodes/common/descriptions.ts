import type { INodeProperties } from 'n8n-workflow';

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

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** Case-insensitive "contains" used by every list search. */
export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => String(text ?? '').toLowerCase().includes(needle));
}

/**
 * A resource locator with a searchable list (the default mode, per n8n's UX guidelines) and a
 * manual mode for an id the user already has.
 */
export function listLocator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	manual: { name: string; displayName: string; placeholder: string };
	required?: boolean;
	description?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required ? { required: true } : {}),
		...(options.description ? { description: options.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{ displayName: options.manual.displayName, name: options.manual.name, type: 'string', placeholder: options.manual.placeholder },
		],
	};
}

/**
 * The canvas subtitle: the chosen operation's action sentence ("Get the shipping label of an
 * order"), not its internal value. n8n evaluates subtitles as expressions without access to the
 * option labels, so the labels are embedded as a lookup table.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options ?? []) {
				if (!('value' in option)) continue;
				const label = ('action' in option && option.action) || option.name;
				actions[`${resource}:${String(option.value)}`] = label;
			}
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
