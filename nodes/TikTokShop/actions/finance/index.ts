import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as getOrderTransactions from './getOrderTransactions';
import * as getPayments from './getPayments';
import * as getStatements from './getStatements';
import * as getStatementTransactions from './getStatementTransactions';
import * as getUnsettledOrders from './getUnsettledOrders';
import * as getWithdrawals from './getWithdrawals';
import * as reconcileSettlements from './reconcileSettlements';

export { getOrderTransactions, getPayments, getStatements, getStatementTransactions, getUnsettledOrders, getWithdrawals, reconcileSettlements };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['finance'] } },
		options: [
			{ name: 'Get Order Transactions', value: 'getOrderTransactions', description: 'Get the settlement of an order per SKU', action: 'Get order transactions' },
			{ name: 'Get Payments', value: 'getPayments', description: 'Get the payouts to the bank account', action: 'Get payments' },
			{ name: 'Get Statement Transactions', value: 'getStatementTransactions', description: 'Get the order, reserve and adjustment transactions of a statement', action: 'Get statement transactions' },
			{ name: 'Get Statements', value: 'getStatements', description: 'Get the daily statements', action: 'Get statements' },
			{ name: 'Get Unsettled Orders', value: 'getUnsettledOrders', description: 'Get orders not settled yet, with the estimate and the reason', action: 'Get unsettled orders' },
			{ name: 'Get Withdrawals', value: 'getWithdrawals', description: 'Get settlements into and withdrawals from the balance', action: 'Get withdrawals' },
			{
				name: 'Reconcile Settlements',
				value: 'reconcileSettlements',
				description: 'Compare the orders of all input items with what TikTok Shop settled',
				action: 'Reconcile settlements',
			},
		],
		default: 'getStatements',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['finance'] } } },
	...getStatements.description,
	...getPayments.description,
	...getWithdrawals.description,
	...getStatementTransactions.description,
	...getOrderTransactions.description,
	...getUnsettledOrders.description,
	...reconcileSettlements.description,
];
