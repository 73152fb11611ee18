import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { activityIdField, activityPath } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [activityIdField];

export const description = withDisplay({ resource: ['promotion'], operation: ['deactivateActivity'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const activityId = requiredId(this.getNodeParameter('activityId', i), 'Activity ID');
		const data = await tikTokShopApiRequest.call(this, 'POST', `${activityPath(activityId)}/deactivate`, { shopCipher: await shop(i), itemIndex: i });
		return { activity_id: activityId, deactivated: true, ...data };
	});
}
