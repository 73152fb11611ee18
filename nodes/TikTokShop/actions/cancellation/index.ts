import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as approveCancellation from './approveCancellation';
import * as rejectCancellation from './rejectCancellation';
import * as searchCancellations from './searchCancellations';

export { approveCancellation, rejectCancellation, searchCancellations };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cancellation'] } },
		options: [
			{ name: 'Approve', value: 'approveCancellation', description: 'Approve a buyer\'s cancellation request', action: 'Approve a cancellation' },
			{ name: 'Get Many', value: 'searchCancellations', description: 'Search cancellations', action: 'Get many cancellations' },
			{ name: 'Reject', value: 'rejectCancellation', description: 'Reject a buyer\'s cancellation request', action: 'Reject a cancellation' },
		],
		default: 'searchCancellations',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['cancellation'] } } },
	...searchCancellations.description,
	...approveCancellation.description,
	...rejectCancellation.description,
];
