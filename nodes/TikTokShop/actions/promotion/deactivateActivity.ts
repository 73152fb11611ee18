import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
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
		const shopCipher = await shop(i);
		const outcome = await writeOnce(this.getNode(), {
			what: `Deactivate Activity ${activityId}`,
			check: `activity ${activityId} in TikTok Shop Seller Center`,
			send: async () =>
				await tikTokShopApiRequest.call(this, 'POST', `${activityPath(activityId)}/deactivate`, { shopCipher, itemIndex: i, sendOnce: true }),
			readBack: async () => {
				const activity = await tikTokShopApiRequest.call(this, 'GET', activityPath(activityId), { shopCipher, itemIndex: i });
				const status = String(activity.status ?? '');
				if (status === 'DEACTIVATED') return { applied: true, data: { status } };
				return ['NOT_START', 'ONGOING', 'DRAFT'].includes(status) ? { applied: false } : { applied: 'unknown', why: `the activity is ${status || 'not readable'}` };
			},
		}, i);
		return { activity_id: activityId, deactivated: true, ...outcome.data, ...recoveredMark(outcome) };
	});
}
