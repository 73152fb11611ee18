import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['logistic'], operation: ['getShipmentInfo'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const data = await tokopediaApiRequest.call(this, 'GET', `/v2/logistic/fs/${app}/info`, { query: { shop_id: await shop(i) }, itemIndex: i });
		return (Array.isArray(data) ? data : []) as IDataObject[];
	});
}
