import type { Router } from '../../common/http';
import { invalidParam, ok } from '../envelope';
import { TIKTOK_WEBHOOK_EVENT_TYPES, type TikTokWebhookRegistration } from '../events';
import { type Handler, requireShop } from './common';

function eventType(body: any): string {
	const t = body?.event_type;
	if (t === undefined || t === null || t === '') throw invalidParam('event_type is required');
	if (typeof t !== 'string' || !TIKTOK_WEBHOOK_EVENT_TYPES.includes(t))
		throw invalidParam(`event_type must be one of ${TIKTOK_WEBHOOK_EVENT_TYPES.join(', ')}`);
	return t;
}

/** Webhook management (reference §5.6): one address per (shop, event_type). */
export function registerEventRoutes(r: Router<Handler>): void {
	r.add('GET', '/event/202309/webhooks', (c) => {
		const shop = requireShop(c);
		const webhooks = [...(c.state.webhooks.get(shop.id)?.values() ?? [])].map((w) => ({ ...w }));
		return ok({ total_count: webhooks.length, webhooks });
	});

	r.add('PUT', '/event/202309/webhooks', (c) => {
		const shop = requireShop(c);
		const address = c.body?.address;
		if (address === undefined || address === null || address === '') throw invalidParam('address is required');
		if (typeof address !== 'string' || address.length > 255) throw invalidParam('address must be a string of at most 255 characters');
		if (!/^https?:\/\/[^\s/]+\S*$/i.test(address)) throw invalidParam('address must be an http(s) URL');
		const type = eventType(c.body);
		let map = c.state.webhooks.get(shop.id);
		if (!map) c.state.webhooks.set(shop.id, (map = new Map()));
		const prev = map.get(type);
		const reg: TikTokWebhookRegistration = { address, event_type: type, create_time: prev?.create_time ?? c.now, update_time: c.now };
		map.set(type, reg);
		return ok({});
	});

	r.add('DELETE', '/event/202309/webhooks', (c) => {
		const shop = requireShop(c);
		const type = eventType(c.body);
		c.state.webhooks.get(shop.id)?.delete(type); // idempotent: deleting an unregistered type succeeds too
		return ok({});
	});
}
