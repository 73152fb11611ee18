import type { INodeProperties } from 'n8n-workflow';

export const activityIdField: INodeProperties = {
	displayName: 'Activity ID',
	name: 'activityId',
	type: 'string',
	default: '={{ $json.activity_id }}',
	required: true,
};

export const activityTypeOptions = [
	{ name: 'Direct Discount (Percentage Off)', value: 'DIRECT_DISCOUNT' },
	{ name: 'Fixed Price', value: 'FIXED_PRICE' },
	{ name: 'Flash Sale', value: 'FLASHSALE' },
];

export const activityPath = (id: string) => `/promotion/202309/activities/${encodeURIComponent(id.trim())}`;
