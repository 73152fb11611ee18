import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tokopediaCredentials } from '../../transport';
import type { WebhookUrlField } from '../../transport/webhooks';
import { replaceSecretField, updateWebhookRegistration, withoutSecret } from '../../transport/webhooks';
import type { ShopResolver } from '../types';

const urlOptions: Array<{ name: WebhookUrlField; displayName: string }> = [
	{ name: 'campaign_notification_url', displayName: 'Campaign Notification (Slash Price, Flash Sale) URL' },
	{ name: 'chat_notification_url', displayName: 'Chat Notification URL' },
	{ name: 'order_actions_url', displayName: 'Order Actions URL' },
	{ name: 'order_confirm_delivery_notification_url', displayName: 'Order Confirm Delivery Notification URL' },
	{ name: 'order_partial_fulfillment_url', displayName: 'Order Partial Fulfillment URL' },
	{ name: 'product_discussion_url', displayName: 'Product Discussion URL' },
	{ name: 'product_edit_url', displayName: 'Product Edit URL' },
	{ name: 'order_cancellation_url', displayName: 'Order Cancellation URL' },
	{ name: 'order_notification_url', displayName: 'Order Notification (New Order) URL' },
	{ name: 'order_request_cancellation_url', displayName: 'Order Request Cancellation URL' },
	{ name: 'order_status_url', displayName: 'Order Status URL' },
	{ name: 'product_changes_url', displayName: 'Product Changes URL' },
	{ name: 'product_creation_url', displayName: 'Product Creation URL' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'One App ID has one URL per event type: registering here replaces the URL any other workflow or system set for the same event.',
		name: 'oneUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'collection',
		placeholder: 'Add URL',
		default: {},
		options: urlOptions.map(({ name, displayName }) => ({ displayName, name, type: 'string' as const, default: '', placeholder: 'https://' })),
	},
	{
		displayName: 'Keep Other Registered URLs',
		name: 'keepOthers',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the URLs of events not set above. Tokopedia replaces the whole registration on every call; off clears them.',
	},
	replaceSecretField,
	{
		displayName: 'Webhook Secret',
		name: 'secretSource',
		type: 'options',
		default: 'credential',
		options: [
			{ name: 'From Credential', value: 'credential' },
			{ name: 'Custom', value: 'custom' },
		],
		description: 'The secret registered when none is registered yet for the App ID, or when replacing it',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { secretSource: ['custom'] } },
	},
];

export const description = withDisplay({ resource: ['webhook'], operation: ['registerWebhook'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], _shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const urls = this.getNodeParameter('urls', i, {}) as IDataObject;
		const changes: Partial<Record<WebhookUrlField, string>> = {};
		for (const [field, value] of Object.entries(urls)) {
			const url = String(value ?? '').trim();
			if (url && !/^https?:\/\//i.test(url)) {
				throw new NodeOperationError(this.getNode(), `"${field}" must be an http(s) URL, got "${url}"`, { itemIndex: i });
			}
			changes[field as WebhookUrlField] = url;
		}
		const secret =
			this.getNodeParameter('secretSource', i) === 'custom'
				? String(this.getNodeParameter('secret', i, ''))
				: String((await tokopediaCredentials.call(this)).webhookSecret ?? '');
		if (!secret) {
			throw new NodeOperationError(this.getNode(), 'Set a webhook secret: in the credential ("Webhook Secret") or as "Custom"', {
				itemIndex: i,
				description: 'Tokopedia signs every webhook with it; without it deliveries cannot be verified.',
			});
		}
		const replace = this.getNodeParameter('replaceSecret', i, false) as boolean;
		const registration = await updateWebhookRegistration.call(this, changes, { secret, replace }, this.getNodeParameter('keepOthers', i) as boolean);
		return withoutSecret(registration);
	});
}
