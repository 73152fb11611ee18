import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as acceptOrder from './acceptOrder';
import * as confirmShipping from './confirmShipping';
import * as getAllOrders from './getAllOrders';
import * as getShippingLabel from './getShippingLabel';
import * as getSingleOrder from './getSingleOrder';
import * as rejectCancellationRequest from './rejectCancellationRequest';
import * as rejectOrder from './rejectOrder';
import * as requestPartialFulfillment from './requestPartialFulfillment';
import * as requestPickup from './requestPickup';

export {
	acceptOrder,
	confirmShipping,
	getAllOrders,
	getShippingLabel,
	getSingleOrder,
	rejectCancellationRequest,
	rejectOrder,
	requestPartialFulfillment,
	requestPickup,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Acknowledge', value: 'acceptOrder', description: 'Accept a new order, fully or partially', action: 'Acknowledge an order' },
			{ name: 'Confirm Shipping', value: 'confirmShipping', description: 'Confirm shipment with the AWB', action: 'Confirm shipping of an order' },
			{ name: 'Get', value: 'getSingleOrder', description: 'Get an order by ID or invoice number', action: 'Get an order' },
			{ name: 'Get Many', value: 'getAllOrders', description: 'Get orders created in a date range', action: 'Get many orders' },
			{ name: 'Get Shipping Label', value: 'getShippingLabel', description: 'Download the printable label (HTML)', action: 'Get the shipping label of an order' },
			{ name: 'Reject', value: 'rejectOrder', description: 'Reject a new order with a reason', action: 'Reject an order' },
			{
				name: 'Reject Cancellation Request',
				value: 'rejectCancellationRequest',
				description: 'Refuse the buyer\'s request to cancel',
				action: 'Reject a cancellation request',
			},
			{
				name: 'Request Partial Fulfillment',
				value: 'requestPartialFulfillment',
				description: 'Ask the buyer to accept a partial delivery',
				action: 'Request partial fulfillment of an order',
			},
			{ name: 'Request Pickup', value: 'requestPickup', description: 'Ask the courier to collect the parcel', action: 'Request pickup of an order' },
		],
		default: 'getAllOrders',
	},
	{
		...shopLocator,
		displayOptions: { show: { resource: ['order'], operation: ['requestPickup', 'rejectCancellationRequest'] } },
	},
	...getAllOrders.description,
	...getSingleOrder.description,
	...acceptOrder.description,
	...rejectOrder.description,
	...confirmShipping.description,
	...requestPickup.description,
	...getShippingLabel.description,
	...rejectCancellationRequest.description,
	...requestPartialFulfillment.description,
];
