import type { INodeProperties } from 'n8n-workflow';

import * as getSellerPermissions from './getSellerPermissions';

export { getSellerPermissions };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['seller'] } },
		options: [{ name: 'Get Permissions', value: 'getSellerPermissions', description: 'Which API scopes the app has for this seller', action: 'Get seller permissions' }],
		default: 'getSellerPermissions',
	},
	...getSellerPermissions.description,
];
