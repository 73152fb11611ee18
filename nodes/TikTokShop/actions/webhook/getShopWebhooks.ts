import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['webhook'], operation: ['getShopWebhooks'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const data = await tikTokShopApiRequest.call(this, 'GET', '/event/202309/webhooks', { shopCipher: await shop(i), itemIndex: i });
		return (data.webhooks as IDataObject[]) ?? [];
	});
}
