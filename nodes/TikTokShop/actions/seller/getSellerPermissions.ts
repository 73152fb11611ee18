import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = withDisplay({ resource: ['seller'], operation: ['getSellerPermissions'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	// /seller/* refuses shop_cipher (reference §2.3).
	return await forEachItem.call(this, items.slice(0, 1), async (i) => await tikTokShopApiRequest.call(this, 'GET', '/seller/202309/permissions', { itemIndex: i }));
}
