import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderIdOf } from './shared';

const properties: INodeProperties[] = [orderIdField];

export const description = withDisplay({ resource: ['order'], operation: ['requestPickup'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const body = { order_id: Number(orderId), shop_id: Number(await shop(i)) };
		const data = await tokopediaApiRequest.call(this, 'POST', `/inventory/v1/fs/${app}/pick-up`, { body, itemIndex: i });
		return { ...body, ...((data as IDataObject) ?? {}) };
	});
}
