/** Fixed demo credentials of the sandbox Tokopedia app (App ID = fs_id). */
export const TOKOPEDIA_FS_ID = 13004;
export const TOKOPEDIA_CLIENT_ID = 'sbx-tkpd-client-id';
export const TOKOPEDIA_CLIENT_SECRET = 'sbx-tkpd-client-secret';

/** Seeded shops: two linked to TOKOPEDIA_FS_ID, one that exists but is NOT linked (→ 403 RBAC_MDLW_001). */
export const TOKOPEDIA_LINKED_SHOP_IDS = [479066, 479573] as const;
export const TOKOPEDIA_UNLINKED_SHOP_ID = 1707045;
/** Warehouses per shop (first = default warehouse). */
export const TOKOPEDIA_WAREHOUSES: Record<number, number[]> = {
	479066: [8402620, 8402621],
	479573: [8402700],
	1707045: [8403100],
};

export const MSG_OK = 'Your request has been processed successfully';
export const MSG_4XX = 'We could not process your request due to malformed request, please check again';
export const MSG_5XX = 'Our server encounters an error, please try again later';

/** Order list window: to_date - from_date must be < this (exactly 3 days is rejected). */
export const ORDER_WINDOW_SECONDS = 3 * 24 * 3600;

export const BULK_MAX_ROWS = 100;
export const ACTIVE_MAX_IDS = 25;
export const PRODUCT_INFO_MAX_PER_PAGE = 50;

/** Routes whose JSON array rows each count as one request against the route's token bucket (§7.1). */
export const BULK_ROUTE_PATTERNS = [
	'/inventory/v1/fs/{fs_id}/stock/update',
	'/inventory/v1/fs/{fs_id}/stock/increment',
	'/inventory/v1/fs/{fs_id}/stock/decrement',
	'/inventory/v2/fs/{fs_id}/stock/increment',
	'/inventory/v2/fs/{fs_id}/stock/decrement',
	'/inventory/v1/fs/{fs_id}/price/update',
	'/v1/products/fs/{fs_id}/active',
	'/v1/products/fs/{fs_id}/inactive',
	'/v3/products/fs/{fs_id}/delete',
];

/** Order status codes (§6.1) used by the simulator. */
export const ST = {
	SELLER_CANCEL: 0,
	REJECTED: 10,
	BUYER_INSTANT_CANCEL: 15,
	PENDING: 100,
	WAIT_PAYMENT_3P: 103,
	PAID: 220,
	ACCEPTED: 400,
	WAITING_PICKUP: 450,
	SHIPPED: 500,
	DELIVERED: 600,
	FINISHED: 700,
} as const;

export const STATUS_TEXT: Record<number, string> = {
	0: 'Seller cancel order',
	10: 'Order rejected by seller',
	15: 'Instant cancel by buyer',
	100: 'Order created',
	103: 'Wait for payment confirmation from third party',
	220: 'Payment verified, order ready to process',
	400: 'Seller accept order',
	450: 'Waiting for pickup',
	500: 'Order shipment',
	600: 'Order delivered',
	700: 'Order finished',
};

export const NACK_REASONS: Record<number, string> = {
	0: 'Reject shipping',
	1: 'Product(s) out of stock',
	2: 'Product variant unavailable',
	3: 'Wrong price or weight',
	4: 'Shop closed',
	5: 'Others',
	7: 'Courier problem',
	8: "Buyer's request",
};
