import { createHash } from 'node:crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isFirstDelivery } from '../common/dedupe';
import { activationRetryPolicy } from '../common/retry';
import { verifyingCredentials } from '../common/credentialCache';
import { duplicateWindowOption, fetchOrderOption } from '../common/triggerOptions';
import { jsonObjectOf, refuse, startRun } from '../common/webhookDelivery';
import { normalizeTokopediaOrder, orderOutputField } from '../common/normalizedOrder';
import { hmacHexMatches, rawBodyOf } from '../common/signature';
import { decryptOrder, verifyTkpdSignature } from './transport/pii';
import { orderStatusOptions } from './actions/order/shared';
import { CREDENTIAL_TYPE, fsId, pick, tokopediaApiRequest, tokopediaCredentials } from './transport';
import type { WebhookUrlField } from './transport/webhooks';
import { getWebhookRegistration, replaceSecretField, updateWebhookRegistration } from './transport/webhooks';

const EVENTS: Array<{ value: string; name: string; field: WebhookUrlField }> = [
	{ value: 'order_notification', name: 'New Order', field: 'order_notification_url' },
	{ value: 'order_status', name: 'Order Status Changed', field: 'order_status_url' },
	{ value: 'order_cancellation', name: 'Order Cancelled', field: 'order_cancellation_url' },
	{ value: 'order_request_cancellation', name: 'Buyer Requested Cancellation', field: 'order_request_cancellation_url' },
	{ value: 'product_changes', name: 'Product Changed (Stock, Price, Status)', field: 'product_changes_url' },
	{ value: 'product_creation', name: 'Product Created or Edited', field: 'product_creation_url' },
	{ value: 'chat_notification', name: 'New Chat Message', field: 'chat_notification_url' },
	{ value: 'campaign_notification', name: 'Campaign Started or Ended (Slash Price, Flash Sale)', field: 'campaign_notification_url' },
];

/**
 * The URL registered for one event. Order status and cancellation payloads have the same shape,
 * so the event is carried in the URL's query instead of being guessed from the body.
 */
function eventUrl(this: IHookFunctions, event: string): string {
	return `${this.getNodeWebhookUrl('default') as string}?event=${event}`;
}

function selectedEvents(this: IHookFunctions): typeof EVENTS {
	const chosen = this.getNodeParameter('events', []) as string[];
	return EVENTS.filter((event) => chosen.includes(event.value));
}

/** Signature headers (reference §4.1): Authorization-Hmac, or `Authorization: TKPD Tokopedia:<hmac>` in older docs. */
function presentedSignature(headers: IDataObject): string | undefined {
	const hmac = headers['authorization-hmac'];
	if (typeof hmac === 'string' && hmac) return hmac;
	const match = /^TKPD\s+Tokopedia:(.+)$/i.exec(String(headers.authorization ?? '').trim());
	return match?.[1];
}

/** Statuses Tokopedia reports on the cancellation URL (reference §6.1: cancelled, rejected, invalid). */
const CANCELLED_STATUSES = new Set([0, 2, 3, 4, 5, 6, 10, 15, 699]);

/**
 * The event a signed body can be, from its shape (reference §4.4–4.7). Order status and
 * cancellation share one shape; a cancellation is a status change to a cancelled status.
 */
function eventsOfBody(body: IDataObject): string[] {
	if (Array.isArray(body.product_changes_data)) return ['product_changes'];
	if (body.upload_id !== undefined || body.success_rows_data !== undefined) return ['product_creation'];
	if (body.msg_id !== undefined) return ['chat_notification'];
	if (typeof body.action === 'string' && /^(slash_price|flash_sale)_/.test(body.action)) return ['campaign_notification'];
	if (body.order_id === undefined) return [];
	if (body.products !== undefined || body.recipient !== undefined || body.customer !== undefined) return ['order_notification'];
	if (body.order_status === undefined) return ['order_request_cancellation'];
	return CANCELLED_STATUSES.has(Number(body.order_status)) ? ['order_status', 'order_cancellation'] : ['order_status'];
}

/**
 * What makes a delivery the same delivery again, from the signed body only (the URL's query is not
 * signed): order id + status + its own time, or a digest of the body.
 */
function deliveryKey(body: IDataObject, raw: Buffer): string {
	const orderId = body.order_id;
	if (orderId !== undefined && body.product_changes_data === undefined) {
		const time = body.update_time ?? body.create_time ?? body.timestamp ?? '';
		const kind = body.products !== undefined ? 'new' : body.order_status === undefined ? 'request' : 'status';
		return `${kind}:${String(orderId)}:${String(body.order_status ?? '')}:${String(time)}`;
	}
	return createHash('sha256').update(raw).digest('base64url').slice(0, 24);
}

/** With Tokopedia's public key in the credential, a delivery must also carry a valid TKPD-Signature (reference §4.2). */
function tkpdSignatureAccepted(credentials: IDataObject, raw: Buffer, signature: string): boolean {
	const publicKey = String(credentials.tokopediaPublicKey ?? '').trim();
	if (!publicKey) return true;
	if (!signature) return false;
	try {
		return verifyTkpdSignature(publicKey, raw, signature);
	} catch {
		// an unreadable key refuses every delivery rather than accept unverified ones
		return false;
	}
}

export class TokopediaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tokopedia Trigger',
		name: 'tokopediaTrigger',
		icon: { light: 'file:../../icons/tokopedia.svg', dark: 'file:../../icons/tokopedia.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n's node picker merges this trigger into the "Tokopedia" entry and shows this description there.
		description: 'Orders, shipping, products and stock of Tokopedia shops on the Tokopedia Seller API; the trigger starts a workflow on its webhooks (new order, status change, cancellation, product, chat)',
		defaults: { name: 'Tokopedia Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tokopediaApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Tokopedia keeps ONE URL per event type for the whole App ID (fs_id): activating this workflow replaces the URL any other workflow or system registered for the same events. The URL must be reachable from the internet (set N8N_WEBHOOK_URL to its public https address).',
				name: 'oneUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['order_notification'],
				options: EVENTS.map(({ name, value }) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					duplicateWindowOption('order, status and time'),
					replaceSecretField,
					fetchOrderOption,
					{ ...orderOutputField, description: 'Format of orders: the new-order payload and the fetched order (with Fetch Full Order)' },
					{
						displayName: 'Only Order Statuses',
						name: 'orderStatuses',
						type: 'multiOptions',
						default: [],
						options: orderStatusOptions,
						description: 'Start the workflow only for orders in these statuses (empty = all)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const current = await getWebhookRegistration.call(this, activationRetryPolicy);
				return selectedEvents.call(this).every((event) => current[event.field] === eventUrl.call(this, event.value));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const secret = String((await tokopediaCredentials.call(this)).webhookSecret ?? '');
				if (!secret) {
					throw new NodeOperationError(this.getNode(), 'Set "Webhook Secret" in the Tokopedia credential', {
						description: 'Tokopedia signs every delivery with it; without it deliveries cannot be verified and would be refused.',
					});
				}
				const replace = Boolean((this.getNodeParameter('options', {}) as IDataObject).replaceSecret);
				const registered = String((await getWebhookRegistration.call(this, activationRetryPolicy)).webhook_secret ?? '');
				if (registered && registered !== secret && !replace) {
					throw new NodeOperationError(this.getNode(), 'The App ID already has a different webhook secret registered', {
						description:
							'Tokopedia signs deliveries with the registered secret, so this trigger would refuse them. Put the registered secret in the credential\'s "Webhook Secret", or turn on "Replace Registered Secret" (systems verifying with the old secret then reject deliveries).',
					});
				}
				const changes: Partial<Record<WebhookUrlField, string>> = {};
				for (const event of selectedEvents.call(this)) changes[event.field] = eventUrl.call(this, event.value);
				// Registration replaces every URL of the App ID: read it and change only this node's fields.
				await updateWebhookRegistration.call(this, changes, { secret, replace }, true, activationRetryPolicy);
				this.getWorkflowStaticData('node').fields = Object.keys(changes);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const current = await getWebhookRegistration.call(this, activationRetryPolicy);
				const secret = String((await tokopediaCredentials.call(this)).webhookSecret ?? current.webhook_secret ?? '');
				const changes: Partial<Record<WebhookUrlField, string>> = {};
				for (const event of EVENTS) {
					// Clear only the fields that still point at this node.
					if (current[event.field] === eventUrl.call(this, event.value)) changes[event.field] = '';
				}
				if (Object.keys(changes).length > 0) await updateWebhookRegistration.call(this, changes, { secret, replace: false }, true, activationRetryPolicy);
				delete this.getWorkflowStaticData('node').fields;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const raw = rawBodyOf(this.getRequestObject()) ?? Buffer.alloc(0);
		const headers = this.getHeaderData() as IDataObject;
		const signature = presentedSignature(headers);
		const rsaSignature = String(headers['tkpd-signature'] ?? '');
		const { accepted, credentials } = await verifyingCredentials.call(
			this,
			CREDENTIAL_TYPE,
			(candidate) => hmacHexMatches(String(candidate.webhookSecret ?? ''), raw, signature) && tkpdSignatureAccepted(candidate, raw, rsaSignature),
		);
		if (!accepted) {
			this.getResponseObject().status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}
		const body = jsonObjectOf(raw);
		if (!body) return refuse.call(this, 400, 'The body is not a JSON object');
		const event = String((this.getQueryData() as IDataObject).event ?? '');
		// The query only says which registered URL was called; the signed body must be that event.
		if (!eventsOfBody(body).includes(event)) {
			return refuse.call(this, 400, `The signed body is not a "${event}" notification`);
		}
		const chosen = this.getNodeParameter('events', []) as string[];
		if (!chosen.includes(event)) return {};
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const statuses = ((options.orderStatuses as Array<string | number> | undefined) ?? []).map(Number);
		if (statuses.length > 0 && body.order_status !== undefined && !statuses.includes(Number(body.order_status))) return {};

		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		if (!isFirstDelivery(this.getWorkflowStaticData('node'), scope, deliveryKey(body, raw), Number(options.dedupeMinutes ?? 1440) * 60)) {
			return {};
		}
		const normalized = options.orderOutput === 'normalized';
		const decrypt = (order: IDataObject): IDataObject => {
			try {
				return decryptOrder(order, String(credentials.privateKey ?? ''));
			} catch (error) {
				const rest: IDataObject = { ...order, buyer_data_error: (error as Error).message };
				delete rest.encryption;
				return rest;
			}
		};
		const delivered = decrypt(body);
		const item: IDataObject = { event, ...delivered };
		if (normalized && event === 'order_notification') item.order = normalizeTokopediaOrder(delivered);
		const orderId = pick(body, 'order_id');
		if (options.fetchOrder && orderId !== undefined) {
			// Acknowledge first: the lookup must not delay the answer Tokopedia waits for.
			this.getResponseObject().status(200).json({ received: true }).end();
			try {
				const order = (await tokopediaApiRequest.call(this, 'GET', `/v2/fs/${await fsId.call(this)}/order`, {
					query: { order_id: String(orderId) },
				})) as IDataObject;
				item.order = normalized ? normalizeTokopediaOrder(decrypt(order)) : decrypt(order);
			} catch (error) {
				item.order_error = error instanceof NodeApiError ? error.message : String(error);
			}
			return startRun.call(this, item, true);
		}
		return startRun.call(this, item);
	}
}
