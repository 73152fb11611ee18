import type { INodeProperties } from 'n8n-workflow';

import * as getAuthorizedShops from './getAuthorizedShops';

export { getAuthorizedShops };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shop'] } },
		options: [
			{
				name: 'Get Authorized Shops',
				value: 'getAuthorizedShops',
				description: 'List the shops this credential may act on, with their ciphers',
				action: 'Get authorized shops',
			},
		],
		default: 'getAuthorizedShops',
	},
	...getAuthorizedShops.description,
];
