import type { Router } from '../../common/http';
import { ERR } from '../constants';
import { ApiError, bizError, invalidParam, ok } from '../envelope';
import type { Package, PackageStatus } from '../types';
import { type ApiCtx, type Handler, optInt, pageSize, paginate, reqString, requireShop, sortParams, sorter } from './common';

const PACKAGE_STATUSES: PackageStatus[] = ['TO_FULFILL', 'PROCESSING', 'FULFILLING', 'COMPLETED', 'CANCELLED'];
const DOC_TYPES = ['SHIPPING_LABEL', 'PACKING_SLIP', 'SHIPPING_LABEL_AND_PACKING_SLIP'];

function pkgOrThrow(c: ApiCtx, id: string): Package {
	const shop = requireShop(c);
	const pkg = c.state.packageInShop(shop.id, id);
	if (!pkg) throw bizError(ERR.NOT_OWNED, `The package ${id} does not exist or does not belong to the current seller.`);
	return pkg;
}

function shipOne(c: ApiCtx, pkg: Package, item: any): void {
	if (item.handover_method !== undefined && item.handover_method !== 'PICKUP' && item.handover_method !== 'DROP_OFF')
		throw invalidParam('handover_method must be PICKUP or DROP_OFF');
	if (item.self_shipment !== undefined && (typeof item.self_shipment !== 'object' || item.self_shipment === null))
		throw invalidParam('self_shipment must be an object {shipping_provider_id, tracking_number}');
	c.state.shipPackage(pkg, { handover_method: item.handover_method, pickup_slot: item.pickup_slot, self_shipment: item.self_shipment }, c.now);
}

export function registerFulfillmentRoutes(r: Router<Handler>): void {
	r.add('POST', '/fulfillment/202309/packages/search', (c) => {
		const shop = requireShop(c);
		const size = pageSize(c.query, 1, 50);
		const sort = sortParams(c.query, ['create_time', 'update_time', 'order_pay_time'], 'DESC');
		const b = c.body ?? {};
		const status = b.package_status;
		if (status !== undefined && !PACKAGE_STATUSES.includes(status)) throw invalidParam(`package_status must be one of ${PACKAGE_STATUSES.join(', ')}`);
		const cge = optInt(b, 'create_time_ge');
		const clt = optInt(b, 'create_time_lt');
		const uge = optInt(b, 'update_time_ge');
		const ult = optInt(b, 'update_time_lt');
		const list = (c.state.packagesByShop.get(shop.id) ?? []).filter(
			(p) =>
				(status === undefined || p.status === status) &&
				(cge === undefined || p.create_time >= cge) &&
				(clt === undefined || p.create_time < clt) &&
				(uge === undefined || p.update_time >= uge) &&
				(ult === undefined || p.update_time < ult),
		);
		const payTime = (p: Package) => c.state.orders.get(p.orderId)?.paid_time ?? p.create_time;
		list.sort(sorter<Package>(sort.field, sort.order, (p) => (sort.field === 'update_time' ? p.update_time : sort.field === 'order_pay_time' ? payTime(p) : p.create_time)));
		const key = JSON.stringify(['packages', shop.id, sort, status, cge, clt, uge, ult]);
		const { page, next } = paginate(list, c.query, size, key);
		return ok({ next_page_token: next, total_count: list.length, packages: page.map((p) => c.state.packageSummary(p)) });
	});

	r.add('POST', '/fulfillment/202309/packages/ship', (c) => {
		requireShop(c);
		const list = c.body?.packages;
		if (!Array.isArray(list) || list.length === 0) throw invalidParam('packages is required (non-empty array)');
		if (list.length > 50) throw invalidParam('packages accepts at most 50 items');
		const errors: Array<{ code: number; message: string; detail: { package_id: string } }> = [];
		for (const item of list) {
			const id = typeof item?.id === 'string' ? item.id : '';
			try {
				if (!id) throw invalidParam('packages[].id is required');
				shipOne(c, pkgOrThrow(c, id), item);
			} catch (e) {
				if (!(e instanceof ApiError)) throw e;
				errors.push({ code: e.code, message: e.message, detail: { package_id: id } });
			}
		}
		return ok({ errors });
	});

	r.add('GET', '/fulfillment/202309/packages/{package_id}', (c) => ok(c.state.packageDetail(pkgOrThrow(c, c.params.package_id))));

	r.add('POST', '/fulfillment/202309/packages/{package_id}/ship', (c) => {
		const pkg = pkgOrThrow(c, c.params.package_id);
		shipOne(c, pkg, c.body ?? {});
		return ok({});
	});

	r.add('GET', '/fulfillment/202309/packages/{package_id}/shipping_documents', (c) => {
		const pkg = pkgOrThrow(c, c.params.package_id);
		const type = c.query.get('document_type');
		if (!type || !DOC_TYPES.includes(type)) throw invalidParam(`document_type is required and must be one of ${DOC_TYPES.join(', ')}`);
		const size = c.query.get('document_size') || 'A6';
		if (size !== 'A6' && size !== 'A5') throw invalidParam('document_size must be A6 or A5');
		const format = c.query.get('document_format') || 'PDF';
		if (format !== 'PDF') throw invalidParam('document_format must be PDF (ZPL is only available in BR/MX)');
		const order = c.state.orders.get(pkg.orderId)!;
		if (order.shipping_type !== 'TIKTOK')
			throw bizError(ERR.DOCUMENT_NOT_AVAILABLE, 'Shipping documents are only available for packages shipped by TikTok Shop logistics.');
		if (!['PROCESSING', 'FULFILLING', 'COMPLETED'].includes(pkg.status))
			throw bizError(
				ERR.DOCUMENT_NOT_AVAILABLE,
				`Shipping documents are only available after the package has been shipped (Ship Package); package ${pkg.id} is ${pkg.status}.`,
			);
		const doc = c.state.createDocument(pkg, type, size);
		return ok({ doc_url: `${c.baseUrl}/_sandbox/tiktokshop/documents/${doc.token}`, tracking_number: pkg.tracking_number ?? '' });
	});

	r.add('POST', '/fulfillment/202309/packages/{package_id}/shipping_info/update', (c) => {
		const pkg = pkgOrThrow(c, c.params.package_id);
		const tn = reqString(c.body, 'tracking_number');
		const prov = reqString(c.body, 'shipping_provider_id');
		c.state.updateShippingInfo(pkg, tn, prov, c.now);
		return ok({});
	});

	r.add('POST', '/fulfillment/202309/orders/{order_id}/packages', (c) => {
		const shop = requireShop(c);
		const ids = c.body?.order_line_item_ids;
		if (!Array.isArray(ids) || !ids.length || ids.some((x: unknown) => typeof x !== 'string'))
			throw invalidParam('order_line_item_ids is required (non-empty array of strings)');
		const tn = reqString(c.body, 'tracking_number');
		const prov = reqString(c.body, 'shipping_provider_id');
		const order = c.state.orderInShop(shop.id, c.params.order_id);
		if (!order) throw bizError(ERR.NOT_OWNED, `The order ${c.params.order_id} does not exist or does not belong to the current seller.`);
		const pkg = c.state.markShipped(order, ids, tn, prov, c.now);
		return ok({ order_id: order.id, package_id: pkg.id, order_line_item_ids: [...pkg.lineItemIds] });
	});

	r.add('GET', '/fulfillment/202309/orders/{order_id}/tracking', (c) => {
		const shop = requireShop(c);
		const order = c.state.orderInShop(shop.id, c.params.order_id);
		if (!order) throw bizError(ERR.NOT_OWNED, `The order ${c.params.order_id} does not exist or does not belong to the current seller.`);
		return ok({ tracking: c.state.trackingEvents(order) });
	});

}
