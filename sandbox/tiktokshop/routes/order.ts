import type { Router } from '../../common/http';
import { invalidParam, ok } from '../envelope';
import { ORDER_STATUSES, type Order } from '../types';
import { type Handler, optInt, pageSize, paginate, requireShop, sortParams, sorter } from './common';

export function registerOrderRoutes(r: Router<Handler>): void {
	r.add('POST', '/order/202309/orders/search', (c) => {
		const shop = requireShop(c);
		const size = pageSize(c.query, 1, 100);
		const sort = sortParams(c.query, ['create_time', 'update_time'], 'DESC');
		const b = c.body ?? {};
		const status = b.order_status;
		if (status !== undefined && (typeof status !== 'string' || !ORDER_STATUSES.includes(status as any)))
			throw invalidParam(`order_status must be one of ${ORDER_STATUSES.join(', ')}`);
		const cge = optInt(b, 'create_time_ge');
		const clt = optInt(b, 'create_time_lt');
		const uge = optInt(b, 'update_time_ge');
		const ult = optInt(b, 'update_time_lt');
		const shippingType = b.shipping_type;
		if (shippingType !== undefined && !['TIKTOK', 'SELLER', 'TIKTOK_DIGITAL'].includes(shippingType))
			throw invalidParam('shipping_type must be TIKTOK, SELLER or TIKTOK_DIGITAL');
		const buyer = b.buyer_user_id;
		const brc = b.is_buyer_request_cancel;
		if (brc !== undefined && typeof brc !== 'boolean') throw invalidParam('is_buyer_request_cancel must be a boolean');
		const wids = b.warehouse_ids;
		if (wids !== undefined && (!Array.isArray(wids) || wids.length > 100)) throw invalidParam('warehouse_ids must be an array of at most 100 ids');
		const wset = wids ? new Set<string>(wids.map(String)) : null;
		const list = c.state.shopOrders(shop.id).filter(
			(o: Order) =>
				(status === undefined || o.status === status) &&
				(cge === undefined || o.create_time >= cge) &&
				(clt === undefined || o.create_time < clt) &&
				(uge === undefined || o.update_time >= uge) &&
				(ult === undefined || o.update_time < ult) &&
				(shippingType === undefined || o.shipping_type === shippingType) &&
				(buyer === undefined || o.user_id === String(buyer)) &&
				(brc === undefined || o.is_buyer_request_cancel === brc) &&
				(!wset || wset.has(o.warehouse_id)),
		);
		list.sort(sorter<Order>(sort.field, sort.order, (o) => (sort.field === 'update_time' ? o.update_time : o.create_time)));
		const key = JSON.stringify(['orders', shop.id, sort, status, cge, clt, uge, ult, shippingType, buyer, brc, wids]);
		const { page, next } = paginate(list, c.query, size, key);
		return ok({ next_page_token: next, total_count: list.length, orders: page });
	});

	r.add('GET', '/order/202309/orders', (c) => {
		const shop = requireShop(c);
		const raw = c.query.get('ids');
		const ids = (raw ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		if (!ids.length) throw invalidParam('ids is required (comma-separated order ids)');
		if (ids.length > 50) throw invalidParam(`ids accepts at most 50 order ids, got ${ids.length}`);
		const orders = [...new Set(ids)].map((id) => c.state.orderInShop(shop.id, id)).filter((o): o is Order => !!o);
		return ok({ orders });
	});
}
