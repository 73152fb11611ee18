import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [orderIdField];

export const description = withDisplay({ resource: ['package'], operation: ['getTracking'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const orderId = requiredId(this.getNodeParameter('orderId', i), 'Order ID');
		const data = await tikTokShopApiRequest.call(
			this,
			'GET',
			`/fulfillment/202309/orders/${encodeURIComponent(orderId)}/tracking`,
			{ shopCipher: await shop(i), itemIndex: i },
		);
		const events = ((data.tracking as IDataObject[]) ?? []).map((event) => ({
			...event,
			// update_time_millis is in milliseconds (reference §5.2); an ISO copy saves a Date node.
			update_time: new Date(Number(event.update_time_millis)).toISOString(),
		}));
		return { order_id: orderId, tracking: events };
	});
}
