import type { Router } from '../common/http';
import type { Reply } from '../common/marketplace';
import { ControlError, type ControlHandler } from './control';
import { financeTweaks, ledger, orderMoney } from './finance';
import type { TikTokShopMarketplace } from './index';

const json = (v: unknown, status = 200): Reply => ({ status, json: v });

/** Control API for finance: inject a short payment or a missing settlement, and read an order's money. */
export function registerFinanceControlRoutes(r: Router<ControlHandler>, mp: TikTokShopMarketplace): void {
	const orderOf = (id: unknown) => {
		const order = mp.state.orders.get(String(id ?? ''));
		if (!order) throw new ControlError(404, `order ${String(id)} not found`);
		return order;
	};

	r.add('POST', '/finance/short_payments', ({ body }) => {
		const order = orderOf(body?.order_id);
		const amount = Number(body?.amount);
		if (!Number.isInteger(amount) || amount <= 0) throw new ControlError(400, 'amount must be a positive whole number of rupiah');
		financeTweaks(mp.state).shortPayments.set(order.id, amount);
		return json({ order_id: order.id, short_by: String(amount) });
	});

	r.add('POST', '/finance/missing_settlements', ({ body }) => {
		const order = orderOf(body?.order_id);
		financeTweaks(mp.state).missing.add(order.id);
		return json({ order_id: order.id, missing: true });
	});

	r.add('DELETE', '/finance/discrepancies', () => {
		const tweaks = financeTweaks(mp.state);
		tweaks.shortPayments.clear();
		tweaks.missing.clear();
		return json({ cleared: true });
	});

	r.add('GET', '/finance/orders/{id}', ({ params }) => {
		const order = orderOf(params.id);
		const shop = mp.state.shopById.get(mp.state.orderMeta.get(order.id)!.shopId)!;
		const settled = ledger(mp.state, shop, mp.state.clock.now()).settled.get(order.id);
		const money = orderMoney(mp.state, order);
		if (!money) return json({ order_id: order.id, status: 'none' });
		return json({
			order_id: order.id,
			status: settled ? 'settled' : 'unsettled',
			statement_id: settled?.statement.id ?? null,
			statement_time: money.statementTime ?? null,
			revenue: String(money.revenue),
			fees: { ...money.fees },
			fee_total: String(money.feeTotal),
			shipping_cost: String(money.shippingCost),
			settlement: String(money.settlement),
		});
	});
}
