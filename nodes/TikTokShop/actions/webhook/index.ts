import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as deleteShopWebhook from './deleteShopWebhook';
import * as getShopWebhooks from './getShopWebhooks';
import * as updateShopWebhook from './updateShopWebhook';

export { deleteShopWebhook, getShopWebhooks, updateShopWebhook };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Delete', value: 'deleteShopWebhook', description: 'Remove the address of an event type', action: 'Delete a webhook subscription' },
			{ name: 'Get Many', value: 'getShopWebhooks', description: 'List the shop\'s webhook subscriptions', action: 'Get many webhook subscriptions' },
			{ name: 'Set', value: 'updateShopWebhook', description: 'Set the address of an event type', action: 'Set a webhook subscription' },
		],
		default: 'getShopWebhooks',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['webhook'] } } },
	...getShopWebhooks.description,
	...updateShopWebhook.description,
	...deleteShopWebhook.description,
];
