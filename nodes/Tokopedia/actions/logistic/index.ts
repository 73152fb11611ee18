import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as getActiveCourier from './getActiveCourier';
import * as getShipmentInfo from './getShipmentInfo';

export { getActiveCourier, getShipmentInfo };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['logistic'] } },
		options: [
			{ name: 'Get Active Couriers', value: 'getActiveCourier', description: 'Courier services the shop has switched on', action: 'Get active couriers' },
			{ name: 'Get Couriers', value: 'getShipmentInfo', description: 'Every courier and service Tokopedia offers the shop', action: 'Get couriers' },
		],
		default: 'getActiveCourier',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['logistic'] } } },
	...getShipmentInfo.description,
	...getActiveCourier.description,
];
