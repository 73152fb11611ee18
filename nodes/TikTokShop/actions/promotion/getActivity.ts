import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { activityIdField, activityPath } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [activityIdField];

export const description = withDisplay({ resource: ['promotion'], operation: ['getActivity'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) =>
		await tikTokShopApiRequest.call(this, 'GET', activityPath(requiredId(this.getNodeParameter('activityId', i), 'Activity ID')), { shopCipher: await shop(i), itemIndex: i }),
	);
}
