import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as updatePrice from './updatePrice';

export { updatePrice };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: [{ name: 'Update Price', value: 'updatePrice', description: 'Set the price of the SKUs of all input items', action: 'Update prices' }],
		default: 'updatePrice',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['price'] } } },
	...updatePrice.description,
];
