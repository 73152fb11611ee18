import type { Router } from '../../common/http';
import { ERR } from '../constants';
import { bizError, invalidParam, ok } from '../envelope';
import { type Handler, reqString, requireShop } from './common';

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
