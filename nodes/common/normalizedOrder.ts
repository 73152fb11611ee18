import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** One order shape for both marketplaces (documented in the README, "Normalized orders"). */
export type NormalizedStatus =
	| 'new'
	| 'accepted'
	| 'ready_to_ship'
	| 'shipped'
	| 'delivered'
	| 'completed'
	| 'cancelled'
	| 'returned';

export interface NormalizedLineItem extends IDataObject {
	sku: string | null;
	seller_sku: string | null;
	product_id: string | null;
	name: string;
	quantity: number;
	price: string | null;
	discount: string | null;
}

export interface NormalizedOrder extends IDataObject {
	marketplace: 'tiktokshop' | 'tokopedia';
	platform: 'TIKTOK_SHOP' | 'TOKOPEDIA';
	shop_id: string | null;
	order_id: string;
	invoice: string | null;
	status: NormalizedStatus;
	marketplace_status: string;
	created_at: string | null;
	updated_at: string | null;
	paid_at: string | null;
	buyer: IDataObject;
	recipient: IDataObject;
	line_items: NormalizedLineItem[];
	amounts: IDataObject;
	shipping: IDataObject;
	is_cod: boolean;
	is_cancelled: boolean;
	cancel_reason: string | null;
}

/** The output option every order-returning operation and trigger shows. */
export const orderOutputField: INodeProperties = {
	displayName: 'Output Format',
	name: 'orderOutput',
	type: 'options',
	default: 'raw',
	options: [
		{ name: 'Raw', value: 'raw', description: 'The marketplace\'s own order JSON' },
		{ name: 'Normalized', value: 'normalized', description: 'One order shape for TikTok Shop and Tokopedia' },
	],
};

// TikTok Shop order statuses (reference tiktokshop-api.md §6) onto the small enum.
export const TIKTOK_STATUS: Record<string, NormalizedStatus> = {
	UNPAID: 'new',
	ON_HOLD: 'new',
	AWAITING_SHIPMENT: 'accepted',
	PARTIALLY_SHIPPING: 'shipped',
	AWAITING_COLLECTION: 'ready_to_ship',
	IN_TRANSIT: 'shipped',
	DELIVERED: 'delivered',
	COMPLETED: 'completed',
	CANCELLED: 'cancelled',
};

// Tokopedia order status codes (reference tokopedia-api.md §6.1) onto the small enum.
export function tokopediaStatus(code: number): NormalizedStatus {
	if ([0, 2, 3, 4, 5, 6, 10, 11, 15].includes(code) || (code >= 690 && code <= 699)) return 'cancelled';
	if (code < 400) return 'new';
	if (code === 400 || code === 401) return 'accepted';
	if (code === 450 || code === 501) return 'ready_to_ship';
	if (code === 550) return 'returned';
	if (code >= 500 && code < 600) return 'shipped';
	if (code === 600 || code === 601) return 'delivered';
	return 'completed';
}

function iso(value: unknown): string | null {
	if (value === undefined || value === null || value === '' || value === 0) return null;
	if (typeof value === 'number' || /^\d+$/.test(String(value))) {
		const n = Number(value);
		return new Date((n > 1e12 ? n : n * 1000)).toISOString();
	}
	const ms = Date.parse(String(value));
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function decimal(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
	return String(value);
}

function add(a: string | null, b: string | null): string | null {
	if (a === null && b === null) return null;
	const sum = Number(a ?? 0) + Number(b ?? 0);
	return Number.isInteger(sum) ? String(sum) : sum.toFixed(2);
}

/** TikTok lists one line item per unit: lines of the same SKU and price are grouped with a quantity. */
export function normalizeTikTokShopOrder(order: IDataObject, shopId?: string): NormalizedOrder {
	const payment = (order.payment as IDataObject) ?? {};
	const address = (order.recipient_address as IDataObject) ?? {};
	const lines = new Map<string, NormalizedLineItem>();
	for (const line of (order.line_items as IDataObject[]) ?? []) {
		const key = `${String(line.sku_id)}|${String(line.sale_price)}`;
		const unitDiscount = add(decimal(line.seller_discount), decimal(line.platform_discount));
		const existing = lines.get(key);
		if (existing) {
			existing.quantity++;
			existing.discount = add(existing.discount, unitDiscount);
			continue;
		}
		lines.set(key, {
			sku: line.sku_id ? String(line.sku_id) : null,
			seller_sku: line.seller_sku ? String(line.seller_sku) : null,
			product_id: line.product_id ? String(line.product_id) : null,
			name: [line.product_name, line.sku_name].filter(Boolean).join(' - '),
			quantity: 1,
			price: decimal(line.sale_price),
			discount: unitDiscount,
		});
	}
	const status = String(order.status ?? '');
	return {
		marketplace: 'tiktokshop',
		platform: order.commerce_platform === 'TOKOPEDIA' ? 'TOKOPEDIA' : 'TIKTOK_SHOP',
		shop_id: shopId ?? null,
		order_id: String(order.id),
		invoice: null,
		status: TIKTOK_STATUS[status] ?? 'new',
		marketplace_status: status,
		created_at: iso(order.create_time),
		updated_at: iso(order.update_time),
		paid_at: iso(order.paid_time),
		buyer: { id: order.user_id ?? null, email: order.buyer_email ?? null, message: order.buyer_message ?? null },
		recipient: {
			name: address.name ?? null,
			phone: address.phone_number ?? null,
			address: address.full_address ?? null,
			postal_code: address.postal_code ?? null,
			region: address.region_code ?? null,
		},
		line_items: [...lines.values()],
		amounts: {
			currency: payment.currency ?? null,
			subtotal: decimal(payment.sub_total),
			shipping: decimal(payment.shipping_fee),
			discount: add(decimal(payment.seller_discount), decimal(payment.platform_discount)),
			tax: decimal(payment.tax),
			total: decimal(payment.total_amount),
		},
		shipping: {
			provider: order.shipping_provider ?? null,
			service: order.delivery_option_name ?? null,
			tracking_number: order.tracking_number ?? null,
			package_ids: ((order.packages as IDataObject[]) ?? []).map((p) => String(p.id)),
		},
		is_cod: Boolean(order.is_cod),
		is_cancelled: status === 'CANCELLED',
		cancel_reason: (order.cancel_reason as string) || null,
	};
}

function lowerKeys(value: unknown): IDataObject {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Tokopedia: the order-list / webhook shape and the single-order shape (order_info…) both map here. */
export function normalizeTokopediaOrder(order: IDataObject): NormalizedOrder {
	const single = order.order_info !== undefined;
	const code = Number(order.order_status ?? 0);
	const info = (order.order_info as IDataObject) ?? {};
	const shippingInfo = (info.shipping_info as IDataObject) ?? {};
	const destination = (info.destination as IDataObject) ?? {};
	const buyer = lowerKeys(single ? order.buyer_info : (order.buyer ?? order.customer));
	const recipient = lowerKeys(order.recipient);
	const address = lowerKeys(recipient.address);
	const amt = (order.amt as IDataObject) ?? {};
	const products = single
		? ((info.order_detail as IDataObject[]) ?? []).map((p) => ({
				sku: p.sku ? String(p.sku) : null,
				seller_sku: p.sku ? String(p.sku) : null,
				product_id: p.product_id !== undefined ? String(p.product_id) : null,
				name: String(p.product_name ?? ''),
				quantity: Number(p.quantity ?? 0),
				price: decimal(p.product_price),
				discount: null,
			}))
		: ((order.products as IDataObject[]) ?? []).map((raw) => {
				const p = lowerKeys(raw);
				return {
					sku: p.sku ? String(p.sku) : null,
					seller_sku: p.sku ? String(p.sku) : null,
					product_id: p.id !== undefined ? String(p.id) : null,
					name: String(p.name ?? ''),
					quantity: Number(p.quantity ?? 0),
					price: decimal(p.price),
					discount: null,
				};
			});
	const promo = (order.promo_order_detail as IDataObject) ?? {};
	const awb = ((order.custom_fields as IDataObject) ?? {}).awb ?? shippingInfo.awb ?? null;
	const status = tokopediaStatus(code);
	return {
		marketplace: 'tokopedia',
		platform: 'TOKOPEDIA',
		shop_id: order.shop_id !== undefined ? String(order.shop_id) : (order.shop_info as IDataObject | undefined)?.shop_id !== undefined ? String((order.shop_info as IDataObject).shop_id) : null,
		order_id: String(order.order_id),
		invoice: (order.invoice_ref_num ?? order.invoice_number ?? order.invoice_num ?? null) as string | null,
		status,
		marketplace_status: String(code),
		created_at: iso(order.create_time),
		updated_at: iso(order.update_time),
		paid_at: iso(order.payment_date ?? (order.payment_info as IDataObject | undefined)?.payment_date),
		buyer: single
			? { id: buyer.buyer_id ?? null, name: buyer.buyer_fullname ?? null, email: buyer.buyer_email ?? null, phone: buyer.buyer_phone ?? null }
			: { id: buyer.id ?? null, name: buyer.name ?? null, email: buyer.email ?? null, phone: buyer.phone ?? null },
		recipient: single
			? { name: destination.receiver_name ?? null, phone: destination.receiver_phone ?? null, address: destination.address_street ?? null, postal_code: destination.address_postal ?? null, region: destination.address_province ?? null }
			: { name: recipient.name ?? null, phone: recipient.phone ?? null, address: address.address_full ?? null, postal_code: address.postal_code ?? null, region: address.province ?? null },
		line_items: products,
		amounts: {
			currency: 'IDR',
			subtotal: decimal(amt.ttl_product_price ?? info.item_price ?? order.item_price),
			shipping: decimal(amt.shipping_cost ?? shippingInfo.shipping_price),
			discount: decimal(promo.total_discount ?? amt.voucher_amount),
			tax: null,
			total: decimal(amt.ttl_amount ?? order.open_amt),
		},
		shipping: {
			provider: ((order.logistics as IDataObject | undefined)?.shipping_agency ?? shippingInfo.logistic_name ?? null) as string | null,
			service: ((order.logistics as IDataObject | undefined)?.service_type ?? shippingInfo.logistic_service ?? null) as string | null,
			tracking_number: awb,
			package_ids: [],
		},
		is_cod: Boolean(order.is_cod_mitra ?? order.is_cod),
		is_cancelled: status === 'cancelled',
		cancel_reason: null,
	};
}
