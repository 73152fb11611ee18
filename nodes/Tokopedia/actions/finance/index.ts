import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as exportSaldoHistory from './exportSaldoHistory';
import * as getSaldoHistory from './getSaldoHistory';
import * as reconcileSettlements from './reconcileSettlements';

export { exportSaldoHistory, getSaldoHistory, reconcileSettlements };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['finance'] } },
		options: [
			{ name: 'Export Saldo History', value: 'exportSaldoHistory', description: 'Export the balance history asynchronously (v2) and wait until it is ready', action: 'Export saldo history' },
			{ name: 'Get Saldo History', value: 'getSaldoHistory', description: 'Get the balance history (income, refunds, withdrawals) of any date range', action: 'Get saldo history' },
			{ name: 'Reconcile Settlements', value: 'reconcileSettlements', description: 'Compare the orders of all input items with what Tokopedia paid into the balance', action: 'Reconcile settlements' },
		],
		default: 'getSaldoHistory',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['finance'] } } },
	...getSaldoHistory.description,
	...exportSaldoHistory.description,
	...reconcileSettlements.description,
];
