import { normalizeTikTokShopOrder, normalizeTokopediaOrder, tokopediaStatus, TIKTOK_STATUS } from '../../../nodes/common/normalizedOrder';

// Order-list item of the Tokopedia reference (tokopedia-api.md §3.2 O1, from the P1 fixture).
const tokopediaListOrder = {
	fs_id: '13004',
	order_id: 43481289,
	is_cod_mitra: false,
	accept_partial: false,
	invoice_ref_num: 'INV/20200110/XX/I/502',
	products: [{ id: 15242279, name: 'Chitato', quantity: 1, notes: '', weight: 0.004, total_weight: 0.004, price: 98784, total_price: 98784, currency: 'Rp', sku: '11550001', is_wholesale: true }],
	buyer: { id: 8970588, name: 'Buyer', phone: '62888888888', email: 'b***@example.com' },
	shop_id: 479066,
	payment_id: 11687315,
	recipient: { name: 'Recipient', phone: '628***', address: { address_full: 'Jl. X', district: 'Kobakma', city: 'Mamberamo', province: 'Papua', country: 'Indonesia', postal_code: '99558', district_id: 5455, city_id: 555, province_id: 33, geo: '-3.69,139.10' } },
	logistics: { shipping_id: 999, shipping_agency: 'Custom Logistik', service_type: 'Service Normal' },
	amt: { ttl_product_price: 98784, shipping_cost: 10000, insurance_cost: 0, ttl_amount: 108784, voucher_amount: 0, toppoints_amount: 0 },
	order_status: 700,
	warehouse_id: 0,
	create_time: 1578671153,
	custom_fields: { awb: 'CSDRRRRR502' },
	promo_order_detail: { total_discount: 20000 },
};

// Webhook order notification of the Tokopedia reference (§4.4): capitalised Name keys.
const tokopediaNotification = {
	fs_id: 13004,
	order_id: 576694264,
	invoice_ref_num: 'INV/20210905/XX/IX/1',
	products: [{ id: 1122747271, Name: 'BAJU PALING OKE1A', quantity: 2, price: 3000, total_price: 6000, currency: 'Rp.', sku: 'LKS1290C' }],
	customer: { id: 99098231, Name: '', phone: '', email: '' },
	recipient: { Name: 'openapi+buyer@tokopedia.com', phone: '628119916444', address: { address_full: 'Jl. Y', province: 'DKI Jakarta', postal_code: '12190' } },
	shop_id: 8212734,
	order_status: 220,
	create_time: 1630800000,
	amt: { ttl_product_price: 6000, shipping_cost: 9000, ttl_amount: 15000 },
	logistics: { shipping_agency: 'JNE', service_type: 'Reguler' },
};

// A TikTok Shop order per reference tiktokshop-api.md §5.1 (one line item per unit), from a Tokopedia shop.
const tiktokOrder = {
	id: '576653688135258178',
	status: 'AWAITING_SHIPMENT',
	create_time: 1718305585,
	update_time: 1718305600,
	paid_time: 1718305590,
	user_id: '7494',
	buyer_email: 'v***@scs.tiktokw.us',
	commerce_platform: 'TOKOPEDIA',
	is_cod: true,
	shipping_provider: 'J&T Express',
	delivery_option_name: 'Standard',
	tracking_number: '',
	packages: [{ id: '1152921504832210000' }],
	payment: { currency: 'IDR', sub_total: '90000', shipping_fee: '10000', seller_discount: '5000', platform_discount: '5000', total_amount: '100000', tax: '0' },
	recipient_address: { name: 'Budi', phone_number: '(+62)812****78', full_address: 'Jl. Z', postal_code: '12190', region_code: 'ID' },
	line_items: [
		{ id: 'L1', product_id: 'P1', sku_id: 'S1', seller_sku: 'KAOS-M', product_name: 'Kaos', sku_name: 'M', sale_price: '30000', seller_discount: '2500', platform_discount: '0' },
		{ id: 'L2', product_id: 'P1', sku_id: 'S1', seller_sku: 'KAOS-M', product_name: 'Kaos', sku_name: 'M', sale_price: '30000', seller_discount: '2500', platform_discount: '0' },
		{ id: 'L3', product_id: 'P2', sku_id: 'S2', seller_sku: 'TOPI', product_name: 'Topi', sku_name: '', sale_price: '30000', seller_discount: '0', platform_discount: '5000' },
	],
};

describe('normalized order model', () => {
	it('maps a Tokopedia order-list item', () => {
		expect(normalizeTokopediaOrder(tokopediaListOrder)).toEqual({
			marketplace: 'tokopedia',
			platform: 'TOKOPEDIA',
			shop_id: '479066',
			order_id: '43481289',
			invoice: 'INV/20200110/XX/I/502',
			status: 'completed',
			marketplace_status: '700',
			created_at: '2020-01-10T15:45:53.000Z',
			updated_at: null,
			paid_at: null,
			buyer: { id: '8970588', name: 'Buyer', email: 'b***@example.com', phone: '62888888888' },
			recipient: { name: 'Recipient', phone: '628***', address: 'Jl. X', postal_code: '99558', region: 'Papua' },
			line_items: [{ sku: '11550001', seller_sku: '11550001', product_id: '15242279', name: 'Chitato', quantity: 1, price: '98784', discount: null }],
			amounts: { currency: 'IDR', subtotal: '98784', shipping: '10000', discount: '20000', tax: null, total: '108784' },
			shipping: { provider: 'Custom Logistik', service: 'Service Normal', tracking_number: 'CSDRRRRR502', package_ids: [] },
			is_cod: false,
			is_cancelled: false,
			cancel_reason: null,
		});
	});

	it('reads the capitalised keys of a Tokopedia webhook payload; blank buyer fields are null', () => {
		const order = normalizeTokopediaOrder(tokopediaNotification);
		expect(order.status).toBe('new');
		expect(order.line_items[0]).toMatchObject({ name: 'BAJU PALING OKE1A', quantity: 2, seller_sku: 'LKS1290C' });
		expect(order.recipient).toMatchObject({ name: 'openapi+buyer@tokopedia.com', phone: '628119916444' });
		expect(order.buyer).toEqual({ id: '99098231', name: null, phone: null, email: null });
		expect(order.shipping.tracking_number).toBeNull();
	});

	it('reads Tokopedia times in Jakarta time and the zero time as "not yet"', () => {
		expect(normalizeTokopediaOrder({ ...tokopediaNotification, payment_date: '2021-09-05 07:30:00' }).paid_at).toBe('2021-09-05T00:30:00.000Z');
		const single = { order_id: 1, order_status: 220, order_info: { order_detail: [] }, payment_date: '2021-09-05T07:30:00+07:00', update_time: '0001-01-01T00:00:00Z' };
		expect(normalizeTokopediaOrder(single)).toMatchObject({ paid_at: '2021-09-05T00:30:00.000Z', updated_at: null });
	});

	it('maps a TikTok Shop order of a Tokopedia shop, grouping one-line-per-unit items by SKU', () => {
		const order = normalizeTikTokShopOrder(tiktokOrder, '7495');
		expect(order).toMatchObject({
			marketplace: 'tiktokshop',
			platform: 'TOKOPEDIA',
			shop_id: '7495',
			status: 'accepted',
			marketplace_status: 'AWAITING_SHIPMENT',
			paid_at: '2024-06-13T19:06:30.000Z',
			is_cod: true,
			amounts: { currency: 'IDR', subtotal: '90000', shipping: '10000', discount: '10000', total: '100000' },
			shipping: { provider: 'J&T Express', package_ids: ['1152921504832210000'] },
			recipient: { phone: '(+62)812****78' },
			buyer: { id: '7494', name: null, email: 'v***@scs.tiktokw.us', phone: null },
		});
		expect(order.shipping.tracking_number).toBeNull();
		expect(order.line_items).toEqual([
			{ sku: 'S1', seller_sku: 'KAOS-M', product_id: 'P1', name: 'Kaos - M', quantity: 2, price: '30000', discount: '5000' },
			{ sku: 'S2', seller_sku: 'TOPI', product_id: 'P2', name: 'Topi', quantity: 1, price: '30000', discount: '5000' },
		]);
		expect(normalizeTikTokShopOrder({ ...tiktokOrder, commerce_platform: 'TIKTOK_SHOP' }, null).platform).toBe('TIKTOK_SHOP');
	});

	it('maps every status onto the small enum', () => {
		expect(TIKTOK_STATUS).toEqual({
			UNPAID: 'new',
			ON_HOLD: 'new',
			AWAITING_SHIPMENT: 'accepted',
			PARTIALLY_SHIPPING: 'shipped',
			AWAITING_COLLECTION: 'ready_to_ship',
			IN_TRANSIT: 'shipped',
			DELIVERED: 'delivered',
			COMPLETED: 'completed',
			CANCELLED: 'cancelled',
		});
		const table = Object.fromEntries([0, 10, 15, 100, 220, 221, 400, 450, 500, 520, 540, 550, 600, 601, 690, 700, 701].map((c) => [c, tokopediaStatus(c)]));
		expect(table).toEqual({
			0: 'cancelled', 10: 'cancelled', 15: 'cancelled', 100: 'new', 220: 'new', 221: 'new', 400: 'accepted', 450: 'ready_to_ship',
			500: 'shipped', 520: 'shipped', 540: 'shipped', 550: 'returned', 600: 'delivered', 601: 'delivered', 690: 'cancelled', 700: 'completed', 701: 'completed',
		});
	});
});
