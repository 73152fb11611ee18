import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { isFirstDelivery } from '../common/dedupe';
import { activationRetryPolicy } from '../common/retry';
import { verifyingCredentials } from '../common/credentialCache';
import { duplicateWindowOption, effectiveMaxAgeSeconds, fetchOrderOption, maxAgeOption } from '../common/triggerOptions';
import { jsonObjectOf, refuse, startRun } from '../common/webhookDelivery';
import { normalizeTikTokShopOrder, orderOutputField } from '../common/normalizedOrder';
import { hmacHexMatches, rawBodyOf } from '../common/signature';
import { orderStatusOptions } from './actions/order/shared';
import { shopLocator } from './actions/common.descriptions';
import { listSearch } from './methods';
import { tikTokShopApiRequest } from './transport';
import { topicOf, topicOptions } from './transport/events';
import { resolveShopCipher } from './transport/shop';

interface Registration {
	address: string;
	event_type: string;
}

async function registrations(this: IHookFunctions, shopCipher: string): Promise<Registration[]> {
	const data = await tikTokShopApiRequest.call(this, 'GET', '/event/202309/webhooks', { shopCipher, retry: activationRetryPolicy });
	return (data.webhooks as Registration[] | undefined) ?? [];
}

async function chosenShop(this: IHookFunctions | IWebhookFunctions): Promise<string> {
	return await resolveShopCipher.call(this, String(this.getNodeParameter('shop', '', { extractValue: true }) ?? ''));
}

/** Clock skew tolerated for timestamps ahead of this server's clock. */
const FUTURE_SKEW_SECONDS = 600;

export class TikTokShopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TikTok Shop Trigger',
		name: 'tikTokShopTrigger',
		icon: { light: 'file:../../icons/tiktokshop.svg', dark: 'file:../../icons/tiktokshop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n's node picker merges this trigger into the "TikTok Shop" entry and shows this description there.
		description: 'Orders, fulfilment, labels, products, stock, prices, returns and promotions of TikTok Shop; the trigger starts a workflow on its webhook events',
		defaults: { name: 'TikTok Shop Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tikTokShopApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'TikTok Shop keeps one address per event type and shop: activating this workflow replaces the address any other workflow or system registered for the same events. The URL must be reachable from the internet (set N8N_WEBHOOK_URL to its public https address).',
				name: 'oneAddressNotice',
				type: 'notice',
				default: '',
			},
			{ ...shopLocator, description: 'Shop whose events start the workflow. Leave empty for the credential\'s default shop.' },
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['ORDER_STATUS_CHANGE'],
				options: topicOptions,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					duplicateWindowOption('notification ID'),
					maxAgeOption,
					fetchOrderOption,
					{ ...orderOutputField, description: 'Format of the fetched order (with Fetch Full Order)' },
					{
						displayName: 'Only Order Statuses',
						name: 'orderStatuses',
						type: 'multiOptions',
						default: [],
						options: orderStatusOptions,
						description: 'For order status changes: start the workflow only for these new statuses (empty = all)',
					},
				],
			},
		],
	};

	methods = { listSearch };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				const events = this.getNodeParameter('events', []) as string[];
				const current = await registrations.call(this, await chosenShop.call(this));
				return events.every((event) => current.some((hook) => hook.event_type === event && hook.address === url));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events', []) as string[];
				const shopCipher = await chosenShop.call(this);
				for (const event of events) {
					await tikTokShopApiRequest.call(this, 'PUT', '/event/202309/webhooks', {
						shopCipher,
						body: { address: url, event_type: event },
						retry: activationRetryPolicy,
					});
				}
				const state = this.getWorkflowStaticData('node');
				state.shopCipher = shopCipher;
				state.events = events;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default');
				const state = this.getWorkflowStaticData('node');
				const shopCipher = (state.shopCipher as string | undefined) ?? (await chosenShop.call(this));
				const events = (state.events as string[] | undefined) ?? (this.getNodeParameter('events', []) as string[]);
				const current = await registrations.call(this, shopCipher);
				for (const event of events) {
					// Another workflow may have taken the event over since; its address is left alone.
					if (!current.some((hook) => hook.event_type === event && hook.address === url)) continue;
					await tikTokShopApiRequest.call(this, 'DELETE', '/event/202309/webhooks', { shopCipher, body: { event_type: event }, retry: activationRetryPolicy });
				}
				delete state.shopCipher;
				delete state.events;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const raw = rawBodyOf(this.getRequestObject()) ?? Buffer.alloc(0);
		const signature = this.getHeaderData().authorization as string | undefined;
		// TikTok signs app_key + raw body with the app secret (reference §7.4).
		const { accepted } = await verifyingCredentials.call(this, 'tikTokShopApi', (credentials) => {
			const appKey = String(credentials.appKey ?? '').trim();
			return appKey !== '' && hmacHexMatches(String(credentials.appSecret ?? '').trim(), Buffer.concat([Buffer.from(appKey), raw]), signature);
		});
		if (!accepted) {
			this.getResponseObject().status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}
		const event = jsonObjectOf(raw);
		if (!event) return refuse.call(this, 400, 'The body is not a JSON object');

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const now = Date.now();
		const timestamp = Number(event.timestamp);
		const maxAgeSeconds = effectiveMaxAgeSeconds(options.maxAgeMinutes, options.dedupeMinutes);
		if (!Number.isFinite(timestamp) || timestamp <= 0) return refuse.call(this, 400, 'The delivery has no timestamp');
		if (now / 1000 - timestamp > maxAgeSeconds || timestamp - now / 1000 > FUTURE_SKEW_SECONDS) {
			return refuse.call(this, 400, `The delivery's timestamp ${timestamp} is outside the accepted ${Math.round(maxAgeSeconds / 60)} minutes (Maximum Age)`);
		}

		const topic = topicOf(event.type);
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(topic)) return {};
		const data = (event.data ?? {}) as IDataObject;
		const statuses = (options.orderStatuses as string[] | undefined) ?? [];
		if (topic === 'ORDER_STATUS_CHANGE' && statuses.length > 0 && !statuses.includes(String(data.order_status))) return {};

		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const notificationId = String(event.tts_notification_id ?? '');
		const windowSeconds = Number(options.dedupeMinutes ?? 1440) * 60;
		if (notificationId && !isFirstDelivery(this.getWorkflowStaticData('node'), scope, notificationId, windowSeconds, now)) {
			return {};
		}

		const item: IDataObject = { topic, ...event, event_time: new Date(timestamp * 1000).toISOString() };
		if (options.fetchOrder && data.order_id) {
			// Answer TikTok first: the order lookup must not delay the acknowledgement.
			this.getResponseObject().status(200).json({ received: true }).end();
			try {
				const detail = await tikTokShopApiRequest.call(this, 'GET', '/order/202309/orders', {
					shopCipher: await chosenShop.call(this),
					query: { ids: String(data.order_id) },
				});
				const order = ((detail.orders as IDataObject[]) ?? [])[0];
				item.order = order && options.orderOutput === 'normalized' ? normalizeTikTokShopOrder(order, event.shop_id === undefined ? null : String(event.shop_id)) : order;
			} catch (error) {
				item.order_error = error instanceof NodeApiError ? error.message : String(error);
			}
			return startRun.call(this, item, true);
		}
		return startRun.call(this, item);
	}
}
