import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { toUnixSeconds } from '../order/shared';
import type { ShopResolver } from '../types';
import { activityIdField, activityPath } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	activityIdField,
	{
		displayName: 'Update Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Begin Time', name: 'begin_time', type: 'dateTime', default: '' },
			{ displayName: 'End Time', name: 'end_time', type: 'dateTime', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
];

export const description = withDisplay({ resource: ['promotion'], operation: ['updateActivity'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const activityId = requiredId(this.getNodeParameter('activityId', i), 'Activity ID');
		const fields = this.getNodeParameter('fields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.title) body.title = fields.title;
		if (fields.begin_time) body.begin_time = toUnixSeconds(fields.begin_time, 'Begin Time');
		if (fields.end_time) body.end_time = toUnixSeconds(fields.end_time, 'End Time');
		if (Object.keys(body).length === 0) throw new NodeOperationError(this.getNode(), 'Add at least one field under "Update Fields"', { itemIndex: i });
		const data = await tikTokShopApiRequest.call(this, 'PUT', activityPath(activityId), { shopCipher: await shop(i), body, itemIndex: i });
		return { activity_id: activityId, ...body, ...data };
	});
}
