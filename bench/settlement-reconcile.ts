/**
 * Reconcile Settlements at 100,000 orders. The engine (`reconcileSettlements()` from
 * nodes/common/settlementReconcile.ts) on synthetic TikTok Shop statement transactions: 100,000
 * expected orders, 100,000 ORDER transactions plus 4,000 reimbursements, 1 % short payments, 0.5 %
 * missing (of which half with an unsettled estimate), 0.5 % unexpected. Prints the compare time
 * (median of 5 runs), the retained heap at 25k / 50k / 100k orders (linear growth shows as a flat
 * bytes-per-order), and checks that the statuses equal the injected discrepancies. Then the node's
 * real execute path against the in-process sandbox (its seeded orders), for the fetch/compare split.
 */
import axios from 'axios';

import type { NormalizedSettlement } from '../nodes/common/normalizedSettlement';
import { tikTokStatementTransaction, tikTokUnsettledTransaction } from '../nodes/common/normalizedSettlement';
import type { ExpectedSettlement } from '../nodes/common/settlementReconcile';
import { reconcileSettlements } from '../nodes/common/settlementReconcile';
import { router } from '../nodes/TikTokShop/actions/router';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../sandbox/tiktokshop/constants';
import { credentialStore, fakeContext } from '../test/helpers/context';

const gc = (globalThis as { gc?: () => void }).gc;

function synthetic(orders: number) {
	const expected: ExpectedSettlement[] = [];
	const settled: NormalizedSettlement[] = [];
	const unsettled: NormalizedSettlement[] = [];
	const injected = { short: 0, missing: 0, unsettled: 0, unexpected: 0 };
	const statement = { id: '7000000000000000001', create_time: 1764547200, currency: 'IDR' };
	for (let k = 0; k < orders; k++) {
		const orderId = String(576000000000000000n + BigInt(k));
		const revenue = 50_000 + ((k * 7919) % 950_000);
		const fee = Math.round(revenue * 0.05) + Math.min(Math.round(revenue * 0.015), 5000) + 500;
		const shipping = k % 10 === 0 ? 5000 : 0;
		expected.push({ itemIndex: k, key: orderId, amounts: { gross_revenue: revenue * 100, fee_total: -fee * 100, shipping: -shipping * 100 } });
		if (k % 200 === 1) {
			injected.missing++;
			if (k % 400 === 1) {
				injected.unsettled++;
				unsettled.push(tikTokUnsettledTransaction({ order_id: orderId, est_revenue_amount: String(revenue), est_fee_tax_amount: String(-fee), est_settlement_amount: String(revenue - fee), unsettled_reason: 'In the holding period after delivery' }));
			}
			continue;
		}
		const short = k % 100 === 3 ? 2500 : 0;
		if (short) injected.short++;
		settled.push(
			tikTokStatementTransaction(
				{ type: 'ORDER', order_id: orderId, revenue_amount: String(revenue), fee_tax_amount: String(-(fee + short)), shipping_cost_amount: String(-shipping), adjustment_amount: '0', settlement_amount: String(revenue - fee - short - shipping) },
				statement,
			),
		);
		if (k % 25 === 5) settled.push(tikTokStatementTransaction({ type: 'LOGISTICS_REIMBURSEMENT', adjustment_order_id: orderId, adjustment_amount: '5000', settlement_amount: '5000' }, statement));
	}
	for (let k = 0; k < orders / 200; k++) {
		injected.unexpected++;
		settled.push(tikTokStatementTransaction({ type: 'ORDER', order_id: String(9000000000000000n + BigInt(k)), revenue_amount: '100000', fee_tax_amount: '-5500', settlement_amount: '94500' }, statement));
	}
	return { expected, settled, unsettled, injected };
}

function retainedBytes(orders: number): number {
	gc?.();
	const before = process.memoryUsage().heapUsed;
	const data = synthetic(orders);
	const result = reconcileSettlements(data.expected, data.settled, data.unsettled, { key: 'order_id', tolerance: 0, marketplace: 'tiktokshop' });
	gc?.();
	const after = process.memoryUsage().heapUsed;
	if (result.rows.length === 0) throw new Error('no rows');
	return after - before;
}

export async function settlementReconcileBench(options: { orders?: number } = {}) {
	const orders = options.orders ?? 100_000;
	const data = synthetic(orders);
	const times: number[] = [];
	let result = reconcileSettlements(data.expected, data.settled, data.unsettled, { key: 'order_id', tolerance: 0, marketplace: 'tiktokshop' });
	for (let run = 0; run < 5; run++) {
		const started = process.hrtime.bigint();
		result = reconcileSettlements(data.expected, data.settled, data.unsettled, { key: 'order_id', tolerance: 0, marketplace: 'tiktokshop' });
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	times.sort((a, b) => a - b);
	const summary = result.summary;
	const exact =
		summary.amount_mismatch === data.injected.short &&
		summary.missing === data.injected.missing - data.injected.unsettled &&
		summary.unsettled === data.injected.unsettled &&
		summary.unexpected === data.injected.unexpected &&
		summary.matched === orders - data.injected.short - data.injected.missing;
	const memory = [orders / 4, orders / 2, orders].map((n) => ({ n, bytes: retainedBytes(n) }));

	// The node's real path: statements → 202501 transactions → per-order look-ups → compare.
	const sandbox = await startSandbox({});
	let node: Record<string, unknown> = {};
	try {
		const shop = sandbox.tikTokShop.state.shops[0];
		await axios.post(`${sandbox.url}/_sandbox/config`, { latencyMs: 20 });
		const now = sandbox.tikTokShop.state.clock.now();
		const from = now - 40 * 86400;
		const expectedIds = [...(sandbox.tikTokShop.state.ordersByShop.get(shop.id) ?? [])].filter((o) => o.delivery_time && o.delivery_time + 8 * 86400 < now).map((o) => o.id);
		const items = expectedIds.map((id) => ({ json: { order_id: id } }));
		const ctx = fakeContext({
			credentials: credentialStore({ appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, refreshToken: SANDBOX_REFRESH_TOKEN, shopCipher: shop.cipher, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url }),
			items,
			parameters: (i: number) => ({ resource: 'finance', operation: 'reconcileSettlements', shop: { __rl: true, mode: 'list', value: '' }, orderId: items[i].json.order_id, expected: { gross_revenue: '1' }, settledFrom: new Date(from * 1000).toISOString(), settledTo: new Date((now + 1) * 1000).toISOString(), options: {} }),
		});
		const started = Date.now();
		const out = (await router.call(ctx))[0];
		const last = out[out.length - 1].json;
		node = { node_orders: expectedIds.length, node_transactions: last.settled_transactions, node_fetch_ms: last.fetch_ms, node_compare_ms: last.compare_ms, node_wall_ms: Date.now() - started, node_latency_ms_per_request: 20 };
	} finally {
		await sandbox.close();
	}

	return {
		orders,
		settled_transactions: data.settled.length,
		compare_ms_median_of_5: times[2],
		compare_ms_min: times[0],
		compare_ms_max: times[4],
		statuses_exact: exact,
		matched: summary.matched,
		amount_mismatch: summary.amount_mismatch,
		missing: summary.missing,
		unsettled: summary.unsettled,
		unexpected: summary.unexpected,
		...Object.fromEntries(memory.map((m) => [`heap_bytes_per_order_${m.n}`, Math.round(m.bytes / m.n)])),
		heap_measured_with_gc: Boolean(gc),
		...node,
	};
}
