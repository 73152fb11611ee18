import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Shop ID',
		name: 'shopId',
		type: 'string',
		default: '',
		description: 'Leave empty to list every shop linked to the app',
	},
];

export const description = withDisplay({ resource: ['shop'], operation: ['getShopInfo'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const shopId = String(this.getNodeParameter('shopId', i, '')).trim();
		const data = await tokopediaApiRequest.call(this, 'GET', `/v1/shop/fs/${app}/shop-info`, {
			query: shopId ? { shop_id: shopId } : undefined,
			itemIndex: i,
		});
		return (Array.isArray(data) ? data : [data ?? {}]) as IDataObject[];
	});
}
