import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RetryPolicy } from '../../common/retry';
import type { ApiContext } from '../../common/tokenRenewal';
import { fsId, tokopediaApiRequest } from './index';

/** The URL fields of a webhook registration (reference §3.6 W1). */
export const WEBHOOK_URL_FIELDS = [
	'order_notification_url',
	'order_cancellation_url',
	'order_status_url',
	'order_request_cancellation_url',
	'product_changes_url',
	'product_creation_url',
	'chat_notification_url',
	'campaign_notification_url',
	'order_actions_url',
	'order_confirm_delivery_notification_url',
	'order_partial_fulfillment_url',
	'product_edit_url',
	'product_discussion_url',
] as const;

export const replaceSecretField: INodeProperties = {
	displayName: 'Replace Registered Secret',
	name: 'replaceSecret',
	type: 'boolean',
	default: false,
	description:
		'Whether to replace the webhook secret already registered for the App ID. Tokopedia signs every delivery of the App ID with ONE secret: replacing it makes every other system that verifies deliveries with the old secret reject them. Off keeps the registered secret.',
};

/** Which webhook secret a registration sends: Tokopedia replaces it with every registration. */
export interface SecretChoice {
	/** The secret to register when none is registered yet, or when `replace` is set. */
	secret: string;
	/** Replace a secret already registered for the App ID (other receivers verifying with it then fail). */
	replace: boolean;
}

export type WebhookUrlField = (typeof WEBHOOK_URL_FIELDS)[number];

/** The current registration; its webhook_secret is returned in clear by Tokopedia, so callers must not output it. */
export async function getWebhookRegistration(this: ApiContext, retry?: RetryPolicy): Promise<IDataObject> {
	const data = await tokopediaApiRequest.call(this, 'GET', `/v1/fs/${await fsId.call(this)}`, { retry });
	return (data && typeof data === 'object' ? data : {}) as IDataObject;
}

// Registration changes of this process, one at a time per App ID: n8n activates workflows
// concurrently, and two read-modify-write cycles interleaved would drop one's URLs.
const registrationQueue = new Map<string, Promise<unknown>>();

/**
 * Registers webhook URLs. Tokopedia REPLACES the whole set on every call (omitted URLs are
 * cleared), so this reads the current registration and changes only the given fields, one change
 * at a time, and checks afterwards that a concurrent writer elsewhere did not undo it.
 */
export async function updateWebhookRegistration(
	this: ApiContext,
	changes: Partial<Record<WebhookUrlField, string>>,
	secret: SecretChoice,
	keepOthers = true,
	retry?: RetryPolicy,
): Promise<IDataObject> {
	const app = await fsId.call(this);
	const previous = registrationQueue.get(app) ?? Promise.resolve();
	const mine = previous.catch(() => undefined).then(async () => {
		for (let attempt = 1; attempt <= 3; attempt++) {
			const body = await writeRegistration.call(this, app, changes, secret, keepOthers, retry);
			const now = await getWebhookRegistration.call(this, retry);
			if (Object.entries(changes).every(([field, url]) => (now[field] ?? '') === url)) return body;
		}
		throw new NodeOperationError(
			this.getNode(),
			'Tokopedia accepted the webhook registration but does not show it: another system registering for the same App ID at the same time replaced it. Try again.',
		);
	});
	registrationQueue.set(app, mine);
	return await mine;
}

async function writeRegistration(
	this: ApiContext,
	app: string,
	changes: Partial<Record<WebhookUrlField, string>>,
	secret: SecretChoice,
	keepOthers: boolean,
	retry?: RetryPolicy,
): Promise<IDataObject> {
	const current = await getWebhookRegistration.call(this, retry);
	const kept = keepOthers ? current : {};
	const body: IDataObject = { fs_id: Number(app) };
	for (const field of WEBHOOK_URL_FIELDS) {
		const value = field in changes ? changes[field] : kept[field];
		if (value !== undefined && value !== null) body[field] = value;
	}
	for (const [key, value] of Object.entries(kept)) {
		if (key.endsWith('_url') && !(key in body)) body[key] = value;
	}
	const registered = typeof current.webhook_secret === 'string' ? current.webhook_secret : '';
	body.webhook_secret = secret.replace || !registered ? secret.secret : registered;
	await tokopediaApiRequest.call(this, 'POST', `/v1/fs/${app}/register`, { body, retry });
	return body;
}

/** A registration fit for output: the secret is replaced by whether one is set. */
export function withoutSecret(registration: IDataObject): IDataObject {
	const { webhook_secret: secret, ...rest } = registration;
	return { ...rest, webhook_secret_set: Boolean(secret) };
}
