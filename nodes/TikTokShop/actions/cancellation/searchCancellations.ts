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
			{
				displayName: 'Status',
				name: 'cancel_status',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Cancelled by Buyer', value: 'CANCELLATION_REQUEST_CANCEL' },
					{ name: 'Completed', value: 'CANCELLATION_REQUEST_COMPLETE' },
					{ name: 'Pending (Seller to Respond)', value: 'CANCELLATION_REQUEST_PENDING' },
					{ name: 'Successful', value: 'CANCELLATION_REQUEST_SUCCESS' },
				],
			},
			{ displayName: 'Order IDs', name: 'order_ids', type: 'string', default: '' },
			{ displayName: 'Updated After', name: 'update_time_ge', type: 'dateTime', default: '' },
		],
	},
];

export const description = withDisplay({ resource: ['cancellation'], operation: ['searchCancellations'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		return await searchAll.call(this, 'POST', '/return_refund/202309/cancellations/search', 'cancellations', {
			shopCipher: await shop(i),
			body: filterBody(this.getNodeParameter('filters', i, {}) as IDataObject, { update_time_ge: 'Updated After' }, ['order_ids']),
			maxPageSize: 50,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
