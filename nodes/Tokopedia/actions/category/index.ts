import type { INodeProperties } from 'n8n-workflow';

import * as getAllCategories from './getAllCategories';

export { getAllCategories };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['category'] } },
		options: [{ name: 'Get Many', value: 'getAllCategories', description: 'Get the product category tree', action: 'Get many categories' }],
		default: 'getAllCategories',
	},
	...getAllCategories.description,
];
