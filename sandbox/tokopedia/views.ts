import { TOKOPEDIA_FS_ID } from './constants';
import { LEAF_CATEGORIES, rfc3339, type TokopediaState } from './state';
import type { Order, Product, Shop } from './types';

const totals = (o: Order) => {
	const ttl = o.items.reduce((s, i) => s + i.price * i.quantity, 0);
	return { ttl, amount: ttl + o.shipping_cost + o.insurance_cost - o.voucher_amount };
};

/** Order list item (O1), shaped like P1:order/get-all-orders-ok.json — note `fs_id` is a STRING here. */
export function orderListItem(s: TokopediaState, o: Order): Record<string, unknown> {
	const { ttl, amount } = totals(o);
	return {
		fs_id: String(TOKOPEDIA_FS_ID),
		order_id: o.order_id,
		is_cod_mitra: false,
		accept_partial: o.accept_partial,
		invoice_ref_num: o.invoice,
		have_product_bundle: false,
		products: o.items.map((i) => ({
			id: i.product_id,
			name: i.name,
			quantity: i.quantity,
			notes: i.notes,
			weight: i.weight,
			total_weight: Number((i.weight * i.quantity).toFixed(3)),
			price: i.price,
			total_price: i.price * i.quantity,
			currency: 'Rp',
			sku: i.sku,
			is_wholesale: false,
		})),
		products_fulfilled: o.products_fulfilled.map((f) => ({ ...f })),
		device_type: '',
		buyer: { ...o.buyer },
		shop_id: o.shop_id,
		payment_id: o.payment_id,
		recipient: { name: o.recipient.name, phone: o.recipient.phone, address: { ...o.recipient.address } },
		logistics: { shipping_id: o.logistics.shipping_id, district_id: 0, city_id: 0, province_id: 0, geo: '', shipping_agency: o.logistics.shipping_agency, service_type: o.logistics.service_type },
		amt: { ttl_product_price: ttl, shipping_cost: o.shipping_cost, insurance_cost: o.insurance_cost, ttl_amount: amount, voucher_amount: o.voucher_amount, toppoints_amount: 0 },
		dropshipper_info: {},
		voucher_info: { voucher_code: o.voucher_amount ? 'SBXHEMAT' : '', voucher_type: o.voucher_amount ? 1 : 0 },
		order_status: o.status,
		warehouse_id: o.warehouse_id,
		fulfill_by: 0,
		create_time: o.create_time,
		custom_fields: { awb: o.awb },
		promo_order_detail: {
			order_id: o.order_id,
			total_cashback: 0,
			total_discount: o.voucher_amount,
			total_discount_product: o.voucher_amount,
			total_discount_shipping: 0,
			total_discount_details: o.voucher_amount ? [{ amount: o.voucher_amount, type: 'discount_product' }] : [],
			summary_promo: [],
		},
		shipment_fulfillment: { accept_deadline: (o.paid_at ?? o.create_time) + 2 * 86400, confirm_shipping_deadline: (o.paid_at ?? o.create_time) + 4 * 86400 },
		is_plus: false,
	};
}

/** Single order (O2), shaped like P1:order/get-single-order-ok.json — RFC3339 timestamps. */
export function singleOrder(s: TokopediaState, o: Order): Record<string, unknown> {
	const shop = s.shopById.get(o.shop_id)!;
	const wh = s.warehouses.get(o.warehouse_id);
	const { ttl, amount } = totals(o);
	const paid = o.paid_at;
	const find = (st: number) => o.history.find((h) => h.status === st)?.time ?? null;
	const delivered = find(600);
	const shipped = find(500);
	return {
		order_id: o.order_id,
		buyer_id: o.buyer.id,
		seller_id: shop.user_id,
		payment_id: o.payment_id,
		is_affiliate: false,
		is_fulfillment: false,
		order_warehouse: { warehouse_id: o.warehouse_id, fulfill_by: 0, meta_data: { warehouse_id: o.warehouse_id, partner_id: 0, shop_id: o.shop_id, warehouse_name: wh?.warehouse_name ?? '', district_id: wh?.district_id ?? 0, city_id: wh?.city_id ?? 0, province_id: wh?.province_id ?? 0, postal_code: wh?.postal_code ?? '', is_default: wh?.is_default ? 1 : 0, latlon: wh?.latlon ?? '' } },
		order_status: o.status,
		invoice_number: o.invoice,
		invoice_pdf: `Invoice-${o.buyer.id}-${o.shop_id}-${o.create_time}.pdf`,
		invoice_url: `https://www.tokopedia.com/invoice.pl?id=${o.order_id}&pdf=Invoice-${o.buyer.id}-${o.shop_id}`,
		open_amt: amount,
		lp_amt: 0,
		cashback_amt: 0,
		info: '',
		comment: o.nack ? o.nack.reason : '',
		item_price: ttl,
		buyer_info: { buyer_id: o.buyer.id, buyer_fullname: o.buyer.name, buyer_email: o.buyer.email, buyer_phone: o.buyer.phone },
		shop_info: { shop_owner_id: shop.user_id, shop_owner_email: `owner@${shop.domain}.example`, shop_owner_phone: '6281200000000', shop_name: shop.shop_name, shop_domain: shop.domain, shop_id: shop.shop_id },
		shipment_fulfillment: {
			id: o.order_id + 1000000000,
			order_id: o.order_id,
			payment_date_time: rfc3339(paid),
			is_same_day: o.logistics.shipping_id === 10,
			accept_deadline: rfc3339((paid ?? o.create_time) + 2 * 86400),
			confirm_shipping_deadline: rfc3339((paid ?? o.create_time) + 4 * 86400),
			item_delivered_deadline: { Time: rfc3339(delivered), Valid: delivered !== null },
			is_accepted: o.status >= 400,
			is_confirm_shipping: o.status >= 500,
			is_item_delivered: o.status >= 600,
			fulfillment_status: o.status >= 600 ? 3 : o.status >= 500 ? 2 : o.status >= 400 ? 1 : 0,
		},
		preorder: { order_id: o.order_id, preorder_type: 0, preorder_process_time: 0, preorder_process_start: '0001-01-01T00:00:00Z', preorder_deadline: '0001-01-01T00:00:00Z', shop_id: o.shop_id, customer_id: o.buyer.id },
		order_info: {
			order_detail: o.items.map((i) => {
				const f = o.products_fulfilled.find((x) => x.product_id === i.product_id);
				return {
					order_detail_id: i.order_detail_id,
					product_id: i.product_id,
					product_name: i.name,
					product_desc_pdp: '',
					product_desc_atc: '',
					product_price: i.price,
					subtotal_price: i.price * i.quantity,
					weight: i.weight,
					total_weight: Number((i.weight * i.quantity).toFixed(3)),
					quantity: i.quantity,
					quantity_deliver: f ? f.quantity_deliver : i.quantity,
					quantity_reject: f ? f.quantity_reject : 0,
					is_free_returns: false,
					insurance_price: 0,
					normal_price: i.price,
					currency_id: 1,
					currency_rate: 1,
					min_order: 1,
					child_cat_id: s.products.get(i.product_id)?.category_id ?? 0,
					campaign_id: '',
					product_picture: `https://images.tokopedia.net/img/cache/300/product-1/${i.product_id}.jpg`,
					snapshot_url: `https://www.tokopedia.com/snapshot_product.pl?order_id=${o.order_id}&dtl_id=${i.order_detail_id}`,
					sku: i.sku,
				};
			}),
			order_history: [...o.history].reverse().map((h) => ({ action_by: h.by, hist_status_code: h.status, message: h.message, timestamp: rfc3339(h.time), comment: '', create_by: 0, update_by: h.by })),
			order_age_day: Math.floor((s.clock.now() - o.create_time) / 86400),
			shipping_age_day: shipped ? Math.floor((s.clock.now() - shipped) / 86400) : 0,
			delivered_age_day: delivered ? Math.floor((s.clock.now() - delivered) / 86400) : 0,
			partial_process: o.accept_partial ? 1 : 0,
			shipping_info: {
				sp_id: o.logistics.sp_id,
				shipping_id: o.logistics.shipping_id,
				logistic_name: o.logistics.shipping_agency,
				logistic_service: o.logistics.service_type,
				shipping_price: o.shipping_cost,
				shipping_price_rate: o.shipping_cost,
				shipping_fee: 0,
				insurance_price: o.insurance_cost,
				fee: 0,
				is_change_courier: false,
				second_sp_id: 0,
				second_shipping_id: 0,
				second_logistic_name: '',
				second_logistic_service: '',
				second_agency_fee: 0,
				second_insurance: 0,
				second_rate: 0,
				awb: o.awb,
				autoresi_cashless_status: 0,
				autoresi_awb: o.autoresi_awb,
				autoresi_shipping_price: 0,
				count_awb: o.awb ? 1 : 0,
				isCashless: true,
				is_fake_delivery: false,
			},
			destination: {
				receiver_name: o.recipient.name,
				receiver_phone: o.recipient.phone,
				address_street: o.recipient.address.address_full,
				address_district: o.recipient.address.district,
				address_city: o.recipient.address.city,
				address_province: o.recipient.address.province,
				address_postal: o.recipient.address.postal_code,
				customer_address_id: o.buyer.id * 10 + 1,
				district_id: o.recipient.address.district_id,
				city_id: o.recipient.address.city_id,
				province_id: o.recipient.address.province_id,
			},
			is_replacement: false,
			replacement_multiplier: 0,
		},
		origin_info: { sender_name: shop.shop_name, origin_province: wh?.province_id ?? 0, origin_province_name: wh?.province_name ?? '', origin_city: wh?.city_id ?? 0, origin_city_name: wh?.city_name ?? '', origin_address: wh?.address_detail ?? '', origin_district: wh?.district_id ?? 0, origin_district_name: wh?.district_name ?? '', origin_postal_code: wh?.postal_code ?? '', origin_geo: wh?.latlon ?? '', receiver_name: o.recipient.name, destination_address: o.recipient.address.address_full, destination_province: o.recipient.address.province_id, destination_city: o.recipient.address.city_id, destination_district: o.recipient.address.district_id, destination_postal_code: o.recipient.address.postal_code, destination_geo: o.recipient.address.geo, destination_loc: { lat: 0, lng: 0 } },
		payment_info: { payment_id: o.payment_id, payment_ref_num: `PYM/${o.invoice.split('/')[1]}/${o.payment_id}`, payment_date: rfc3339(paid), payment_method: 1, payment_status: paid ? 'Verified' : 'Pending', payment_status_id: paid ? 2 : 1, create_time: rfc3339(o.create_time), pg_id: 1, gateway_name: 'BCA Virtual Account', discount_amount: o.voucher_amount, voucher_code: '', voucher_id: 0 },
		insurance_info: { insurance_type: o.insurance_cost ? 1 : 0 },
		hold_info: null,
		cancel_request_info: o.buyer_cancel_request
			? { create_time: rfc3339(o.buyer_cancel_request.time), reason: o.buyer_cancel_request.reason, status: 1 }
			: o.cancel_request_rejected
				? { create_time: '0001-01-01T00:00:00Z', reason: '', status: 2 }
				: null,
		pof_info: o.pof ? { order_id: o.order_id, pof_status: o.pof.pof_status, create_time: rfc3339(o.pof.create_time), pof_detail: o.pof.pof_detail } : null,
		create_time: rfc3339(o.create_time),
		shipping_date: rfc3339(shipped),
		update_time: rfc3339(o.update_time),
		payment_date: rfc3339(paid),
		delivered_date: rfc3339(delivered),
		est_shipping_date: rfc3339((paid ?? o.create_time) + 2 * 86400),
		est_delivery_date: rfc3339((paid ?? o.create_time) + 5 * 86400),
		related_invoices: null,
		custom_fields: null,
	};
}

/** Product info (PR1) with the capitalised keys of the real API (basic.Name, menu.Name, categoryTree[].Name). */
export function productInfo(s: TokopediaState, p: Product): Record<string, unknown> {
	const shop = s.shopById.get(p.shop_id)!;
	const url = s.productUrl(p);
	const leaf = LEAF_CATEGORIES.find((c) => c.id === p.category_id);
	const menu = shop.etalase.find((e) => e.id === p.etalase_id);
	const total = s.totalStock(p);
	const whs = s.warehousesByShop.get(p.shop_id)!;
	return {
		basic: { productID: p.product_id, shopID: p.shop_id, status: p.status, Name: p.name, condition: p.condition === 'NEW' ? 1 : 2, childCategoryID: p.category_id, shortDesc: p.description, mustInsurance: false, createTimeUnix: p.create_time, updateTimeUnix: p.update_time },
		price: { value: p.price, currency: 1, LastUpdateUnix: p.price_update_time, idr: p.price },
		weight: { value: p.weight, unit: 1 },
		stock: { useStock: true, value: total, stockWording: total > 0 ? `Stok ${total}` : 'Stok habis' },
		main_stock: total,
		reserve_stock: 0,
		variant: { isParent: p.children.length > 0, isVariant: p.parent_id !== null || p.children.length > 0, childrenID: [...p.children] },
		menu: { id: menu?.id ?? 0, Name: menu?.name ?? '' },
		preorder: {},
		extraAttribute: { minOrder: p.min_order, lastUpdateCategory: p.create_time, isEligibleCOD: false, isOnCampaign: false },
		wholesale: null,
		categoryTree: (leaf?.path ?? []).map((c) => ({ id: c.id, Name: c.name, title: c.name, breadcrumbURL: `https://www.tokopedia.com/p/${c.id}` })),
		pictures: [{ picID: p.product_id * 10 + 1, fileName: `${p.product_id}.jpg`, filePath: `product-1/${p.product_id}.jpg`, status: 2, OriginalURL: `https://images.tokopedia.net/img/product-1/${p.product_id}.jpg`, ThumbnailURL: `https://images.tokopedia.net/img/cache/200-square/product-1/${p.product_id}.jpg`, width: 700, height: 700, URL300: `https://images.tokopedia.net/img/cache/300/product-1/${p.product_id}.jpg` }],
		GMStats: { transactionSuccess: p.sold, transactionReject: 0, countSold: p.sold },
		stats: { countView: p.view_count },
		other: { sku: p.sku, url, mobileURL: url.replace('www.', 'm.') },
		campaign: { StartDate: '', EndDate: '' },
		volume: { length: 10, width: 10, height: 5 },
		warehouses: p.children.length
			? []
			: whs.map((w) => ({ productID: p.product_id, warehouseID: w.warehouse_id, price: { value: p.price, currency: 1, LastUpdateUnix: p.price_update_time, idr: p.price }, stock: { useStock: true, value: p.stock[w.warehouse_id] ?? 0 } })),
	};
}

/** Variant by product (PR2). */
export function variantInfo(s: TokopediaState, p: Product): Record<string, unknown> {
	const parent = p.parent_id !== null ? s.products.get(p.parent_id)! : p;
	const kids = parent.children.map((id) => s.products.get(id)!).filter((c) => c.status !== 0);
	const colors = [...new Set(kids.map((k) => k.option!.color))];
	const sizes = [...new Set(kids.map((k) => k.option!.size))];
	const colorIds = new Map(colors.map((c, i) => [c, 1000 + i]));
	const sizeIds = new Map(sizes.map((c, i) => [c, 2000 + i]));
	return {
		parent_id: parent.product_id,
		default_child: kids[0]?.product_id ?? 0,
		sizechart: [],
		variant: kids.length
			? [
					{ name: 'Warna', identifier: 'colour', unit_name: '', position: 1, option: colors.map((c) => ({ id: colorIds.get(c), value: c, hex: '' })) },
					{ name: 'Ukuran', identifier: 'size', unit_name: 'International', position: 2, option: sizes.map((c) => ({ id: sizeIds.get(c), value: c, hex: '' })) },
				]
			: [],
		children: kids.map((k) => {
			const st = s.totalStock(k);
			const url = s.productUrl(k);
			return {
				name: k.name,
				url,
				product_id: k.product_id,
				price: k.price,
				price_fmt: 'Rp ' + k.price.toLocaleString('id-ID'),
				stock: st,
				main_stock: st,
				reserve_stock: 0,
				sku: k.sku,
				option_ids: [colorIds.get(k.option!.color), sizeIds.get(k.option!.size)],
				enabled: k.status === 1,
				is_buyable: k.status === 1 && st > 0,
				is_wishlist: false,
				picture: { original: `https://images.tokopedia.net/img/product-1/${k.product_id}.jpg`, thumbnail: `https://images.tokopedia.net/img/cache/200-square/product-1/${k.product_id}.jpg` },
				campaign: { is_active: false, discounted_percentage: 0, discounted_price: 0, campaign_type: 0, campaign_type_name: '', start_date: '', end_date: '' },
				always_available: false,
				stock_wording: st > 0 ? `Stok ${st}` : 'Stok habis',
				other_variant_stock: '',
				is_limited_stock: st > 0 && st < 10,
			};
		}),
	};
}

/** Shop info item (S1). */
export function shopInfo(s: TokopediaState, shop: Shop): Record<string, unknown> {
	return {
		shop_id: shop.shop_id,
		user_id: shop.user_id,
		shop_name: shop.shop_name,
		logo: `https://images.tokopedia.net/img/seller_no_logo_${shop.shop_id % 3}.png`,
		shop_url: `https://www.tokopedia.com/${shop.domain}`,
		is_open: shop.is_open,
		status: 1,
		date_shop_created: shop.date_shop_created,
		domain: shop.domain,
		admin_id: [shop.user_id],
		reason: shop.is_open ? '' : shop.close_note,
		district_id: shop.district_id,
		province_name: shop.province_name,
		warehouses: s.warehousesByShop.get(shop.shop_id)!.map((w) => ({
			warehouse_id: w.warehouse_id,
			shop_id: w.shop_id,
			warehouse_name: w.warehouse_name,
			district_id: w.district_id,
			district_name: w.district_name,
			city_id: w.city_id,
			city_name: w.city_name,
			province_id: w.province_id,
			province_name: w.province_name,
			postal_code: w.postal_code,
			address_detail: w.address_detail,
			latlon: w.latlon,
			is_default: w.is_default ? 1 : 0,
			status: 1,
		})),
		subscribe_tokocabang: false,
		is_mitra: false,
	};
}
