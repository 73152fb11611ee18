import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as getShopInfo from './getShopInfo';
import * as getShowcase from './getShowcase';

export { getShopInfo, getShowcase };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shop'] } },
		options: [
			{ name: 'Get Info', value: 'getShopInfo', description: 'Get the shops linked to the app', action: 'Get shop info' },
			{ name: 'Get Showcases', value: 'getShowcase', description: 'Get the showcases (etalase) of a shop', action: 'Get showcases' },
		],
		default: 'getShopInfo',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['shop'], operation: ['getShowcase'] } } },
	...getShopInfo.description,
	...getShowcase.description,
];
