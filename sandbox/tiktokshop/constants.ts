/** Fixed demo credentials of the sandbox TikTok Shop app. */
export const SANDBOX_APP_KEY = 'sbx_app_key_29a39d';
export const SANDBOX_APP_SECRET = 'sbx_app_secret_e59af819cc';
/** Valid at every sandbox start (and after POST /_sandbox/reset). */
export const SANDBOX_REFRESH_TOKEN = 'TTP_sbx_demo_refresh_token';

export const SANDBOX_OPEN_ID = '7010736057180325637';
export const SANDBOX_SELLER_NAME = 'Sandbox Seller Indonesia';
export const GRANTED_SCOPES = [
	'seller.authorization.info',
	'seller.order.info',
	'seller.fulfillment.basic',
	'seller.logistics',
	'seller.product.basic',
	'seller.product.write',
	'seller.return_refund.basic',
	'seller.shop.info',
];

export const AUTH_CODE_TTL_SECONDS = 30 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 365 * 24 * 3600;
export const DOCUMENT_URL_TTL_SECONDS = 24 * 3600;
export const TIMESTAMP_MAX_AGE_SECONDS = 300;
export const TIMESTAMP_MAX_AHEAD_SECONDS = 30;

/** Error codes used by the simulator (see sandbox/README.md for HTTP statuses). */
export const ERR = {
	INVALID_PARAM: 36009004, // app_key, timestamp, access token, shop_cipher, params ("branch on message")
	TOO_MANY_REQUESTS: 36009002,
	INTERNAL: 36009003,
	INVALID_PATH: 36009009,
	METHOD_NOT_SUPPORTED: 36009010,
	BAD_CONTENT_TYPE: 36009022,
	EXPIRED_TOKEN: 105002,
	INVALID_SIGN: 106001,
	MISSING_CIPHER: 106013,
	INVALID_AUTH_CODE: 36004004,
	RT_EXPIRED: 36004001,
	RT_NOT_FOUND: 36004005,
	NOT_OWNED: 21008111, // order/package does not exist or does not belong to the seller
	ORDER_STATUS_NOT_CANCELLABLE: 21011001,
	CANCEL_LINE_ITEM_INVALID: 21011002,
	PACKAGE_STATUS_NOT_SHIPPABLE: 21009001,
	SELF_SHIPMENT_REQUIRED: 21009002,
	INVALID_SHIPPING_PROVIDER: 21009003,
	DOCUMENT_NOT_AVAILABLE: 21009004,
	SHIPPING_INFO_NOT_UPDATABLE: 21009005,
	LINE_ITEM_NOT_SHIPPABLE: 21009006,
	WAREHOUSE_NOT_FOUND: 21009007,
	DELIVERY_OPTION_NOT_FOUND: 21009008,
} as const;
