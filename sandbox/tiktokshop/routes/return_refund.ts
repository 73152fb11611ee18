import type { Router } from '../../common/http';
import {
	CANCEL_STATUSES,
	type CancellationRec,
	RETURN_STATUSES,
	approveBuyerCancellation,
	cancellationView,
	rejectBuyerCancellation,
	returnView,
	setReturnStatus,
} from '../aftersale';
import { CODES, type ReturnOrder, cat } from '../catalog';
import { ERR } from '../constants';
import { type ApiResult, ApiError, bizError, invalidParam, ok } from '../envelope';
import { type ApiCtx, type Handler, optInt, pageSize, paginate, reqString, requireShop, sortParams } from './common';

const CANCELLABLE = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT'];

export function registerReturnRefundRoutes(r: Router<Handler>): void {
	r.add('POST', '/return_refund/202309/cancellations', (c) => {
		const shop = requireShop(c);
		const orderId = reqString(c.body, 'order_id');
		const reason = reqString(c.body, 'cancel_reason');
		const lineIds = c.body.order_line_item_ids;
		if (lineIds !== undefined && (!Array.isArray(lineIds) || lineIds.some((x: unknown) => typeof x !== 'string')))
			throw invalidParam('order_line_item_ids must be an array of strings');
		const order = c.state.orderInShop(shop.id, orderId);
		if (!order) throw bizError(ERR.NOT_OWNED, `The order ${orderId} does not exist or does not belong to the current seller.`);
		if (!CANCELLABLE.includes(order.status))
			throw bizError(
				ERR.ORDER_STATUS_NOT_CANCELLABLE,
				`The order status does not allow seller cancellation: order ${order.id} is ${order.status}; only UNPAID, ON_HOLD and AWAITING_SHIPMENT orders can be cancelled by the seller.`,
			);
		const cancellation = c.state.cancel(order, { initiator: 'SELLER', reason, lineItemIds: lineIds }, c.now);
		return ok({ cancel_id: cancellation.cancel_id, cancel_status: cancellation.cancel_status });
	});
}

// ---------------- buyer cancellations (search / approve / reject) and returns ----------------

const RETURN_APPROVE_DECISIONS = [
	'APPROVE_REFUND',
	'APPROVE_RETURN',
	'APPROVE_RECEIVED_PACKAGE',
	'APPROVE_REPLACEMENT',
	'ISSUE_REPLACEMENT_REFUND',
	'OFFER_PARTIAL_REFUND',
	'DIRECT_REFUND',
];
const RETURN_REJECT_DECISIONS = ['REJECT_REFUND', 'REJECT_RETURN', 'REJECT_RECEIVED_PACKAGE', 'REJECT_REPLACEMENT'];
const RETURN_TYPES = ['REFUND', 'RETURN_AND_REFUND', 'REPLACEMENT'];
const ARBITRATION = ['IN_PROGRESS', 'SUPPORT_BUYER', 'SUPPORT_SELLER', 'CLOSED'];

function listFilter(b: any, key: string, allowed?: string[]): Set<string> | null {
	const v = b?.[key];
	if (v === undefined || v === null) return null;
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalidParam(`${key} must be an array of strings`);
	if (v.length > 50) throw invalidParam(`${key} accepts at most 50 items`);
	if (allowed) for (const x of v) if (!allowed.includes(x)) throw invalidParam(`${key} values must be among ${allowed.join(', ')}`);
	return v.length ? new Set(v) : null;
}

function optPageSize(q: URLSearchParams, min: number, max: number, def: number): number {
	if (!q.get('page_size')) return def;
	return pageSize(q, min, max);
}

/**
 * idempotency_key (query, ≤255): the first result (success or business error) is stored per shop + key; a repeat with the
 * same route, path and body returns it verbatim without acting; the same key with another request → 24001003.
 */
function idempotent(c: ApiCtx, act: () => ApiResult): ApiResult {
	const shop = requireShop(c);
	const key = c.query.get('idempotency_key');
	if (key === null) return act();
	if (!key || key.length > 255) throw invalidParam('idempotency_key must be 1-255 characters');
	const x = cat(c.state);
	const k = `${shop.id}|${key}`;
	const fp = JSON.stringify([c.routeKey, c.params, c.body ?? {}]);
	const prev = x.idem.get(k);
	if (prev) {
		if (prev.fingerprint !== fp) throw bizError(CODES.IDEMPOTENCY_CONFLICT, `idempotency_key ${key} was already used for a different request.`);
		return { status: prev.status, code: prev.code, message: prev.message, data: prev.data };
	}
	try {
		const r = act();
		x.idem.set(k, { fingerprint: fp, status: r.status, code: r.code, message: r.message, data: r.data });
		return r;
	} catch (e) {
		if (e instanceof ApiError && e.status === 200) x.idem.set(k, { fingerprint: fp, status: e.status, code: e.code, message: e.message, data: e.data ?? null });
		throw e;
	}
}

function cancellationOr(c: ApiCtx): CancellationRec {
	const shop = requireShop(c);
	const rec = c.state.cancellations.get(c.params.cancel_id) as CancellationRec | undefined;
	if (!rec || rec.shopId !== shop.id) throw bizError(CODES.RR_NOT_FOUND, `The cancellation ${c.params.cancel_id} does not exist or does not belong to the current shop.`);
	return rec;
}

function returnOr(c: ApiCtx): ReturnOrder {
	const shop = requireShop(c);
	const rec = cat(c.state).returns.get(c.params.return_id);
	if (!rec || rec.shopId !== shop.id) throw bizError(CODES.RR_NOT_FOUND, `The return ${c.params.return_id} does not exist or does not belong to the current shop.`);
	return rec;
}

function timeFilters(b: any) {
	return { cge: optInt(b, 'create_time_ge'), clt: optInt(b, 'create_time_lt'), uge: optInt(b, 'update_time_ge'), ult: optInt(b, 'update_time_lt') };
}

function inTime(t: ReturnType<typeof timeFilters>, x: { create_time: number; update_time: number }): boolean {
	return (
		(t.cge === undefined || x.create_time >= t.cge) &&
		(t.clt === undefined || x.create_time < t.clt) &&
		(t.uge === undefined || x.update_time >= t.uge) &&
		(t.ult === undefined || x.update_time < t.ult)
	);
}

function rejectBody(b: any): { reason: string; comment?: string } {
	const reason = b?.reject_reason;
	if (typeof reason !== 'string' || !reason.trim()) throw invalidParam('reject_reason is required');
	const comment = b?.comment;
	if (comment !== undefined && (typeof comment !== 'string' || comment.length > 1000)) throw invalidParam('comment must be a string of at most 1000 characters');
	if (b?.images !== undefined && !Array.isArray(b.images)) throw invalidParam('images must be an array');
	return { reason, comment };
}

export function registerAftersaleRoutes(r: Router<Handler>): void {
	r.add('POST', '/return_refund/202309/cancellations/search', (c) => {
		const shop = requireShop(c);
		const size = optPageSize(c.query, 1, 50, 10);
		const sort = sortParams(c.query, ['create_time', 'update_time'], 'ASC');
		const b = c.body ?? {};
		const orderIds = listFilter(b, 'order_ids');
		const cancelIds = listFilter(b, 'cancel_ids');
		const buyers = listFilter(b, 'buyer_user_ids');
		const statuses = listFilter(b, 'cancel_status', CANCEL_STATUSES);
		const types = listFilter(b, 'cancel_types', ['CANCEL', 'BUYER_CANCEL']);
		const t = timeFilters(b);
		const list = [...c.state.cancellations.values()].filter(
			(x) =>
				x.shopId === shop.id &&
				(!orderIds || orderIds.has(x.order_id)) &&
				(!cancelIds || cancelIds.has(x.cancel_id)) &&
				(!buyers || buyers.has(c.state.orders.get(x.order_id)?.user_id ?? '')) &&
				(!statuses || statuses.has(x.cancel_status)) &&
				(!types || types.has(x.cancel_type)) &&
				inTime(t, x),
		);
		list.sort((a, b2) => {
			const d = (sort.field === 'update_time' ? a.update_time - b2.update_time : a.create_time - b2.create_time) || (a.cancel_id < b2.cancel_id ? -1 : 1);
			return sort.order === 'ASC' ? d : -d;
		});
		const key = JSON.stringify(['cancellations', shop.id, sort, b.order_ids, b.cancel_ids, b.buyer_user_ids, b.cancel_status, b.cancel_types, t]);
		const { page, next } = paginate(list, c.query, size, key);
		return ok({ total_count: list.length, next_page_token: next, cancellations: page.map((x) => cancellationView(c.state, x)) });
	});

	r.add('POST', '/return_refund/202309/cancellations/{cancel_id}/approve', (c) =>
		idempotent(c, () => {
			const rec = cancellationOr(c);
			if (rec.cancel_status !== 'CANCELLATION_REQUEST_PENDING')
				throw bizError(CODES.RR_STATUS_NOT_ALLOWED, `The cancellation ${rec.cancel_id} is ${rec.cancel_status}; only CANCELLATION_REQUEST_PENDING requests can be approved.`);
			const order = c.state.orders.get(rec.order_id)!;
			if (!CANCELLABLE.includes(order.status))
				throw bizError(CODES.RR_STATUS_NOT_ALLOWED, `The order ${order.id} is ${order.status} and can no longer be cancelled.`);
			approveBuyerCancellation(c.state, rec, c.now);
			return ok({});
		}),
	);

	r.add('POST', '/return_refund/202309/cancellations/{cancel_id}/reject', (c) =>
		idempotent(c, () => {
			const { reason, comment } = rejectBody(c.body);
			const rec = cancellationOr(c);
			if (rec.cancel_status !== 'CANCELLATION_REQUEST_PENDING')
				throw bizError(CODES.RR_STATUS_NOT_ALLOWED, `The cancellation ${rec.cancel_id} is ${rec.cancel_status}; only CANCELLATION_REQUEST_PENDING requests can be rejected.`);
			rejectBuyerCancellation(c.state, rec, reason, comment, c.now);
			return ok({});
		}),
	);

	r.add('POST', '/return_refund/202309/returns/search', (c) => {
		const shop = requireShop(c);
		const size = optPageSize(c.query, 1, 50, 10);
		const sort = sortParams(c.query, ['create_time', 'update_time'], 'ASC');
		const b = c.body ?? {};
		const orderIds = listFilter(b, 'order_ids');
		const returnIds = listFilter(b, 'return_ids');
		const buyers = listFilter(b, 'buyer_user_ids');
		const statuses = listFilter(b, 'return_status', RETURN_STATUSES);
		const types = listFilter(b, 'return_types', RETURN_TYPES);
		const arb = listFilter(b, 'arbitration_status', ARBITRATION);
		const t = timeFilters(b);
		const list = [...cat(c.state).returns.values()].filter(
			(x) =>
				x.shopId === shop.id &&
				(!orderIds || orderIds.has(x.order_id)) &&
				(!returnIds || returnIds.has(x.return_id)) &&
				(!buyers || buyers.has(c.state.orders.get(x.order_id)?.user_id ?? '')) &&
				(!statuses || statuses.has(x.return_status)) &&
				(!types || types.has(x.return_type)) &&
				(!arb || arb.has(x.arbitration_status ?? '')) &&
				inTime(t, x),
		);
		list.sort((a, b2) => {
			const d = (sort.field === 'update_time' ? a.update_time - b2.update_time : a.create_time - b2.create_time) || (a.return_id < b2.return_id ? -1 : 1);
			return sort.order === 'ASC' ? d : -d;
		});
		const key = JSON.stringify(['returns', shop.id, sort, b.order_ids, b.return_ids, b.buyer_user_ids, b.return_status, b.return_types, b.arbitration_status, t]);
		const { page, next } = paginate(list, c.query, size, key);
		return ok({ total_count: list.length, next_page_token: next, return_orders: page.map((x) => returnView(c.state, x)) });
	});

	r.add('POST', '/return_refund/202309/returns/{return_id}/approve', (c) =>
		idempotent(c, () => {
			const b = c.body ?? {};
			const decision = b.decision;
			if (!RETURN_APPROVE_DECISIONS.includes(decision)) throw invalidParam(`decision must be one of ${RETURN_APPROVE_DECISIONS.join(', ')}`);
			if (decision === 'OFFER_PARTIAL_REFUND') {
				const pr = b.partial_refund;
				if (!pr || typeof pr.amount !== 'string' || !(Number(pr.amount) > 0) || pr.currency !== 'IDR')
					throw invalidParam('partial_refund {amount, currency: IDR} is required for OFFER_PARTIAL_REFUND');
			}
			const rec = returnOr(c);
			const st = rec.return_status;
			let next: string | null = null;
			if (st === 'RETURN_OR_REFUND_REQUEST_PENDING') {
				if (decision === 'APPROVE_REFUND' || decision === 'DIRECT_REFUND')
					next = rec.return_type === 'RETURN_AND_REFUND' && decision === 'APPROVE_REFUND' && b.buyer_keep_item !== true ? 'AWAITING_BUYER_SHIP' : 'RETURN_OR_REFUND_REQUEST_COMPLETE';
				else if (decision === 'APPROVE_RETURN' && rec.return_type === 'RETURN_AND_REFUND') next = 'AWAITING_BUYER_SHIP';
				else if (decision === 'OFFER_PARTIAL_REFUND') next = 'AWAITING_BUYER_RESPONSE';
			} else if (st === 'BUYER_SHIPPED_ITEM' && decision === 'APPROVE_RECEIVED_PACKAGE') next = 'RETURN_OR_REFUND_REQUEST_COMPLETE';
			if (!next)
				throw bizError(CODES.RR_STATUS_NOT_ALLOWED, `The decision ${decision} is not applicable: return ${rec.return_id} (${rec.return_type}) is ${st}.`);
			rec.seller_decision = decision;
			setReturnStatus(c.state, rec, next, c.now, decision);
			return ok({});
		}),
	);

	r.add('POST', '/return_refund/202309/returns/{return_id}/reject', (c) =>
		idempotent(c, () => {
			const b = c.body ?? {};
			const decision = b.decision;
			if (!RETURN_REJECT_DECISIONS.includes(decision)) throw invalidParam(`decision must be one of ${RETURN_REJECT_DECISIONS.join(', ')}`);
			const { reason, comment } = rejectBody(b);
			const rec = returnOr(c);
			const st = rec.return_status;
			let next: string | null = null;
			if (st === 'RETURN_OR_REFUND_REQUEST_PENDING' && (decision === 'REJECT_REFUND' || decision === 'REJECT_RETURN')) next = 'REFUND_OR_RETURN_REQUEST_REJECT';
			else if (st === 'BUYER_SHIPPED_ITEM' && decision === 'REJECT_RECEIVED_PACKAGE') next = 'REJECT_RECEIVE_PACKAGE';
			if (!next)
				throw bizError(CODES.RR_STATUS_NOT_ALLOWED, `The decision ${decision} is not applicable: return ${rec.return_id} (${rec.return_type}) is ${st}.`);
			rec.seller_decision = decision;
			rec.reject_reason = reason;
			if (comment) rec.comment = comment;
			setReturnStatus(c.state, rec, next, c.now, decision);
			return ok({});
		}),
	);
}
