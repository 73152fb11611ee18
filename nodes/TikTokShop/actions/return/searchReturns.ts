import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf } from '../search';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Order IDs', name: 'order_ids', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'return_status',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Awaiting Buyer Response', value: 'AWAITING_BUYER_RESPONSE' },
					{ name: 'Awaiting Buyer Shipment', value: 'AWAITING_BUYER_SHIP' },
					{ name: 'Buyer Shipped Item', value: 'BUYER_SHIPPED_ITEM' },
					{ name: 'Cancelled', value: 'RETURN_OR_REFUND_REQUEST_CANCEL' },
					{ name: 'Completed', value: 'RETURN_OR_REFUND_REQUEST_COMPLETE' },
					{ name: 'Pending (Seller to Respond)', value: 'RETURN_OR_REFUND_REQUEST_PENDING' },
					{ name: 'Rejected', value: 'REFUND_OR_RETURN_REQUEST_REJECT' },
					{ name: 'Rejected Receiving Package', value: 'REJECT_RECEIVE_PACKAGE' },
					{ name: 'Successful', value: 'RETURN_OR_REFUND_REQUEST_SUCCESS' },
				],
			},
			{ displayName: 'Updated After', name: 'update_time_ge', type: 'dateTime', default: '' },
		],
	},
];

export const description = withDisplay({ resource: ['return'], operation: ['searchReturns'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		return await searchAll.call(this, 'POST', '/return_refund/202309/returns/search', 'return_orders', {
			shopCipher: await shop(i),
			body: filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, { update_time_ge: 'Updated After' }, ['order_ids']),
			maxPageSize: 50,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
