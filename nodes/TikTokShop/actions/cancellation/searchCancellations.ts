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
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const body: IDataObject = {};
		if ((filters.cancel_status as string[] | undefined)?.length) body.cancel_status = filters.cancel_status;
		if (filters.order_ids) body.order_ids = parseIdList(filters.order_ids);
		if (filters.update_time_ge) body.update_time_ge = toUnixSeconds(filters.update_time_ge, 'Filters → Updated After');
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		return await searchAll.call(this, 'POST', '/return_refund/202309/cancellations/search', 'cancellations', {
			shopCipher: await shop(i),
			body,
			maxPageSize: 50,
			limit: returnAll ? Infinity : (this.getNodeParameter('limit', i) as number),
			itemIndex: i,
		});
	});
}
