import type { Router } from '../common/http';
import type { Reply } from '../common/marketplace';
import { ControlError, type ControlHandler } from './control';
import { finishedAt, orderIncome, saldoTweaks } from './finance';
import type { TokopediaMarketplace } from './index';
import { financeSettings } from './routes/finance';

const json = (v: unknown, status = 200): Reply => ({ status, json: v });

/** Control API for the saldo: inject a short payment, a missing income or a refund; read an invoice's income. */
export function registerFinanceControlRoutes(r: Router<ControlHandler>, mp: TokopediaMarketplace): void {
	const orderOf = (invoice: unknown) => {
		const order = [...mp.state.orders.values()].find((o) => o.invoice === String(invoice ?? ''));
		if (!order) throw new ControlError(404, `invoice ${String(invoice)} not found`);
		return order;
	};
	const positive = (value: unknown) => {
		const amount = Number(value);
		if (!Number.isInteger(amount) || amount <= 0) throw new ControlError(400, 'amount must be a positive whole number of rupiah');
		return amount;
	};

	r.add('POST', '/finance/short_payments', ({ body }) => {
		const order = orderOf(body?.invoice);
		saldoTweaks(mp.state).shortPayments.set(order.invoice, positive(body?.amount));
		return json({ invoice: order.invoice, short_by: String(body.amount) });
	});
	r.add('POST', '/finance/missing_settlements', ({ body }) => {
		const order = orderOf(body?.invoice);
		saldoTweaks(mp.state).missing.add(order.invoice);
		return json({ invoice: order.invoice, missing: true });
	});
	r.add('POST', '/finance/refunds', ({ body }) => {
		const order = orderOf(body?.invoice);
		const time = Number(body?.time ?? mp.state.clock.now());
		saldoTweaks(mp.state).refunds.push({ shopId: order.shop_id, invoice: order.invoice, amount: positive(body?.amount), time });
		return json({ invoice: order.invoice, refunded: String(body.amount) });
	});
	r.add('DELETE', '/finance/discrepancies', () => {
		const tweaks = saldoTweaks(mp.state);
		tweaks.shortPayments.clear();
		tweaks.missing.clear();
		tweaks.refunds.length = 0;
		return json({ cleared: true });
	});
	r.add('POST', '/finance/config', ({ body }) => {
		if (body?.exportReadyAfterMs !== undefined) financeSettings.readyAfterMs = Math.max(0, Number(body.exportReadyAfterMs));
		if (['both', 'unix', 'date'].includes(body?.v1DateForm)) financeSettings.v1DateForm = body.v1DateForm;
		return json({ exportReadyAfterMs: financeSettings.readyAfterMs, v1DateForm: financeSettings.v1DateForm });
	});
	r.add('GET', '/finance/invoices', ({ ctx }) => {
		const order = orderOf(ctx.query.get('invoice'));
		const income = orderIncome(order);
		return json({ invoice: order.invoice, order_id: order.order_id, finished_at: finishedAt(order) ?? null, ...income });
	});
}
