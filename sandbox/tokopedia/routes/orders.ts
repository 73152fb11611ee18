import type { Router } from '../../common/http';
import { ORDER_WINDOW_SECONDS, ST } from '../constants';
import { bad, rbac } from '../envelope';
import { renderLabel } from '../label';
import { fmtDateTime, TokopediaState } from '../state';
import type { Order } from '../types';
import { orderListItem, singleOrder } from '../views';
import { type Handler, isInt, jsonBody, linkedShop, pathOrder, qInt, std } from './common';

const VALID_STATUSES = new Set([0, 2, 3, 4, 5, 6, 10, 11, 15, 100, 103, 200, 220, 221, 400, 450, 500, 501, 520, 530, 540, 550, 600, 601, 690, 691, 695, 698, 699, 700, 701]);

export function registerOrderRoutes(r: Router<Handler>): void {
	// O1 Get All Orders
	r.add('GET', '/v2/order/list', (c) => {
		const q = c.query;
		const from = qInt(q, 'from_date', () => bad('ORD_DLV_010', 'Invalid from_date'));
		if (from === null) throw bad('ORD_DLV_009', 'from_date cannot be empty');
		const to = qInt(q, 'to_date', () => bad('ORD_DLV_012', 'Invalid to_date'));
		if (to === null) throw bad('ORD_DLV_011', 'to_date cannot be empty');
		if (to < from) throw bad('ORD_DLV_012', 'Invalid to_date: to_date must not be before from_date');
		if (to - from >= ORDER_WINDOW_SECONDS) throw bad('ORD_DLV_013', 'Date Range must be less than 3 days');
		const page = qInt(q, 'page', () => bad('ORD_DLV_015', 'Invalid page'));
		if (page === null) throw bad('ORD_DLV_014', 'page cannot be empty');
		if (page < 1) throw bad('ORD_DLV_015', 'Invalid page: page must be at least 1');
		const perPage = qInt(q, 'per_page', () => bad('ORD_DLV_017', 'Invalid per_page'));
		if (perPage === null) throw bad('ORD_DLV_016', 'per_page cannot be empty');
		if (perPage < 1 || perPage > 100) throw bad('ORD_DLV_017', 'Invalid per_page: per_page must be between 1 and 100');
		const shopId = qInt(q, 'shop_id', () => bad('ORD_DLV_006', 'Invalid shop_id'));
		const whId = qInt(q, 'warehouse_id', () => bad('ORD_DLV_007', 'Invalid warehouse_id'));
		if (shopId !== null && whId !== null) throw bad('ORD_DLV_008', 'Choose either shop_id or warehouse_id, not both');
		const status = q.get('status');
		if (status !== null && status !== '' && (!/^\d+$/.test(status) || !VALID_STATUSES.has(Number(status)))) throw bad('ORD_DLV_018', 'Invalid status');
		let shops = c.state.linkedShops().map((s) => s.shop_id);
		if (shopId !== null) shops = [linkedShop(c, shopId).shop_id];
		if (whId !== null) {
			const w = c.state.warehouses.get(whId);
			if (!w) throw rbac(`warehouse_id ${whId}`);
			shops = [linkedShop(c, w.shop_id).shop_id];
		}
		const st = status ? Number(status) : null;
		const list: Order[] = [];
		for (const sid of shops)
			for (const o of c.state.ordersByShop.get(sid) ?? [])
				if (o.paid_at !== null && o.create_time >= from && o.create_time <= to && (st === null || o.status === st) && (whId === null || o.warehouse_id === whId)) list.push(o);
		list.sort((a, b) => a.create_time - b.create_time || a.order_id - b.order_id);
		const slice = list.slice((page - 1) * perPage, page * perPage);
		return std(slice.map((o) => orderListItem(c.state, o)));
	});

	// O2 Get Single Order
	r.add('GET', '/v2/fs/{fs_id}/order', (c) => {
		const oid = c.query.get('order_id') ?? '';
		const inv = c.query.get('invoice_num') ?? '';
		if (!oid && !inv) throw bad('ORD_DLV_003', 'order_id and invoice_num cannot be both empty');
		if (oid && inv) throw bad('ORD_DLV_004', 'You must choose one between order_id and invoice_num');
		let o: Order | undefined;
		if (oid) {
			if (!/^\d+$/.test(oid)) throw bad('ORD_DLV_005', 'Invalid order_id');
			o = c.state.orders.get(Number(oid));
		} else o = c.state.invoiceIndex.get(inv);
		if (!o) throw bad('ORD_API_008', 'Data Not Found');
		linkedShop(c, o.shop_id);
		return std(singleOrder(c.state, o));
	});

	// O3 ACK (optional partial-accept body)
	r.add('POST', '/v1/order/{order_id}/fs/{fs_id}/ack', (c) => {
		const o = pathOrder(c);
		const body = jsonBody(c, 'ORD_DLV_019');
		if (o.status !== ST.PAID) throw bad('ORD_USC_001', 'Order Status not eligible to accept');
		const rows = body?.products;
		if (rows !== undefined && rows !== null && !(Array.isArray(rows) && rows.length === 0)) {
			if (!Array.isArray(rows)) throw bad('ORD_DLV_020', 'products must be an array of {product_id, quantity_deliver, quantity_reject}');
			const fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: i.quantity, quantity_reject: 0 }));
			for (const row of rows) {
				const f = fulfilled.find((x) => x.product_id === row?.product_id);
				if (!f) throw bad('ORD_DLV_020', `product_id ${row?.product_id} is not part of order ${o.order_id}`);
				const item = o.items.find((i) => i.product_id === f.product_id)!;
				const qd = row.quantity_deliver;
				const qr = row.quantity_reject ?? item.quantity - qd;
				if (!isInt(qd) || !isInt(qr) || qd < 0 || qr < 0 || qd + qr !== item.quantity)
					throw bad('ORD_DLV_020', `quantity_deliver + quantity_reject must equal the ordered quantity (${item.quantity}) for product_id ${item.product_id}`);
				f.quantity_deliver = qd;
				f.quantity_reject = qr;
			}
			if (fulfilled.every((f) => f.quantity_deliver === 0)) throw bad('ORD_DLV_020', 'At least one product must be delivered; use nack to reject the order');
			const rejected = new Map(fulfilled.filter((f) => f.quantity_reject > 0).map((f) => [f.product_id, f.quantity_reject]));
			o.products_fulfilled = fulfilled;
			o.accept_partial = rejected.size > 0;
			if (rejected.size && o.stock_deducted) c.state.moveOrderStock(o, 1, 'ack_partial_reject', rejected);
		}
		c.state.accept(o);
		o.acked_at_ms = Date.now();
		return std('success');
	});

	// O4 NACK
	r.add('POST', '/v1/order/{order_id}/fs/{fs_id}/nack', (c) => {
		const o = pathOrder(c);
		const b = jsonBody(c, 'ORD_DLV_019');
		if (!b || typeof b !== 'object' || Array.isArray(b)) throw bad('ORD_DLV_020', 'Request body must be a JSON object with reason_code');
		const code = b.reason_code;
		if (code === undefined || code === null || code === '') throw bad('ORD_DLV_020', 'reason_code is required');
		if (!isInt(code) || code < 0 || code > 8 || code === 6) throw bad('ORD_DLV_020', 'Invalid reason_code (allowed: 0, 1, 2, 3, 4, 5, 7, 8)');
		const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
		if ([0, 7, 8].includes(code) && !reason) throw bad('ORD_USC_009', 'Reason is mandatory for this reason_code');
		if (reason.length > 200) throw bad('ORD_DLV_020', 'reason must be at most 200 characters');
		if (code === 4) {
			const d = TokopediaState.parseDmy(b.shop_close_end_date);
			if (!d) throw bad('ORD_USC_012', 'shop_close_end_date is required for reason_code 4 (format DD/MM/YYYY)');
			if (typeof b.shop_close_note !== 'string' || !b.shop_close_note.trim()) throw bad('ORD_USC_013', 'shop_close_note is required for reason_code 4');
		}
		const empty = b.empty_products ?? [];
		if (!Array.isArray(empty) || empty.some((x: unknown) => !isInt(x))) throw bad('ORD_DLV_020', 'empty_products must be an array of product ids');
		if (o.status !== ST.PAID) throw bad('ORD_USC_008', 'Order Status not eligible to reject');
		o.nack = { reason_code: code, reason, shop_close_end_date: code === 4 ? b.shop_close_end_date : '', shop_close_note: code === 4 ? b.shop_close_note : '', empty_products: empty };
		c.state.releaseStock(o, 'order_rejected');
		o.products_fulfilled = o.items.map((i) => ({ product_id: i.product_id, quantity_deliver: 0, quantity_reject: i.quantity }));
		c.state.setStatus(o, ST.REJECTED, 'seller', reason || `reason_code ${code}`);
		if (code === 4) {
			const shop = c.state.shopById.get(o.shop_id)!;
			shop.is_open = 0;
			shop.close_until = b.shop_close_end_date;
			shop.close_note = b.shop_close_note;
		}
		return std('success');
	});

	// O5 Confirm shipping
	r.add('POST', '/v1/order/{order_id}/fs/{fs_id}/status', (c) => {
		const o = pathOrder(c);
		const b = jsonBody(c, 'ORD_DLV_019');
		if (!b || typeof b !== 'object') throw bad('ORD_DLV_020', 'Request body must be {order_status, shipping_ref_num}');
		if (b.order_status !== 500 && b.order_status !== '500') throw bad('ORD_DLV_023', 'order status is not supported');
		const awb = typeof b.shipping_ref_num === 'string' ? b.shipping_ref_num.trim() : '';
		if (!awb) throw bad('ORD_DLV_021', 'Shipping Ref Num cannot be empty for confirm shipping');
		if (awb.length > 50) throw bad('ORD_DLV_020', 'shipping_ref_num must be at most 50 characters');
		if (o.status !== ST.ACCEPTED && o.status !== ST.WAITING_PICKUP)
			throw bad('LGS_USC_006', `Error When Request Confirm Shipping To Ext Service: order status ${o.status} is not eligible (must be 400 or 450)`);
		c.state.ship(o, awb);
		return std('Success');
	});

	// O6 Request pickup
	r.add('POST', '/inventory/v1/fs/{fs_id}/pick-up', (c) => {
		const b = jsonBody(c, 'ORD_DLV_019');
		if (!b || typeof b !== 'object') throw bad('ORD_DLV_020', 'Request body must be {order_id, shop_id}');
		if (!isInt(b.order_id)) throw bad('ORD_DLV_005', 'Invalid order_id');
		if (!isInt(b.shop_id)) throw bad('ORD_DLV_006', 'Invalid shop_id');
		linkedShop(c, b.shop_id);
		const o = c.state.orders.get(b.order_id);
		if (!o || o.shop_id !== b.shop_id) throw bad('ORD_API_008', 'Data Not Found');
		if (o.status !== ST.ACCEPTED) throw bad('ORD_USC_017', `Order status ${o.status} is not eligible to request pickup (must be 400)`);
		const waitMs = (o.acked_at_ms ?? 0) + c.state.settings.pickupAfterAckSeconds * 1000 - Date.now();
		if (waitMs > 0) throw bad('ORD_USC_025', `Pickup cannot be requested yet: wait ${Math.ceil(waitMs / 1000)} s after accepting the order`);
		c.state.requestPickup(o);
		return std({ order_id: o.order_id, shop_id: o.shop_id, request_time: fmtDateTime(c.now), result: 'Terima kasih telah melakukan pengiriman.' });
	});

	// O7 Shipping label (HTML)
	r.add('GET', '/v1/order/{order_id}/fs/{fs_id}/shipping-label', (c) => {
		const o = pathOrder(c);
		const pr = c.query.get('printed');
		if (pr !== null && pr !== '' && !['0', '1', 'true', 'false'].includes(pr)) throw bad('ORD_DLV_020', 'printed must be 0 or 1');
		if (o.status < ST.ACCEPTED || o.status > ST.FINISHED) throw bad('ORD_API_008', 'Data Not Found');
		const mark = !(pr === '0' || pr === 'false');
		if (mark) {
			o.printed = true;
			o.print_count++;
		}
		return { kind: 'html', html: renderLabel(c.state, o) };
	});

	// O8 Reject buyer's cancellation request
	r.add('POST', '/v1/order/{order_id}/fs/{fs_id}/reject-cancel', (c) => {
		const shopId = qInt(c.query, 'shop_id', () => bad('ORD_DLV_006', 'Invalid shop_id'));
		if (shopId === null) throw bad('ORD_DLV_006', 'shop_id cannot be empty');
		linkedShop(c, shopId);
		const o = pathOrder(c);
		if (o.shop_id !== shopId) throw bad('ORD_API_008', 'Data Not Found');
		if (!o.buyer_cancel_request || o.status < ST.ACCEPTED || o.status >= ST.DELIVERED)
			throw bad('ORD_USC_019', 'Order need to get request cancellation first from buyer');
		o.buyer_cancel_request = null;
		o.cancel_request_rejected = true;
		o.history.push({ status: o.status, time: c.now, by: 'seller', message: 'Permintaan pembatalan ditolak penjual' });
		o.update_time = c.now;
		return std({ success: true });
	});

	// O9 Request POF
	r.add('POST', '/v1/order/{order_id}/fs/{fs_id}/pof/request', (c) => {
		const o = pathOrder(c);
		const b = jsonBody(c, 'ORD_DLV_019');
		const rows = b?.pof_detail;
		if (!Array.isArray(rows) || !rows.length) throw bad('ORD_DLV_020', 'pof_detail must be a non-empty array of {order_dtl_id, quantity_request}');
		if (o.status !== ST.PAID) throw bad('ORD_API_012', `Order status ${o.status} is not eligible for partial order fulfillment (must be 220)`);
		if (o.pof) throw bad('ORD_API_013', 'Partial order fulfillment was already requested for this order');
		for (const row of rows) {
			const it = o.items.find((i) => i.order_detail_id === row?.order_dtl_id);
			if (!it) throw bad('ORD_API_010', `order_dtl_id ${row?.order_dtl_id} is not part of order ${o.order_id}`);
			if (!isInt(row.quantity_request) || row.quantity_request < 0 || row.quantity_request >= it.quantity)
				throw bad('ORD_API_011', `quantity_request must be an integer between 0 and ${it.quantity - 1} for order_dtl_id ${it.order_detail_id}`);
		}
		o.pof = { pof_detail: rows.map((x: any) => ({ order_dtl_id: x.order_dtl_id, quantity_request: x.quantity_request })), create_time: c.now, pof_status: 1 };
		o.update_time = c.now;
		return std({ success: true });
	});
}
