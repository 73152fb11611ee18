import type { INodeProperties } from 'n8n-workflow';

import * as getRegisteredWebhook from './getRegisteredWebhook';
import * as registerWebhook from './registerWebhook';

export { getRegisteredWebhook, registerWebhook };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Get Registered', value: 'getRegisteredWebhook', description: 'Get the registered webhook URLs (the secret is never shown)', action: 'Get registered webhooks' },
			{ name: 'Register', value: 'registerWebhook', description: 'Set webhook URLs and the secret', action: 'Register webhooks' },
		],
		default: 'getRegisteredWebhook',
	},
	...registerWebhook.description,
	...getRegisteredWebhook.description,
];
