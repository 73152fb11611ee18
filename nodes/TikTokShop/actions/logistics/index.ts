import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as getShippingProviders from './getShippingProviders';
import * as getWarehouseDeliveryOptions from './getWarehouseDeliveryOptions';
import * as getWarehouseList from './getWarehouseList';

export { getShippingProviders, getWarehouseDeliveryOptions, getWarehouseList };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['logistics'] } },
		options: [
			{
				name: 'Get Delivery Options',
				value: 'getWarehouseDeliveryOptions',
				description: 'List the delivery options of a warehouse',
				action: 'Get delivery options of a warehouse',
			},
			{
				name: 'Get Shipping Providers',
				value: 'getShippingProviders',
				description: 'List the carriers of a delivery option',
				action: 'Get shipping providers of a delivery option',
			},
			{
				name: 'Get Warehouses',
				value: 'getWarehouseList',
				description: 'List the shop\'s warehouses',
				action: 'Get warehouses',
			},
		],
		default: 'getWarehouseList',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['logistics'] } } },
	...getWarehouseList.description,
	...getWarehouseDeliveryOptions.description,
	...getShippingProviders.description,
];
