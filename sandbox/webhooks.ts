import type { Clock } from './common/clock';
import type { RequestContext } from './common/http';
import type { Reply } from './common/marketplace';
import { WEBHOOK_DEFAULTS, type WebhookConfig, WebhookDelivery } from './common/webhookDelivery';
import type { TikTokShopMarketplace } from './tiktokshop';
import { TIKTOK_EVENT_TYPE_CODES, TikTokShopWebhooks } from './tiktokshop/events';
import type { TokopediaMarketplace } from './tokopedia';
import { TOKOPEDIA_FS_ID } from './tokopedia/constants';
import { TOKOPEDIA_WEBHOOK_TYPES, TokopediaWebhooks, type TokopediaWebhookType } from './tokopedia/events';

const json = (v: unknown, status = 200): Reply => ({ status, json: v });
const brief = (d: { id: string; url: string; event: string; notificationId: string }) => ({ id: d.id, url: d.url, event: d.event, notificationId: d.notificationId });

/**
 * Webhook registration lives in each marketplace's state; this ties the state hooks to the shared delivery engine
 * and serves the webhook control API (`/_sandbox/webhooks/*`, `/_sandbox/tiktokshop/events|webhooks`, `/_sandbox/tokopedia/events`).
 */
export class SandboxWebhooks {
	readonly engine: WebhookDelivery;
	readonly tiktokshop: TikTokShopWebhooks;
	readonly tokopedia: TokopediaWebhooks;

	constructor(
		private tts: TikTokShopMarketplace,
		private tkpd: TokopediaMarketplace,
		clock: Clock,
		initial: Partial<WebhookConfig> = {},
	) {
		this.engine = new WebhookDelivery({ ...WEBHOOK_DEFAULTS, ...initial });
		this.tiktokshop = new TikTokShopWebhooks(() => tts.state, this.engine, clock);
		this.tokopedia = new TokopediaWebhooks(() => tkpd.state, this.engine, clock);
		tts.onStateEvent = this.tiktokshop.onStateEvent;
		tkpd.onStateEvent = this.tokopedia.onStateEvent;
	}

	/** `POST /_sandbox/config {webhooks: {...}, tokopedia: {webhookAuthHeaderStyle}}`; throws Error on bad input. */
	applyConfig(p: Record<string, any>): void {
		if (p.webhooks !== undefined) {
			if (!p.webhooks || typeof p.webhooks !== 'object') throw new Error('webhooks must be an object {timeoutMs?, retryDelaysMs?, duplicates?}');
			this.engine.apply(p.webhooks);
		}
		const style = p.tokopedia?.webhookAuthHeaderStyle;
		if (style !== undefined) {
			if (style !== 'hmac' && style !== 'tkpd') throw new Error("tokopedia.webhookAuthHeaderStyle must be 'hmac' or 'tkpd'");
			this.tokopedia.authHeaderStyle = style;
		}
	}

	resetConfig(): void {
		this.engine.resetConfig();
		this.tokopedia.authHeaderStyle = 'hmac';
	}

	/** Adds `webhooks: {timeoutMs, retryDelaysMs, duplicates, tokopediaAuthHeaderStyle}` to the effective config. */
	configView(cfg: Record<string, any>): void {
		cfg.webhooks = { ...this.engine.config, tokopediaAuthHeaderStyle: this.tokopedia.authHeaderStyle };
	}

	/** /_sandbox/reset: cancel pending deliveries, clear the log and counters (registrations go with the re-seeded state). */
	reset(): void {
		this.engine.reset();
		this.tokopedia.reset();
	}

	close(): void {
		this.engine.close();
	}

	stats(): Record<string, number> {
		return this.engine.stats();
	}

	/** Control endpoints; `sub` is the path after `/_sandbox`. Returns null when not ours. */
	control(ctx: RequestContext, sub: string, body: any): Reply | null {
		const M = ctx.method;
		const b = body ?? {};
		if (sub === '/webhooks/deliveries' && M === 'GET') {
			const limit = Number(ctx.query.get('limit') ?? 100);
			const deliveries = this.engine.list({ marketplace: ctx.query.get('marketplace'), event: ctx.query.get('event'), limit: Number.isFinite(limit) ? limit : 100 });
			return json({ stats: this.engine.stats(), deliveries });
		}
		const one = /^\/webhooks\/deliveries\/([^/]+)$/.exec(sub);
		if (one && M === 'GET') {
			const d = this.engine.get(one[1]);
			return d ? json(d) : json({ error: `delivery ${one[1]} not found` }, 404);
		}
		if (sub === '/webhooks/config') {
			if (M === 'POST') {
				try {
					this.engine.apply(b);
				} catch (e) {
					return json({ error: (e as Error).message }, 400);
				}
			} else if (M === 'DELETE') this.engine.resetConfig();
			else if (M !== 'GET') return json({ error: 'use GET, POST or DELETE' }, 405);
			return json(this.engine.config);
		}
		if (sub === '/webhooks/deliver-duplicates' && M === 'POST') {
			if (typeof b.enabled !== 'boolean') return json({ error: 'enabled must be a boolean' }, 400);
			this.engine.apply({ duplicates: b.enabled });
			return json(this.engine.config);
		}
		if (sub === '/tiktokshop/webhooks' && M === 'GET') {
			const s = this.tts.state;
			return json({
				shops: s.shops.map((shop) => ({ shop_id: shop.id, cipher: shop.cipher, webhooks: [...(s.webhooks.get(shop.id)?.values() ?? [])] })),
			});
		}
		if (sub === '/tiktokshop/events' && M === 'POST') {
			const s = this.tts.state;
			const shopId = b.shop_id === undefined ? s.shops[0].id : String(b.shop_id);
			if (!s.shopById.has(shopId)) return json({ error: `unknown shop_id ${b.shop_id}` }, 400);
			const type = typeof b.type === 'string' && /^\d+$/.test(b.type) ? Number(b.type) : b.type;
			if (typeof type !== 'number' && (typeof type !== 'string' || !(type in TIKTOK_EVENT_TYPE_CODES)))
				return json({ error: `type must be a type code or one of ${Object.keys(TIKTOK_EVENT_TYPE_CODES).join(', ')}` }, 400);
			if (b.data !== undefined && (b.data === null || typeof b.data !== 'object')) return json({ error: 'data must be an object' }, 400);
			try {
				const r = this.tiktokshop.emitNow(shopId, type, b.data ?? {});
				return json({ deliveries: [brief(r.delivery)], type: r.type, topic: r.topic, body: r.delivery.body });
			} catch (e) {
				return json({ error: (e as Error).message }, 409);
			}
		}
		if (sub === '/tokopedia/events' && M === 'POST') {
			const type = b.type as TokopediaWebhookType;
			if (!TOKOPEDIA_WEBHOOK_TYPES.includes(type)) return json({ error: `type must be one of ${TOKOPEDIA_WEBHOOK_TYPES.join(', ')}` }, 400);
			if (!this.tokopedia.urlFor(type)) return json({ error: `no ${type}_url registered for fs ${TOKOPEDIA_FS_ID}` }, 409);
			let payload: Record<string, unknown>;
			if (b.data !== undefined) {
				if (b.data === null || typeof b.data !== 'object') return json({ error: 'data must be an object' }, 400);
				payload = b.data;
			} else if (type === 'product_changes') {
				const s = this.tkpd.state;
				const shopId = b.shop_id === undefined ? s.linkedShops()[0].shop_id : Number(b.shop_id);
				const pid = b.product_id === undefined ? undefined : Number(b.product_id);
				const p = (s.productsByShop.get(shopId) ?? []).find((x) => x.status !== 0 && !x.children.length && (pid === undefined || x.product_id === pid));
				if (!p) return json({ error: 'no such product (product_id / shop_id)' }, 400);
				const wh = s.defaultWarehouse(p.shop_id).warehouse_id;
				const v = String(p.stock[wh] ?? 0);
				payload = {
					fs_id: TOKOPEDIA_FS_ID,
					product_changes_data: [{ action: 'stock_overwrite', product_id: p.product_id, shop_id: p.shop_id, warehouse_id: wh, value: v, previous_value: v, update_time: s.clock.now(), is_default_warehouse: true }],
				};
			} else {
				if (b.order_id === undefined) return json({ error: 'order_id is required for order events' }, 400);
				const o = this.tkpd.state.orders.get(Number(b.order_id));
				if (!o) return json({ error: `order ${b.order_id} not found` }, 404);
				payload = this.tokopedia.payloadFor(type, o);
			}
			const d = this.tokopedia.sendType(type, payload)!;
			return json({ deliveries: [brief(d)], body: d.body });
		}
		return null;
	}
}
