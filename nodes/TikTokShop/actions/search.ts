import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parseIdList } from '../../common/batch';
import { toUnixSeconds } from './order/shared';
import { positiveLimit } from '../../common/validate';

/** The Sort collection of a TikTok Shop search (query sort_field / sort_order); every one sorts by create_time by default. */
export function sortCollection(fields: INodePropertyOptions[], defaultOrder: 'ASC' | 'DESC' = 'DESC'): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{ displayName: 'Sort By', name: 'sort_field', type: 'options', default: 'create_time', options: fields },
			{
				displayName: 'Sort Order',
				name: 'sort_order',
				type: 'options',
				default: defaultOrder,
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
			},
		],
	};
}

/**
 * A search body from a Filters collection: empty values dropped, date filters (named in
 * `timeLabels`, with the label an error names) in Unix seconds, `idLists` split into arrays.
 */
export function filterBody(filters: IDataObject, timeLabels: Record<string, string>, idLists: string[] = []): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === '' || value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
		if (key in timeLabels) body[key] = toUnixSeconds(value, `Filters → ${timeLabels[key]}`);
		else if (idLists.includes(key)) body[key] = parseIdList(value);
		else body[key] = value;
	}
	return body;
}

/** Return All / Limit as a number (Infinity for Return All). */
export function limitOf(this: IExecuteFunctions, itemIndex: number): number {
	return this.getNodeParameter('returnAll', itemIndex) ? Infinity : positiveLimit(this.getNodeParameter('limit', itemIndex));
}
