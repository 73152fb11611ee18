import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, statusReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderIdOf, readOrder } from './shared';

const properties: INodeProperties[] = [orderIdField];

export const description = withDisplay({ resource: ['order'], operation: ['rejectCancellationRequest'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const shopId = await shop(i);
		const outcome = await writeOnce(this.getNode(), {
			what: `Reject Cancellation Request of order ${orderId}`,
			check: `the buyer's cancellation request of order ${orderId} in Tokopedia Seller Center`,
			send: async () =>
				((await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/reject-cancel`, {
					query: { shop_id: shopId },
					itemIndex: i,
					sendOnce: true,
				})) as IDataObject) ?? {},
			// cancel_request_info.status: 1 = pending, 2 = rejected by the seller.
			readBack: async () =>
				statusReadBack(
					((await readOrder.call(this, app, orderId, i)).cancel_request_info as IDataObject | null)?.status,
					(status) => status === 2,
					(status) => status === 1,
					'cancellation request status',
				),
		}, i);
		return { order_id: Number(orderId), cancellation_request_rejected: true, ...outcome.data, ...recoveredMark(outcome) };
	});
}
