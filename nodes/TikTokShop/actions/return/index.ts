import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as approveReturn from './approveReturn';
import * as rejectReturn from './rejectReturn';
import * as searchReturns from './searchReturns';

export { approveReturn, rejectReturn, searchReturns };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['return'] } },
		options: [
			{ name: 'Approve', value: 'approveReturn', description: 'Approve a return or refund request', action: 'Approve a return' },
			{ name: 'Get Many', value: 'searchReturns', description: 'Search returns and refunds', action: 'Get many returns' },
			{ name: 'Reject', value: 'rejectReturn', description: 'Reject a return or refund request', action: 'Reject a return' },
		],
		default: 'searchReturns',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['return'] } } },
	...searchReturns.description,
	...approveReturn.description,
	...rejectReturn.description,
];
