import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderIdOf } from './shared';

const properties: INodeProperties[] = [orderIdField];

export const description = withDisplay({ resource: ['order'], operation: ['rejectCancellationRequest'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const data = await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/reject-cancel`, {
			query: { shop_id: await shop(i) },
			itemIndex: i,
		});
		return { order_id: Number(orderId), cancellation_request_rejected: true, ...((data as IDataObject) ?? {}) };
	});
}
