import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as cancelOrder from './cancelOrder';
import * as getOrderDetail from './getOrderDetail';
import * as getOrderList from './getOrderList';

export { cancelOrder, getOrderDetail, getOrderList };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Cancel', value: 'cancelOrder', description: 'Cancel an order as the seller', action: 'Cancel an order' },
			{ name: 'Get', value: 'getOrderDetail', description: 'Get one or more orders by ID', action: 'Get orders by ID' },
			{ name: 'Get Many', value: 'getOrderList', description: 'Search orders with filters', action: 'Get many orders' },
		],
		default: 'getOrderList',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['order'] } } },
	...getOrderList.description,
	...getOrderDetail.description,
	...cancelOrder.description,
];
