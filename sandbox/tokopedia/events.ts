import { createHmac } from 'node:crypto';
import type { Clock } from '../common/clock';
import type { DeliveryRecord, WebhookDelivery } from '../common/webhookDelivery';
import { ST, TOKOPEDIA_FS_ID } from './constants';
import { fmtDateTime, type TokopediaState } from './state';
import type { Order, Product } from './types';

/** What the state reports (state.ts `onEvent`, control.ts for buyer cancellation requests). */
export type TokopediaStateEvent =
	| { kind: 'status'; order: Order }
	| { kind: 'stock'; product: Product; warehouseId: number; before: number; after: number; op: string }
	| { kind: 'request_cancellation'; order: Order };

export type TokopediaWebhookType = 'order_notification' | 'order_status' | 'order_cancellation' | 'order_request_cancellation' | 'product_changes';
export const TOKOPEDIA_WEBHOOK_TYPES: TokopediaWebhookType[] = ['order_notification', 'order_status', 'order_cancellation', 'order_request_cancellation', 'product_changes'];

/** Statuses that also go to order_cancellation_url (IZI's "cancel" group without the fraud codes). */
export const TOKOPEDIA_CANCEL_STATUSES = [0, 2, 3, 4, 5, 6, 10, 15];

/** stock log op → product_changes `action` (reference §4.7); ops not listed are not reported. */
const STOCK_ACTIONS: Record<string, string> = {
	update: 'stock_overwrite',
	increment: 'stock_increment',
	decrement: 'stock_decrement',
	order_created: 'stock_decrement',
	order_rejected: 'stock_increment',
	order_cancelled: 'stock_increment',
	ack_partial_reject: 'stock_increment',
	drift: 'stock_overwrite',
	product_edited: 'stock_overwrite',
};

/** `Authorization: TKPD Tokopedia:<hex>` is added only with webhookAuthHeaderStyle 'tkpd' (sandbox option, not in the reference). */
export type TokopediaAuthHeaderStyle = 'hmac' | 'tkpd';

/** Authorization-Hmac value: lowercase hex HMAC-SHA256(key = webhook_secret, msg = raw body) (reference §4.1). */
export function tokopediaWebhookSignature(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

const productLine = (o: Order) =>
	o.items.map((i) => ({
		id: i.product_id,
		Name: i.name,
		notes: i.notes,
		currency: 'Rp.',
		weight: i.weight,
		total_weight: Number((i.weight * i.quantity).toFixed(3)),
		price: i.price,
		total_price: i.price * i.quantity,
		quantity: i.quantity,
		sku: i.sku,
	}));

/** §4.4 order notification (new 220 order). */
export function orderNotificationPayload(s: TokopediaState, o: Order): Record<string, unknown> {
	const shop = s.shopById.get(o.shop_id);
	const ttl = o.items.reduce((sum, i) => sum + i.price * i.quantity, 0);
	return {
		fs_id: TOKOPEDIA_FS_ID,
		order_id: o.order_id,
		invoice_ref_num: o.invoice,
		accept_partial: o.accept_partial,
		products: o.items.map((i) => ({
			id: i.product_id,
			Name: i.name,
			quantity: i.quantity,
			notes: i.notes,
			weight: i.weight,
			total_weight: Number((i.weight * i.quantity).toFixed(3)),
			price: i.price,
			total_price: i.price * i.quantity,
			currency: 'Rp.',
			sku: i.sku,
			is_eligible_pof: true,
		})),
		customer: { id: o.buyer.id, Name: o.buyer.name, phone: o.buyer.phone, email: o.buyer.email },
		recipient: { Name: o.recipient.name, phone: o.recipient.phone, address: { ...o.recipient.address } },
		shop_id: o.shop_id,
		warehouse_id: o.warehouse_id,
		shop_name: shop?.shop_name ?? '',
		payment_id: o.payment_id,
		payment_date: fmtDateTime(o.paid_at ?? o.create_time),
		logistics: {
			shipping_id: o.logistics.shipping_id,
			district_id: o.recipient.address.district_id,
			city_id: o.recipient.address.city_id,
			province_id: o.recipient.address.province_id,
			geo: o.recipient.address.geo,
			shipping_agency: o.logistics.shipping_agency,
			service_type: o.logistics.service_type,
		},
		amt: {
			ttl_product_price: ttl,
			shipping_cost: o.shipping_cost,
			insurance_cost: o.insurance_cost,
			ttl_amount: ttl + o.shipping_cost + o.insurance_cost - o.voucher_amount,
			voucher_amount: o.voucher_amount,
			toppoints_amount: 0,
		},
		dropshipper_info: { Name: '', phone: '' },
		voucher_info: { voucher_type: o.voucher_amount ? 1 : 0, voucher_code: o.voucher_amount ? 'SBXHEMAT' : '' },
		device_type: 'android',
		order_status: o.status,
		create_time: o.create_time,
		custom_fields: {},
		is_plus: false,
	};
}

/** §4.5 order status / cancellation (one schema). */
export function orderStatusPayload(o: Order): Record<string, unknown> {
	return { fs_id: TOKOPEDIA_FS_ID, order_status: o.status, order_id: o.order_id, shop_id: o.shop_id, warehouse_id: o.warehouse_id, product_details: productLine(o) };
}

/** §4.6: documented as `{order_id}` only; the sandbox adds fs_id, shop_id, reason and create_time. */
export function requestCancellationPayload(o: Order): Record<string, unknown> {
	return {
		order_id: o.order_id,
		fs_id: TOKOPEDIA_FS_ID,
		shop_id: o.shop_id,
		reason: o.buyer_cancel_request?.reason ?? '',
		create_time: o.buyer_cancel_request?.time ?? o.update_time,
	};
}

interface StockChange {
	action: string;
	product_id: number;
	shop_id: number;
	warehouse_id: number;
	value: string;
	previous_value: string;
	update_time: number;
	is_default_warehouse: boolean;
}

/** Turns Tokopedia state changes into HMAC-signed deliveries to the fs's registered URLs. */
export class TokopediaWebhooks {
	authHeaderStyle: TokopediaAuthHeaderStyle = 'hmac';
	private stockBatch: StockChange[] = [];
	private seq = 0;

	constructor(
		private getState: () => TokopediaState,
		private engine: WebhookDelivery,
		private clock: Clock,
	) {}

	private registration(): Record<string, string | number> | undefined {
		return this.getState().webhooks.get(TOKOPEDIA_FS_ID);
	}

	urlFor(type: TokopediaWebhookType): string {
		const v = this.registration()?.[`${type}_url`];
		return typeof v === 'string' ? v : '';
	}

	/** Listener for `state.onEvent`: body serialised NOW (snapshot of the status), sent on the next tick. */
	onStateEvent = (e: TokopediaStateEvent): void => {
		if (!this.registration()) return;
		if (e.kind === 'stock') {
			const action = STOCK_ACTIONS[e.op];
			if (!action || !this.urlFor('product_changes')) return;
			const s = this.getState();
			const first = this.stockBatch.length === 0;
			this.stockBatch.push({
				action,
				product_id: e.product.product_id,
				shop_id: e.product.shop_id,
				warehouse_id: e.warehouseId,
				value: String(e.after),
				previous_value: String(e.before),
				update_time: this.clock.now(),
				is_default_warehouse: s.defaultWarehouse(e.product.shop_id).warehouse_id === e.warehouseId,
			});
			// one payload per tick: a bulk call of 100 rows → one webhook with 100 entries
			if (first)
				this.engine.defer(() => {
					const rows = this.stockBatch;
					this.stockBatch = [];
					if (rows.length) this.sendType('product_changes', { fs_id: TOKOPEDIA_FS_ID, product_changes_data: rows });
				});
			return;
		}
		const o = e.order;
		const queue = (type: TokopediaWebhookType, payload: Record<string, unknown>) => {
			if (!this.urlFor(type)) return;
			const body = Buffer.from(JSON.stringify(payload), 'utf8');
			this.engine.defer(() => this.sendType(type, body));
		};
		if (e.kind === 'request_cancellation') return queue('order_request_cancellation', requestCancellationPayload(o));
		if (o.status === ST.PAID) queue('order_notification', orderNotificationPayload(this.getState(), o));
		queue('order_status', orderStatusPayload(o));
		if (TOKOPEDIA_CANCEL_STATUSES.includes(o.status)) queue('order_cancellation', orderStatusPayload(o));
	};

	/** Send to the registered URL of `type` (null when none is registered). */
	sendType(type: TokopediaWebhookType, payload: Buffer | Record<string, unknown>): DeliveryRecord | null {
		const reg = this.registration();
		const url = this.urlFor(type);
		if (!reg || !url) return null;
		const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload), 'utf8');
		const sig = tokopediaWebhookSignature(body, String(reg.webhook_secret ?? ''));
		const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Authorization-Hmac': sig };
		if (this.authHeaderStyle === 'tkpd') headers.Authorization = `TKPD Tokopedia:${sig}`;
		return this.engine.deliver({ marketplace: 'tokopedia', url, event: type, notificationId: `tkpd_${++this.seq}`, body, headers });
	}

	/** Payload `type` would carry now for an order (control API). */
	payloadFor(type: TokopediaWebhookType, o: Order): Record<string, unknown> {
		if (type === 'order_notification') return orderNotificationPayload(this.getState(), o);
		if (type === 'order_request_cancellation') return requestCancellationPayload(o);
		return orderStatusPayload(o);
	}

	reset(): void {
		this.stockBatch = [];
		this.authHeaderStyle = 'hmac';
	}
}
