import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { eventTypeField } from './updateShopWebhook';

const properties: INodeProperties[] = [eventTypeField];

export const description = withDisplay({ resource: ['webhook'], operation: ['deleteShopWebhook'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const body = { event_type: this.getNodeParameter('eventType', i) as string };
		await tikTokShopApiRequest.call(this, 'DELETE', '/event/202309/webhooks', { shopCipher: await shop(i), body, itemIndex: i });
		return { ...body, deleted: true };
	});
}
