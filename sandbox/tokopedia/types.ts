export interface Warehouse {
	warehouse_id: number;
	shop_id: number;
	warehouse_name: string;
	is_default: boolean;
	district_id: number;
	district_name: string;
	city_id: number;
	city_name: string;
	province_id: number;
	province_name: string;
	postal_code: string;
	address_detail: string;
	latlon: string;
}

export interface Etalase {
	id: number;
	name: string;
	alias: string;
}

export interface Shop {
	shop_id: number;
	user_id: number;
	shop_name: string;
	domain: string;
	/** linked to TOKOPEDIA_FS_ID? (unlinked shops answer 403 RBAC_MDLW_001 everywhere) */
	linked: boolean;
	is_open: number;
	date_shop_created: string;
	district_id: number;
	province_name: string;
	city_name: string;
	close_until: string | null;
	close_note: string;
	etalase: Etalase[];
	/** shipper_id → enabled service ids */
	couriers: Record<number, number[]>;
}

export interface Product {
	product_id: number;
	shop_id: number;
	name: string;
	/** unique per shop; '' for variant parents */
	sku: string;
	price: number;
	/** 1 active, 3 inactive, 0 deleted */
	status: number;
	condition: 'NEW' | 'USED';
	category_id: number;
	description: string;
	/** grams */
	weight: number;
	min_order: number;
	etalase_id: number;
	parent_id: number | null;
	children: number[];
	option: { color: string; size: string } | null;
	/** warehouse_id → stock */
	stock: Record<number, number>;
	create_time: number;
	update_time: number;
	price_update_time: number;
	/** set when a stock update to 0 deactivated the product automatically (restock re-activates it) */
	auto_inactive: boolean;
	sold: number;
	view_count: number;
}

export interface OrderItem {
	order_detail_id: number;
	product_id: number;
	name: string;
	sku: string;
	quantity: number;
	price: number;
	/** kg */
	weight: number;
	notes: string;
}

export interface Fulfilled {
	product_id: number;
	quantity_deliver: number;
	quantity_reject: number;
}

export interface HistoryEntry {
	status: number;
	time: number;
	by: string;
	message: string;
}

export interface Order {
	order_id: number;
	shop_id: number;
	warehouse_id: number;
	invoice: string;
	status: number;
	/** Wall-clock ms of the API ACK (Request Pickup is refused for pickupAfterAckSeconds after it). */
	acked_at_ms?: number;
	/** unix time the order reached 220 (null = never paid → not listed by GET /v2/order/list) */
	paid_at: number | null;
	create_time: number;
	update_time: number;
	payment_id: number;
	buyer: { id: number; name: string; phone: string; email: string };
	recipient: {
		name: string;
		phone: string;
		address: {
			address_full: string;
			district: string;
			city: string;
			province: string;
			country: string;
			postal_code: string;
			district_id: number;
			city_id: number;
			province_id: number;
			geo: string;
		};
	};
	logistics: { shipping_id: number; sp_id: number; shipping_agency: string; service_type: string };
	items: OrderItem[];
	shipping_cost: number;
	insurance_cost: number;
	voucher_amount: number;
	awb: string;
	autoresi_awb: string;
	booking_code: string;
	printed: boolean;
	print_count: number;
	accept_partial: boolean;
	products_fulfilled: Fulfilled[];
	buyer_cancel_request: { reason: string; time: number } | null;
	cancel_request_rejected: boolean;
	nack: { reason_code: number; reason: string; shop_close_end_date: string; shop_close_note: string; empty_products: number[] } | null;
	pof: { pof_detail: Array<{ order_dtl_id: number; quantity_request: number }>; create_time: number; pof_status: number } | null;
	pickup_request_time: string | null;
	/** whether this order's stock is currently held (created via control API in 220 → decremented) */
	stock_deducted: boolean;
	history: HistoryEntry[];
}

export interface StockLogEntry {
	seq: number;
	time: string;
	shop_id: number;
	warehouse_id: number;
	product_id: number;
	sku: string;
	/** update | increment | decrement | order_created | order_rejected | ack_partial_reject | drift | product_created | product_edited */
	op: string;
	before: number;
	after: number;
	delta: number;
	request_id: string | null;
	route: string | null;
}
