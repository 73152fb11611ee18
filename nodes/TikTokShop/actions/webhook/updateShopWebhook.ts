import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { topicOptions } from '../../transport/events';
import type { ShopResolver } from '../types';

export const eventTypeField: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'options',
	default: 'ORDER_STATUS_CHANGE',
	options: topicOptions,
};

const properties: INodeProperties[] = [
	{
		displayName: 'A shop has one address per event type: setting it here replaces the address of any workflow or system that had it.',
		name: 'oneAddressNotice',
		type: 'notice',
		default: '',
	},
	eventTypeField,
	{ displayName: 'Address', name: 'address', type: 'string', default: '', required: true, placeholder: 'https://', description: 'HTTPS URL, at most 255 characters' },
];

export const description = withDisplay({ resource: ['webhook'], operation: ['updateShopWebhook'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const address = String(this.getNodeParameter('address', i)).trim();
		if (!/^https?:\/\//i.test(address) || address.length > 255) {
			throw new NodeOperationError(this.getNode(), '"Address" must be an http(s) URL of at most 255 characters', { itemIndex: i });
		}
		const body = { address, event_type: this.getNodeParameter('eventType', i) as string };
		await tikTokShopApiRequest.call(this, 'PUT', '/event/202309/webhooks', { shopCipher: await shop(i), body, itemIndex: i });
		return { ...body, set: true };
	});
}
