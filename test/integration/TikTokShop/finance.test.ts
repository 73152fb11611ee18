/** TikTok Shop Finance against the sandbox: statements tie out to the orders; Reconcile Settlements finds exactly what was injected. */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router } from '../../../nodes/TikTokShop/actions/router';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let credentials: CredentialStore;
let cipher: string;
let shopId: string;
const DAY = 86400;

const control = async (method: string, path: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data })).data;

async function run(parameters: IDataObject | ((i: number) => IDataObject), items?: INodeExecutionData[]) {
	return (await router.call(fakeContext({ parameters, credentials, items })))[0];
}

/** What the seller's own fee schedule says an order earns (reference finance-and-versions.md §3.2), from the order itself. */
function expectedFromOrder(orderId: string) {
	const state = sandbox.tikTokShop.state;
	const order = state.orders.get(orderId)!;
	const meta = state.orderMeta.get(orderId)!;
	const shop = state.shopById.get(meta.shopId)!;
	const revenue = order.line_items.filter((l) => !meta.cancelledLineItems.has(l.id)).reduce((sum, l) => sum + Number(l.original_price) - Number(l.seller_discount), 0);
	const platformFee = shop.commercePlatform === 'TIKTOK_SHOP' ? Math.min(Math.round(revenue * 0.015), 5000) : Math.min(Math.round(revenue * 0.04), 40000);
	const fees = Math.round(revenue * 0.05) + platformFee + 500;
	const shipping = Number(order.payment.original_shipping_fee) - Number(order.payment.shipping_fee) - Number(order.payment.shipping_fee_platform_discount);
	return { revenue, fees, shipping, net: revenue - fees - shipping };
}

const financeQueries = (route: string) => sandbox.log.recent(2000).filter((e) => e.route === route).map((e) => e.query);

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 11 });
	credentials = credentialStore({ appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, refreshToken: SANDBOX_REFRESH_TOKEN, shopCipher: '', apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url });
	const shops = (await control('GET', '/tiktokshop/shops')).shops;
	cipher = shops[0].cipher;
	shopId = shops[0].id;
});
afterAll(async () => await sandbox.close());

describe('TikTok Shop Finance against the sandbox', () => {
	it('Get Statements (Return All), their 202501 transactions, payments and withdrawals tie out to the orders', async () => {
		const statements = (await run({ resource: 'finance', operation: 'getStatements', shop: rl(cipher), returnAll: true, filters: {}, options: {} })).map((s) => s.json);
		expect(statements.length).toBeGreaterThan(30);
		for (const q of financeQueries('GET /finance/202309/statements')) expect(q).toMatchObject({ sort_field: 'statement_time', page_size: '100' });
		expect(statements.every((s) => Number(s.statement_time) % DAY === 0 && typeof s.settlement_amount === 'string')).toBe(true);

		const sample = statements.slice(-5);
		for (const statement of sample) {
			const transactions = (await run({ resource: 'finance', operation: 'getStatementTransactions', shop: rl(cipher), statementId: statement.id, returnAll: true, settlementOutput: 'normalized', options: {} })).map((t) => t.json);
			expect(transactions.reduce((sum, t) => sum + Number(t.net_settlement), 0)).toBe(Number(statement.settlement_amount));
			for (const t of transactions.filter((row) => row.transaction_type === 'ORDER')) {
				const want = expectedFromOrder(String(t.order_id));
				expect([t.gross_revenue, t.fee_total, t.shipping, t.net_settlement]).toEqual([String(want.revenue), String(-want.fees), want.shipping ? String(-want.shipping) : '0', String(want.net)]);
				expect(t).toMatchObject({ marketplace: 'tiktokshop', currency: 'IDR', status: 'settled', statement_id: statement.id });
			}
		}
		for (const q of financeQueries('GET /finance/202501/statements/{}/statement_transactions')) expect(q.sort_field).toBe('order_create_time');

		const payments = (await run({ resource: 'finance', operation: 'getPayments', shop: rl(cipher), returnAll: true, filters: {}, options: { sort_order: 'DESC' } })).map((p) => p.json);
		expect(payments.map((p) => p.id).sort()).toEqual(statements.map((s) => s.payment_id).sort());
		expect(financeQueries('GET /finance/202309/payments')[0]).toMatchObject({ sort_field: 'create_time', sort_order: 'DESC' });
		const settles = (await run({ resource: 'finance', operation: 'getWithdrawals', shop: rl(cipher), types: ['SETTLE'], returnAll: true, filters: {} })).map((w) => w.json);
		expect(settles.reduce((sum, w) => sum + Number(w.amount), 0)).toBe(statements.reduce((sum, s) => sum + Number(s.settlement_amount), 0));
		expect(financeQueries('GET /finance/202309/withdrawals')[0].types).toBe('SETTLE');
	});

	it('Get Unsettled Orders follows next_page_token over many pages; Get Order Transactions gives the per-SKU settlement', async () => {
		const before = sandbox.log.requestsByRoute['GET /finance/202507/orders/unsettled'] ?? 0;
		const unsettled = (await run({ resource: 'finance', operation: 'getUnsettledOrders', shop: rl(cipher), returnAll: true, settlementOutput: 'normalized', filters: {}, options: {} })).map((u) => u.json);
		const pagesRead = (sandbox.log.requestsByRoute['GET /finance/202507/orders/unsettled'] ?? 0) - before;
		expect(unsettled.length).toBeGreaterThan(200);
		expect(pagesRead).toBe(Math.ceil(unsettled.length / 100));
		expect(new Set(unsettled.map((u) => u.order_id)).size).toBe(unsettled.length);
		const waiting = unsettled.find((u) => !String(u.estimated_settlement).includes('after delivery'))!;
		expect(waiting).toMatchObject({ status: 'estimated', unsettled_reason: 'In the holding period after delivery', net_settlement: String(expectedFromOrder(String(waiting.order_id)).net) });

		const [statement] = (await run({ resource: 'finance', operation: 'getStatements', shop: rl(cipher), returnAll: false, limit: 1, filters: { payment_status: 'PAID' }, options: {} })).map((s) => s.json);
		const [first] = (await run({ resource: 'finance', operation: 'getStatementTransactions', shop: rl(cipher), statementId: statement.id, returnAll: false, limit: 1, settlementOutput: 'raw', options: {} })).map((t) => t.json);
		const raw = (await run({ resource: 'finance', operation: 'getOrderTransactions', shop: rl(cipher), orderId: first.order_id, settlementOutput: 'raw' }))[0].json;
		expect((raw.sku_transactions as IDataObject[]).every((s) => s.statement_id === statement.id)).toBe(true);
		const normalized = (await run({ resource: 'finance', operation: 'getOrderTransactions', shop: rl(cipher), orderId: first.order_id, settlementOutput: 'normalized' }))[0].json;
		expect(normalized).toMatchObject({ order_id: first.order_id, net_settlement: first.settlement_amount, gross_revenue: first.revenue_amount, fee_total: first.fee_tax_amount });
	});

	it('Reconcile Settlements: a short payment, a missing settlement, an unsettled order, an order settled earlier and an unexpected one, exactly', async () => {
		const now = sandbox.tikTokShop.state.clock.now();
		const to = Math.floor(now / DAY) * DAY + 1;
		const from = to - 3 * DAY;
		const statements = (await run({ resource: 'finance', operation: 'getStatements', shop: rl(cipher), returnAll: true, filters: { statement_time_ge: from, statement_time_lt: to }, options: {} })).map((s) => s.json);
		expect(statements).toHaveLength(3);
		const inRange: string[] = [];
		const adjusted: string[] = [];
		for (const statement of statements) {
			const rows = await run({ resource: 'finance', operation: 'getStatementTransactions', shop: rl(cipher), statementId: statement.id, returnAll: true, settlementOutput: 'normalized', options: {} });
			for (const row of rows) (row.json.transaction_type === 'ORDER' ? inRange : adjusted).push(String(row.json.order_id));
		}
		// A reimbursement in the range for an order settled before it is settled money nobody listed.
		const adjustedOnly = adjusted.filter((id) => !inRange.includes(id));
		const [shortOrder, missingOrder, leftOut, ...rest] = inRange;
		const earlier = [...sandbox.tikTokShop.state.ordersByShop.get(shopId)!].find((o) => o.status === 'COMPLETED' && (o.delivery_time ?? now) + 7 * DAY < from - 2 * DAY)!.id;
		const unsettled = (await run({ resource: 'finance', operation: 'getUnsettledOrders', shop: rl(cipher), returnAll: false, limit: 1, settlementOutput: 'normalized', filters: {}, options: {} }))[0].json.order_id as string;
		await control('POST', '/tiktokshop/finance/short_payments', { order_id: shortOrder, amount: 2500 });
		await control('POST', '/tiktokshop/finance/missing_settlements', { order_id: missingOrder });

		const expectedOrders = [shortOrder, missingOrder, ...rest, earlier, unsettled];
		const items = expectedOrders.map((orderId) => {
			const want = expectedFromOrder(orderId);
			return { json: { order_id: orderId, revenue: String(want.revenue), fees: String(want.fees), shipping: String(want.shipping) } };
		});
		const out = (
			await run(
				(i) => ({
					resource: 'finance',
					operation: 'reconcileSettlements',
					shop: rl(cipher),
					orderId: items[i].json.order_id,
					expected: { gross_revenue: items[i].json.revenue, fee_total: items[i].json.fees, shipping: items[i].json.shipping },
					settledFrom: new Date(from * 1000).toISOString(),
					settledTo: new Date(to * 1000).toISOString(),
					options: { currency: 'IDR' },
				}),
				items,
			)
		).map((o) => ({ ...o.json, pairedItem: o.pairedItem }) as IDataObject);
		const summary = out.pop()!;
		const byStatus = (status: string) => out.filter((row) => row.status === status).map((row) => row.order_id);
		expect(byStatus('amount_mismatch')).toEqual([shortOrder]);
		expect(out.find((row) => row.order_id === shortOrder)).toMatchObject({ difference: '-2500', mismatched_components: [{ component: 'fee_total', difference: '-2500' }], pairedItem: { item: 0 } });
		expect(byStatus('missing')).toEqual([missingOrder]);
		expect(byStatus('unsettled')).toEqual([unsettled]);
		expect(out.find((row) => row.order_id === unsettled)).toMatchObject({ estimated_amount: String(expectedFromOrder(unsettled).net), unsettled_reason: expect.any(String) });
		expect(byStatus('unexpected').sort()).toEqual([leftOut, ...adjustedOnly].sort());
		expect(byStatus('matched').sort()).toEqual([...rest, earlier].sort());
		expect(summary).toMatchObject({ summary: true, matched: rest.length + 1, amount_mismatch: 1, missing: 1, unsettled: 1, unexpected: 1 + adjustedOnly.length, looked_up_transactions: 1 });
		expect((summary.totals as IDataObject).IDR).toMatchObject({ difference: '-2500', unsettled_estimate: String(expectedFromOrder(unsettled).net), missing_expected: String(expectedFromOrder(missingOrder).net) });
		await control('DELETE', '/tiktokshop/finance/discrepancies');
	});

	it('Reconcile Settlements names the field when an expected amount is not a number', async () => {
		await expect(
			run({ resource: 'finance', operation: 'reconcileSettlements', shop: rl(cipher), orderId: '576', expected: { net_settlement: 'Rp 10.000' }, settledFrom: '2026-01-01', settledTo: '2026-01-02', options: {} }),
		).rejects.toThrow(/Expected Amounts → Net Settlement.*Order ID 576/);
	});
});
