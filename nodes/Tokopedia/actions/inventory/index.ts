import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as decrementStock from './decrementStock';
import * as incrementStock from './incrementStock';
import * as reconcileInventory from './reconcileInventory';
import * as updatePrice from './updatePrice';
import * as updateStock from './updateStock';

export { decrementStock, incrementStock, reconcileInventory, updatePrice, updateStock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Decrement Stock', value: 'decrementStock', description: 'Take units off the stock of every input row', action: 'Decrement stock' },
			{ name: 'Increment Stock', value: 'incrementStock', description: 'Add units to the stock of every input row', action: 'Increment stock' },
			{
				name: 'Reconcile Inventory',
				value: 'reconcileInventory',
				description: 'Compare the ERP stock of all input items with the shop\'s stock, and optionally correct it',
				action: 'Reconcile inventory',
			},
			{ name: 'Update Price', value: 'updatePrice', description: 'Set the price of every input row', action: 'Update prices' },
			{ name: 'Update Stock', value: 'updateStock', description: 'Set the stock of every input row, in bulk', action: 'Update stock' },
		],
		default: 'updateStock',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['inventory'] } } },
	...updateStock.description,
	...incrementStock.description,
	...decrementStock.description,
	...updatePrice.description,
	...reconcileInventory.description,
];
