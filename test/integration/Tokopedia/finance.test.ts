/** Tokopedia Finance against the sandbox: saldo history over 90 days in ≤ 31-day requests, both date forms, the v2 export, Reconcile Settlements. */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router } from '../../../nodes/Tokopedia/actions/router';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../../sandbox/tokopedia/constants';
import { saldoHistory } from '../../../sandbox/tokopedia/finance';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

jest.setTimeout(120_000);

const SHOP = 479066;
const DAY = 86_400;
let sandbox: Sandbox;
let credentials: CredentialStore;

const control = async (method: string, path: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox/tokopedia${path}`, data })).data;
async function run(parameters: IDataObject | ((i: number) => IDataObject), items?: INodeExecutionData[]) {
	return (await router.call(fakeContext({ parameters, credentials, items })))[0];
}
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const saldoRequests = () => sandbox.log.recent(2000).filter((e) => e.route === 'GET /v1/fs/{}/shop/{}/saldo-history');
/** The seller's own expectation for an invoice: product total − min(4 %, Rp40,000) − Rp500. */
function expectedNet(invoice: string): number {
	const order = [...sandbox.tokopedia.state.orders.values()].find((o) => o.invoice === invoice)!;
	const total = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
	return total - Math.min(Math.round(total * 0.04), 40000) - 500;
}

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 11 });
	credentials = credentialStore(
		{ fsId: String(TOKOPEDIA_FS_ID), clientId: TOKOPEDIA_CLIENT_ID, clientSecret: TOKOPEDIA_CLIENT_SECRET, shopId: String(SHOP), webhookSecret: 'whsec-test', apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url },
		'tokopediaApi',
	);
});
afterAll(async () => await sandbox.close());

describe('Tokopedia Finance against the sandbox', () => {
	it('Get Saldo History over 90 days: ≤ 31-day requests, every page of 500, each row once; the YYYY-MM-DD form when Unix is refused', async () => {
		const now = sandbox.tokopedia.state.clock.now();
		const from = now - 90 * DAY;
		const shop = sandbox.tokopedia.state.shopById.get(SHOP)!;
		const want = saldoHistory(sandbox.tokopedia.state, shop, now).filter((row) => row.time >= from && row.time <= now);
		expect(want.length).toBeGreaterThan(500);
		const before = saldoRequests().length;
		const rows = (await run({ resource: 'finance', operation: 'getSaldoHistory', shop: rl(String(SHOP)), fromDate: iso(from), toDate: iso(now), returnAll: true, settlementOutput: 'raw' })).map((r) => r.json);
		expect(rows.map((r) => r.deposit_id)).toEqual(want.map((r) => r.deposit_id));
		const sent = saldoRequests().slice(0, saldoRequests().length - before).map((e) => e.query);
		expect(sent.every((q) => q.per_page === '500' && Number(q.to_date) - Number(q.from_date) <= 31 * DAY)).toBe(true);
		expect(new Set(sent.map((q) => q.from_date)).size).toBe(3);
		expect(sent.some((q) => q.page === '2')).toBe(true);

		await control('POST', '/finance/config', { v1DateForm: 'date' });
		try {
			const byDate = (await run({ resource: 'finance', operation: 'getSaldoHistory', shop: rl(String(SHOP)), fromDate: iso(from), toDate: iso(now), returnAll: true, settlementOutput: 'normalized' })).map((r) => r.json);
			expect(byDate.map((r) => r.statement_id)).toEqual(want.map((r) => String(r.deposit_id)));
			expect(saldoRequests()[0].query.from_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			const income = byDate.find((r) => r.transaction_type === 'ORDER')!;
			expect(income).toMatchObject({ marketplace: 'tokopedia', currency: 'IDR', invoice: expect.stringMatching(/^INV\//), net_settlement: String(expectedNet(String(income.invoice))) });
		} finally {
			await control('POST', '/finance/config', { v1DateForm: 'both' });
		}
	});

	it('Export Saldo History waits for "Ready" with a bounded poll, and says what to do when it is not', async () => {
		const now = sandbox.tokopedia.state.clock.now();
		const params = { resource: 'finance', operation: 'exportSaldoHistory', shop: rl(String(SHOP)), fromDate: iso(now - 6 * DAY), toDate: iso(now), saldoType: 1, settlementOutput: 'normalized', options: { pollSeconds: 1, maxWaitSeconds: 20 } };
		await control('POST', '/finance/config', { exportReadyAfterMs: 1500 });
		const rows = (await run(params)).map((r) => r.json);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every((r) => r.transaction_type === 'ORDER')).toBe(true);
		const statusChecks = sandbox.log.recent(50).filter((e) => e.route === 'GET /v2/fs/{}/shop/{}/saldo-history/status');
		expect(statusChecks.length).toBeGreaterThanOrEqual(2);
		await control('POST', '/finance/config', { exportReadyAfterMs: 600_000 });
		try {
			await expect(run({ ...params, options: { pollSeconds: 1, maxWaitSeconds: 2 } })).rejects.toThrow(/saldo export SHD-[0-9A-F]+ was not ready after 2 s/);
		} finally {
			await control('POST', '/finance/config', { exportReadyAfterMs: 1500 });
		}
	});

	it('Reconcile Settlements by invoice: a short payment, a missing income, a refund and an unexpected income, exactly', async () => {
		const now = sandbox.tokopedia.state.clock.now();
		const to = Math.floor(now / DAY) * DAY;
		const from = to - 2 * DAY;
		const incomes = (await run({ resource: 'finance', operation: 'getSaldoHistory', shop: rl(String(SHOP)), fromDate: iso(from), toDate: iso(to - 1), returnAll: true, settlementOutput: 'normalized' }))
			.map((r) => r.json)
			.filter((r) => r.transaction_type === 'ORDER');
		expect(incomes.length).toBeGreaterThan(6);
		const [short, missing, refunded, leftOut, ...rest] = incomes.map((r) => String(r.invoice));
		await control('POST', '/finance/short_payments', { invoice: short, amount: 1000 });
		await control('POST', '/finance/missing_settlements', { invoice: missing });
		await control('POST', '/finance/refunds', { invoice: refunded, amount: 7000, time: to - 60 });
		const expected = [short, missing, refunded, ...rest];
		try {
			const out = (
				await run(
					(i) => ({ resource: 'finance', operation: 'reconcileSettlements', shop: rl(String(SHOP)), invoice: expected[i], expected: { net_settlement: String(expectedNet(expected[i])) }, settledFrom: iso(from), settledTo: iso(to), options: { currency: 'IDR' } }),
					expected.map((invoice) => ({ json: { invoice } })),
				)
			).map((o) => o.json);
			const summary = out.pop()!;
			const byStatus = (status: string) => out.filter((row) => row.status === status).map((row) => row.invoice);
			expect(byStatus('amount_mismatch').sort()).toEqual([short, refunded].sort());
			expect(out.find((row) => row.invoice === short)).toMatchObject({ difference: '-1000', mismatched_components: [{ component: 'net_settlement', difference: '-1000' }] });
			expect(out.find((row) => row.invoice === refunded)).toMatchObject({ difference: '-7000', transactions: 2 });
			expect(byStatus('missing')).toEqual([missing]);
			expect(byStatus('unexpected')).toEqual([leftOut]);
			expect(byStatus('matched').sort()).toEqual([...rest].sort());
			expect(summary).toMatchObject({ matched: rest.length, amount_mismatch: 2, missing: 1, unsettled: 0, unexpected: 1 });
			expect((summary.totals as IDataObject).IDR).toMatchObject({ difference: '-8000', missing_expected: String(expectedNet(missing)) });
		} finally {
			await control('DELETE', '/finance/discrepancies');
		}
	});
});
