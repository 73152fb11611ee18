import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { cannotReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { toUnixSeconds } from '../order/shared';
import type { ShopResolver } from '../types';
import { activityTypeOptions } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: 'Unique among your activities, at most 50 characters' },
	{ displayName: 'Activity Type', name: 'activityType', type: 'options', default: 'DIRECT_DISCOUNT', options: activityTypeOptions },
	{ displayName: 'Begin Time', name: 'beginTime', type: 'dateTime', default: '', required: true, description: 'Must be in the future' },
	{ displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', required: true },
	{
		displayName: 'Product Level',
		name: 'productLevel',
		type: 'options',
		default: 'PRODUCT',
		options: [
			{ name: 'Product (All SKUs of a Product)', value: 'PRODUCT' },
			{ name: 'Variation (Chosen SKUs)', value: 'VARIATION' },
		],
	},
];

export const description = withDisplay({ resource: ['promotion'], operation: ['createActivity'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const title = String(this.getNodeParameter('title', i)).trim();
		if (!title || title.length > 50) throw new NodeOperationError(this.getNode(), '"Title" must have 1 to 50 characters', { itemIndex: i });
		const begin = toUnixSeconds(this.getNodeParameter('beginTime', i), 'Begin Time');
		const end = toUnixSeconds(this.getNodeParameter('endTime', i), 'End Time');
		if (end <= begin) throw new NodeOperationError(this.getNode(), '"End Time" must be after "Begin Time"', { itemIndex: i });
		const body = {
			title,
			activity_type: this.getNodeParameter('activityType', i) as string,
			begin_time: begin,
			end_time: end,
			product_level: this.getNodeParameter('productLevel', i) as string,
		};
		const shopCipher = await shop(i);
		const { data } = await writeOnce(this.getNode(), {
			what: `Create Activity "${String(body.title)}"`,
			check: 'the promotions list in TikTok Shop Seller Center',
			send: async () => await tikTokShopApiRequest.call(this, 'POST', '/promotion/202309/activities', { shopCipher, body, itemIndex: i, sendOnce: true }),
			readBack: cannotReadBack('a new activity'),
		}, i);
		return { ...body, ...data };
	});
}
