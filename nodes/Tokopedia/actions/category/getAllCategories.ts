import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, pick, tokopediaApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		description: 'Return the categories Tokopedia recommends for this product name instead of the whole tree',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'leaves',
		options: [
			{ name: 'Leaf Categories With Their Path', value: 'leaves', description: 'One item per category a product can be listed in' },
			{ name: 'Tree', value: 'tree', description: 'One item per top-level category, with its children' },
		],
	},
];

export const description = withDisplay({ resource: ['category'], operation: ['getAllCategories'] }, properties);

export interface LeafCategory extends IDataObject {
	id: string;
	name: string;
	path: string;
}

/** Flattens the category tree into the leaves a product can be listed in, with a readable path. */
export function leafCategories(tree: unknown[], trail: string[] = []): LeafCategory[] {
	const out: LeafCategory[] = [];
	for (const node of tree) {
		const name = String(pick(node, 'name') ?? '');
		const children = pick(node, 'child');
		if (Array.isArray(children) && children.length > 0) out.push(...leafCategories(children, [...trail, name]));
		else out.push({ id: String(pick(node, 'id')), name, path: [...trail, name].join(' > ') });
	}
	return out;
}

export async function fetchCategories(this: IExecuteFunctions | import('n8n-workflow').ILoadOptionsFunctions, keyword = ''): Promise<unknown[]> {
	const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${await fsId.call(this)}/product/category`, {
		query: keyword ? { keyword } : undefined,
	});
	const categories = pick(data, 'categories');
	return Array.isArray(categories) ? categories : [];
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items.slice(0, 1), async (i) => {
		const tree = await fetchCategories.call(this, String(this.getNodeParameter('keyword', i, '')).trim());
		return this.getNodeParameter('output', i) === 'tree' ? (tree as IDataObject[]) : leafCategories(tree);
	});
}
