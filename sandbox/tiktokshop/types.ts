/* Entity shapes. Objects named like the API (snake_case) are returned as-is; internal bookkeeping lives in *Meta. */

export type OrderStatus =
	| 'UNPAID'
	| 'ON_HOLD'
	| 'AWAITING_SHIPMENT'
	| 'PARTIALLY_SHIPPING'
	| 'AWAITING_COLLECTION'
	| 'IN_TRANSIT'
	| 'DELIVERED'
	| 'COMPLETED'
	| 'CANCELLED';

export const ORDER_STATUSES: OrderStatus[] = [
	'UNPAID',
	'ON_HOLD',
	'AWAITING_SHIPMENT',
	'PARTIALLY_SHIPPING',
	'AWAITING_COLLECTION',
	'IN_TRANSIT',
	'DELIVERED',
	'COMPLETED',
	'CANCELLED',
];

export type PackageStatus = 'TO_FULFILL' | 'PROCESSING' | 'FULFILLING' | 'COMPLETED' | 'CANCELLED';
export type DeliveryOptionType = 'STANDARD' | 'EXPRESS' | 'ECONOMY' | 'SEND_BY_SELLER';

export interface Shop {
	id: string;
	cipher: string;
	code: string;
	name: string;
	region: string;
	seller_type: 'LOCAL' | 'CROSS_BORDER';
	/** internal: platform its orders carry */
	commercePlatform: 'TIKTOK_SHOP' | 'TOKOPEDIA';
}

export interface Address {
	region: string;
	region_code: string;
	state: string;
	city: string;
	distict: string;
	town: string;
	full_address: string;
	postal_code: string;
	contact_person: string;
	phone_number: string;
	geolocation: { latitude: string; longitude: string };
}

export interface Warehouse {
	id: string;
	name: string;
	is_default: boolean;
	effect_status: 'ENABLED' | 'DISABLED' | 'RESTRICTED';
	type: 'SALES_WAREHOUSE' | 'RETURN_WAREHOUSE';
	sub_type: 'DOMESTIC_WAREHOUSE';
	entity_id: string;
	address: Address;
}

export interface ShippingProvider {
	id: string;
	name: string;
}

export interface DeliveryOption {
	id: string;
	name: string;
	type: DeliveryOptionType;
	description: string;
	platform: string[];
	weight_limit: { max_weight: number; min_weight: number; unit: 'GRAM' };
	dimension_limit: { max_height: number; max_length: number; max_width: number; unit: 'CM' };
}

export interface DeliveryOptionRec {
	option: DeliveryOption;
	shopId: string;
	warehouseId: string;
	providers: ShippingProvider[];
}

export interface Sku {
	id: string;
	seller_sku: string;
	price: { currency: string; sale_price: string; tax_exclusive_price: string };
	inventory: Array<{ warehouse_id: string; quantity: number }>;
	sales_attributes: Array<{ id: string; name: string; value_id: string; value_name: string }>;
}

export interface Product {
	id: string;
	title: string;
	status: string;
	create_time: number;
	update_time: number;
	sales_regions: string[];
	skus: Sku[];
	integrated_platform_statuses?: Array<{ platform: string; status: string }>;
	listing_quality_tier: string;
	main_image: string;
}

export interface SkuRef {
	shopId: string;
	product: Product;
	sku: Sku;
}

export interface LineItem {
	id: string;
	product_id: string;
	product_name: string;
	sku_id: string;
	sku_name: string;
	sku_image: string;
	seller_sku: string;
	currency: string;
	original_price: string;
	sale_price: string;
	seller_discount: string;
	platform_discount: string;
	display_status: string;
	package_id?: string;
	package_status: PackageStatus;
	shipping_provider_id?: string;
	shipping_provider_name?: string;
	tracking_number?: string;
	rts_time?: number;
	cancel_reason?: string;
	cancel_user?: string;
	is_gift: boolean;
	sku_type: string;
	is_buyer_request_cancel?: boolean;
}

export interface Order {
	id: string;
	status: OrderStatus;
	create_time: number;
	update_time: number;
	paid_time?: number;
	rts_time?: number;
	collection_time?: number;
	delivery_time?: number;
	user_id: string;
	buyer_email: string;
	buyer_message: string;
	shipping_type: 'TIKTOK' | 'SELLER';
	delivery_option_id: string;
	delivery_option_name: string;
	delivery_type: 'HOME_DELIVERY';
	fulfillment_type: 'FULFILLMENT_BY_SELLER';
	warehouse_id: string;
	tracking_number?: string;
	shipping_provider?: string;
	shipping_provider_id?: string;
	is_cod: boolean;
	is_on_hold_order: boolean;
	is_buyer_request_cancel: boolean;
	is_sample_order: boolean;
	is_replacement_order: boolean;
	has_updated_recipient_address: boolean;
	cancel_reason?: string;
	cancel_time?: number;
	cancellation_initiator?: 'SELLER' | 'BUYER' | 'SYSTEM';
	commerce_platform: 'TIKTOK_SHOP' | 'TOKOPEDIA';
	order_type: 'NORMAL';
	rts_sla_time?: number;
	tts_sla_time?: number;
	shipping_due_time?: number;
	collection_due_time?: number;
	delivery_due_time?: number;
	cancel_order_sla_time?: number;
	packages?: Array<{ id: string }>;
	payment: Record<string, string>;
	recipient_address: Record<string, unknown>;
	line_items: LineItem[];
}

export interface OrderMeta {
	shopId: string;
	stockReserved: boolean;
	/** provider that will be used when the platform ships it (TIKTOK shipping) */
	plannedProvider: ShippingProvider;
	history: Array<{ status: OrderStatus; time: number }>;
	packageIds: string[];
	cancelledLineItems: Set<string>;
}

export interface Package {
	id: string;
	shopId: string;
	orderId: string;
	status: PackageStatus;
	handover_method?: 'PICKUP' | 'DROP_OFF';
	pickup_slot?: { start_time: number; end_time: number };
	tracking_number?: string;
	shipping_provider_id?: string;
	shipping_provider_name?: string;
	create_time: number;
	update_time: number;
	ship_time?: number;
	lineItemIds: string[];
	split: boolean;
}

export interface Cancellation {
	cancel_id: string;
	order_id: string;
	shopId: string;
	cancel_status: string;
	cancel_type: 'CANCEL' | 'BUYER_CANCEL';
	role: 'SELLER' | 'BUYER' | 'SYSTEM';
	cancel_reason: string;
	cancel_reason_text: string;
	create_time: number;
	update_time: number;
	order_line_item_ids: string[];
	should_replenish_stock: boolean;
}

export interface DocumentRec {
	token: string;
	packageId: string;
	shopId: string;
	documentType: string;
	documentSize: 'A6' | 'A5';
	expiresAt: number;
}
