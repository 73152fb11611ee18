import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { limitOf } from '../search';
import type { ShopResolver } from '../types';
import { activityTypeOptions } from './shared';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Activity Type', name: 'activity_type', type: 'options', default: 'FLASHSALE', options: activityTypeOptions },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'ONGOING',
				options: [
					{ name: 'Deactivated', value: 'DEACTIVATED' },
					{ name: 'Draft', value: 'DRAFT' },
					{ name: 'Expired', value: 'EXPIRED' },
					{ name: 'Not Started', value: 'NOT_START' },
					{ name: 'Ongoing', value: 'ONGOING' },
				],
			},
			{ displayName: 'Title', name: 'activity_title', type: 'string', default: '' },
		],
	},
];

export const description = withDisplay({ resource: ['promotion'], operation: ['searchActivities'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		// This search takes its paging in the body.
		const body = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
		return await searchAll.call(this, 'POST', '/promotion/202309/activities/search', 'activities', {
			shopCipher: await shop(i),
			body,
			maxPageSize: 100,
			limit: limitOf.call(this, i),
			itemIndex: i,
		});
	});
}
