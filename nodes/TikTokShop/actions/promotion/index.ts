import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as createActivity from './createActivity';
import * as deactivateActivity from './deactivateActivity';
import * as getActivity from './getActivity';
import * as removeActivityProduct from './removeActivityProduct';
import * as searchActivities from './searchActivities';
import * as updateActivity from './updateActivity';
import * as updateActivityProduct from './updateActivityProduct';

export { createActivity, deactivateActivity, getActivity, removeActivityProduct, searchActivities, updateActivity, updateActivityProduct };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['promotion'] } },
		options: [
			{ name: 'Add or Update Products', value: 'updateActivityProduct', description: 'Put products into an activity or change their deal', action: 'Add or update products of an activity' },
			{ name: 'Create', value: 'createActivity', description: 'Create a discount or flash-sale activity', action: 'Create an activity' },
			{ name: 'Deactivate', value: 'deactivateActivity', description: 'End an activity now', action: 'Deactivate an activity' },
			{ name: 'Get', value: 'getActivity', description: 'Get an activity', action: 'Get an activity' },
			{ name: 'Get Many', value: 'searchActivities', description: 'Search activities', action: 'Get many activities' },
			{ name: 'Remove Products', value: 'removeActivityProduct', description: 'Take products out of an activity', action: 'Remove products from an activity' },
			{ name: 'Update', value: 'updateActivity', description: 'Change the title or times of an activity', action: 'Update an activity' },
		],
		default: 'searchActivities',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['promotion'] } } },
	...searchActivities.description,
	...getActivity.description,
	...createActivity.description,
	...updateActivity.description,
	...deactivateActivity.description,
	...updateActivityProduct.description,
	...removeActivityProduct.description,
];
