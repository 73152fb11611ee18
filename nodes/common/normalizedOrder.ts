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
	// Tokopedia writes "2021-09-05 00:00:00" in Jakarta time (WIB, UTC+7), with no offset.
	const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(String(value)) ? `${String(value).replace(' ', 'T')}+07:00` : String(value);
	const ms = Date.parse(text);
	// Tokopedia's "not happened yet" is Go's zero time, 0001-01-01T00:00:00Z.
	return Number.isNaN(ms) || ms <= 0 ? null : new Date(ms).toISOString();
}

/** A value the marketplace left out or blank is null, so every field of the model is always present. */
function text(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
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
export function normalizeTikTokShopOrder(order: IDataObject, shopId: string | null): NormalizedOrder {
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
		shop_id: text(shopId),
		order_id: String(order.id),
		invoice: null,
		status: TIKTOK_STATUS[status] ?? 'new',
		marketplace_status: status,
		created_at: iso(order.create_time),
		updated_at: iso(order.update_time),
		paid_at: iso(order.paid_time),
		// TikTok gives the buyer's id and (masked) email only; name and phone are the recipient's.
		buyer: { id: text(order.user_id), name: null, email: text(order.buyer_email), phone: null },
		recipient: {
			name: text(address.name),
			phone: text(address.phone_number),
			address: text(address.full_address),
			postal_code: text(address.postal_code),
			region: text(address.region_code),
		},
		line_items: [...lines.values()],
		amounts: {
			currency: text(payment.currency),
			subtotal: decimal(payment.sub_total),
			shipping: decimal(payment.shipping_fee),
			discount: add(decimal(payment.seller_discount), decimal(payment.platform_discount)),
			tax: decimal(payment.tax),
			total: decimal(payment.total_amount),
		},
		shipping: {
			provider: text(order.shipping_provider),
			service: text(order.delivery_option_name),
			tracking_number: text(order.tracking_number),
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

/**
 * Tokopedia has two order shapes: the order list, whose new-order webhook is a copy (capitalised
 * `Name` keys, `customer` for `buyer`), and the single order (`order_info`, `buyer_info`, RFC 3339
 * times). Each field below is read from where that shape keeps the same fact.
 */
export function normalizeTokopediaOrder(order: IDataObject): NormalizedOrder {
	const single = order.order_info !== undefined;
	const code = Number(order.order_status ?? 0);
	const info = (order.order_info as IDataObject) ?? {};
	const shippingInfo = (info.shipping_info as IDataObject) ?? {};
	const destination = (info.destination as IDataObject) ?? {};
	const paymentInfo = (order.payment_info as IDataObject) ?? {};
	const buyer = lowerKeys(single ? order.buyer_info : (order.buyer ?? order.customer));
	const recipient = lowerKeys(order.recipient);
	const address = lowerKeys(recipient.address);
	const logistics = (order.logistics as IDataObject) ?? {};
	const amt = (order.amt as IDataObject) ?? {};
	const promo = (order.promo_order_detail as IDataObject) ?? {};
	const products = single
		? ((info.order_detail as IDataObject[]) ?? []).map((p) => ({
				sku: text(p.sku),
				seller_sku: text(p.sku),
				product_id: text(p.product_id),
				name: String(p.product_name ?? ''),
				quantity: Number(p.quantity ?? 0),
				price: decimal(p.product_price),
				discount: null,
			}))
		: ((order.products as IDataObject[]) ?? []).map((raw) => {
				const p = lowerKeys(raw);
				return {
					sku: text(p.sku),
					seller_sku: text(p.sku),
					product_id: text(p.id),
					name: String(p.name ?? ''),
					quantity: Number(p.quantity ?? 0),
					price: decimal(p.price),
					discount: null,
				};
			});
	const status = tokopediaStatus(code);
	return {
		marketplace: 'tokopedia',
		platform: 'TOKOPEDIA',
		shop_id: text(order.shop_id ?? (order.shop_info as IDataObject | undefined)?.shop_id),
		order_id: String(order.order_id),
		invoice: text(order.invoice_ref_num ?? order.invoice_number ?? order.invoice_num),
		status,
		marketplace_status: String(code),
		created_at: iso(order.create_time),
		updated_at: iso(order.update_time),
		// The payment-verified time; the order list does not carry it (the webhook copy and the single order do).
		paid_at: iso(single ? (order.payment_date ?? paymentInfo.payment_date) : order.payment_date),
		buyer: single
			? { id: text(buyer.buyer_id), name: text(buyer.buyer_fullname), email: text(buyer.buyer_email), phone: text(buyer.buyer_phone) }
			: { id: text(buyer.id), name: text(buyer.name), email: text(buyer.email), phone: text(buyer.phone) },
		recipient: single
			? { name: text(destination.receiver_name), phone: text(destination.receiver_phone), address: text(destination.address_street), postal_code: text(destination.address_postal), region: text(destination.address_province) }
			: { name: text(recipient.name), phone: text(recipient.phone), address: text(address.address_full), postal_code: text(address.postal_code), region: text(address.province) },
		line_items: products,
		amounts: {
			currency: 'IDR',
			subtotal: decimal(single ? info.item_price ?? order.item_price : amt.ttl_product_price),
			shipping: decimal(single ? shippingInfo.shipping_price : amt.shipping_cost),
			// The order's total promotion and voucher discount: promo_order_detail in the list, payment_info in the single order.
			discount: decimal(promo.total_discount ?? (single ? paymentInfo.discount_amount : amt.voucher_amount)),
			tax: null,
			total: decimal(single ? order.open_amt : amt.ttl_amount),
		},
		shipping: {
			provider: text(single ? shippingInfo.logistic_name : logistics.shipping_agency),
			service: text(single ? shippingInfo.logistic_service : logistics.service_type),
			// The AWB the seller confirmed shipping with (custom_fields.awb in the list, shipping_info.awb in the single order).
			tracking_number: text(single ? shippingInfo.awb : ((order.custom_fields as IDataObject | null) ?? {}).awb),
			package_ids: [],
		},
		is_cod: Boolean(order.is_cod_mitra ?? order.is_cod),
		is_cancelled: status === 'cancelled',
		cancel_reason: null,
	};
}
