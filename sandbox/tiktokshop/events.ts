import { createHmac } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { DeliveryRecord, WebhookDelivery } from '../common/webhookDelivery';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET } from './constants';
import type { TikTokShopState } from './state';
import type { Cancellation, Order, Package } from './types';

/** Topic name → numeric `type` in the payload (reference §7.2). */
export const TIKTOK_EVENT_TYPE_CODES: Record<string, number> = {
	ORDER_STATUS_CHANGE: 1,
	REVERSE_STATUS_UPDATE: 2,
	RECIPIENT_ADDRESS_UPDATE: 3,
	PACKAGE_UPDATE: 4,
	PRODUCT_STATUS_CHANGE: 5,
	SELLER_DEAUTHORIZATION: 6,
	UPCOMING_AUTHORIZATION_EXPIRATION: 7,
	CANCELLATION_STATUS_CHANGE: 11,
	RETURN_STATUS_CHANGE: 12,
	NEW_CONVERSATION: 13,
	NEW_MESSAGE: 14,
	PRODUCT_INFORMATION_CHANGE: 15,
	PRODUCT_CREATION: 16,
	SHOPPABLE_CONTENT_POSTING: 17,
	PRODUCT_CATEGORY_CHANGE: 18,
	SIZE_CHART_CHANGE: 19,
	CREATOR_DEAUTHORIZATION: 20,
	INBOUND_FBT_ORDER_STATUS_CHANGE: 21,
	FBT_MERCHANT_ONBOARDING: 22,
	GOODS_MATCH: 23,
	FBT_INVENTORY_UPDATE: 24,
	OPPORTUNITY_MATCHING_STATUS_CHANGE: 25,
	INVENTORY_STATUS_CHANGE: 27,
	NEW_MESSAGE_LISTENER: 33,
	TOKOPEDIA_MIRROR_STATUS_CHANGE: 35,
	INVOICE_STATUS_CHANGE: 36,
	PRODUCT_AUDIT_STATUS_CHANGE: 37,
	STRIKETHROUGH_PRICE_EXPIRED: 38,
	ACTIVITY_STATUS_CHANGE: 39,
};

/** `event_type` values accepted by PUT/DELETE /event/202309/webhooks (reference §5.6). */
export const TIKTOK_WEBHOOK_EVENT_TYPES = [
	'ORDER_STATUS_CHANGE',
	'RECIPIENT_ADDRESS_UPDATE',
	'PACKAGE_UPDATE',
	'PRODUCT_STATUS_CHANGE',
	'SELLER_DEAUTHORIZATION',
	'UPCOMING_AUTHORIZATION_EXPIRATION',
	'CANCELLATION_STATUS_CHANGE',
	'RETURN_STATUS_CHANGE',
	'NEW_CONVERSATION',
	'NEW_MESSAGE',
	'PRODUCT_INFORMATION_CHANGE',
	'PRODUCT_CREATION',
	'PRODUCT_CATEGORY_CHANGE',
	'NEW_MESSAGE_LISTENER',
	'INVOICE_STATUS_CHANGE',
	'PRODUCT_AUDIT_STATUS_CHANGE',
	'REVERSE_STATUS_UPDATE',
];

export interface TikTokWebhookRegistration {
	address: string;
	event_type: string;
	create_time: number;
	update_time: number;
}

/** What the state machine reports (state.ts `onEvent`). */
export type TikTokStateEvent =
	| { kind: 'order_status'; order: Order }
	| { kind: 'cancellation'; order: Order; cancellation: Cancellation }
	| { kind: 'package_update'; order: Order; packages: Package[]; scType: 'SHIP' | 'SPLIT' | 'UPDATE' }
	/** emitted by aftersale.ts (returns): `return` is its ReturnOrder record */
	| { kind: 'return'; order: Order | undefined; return: { return_id: string; order_id: string; return_status: string; return_type: string; role: string; create_time: number; update_time: number } };

/** Authorization header value: lowercase hex HMAC-SHA256(key = app_secret, msg = app_key + raw body) (reference §7.4). */
export function tiktokWebhookSignature(rawBody: Buffer | string, appKey = SANDBOX_APP_KEY, appSecret = SANDBOX_APP_SECRET): string {
	return createHmac('sha256', appSecret)
		.update(Buffer.concat([Buffer.from(appKey, 'utf8'), typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody]))
		.digest('hex');
}

let lastNotificationId = 0n;
/** 19-digit numeric string like the official sample ("7380066284010030890"); unique per process. */
export function newTtsNotificationId(): string {
	const base = 7300000000000000000n + BigInt(Date.now()) * 1000n;
	lastNotificationId = base > lastNotificationId ? base : lastNotificationId + 1n;
	return lastNotificationId.toString();
}

/** Turns TikTok Shop state changes into signed webhook deliveries to the shop's registered addresses. */
export class TikTokShopWebhooks {
	constructor(
		private getState: () => TikTokShopState,
		private engine: WebhookDelivery,
		private clock: Clock,
	) {}

	/** Listener for `state.onEvent`: payloads are built (and serialised) NOW, sent on the next tick. */
	onStateEvent = (e: TikTokStateEvent): void => {
		const s = this.getState();
		if (!e.order) return;
		const order = e.order;
		const shopId = s.orderMeta.get(order.id)?.shopId;
		if (!shopId) return;
		const send = (topic: string, data: Record<string, unknown>) => {
			const reg = s.webhooks.get(shopId)?.get(topic);
			if (!reg) return;
			const built = this.build(shopId, TIKTOK_EVENT_TYPE_CODES[topic], data);
			const orderId = order.id;
			// deferred: never blocks the API call; skipped if the order vanished meanwhile (control API rollback)
			this.engine.defer(() => {
				if (this.getState() !== s || !s.orders.has(orderId)) return;
				const cur = s.webhooks.get(shopId)?.get(topic);
				if (cur) this.send(cur.address, topic, built);
			});
		};
		const now = this.clock.now();
		if (e.kind === 'order_status') {
			send('ORDER_STATUS_CHANGE', {
				is_on_hold_order: e.order.is_on_hold_order,
				order_id: e.order.id,
				order_status: e.order.status,
				update_time: e.order.update_time,
			});
		} else if (e.kind === 'cancellation') {
			const c = e.cancellation;
			send('CANCELLATION_STATUS_CHANGE', {
				order_id: c.order_id,
				cancellations_role: c.role,
				cancel_status: c.cancel_status,
				cancel_id: c.cancel_id,
				create_time: c.create_time,
			});
		} else if (e.kind === 'return') {
			const r = e.return;
			send('RETURN_STATUS_CHANGE', {
				order_id: r.order_id,
				return_role: r.role,
				return_type: r.return_type,
				return_status: r.return_status,
				return_id: r.return_id,
				create_time: r.create_time,
				update_time: r.update_time,
			});
		} else if (e.kind === 'package_update') {
			send('PACKAGE_UPDATE', {
				sc_type: e.scType,
				role_type: 'ROLE_USER',
				package_list: e.packages.map((p) => ({ package_id: p.id, order_id_list: [p.orderId] })),
				update_time: Math.max(now, ...e.packages.map((p) => p.update_time)),
			});
		}
	};

	/** Payload with the documented key order, serialised once. */
	build(shopId: string, type: number, data: unknown): { body: Buffer; notificationId: string } {
		const notificationId = newTtsNotificationId();
		const body = Buffer.from(
			JSON.stringify({ type, tts_notification_id: notificationId, shop_id: shopId, timestamp: this.clock.now(), data }),
			'utf8',
		);
		return { body, notificationId };
	}

	send(url: string, topic: string, built: { body: Buffer; notificationId: string }): DeliveryRecord {
		return this.engine.deliver({
			marketplace: 'tiktokshop',
			url,
			event: topic,
			notificationId: built.notificationId,
			body: built.body,
			headers: { 'Content-Type': 'application/json', Authorization: tiktokWebhookSignature(built.body) },
		});
	}

	/** Control API: emit one event on demand to the registered address of (shop, topic). */
	emitNow(shopId: string, type: number | string, data: unknown): { delivery: DeliveryRecord; topic: string; type: number } {
		const topic = typeof type === 'number' ? Object.keys(TIKTOK_EVENT_TYPE_CODES).find((k) => TIKTOK_EVENT_TYPE_CODES[k] === type) : type;
		const code = typeof type === 'number' ? type : TIKTOK_EVENT_TYPE_CODES[type];
		if (!topic || code === undefined) throw new Error(`unknown event type ${type}`);
		const reg = this.getState().webhooks.get(shopId)?.get(topic);
		if (!reg) throw new Error(`no webhook registered for ${topic} in shop ${shopId}`);
		return { delivery: this.send(reg.address, topic, this.build(shopId, code, data ?? {})), topic, type: code };
	}
}
