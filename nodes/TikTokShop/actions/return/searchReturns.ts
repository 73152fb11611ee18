import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { toUnixSeconds } from '../order/shared';
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
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const body: IDataObject = {};
		if ((filters.return_status as string[] | undefined)?.length) body.return_status = filters.return_status;
		if (filters.order_ids) body.order_ids = parseIdList(filters.order_ids);
		if (filters.update_time_ge) body.update_time_ge = toUnixSeconds(filters.update_time_ge, 'Filters → Updated After');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		return await searchAll.call(this, 'POST', '/return_refund/202309/returns/search', 'return_orders', {
			shopCipher: await shop(i),
			body,
			maxPageSize: 50,
			limit: returnAll ? Infinity : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
	});
}
