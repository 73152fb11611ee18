import type { Router } from '../../common/http';
import { oldEnvelope, oldErrorEnvelope } from '../envelope';
import type { Handler } from './common';

export const WEBHOOK_URL_KEYS = [
	'order_notification_url',
	'order_cancellation_url',
	'order_status_url',
	'order_request_cancellation_url',
	'order_actions_url',
	'order_confirm_delivery_notification_url',
	'order_partial_fulfillment_url',
	'chat_notification_url',
	'product_creation_url',
	'product_changes_url',
	'product_edit_url',
	'product_discussion_url',
	'campaign_notification_url',
] as const;

export function emptyRegistration(fsId: number): Record<string, string | number> {
	const r: Record<string, string | number> = { fs_id: fsId };
	for (const k of WEBHOOK_URL_KEYS) r[k] = '';
	r.webhook_secret = '';
	return r;
}

export function registerWebhookRoutes(r: Router<Handler>): void {
	// W1 register: replaces the whole set (omitted URL keys become "")
	r.add('POST', '/v1/fs/{fs_id}/register', (c) => {
		let b: any;
		try {
			b = c.rawBody.length ? JSON.parse(c.rawBody.toString('utf8')) : null;
		} catch {
			b = undefined;
		}
		if (!b || typeof b !== 'object' || Array.isArray(b)) return { kind: 'old', status: 400, body: oldErrorEnvelope(['bad input data']) };
		if (b.fs_id !== undefined && Number(b.fs_id) !== c.fsId) return { kind: 'old', status: 400, body: oldErrorEnvelope(['Invalid FS ID Format']) };
		const reg = emptyRegistration(c.fsId);
		for (const k of WEBHOOK_URL_KEYS) {
			const v = b[k];
			if (v === undefined || v === null || v === '') continue;
			if (typeof v !== 'string' || !/^https?:\/\/\S+$/i.test(v)) return { kind: 'old', status: 400, body: oldErrorEnvelope([`bad input data: ${k} must be an http(s) URL`]) };
			reg[k] = v;
		}
		if (b.webhook_secret !== undefined && typeof b.webhook_secret !== 'string') return { kind: 'old', status: 400, body: oldErrorEnvelope(['bad input data: webhook_secret must be a string']) };
		reg.webhook_secret = b.webhook_secret ?? '';
		c.state.webhooks.set(c.fsId, reg);
		return { kind: 'old', status: 200, body: oldEnvelope('success') };
	});

	// W2 list (secret returned in clear)
	r.add('GET', '/v1/fs/{fs_id}', (c) => ({ kind: 'old', status: 200, body: oldEnvelope(c.state.webhooks.get(c.fsId) ?? emptyRegistration(c.fsId)) }));
}
