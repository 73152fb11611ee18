import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as reconcileInventory from './reconcileInventory';
import * as searchInventory from './searchInventory';
import * as updateInventory from './updateInventory';

export { reconcileInventory, searchInventory, updateInventory };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{
				name: 'Reconcile Inventory',
				value: 'reconcileInventory',
				description: 'Compare the ERP stock of all input items with the shop\'s stock, and optionally correct it',
				action: 'Reconcile inventory',
			},
			{ name: 'Search Inventory', value: 'searchInventory', description: 'Get stock per warehouse of products or SKUs', action: 'Search inventory' },
			{ name: 'Update Stock', value: 'updateInventory', description: 'Set the stock of the SKUs of all input items', action: 'Update stock' },
		],
		default: 'updateInventory',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['inventory'] } } },
	...updateInventory.description,
	...searchInventory.description,
	...reconcileInventory.description,
];
