/*
 * Tokopedia balance (saldo) history derived from the sandbox's own orders. Sandbox fee rule for a
 * legacy Tokopedia shop (documented in the README): when an order is finished (700) the seller's
 * saldo gets the product total minus a service fee of min(round(total × 4 %), Rp40,000) and the
 * Rp500 order processing fee; every day at 00:00 UTC the balance of the day before is withdrawn.
 * Refund rows come from the control API only (seeded history has none), so a reconciliation of the
 * seeded data finds nothing it was not told about.
 */
import type { TokopediaState } from './state';
import type { Order, Shop } from './types';

export const SERVICE_FEE = { rate: 0.04, cap: 40000 };
export const PROCESSING_FEE = 500;
const DAY = 86400;
/** How far back the history goes before the first seeded order (withdrawals only). */
const HISTORY_DAYS = 120;

export interface SaldoRow {
	deposit_id: number;
	type_description: string;
	Type: number;
	class: string;
	amount: number;
	note: string;
	create_time: string;
	withdrawal_date: string;
	withdrawal_status: number;
	saldo: number;
	image: string;
	/** internal */
	time: number;
	invoice?: string;
	kind: 'income' | 'refund' | 'withdrawal';
}

export interface SaldoTweaks {
	/** invoice → rupiah taken off its income */
	shortPayments: Map<string, number>;
	/** invoices whose income never arrives */
	missing: Set<string>;
	/** refunds booked against an invoice */
	refunds: Array<{ shopId: number; invoice: string; amount: number; time: number }>;
}

const tweaksByState = new WeakMap<TokopediaState, SaldoTweaks>();

export function saldoTweaks(state: TokopediaState): SaldoTweaks {
	let tweaks = tweaksByState.get(state);
	if (!tweaks) {
		tweaks = { shortPayments: new Map(), missing: new Set(), refunds: [] };
		tweaksByState.set(state, tweaks);
	}
	return tweaks;
}

/** Tokopedia writes local time (WIB, UTC+7) without a zone. */
export const WIB_OFFSET = 7 * 3600;
export const saldoTime = (t: number) => new Date((t + WIB_OFFSET) * 1000).toISOString().slice(0, 19).replace('T', ' ');

export function finishedAt(order: Order): number | undefined {
	return order.history.find((h) => h.status === 700)?.time;
}

/** What a finished order pays into the saldo. */
export function orderIncome(order: Order): { total: number; serviceFee: number; processingFee: number; net: number } {
	const total = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
	const serviceFee = Math.min(Math.round(total * SERVICE_FEE.rate), SERVICE_FEE.cap);
	return { total, serviceFee, processingFee: PROCESSING_FEE, net: total - serviceFee - PROCESSING_FEE };
}

/** Every saldo row of `shop` up to `now`, oldest first, with the running balance. */
export function saldoHistory(state: TokopediaState, shop: Shop, now: number): SaldoRow[] {
	const tweaks = saldoTweaks(state);
	const events: Array<Omit<SaldoRow, 'saldo' | 'deposit_id'>> = [];
	const blank = { withdrawal_date: '', withdrawal_status: 0, image: '' };
	for (const order of state.ordersByShop.get(shop.shop_id) ?? []) {
		const at = finishedAt(order);
		if (at === undefined || at > now || tweaks.missing.has(order.invoice)) continue;
		const amount = orderIncome(order).net - (tweaks.shortPayments.get(order.invoice) ?? 0);
		events.push({ ...blank, type_description: 'Transaksi Penjualan Berhasil', Type: 1001, class: 'Transaction', amount, note: `Transaksi Penjualan Berhasil - ${order.invoice}`, create_time: saldoTime(at), time: at, invoice: order.invoice, kind: 'income' });
	}
	for (const refund of tweaks.refunds) {
		if (refund.shopId !== shop.shop_id || refund.time > now) continue;
		events.push({ ...blank, type_description: 'Pengembalian Dana', Type: 1005, class: 'Refund', amount: -refund.amount, note: `Pengembalian Dana - ${refund.invoice}`, create_time: saldoTime(refund.time), time: refund.time, invoice: refund.invoice, kind: 'refund' });
	}
	events.sort((a, b) => a.time - b.time);
	const rows: SaldoRow[] = [];
	let balance = 0;
	let k = 0;
	const push = (event: Omit<SaldoRow, 'saldo' | 'deposit_id'>) => {
		balance += event.amount;
		rows.push({ ...event, saldo: balance, deposit_id: shop.shop_id * 1_000_000 + rows.length + 1 });
	};
	const firstDay = Math.floor(now / DAY) * DAY - HISTORY_DAYS * DAY;
	for (let day = firstDay; day <= now; day += DAY) {
		while (k < events.length && events[k].time < day) push(events[k++]);
		const amount = day === firstDay ? 0 : -balance;
		if (day !== firstDay && amount !== 0) {
			push({ type_description: 'Penarikan Saldo', Type: 2001, class: 'Withdrawal', amount, note: 'Penarikan Saldo ke rekening ****4321', create_time: saldoTime(day), time: day, withdrawal_date: saldoTime(day), withdrawal_status: 1, image: '', kind: 'withdrawal' });
		}
	}
	while (k < events.length) push(events[k++]);
	return rows;
}
