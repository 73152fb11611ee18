import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['logistics'], operation: ['getWarehouseList'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const data = await tikTokShopApiRequest.call(this, 'GET', '/logistics/202309/warehouses', {
			shopCipher: await shop(i),
			itemIndex: i,
		});
		return (data.warehouses as IDataObject[]) ?? [];
	});
}
