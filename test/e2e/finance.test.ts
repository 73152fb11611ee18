/**
 * Finance in a real n8n: TikTok Shop statements, transactions, payments and unsettled orders over
 * many pages, run by n8n itself against the sandbox; sums checked against the sandbox's own ledger.
 */
import axios from 'axios';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { CredentialInput, N8nInstance } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import type { LineNode } from './lib/workflow';
import { example, lineWorkflow } from './lib/workflow';

const TTS = 'n8n-nodes-tokopedia-tiktokshop.tikTokShop';
const TTS_CREDENTIAL = { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } };
const SHOP = { __rl: true, mode: 'list', value: '' };
let sandbox: Sandbox;
let n8n: N8nInstance;

const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n();
	const credentials = [...example('credentials/tiktokshop-sandbox.json'), ...example('credentials/tokopedia-sandbox.json')];
	await n8n.importCredentials(credentials.map((c: CredentialInput) => ({ ...c, data: { ...c.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } })));
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('Finance in a real n8n', () => {
	test('TikTok Shop: every statement, all its transactions (normalized), payments and unsettled orders over many pages', async () => {
		const nodes: LineNode[] = [
			{ name: 'Statements', parameters: { resource: 'finance', operation: 'getStatements', shop: SHOP, returnAll: true, filters: {}, options: {} } },
			{
				name: 'Transactions',
				parameters: { resource: 'finance', operation: 'getStatementTransactions', shop: SHOP, statementId: '={{ $json.id }}', returnAll: true, settlementOutput: 'normalized', options: {} },
			},
		];
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(lineWorkflow('finance-tts-statements', TTS, TTS_CREDENTIAL, nodes)));
		expect(result.ok).toBe(true);
		const statements = result.output('Statements');
		const transactions = result.output('Transactions');
		const cipher = (await control('GET', '/tiktokshop/shops')).shops[0].cipher as string;
		const shop = sandbox.tikTokShop.state.shopByCipher.get(cipher)!;
		expect(statements.length).toBeGreaterThan(30);
		const sum = (rows: Array<Record<string, unknown>>, key: string) => rows.reduce((total, row) => total + Number(row[key]), 0);
		expect(sum(transactions, 'net_settlement')).toBe(sum(statements, 'settlement_amount'));
		expect(transactions.length).toBeGreaterThan(100);
		const orderRows = transactions.filter((t) => t.transaction_type === 'ORDER');
		expect(new Set(orderRows.map((t) => t.order_id)).size).toBe(orderRows.length);
		for (const row of orderRows.slice(0, 50)) {
			const money = await control('GET', `/tiktokshop/finance/orders/${String(row.order_id)}`);
			expect([row.statement_id, row.net_settlement, row.gross_revenue]).toEqual([money.statement_id, money.settlement, money.revenue]);
		}
		expect(statements.every((s) => sandbox.tikTokShop.state.shopById.get(shop.id) && typeof s.settlement_amount === 'string')).toBe(true);

		const more = await n8n.executeWorkflow(
			await n8n.importWorkflow(
				lineWorkflow('finance-tts-unsettled', TTS, TTS_CREDENTIAL, [
					{ name: 'Unsettled', parameters: { resource: 'finance', operation: 'getUnsettledOrders', shop: SHOP, returnAll: true, settlementOutput: 'normalized', filters: {}, options: {} } },
				]),
			),
		);
		expect(more.ok).toBe(true);
		const unsettled = more.output('Unsettled');
		expect(unsettled.length).toBeGreaterThan(200);
		for (const row of unsettled.slice(0, 30)) expect((await control('GET', `/tiktokshop/finance/orders/${String(row.order_id)}`)).status).toBe('unsettled');
		const payments = await n8n.executeWorkflow(
			await n8n.importWorkflow(
				lineWorkflow('finance-tts-payments', TTS, TTS_CREDENTIAL, [
					{ name: 'Payments', parameters: { resource: 'finance', operation: 'getPayments', shop: SHOP, returnAll: true, filters: {}, options: {} } },
				]),
			),
		);
		expect(payments.output('Payments').map((p) => p.id).sort()).toEqual(statements.map((s) => s.payment_id).sort());
		const byRoute = (await control('GET', '/stats')).requests.byRoute as Record<string, number>;
		expect(byRoute['GET /finance/202507/orders/unsettled']).toBe(Math.ceil(unsettled.length / 100));
	});
});

describe('Finance in a real n8n: Tokopedia and the ops 6 example', () => {
	const TKPD = 'n8n-nodes-tokopedia-tiktokshop.tokopedia';
	const TKPD_CREDENTIAL = { tokopediaApi: { id: 'tkpdSandboxCredential', name: 'Tokopedia (local sandbox)' } };
	const DAY = 86400;

	test('Tokopedia: saldo history of 90 days in ≤ 31-day requests, then the v2 export waited for until Ready', async () => {
		const nodes: LineNode[] = [
			{ name: 'Saldo History', parameters: { resource: 'finance', operation: 'getSaldoHistory', shop: SHOP, fromDate: '={{ $now.minus({ days: 90 }).toISO() }}', toDate: '={{ $now.toISO() }}', returnAll: true, settlementOutput: 'normalized' } },
			{ name: 'Count', type: 'n8n-nodes-base.code', parameters: { jsCode: 'return [{ json: { rows: $input.all().length } }];' } },
			{ name: 'Export', parameters: { resource: 'finance', operation: 'exportSaldoHistory', shop: SHOP, fromDate: '={{ $now.minus({ days: 6 }).toISO() }}', toDate: '={{ $now.toISO() }}', saldoType: 2, settlementOutput: 'raw', options: { pollSeconds: 1 } } },
		];
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(lineWorkflow('finance-tkpd-saldo', TKPD, TKPD_CREDENTIAL, nodes)));
		expect(result.ok).toBe(true);
		const history = result.output('Saldo History');
		const { saldoHistory } = await import('../../sandbox/tokopedia/finance');
		const now = sandbox.tokopedia.state.clock.now();
		const want = saldoHistory(sandbox.tokopedia.state, sandbox.tokopedia.state.shopById.get(479066)!, now).filter((row) => row.time >= now - 90 * DAY + 120);
		expect(history.length).toBeGreaterThan(500);
		expect(Math.abs(history.length - want.length)).toBeLessThanOrEqual(2);
		expect(new Set(history.map((row) => row.statement_id)).size).toBe(history.length);
		const requests = sandbox.log.recent(2000).filter((e) => e.route === 'GET /v1/fs/{}/shop/{}/saldo-history');
		expect(new Set(requests.map((e) => e.query.from_date)).size).toBe(3);
		const exported = result.output('Export');
		expect(exported.length).toBeGreaterThan(10);
		expect(exported.every((row) => String(row.request_key).startsWith('SHD-'))).toBe(true);
	});

	test('Ops 6 finds exactly the injected short payments and missing settlements of both marketplaces, and nothing else', async () => {
		const { ledger } = await import('../../sandbox/tiktokshop/finance');
		const { finishedAt } = await import('../../sandbox/tokopedia/finance');
		const statementTime = Math.floor(Date.now() / 1000 / DAY) * DAY - DAY;
		const tts = sandbox.tikTokShop.state;
		const cipher = (await control('GET', '/tiktokshop/shops')).shops[0].cipher as string;
		const statement = ledger(tts, tts.shopByCipher.get(cipher)!, tts.clock.now()).statements.find((s) => s.statementTime === statementTime)!;
		const settledOrders = statement.orders.map((m) => m.order.id);
		expect(settledOrders.length).toBeGreaterThan(4);
		const [ttsShort, ttsMissing] = settledOrders;
		const finished = [...sandbox.tokopedia.state.ordersByShop.get(479066)!].filter((o) => {
			const at = finishedAt(o);
			return o.status === 700 && at !== undefined && at >= statementTime && at < statementTime + DAY;
		});
		expect(finished.length).toBeGreaterThan(4);
		const [tkpdShort, tkpdMissing] = finished.map((o) => o.invoice);
		await control('POST', '/tiktokshop/finance/short_payments', { order_id: ttsShort, amount: 3000 });
		await control('POST', '/tiktokshop/finance/missing_settlements', { order_id: ttsMissing });
		await control('POST', '/tokopedia/finance/short_payments', { invoice: tkpdShort, amount: 1500 });
		await control('POST', '/tokopedia/finance/missing_settlements', { invoice: tkpdMissing });

		const result = await n8n.executeWorkflow(await n8n.importWorkflow(example('ops-6-settlement-reconciliation.json')));
		expect(result.ok).toBe(true);
		const [report] = result.output('Settlement Summary');
		const discrepancies = report.discrepancies as Array<Record<string, unknown>>;
		expect(discrepancies.map((d) => [d.marketplace, d.status, d.order, d.difference, d.components]).sort()).toEqual(
			[
				['tiktokshop', 'amount_mismatch', ttsShort, '-3000', 'fee_total'],
				['tiktokshop', 'missing', ttsMissing, null, ''],
				['tokopedia', 'amount_mismatch', tkpdShort, '-1500', 'net_settlement'],
				['tokopedia', 'missing', tkpdMissing, null, ''],
			].sort(),
		);
		const summaries = report.summaries as Array<Record<string, unknown>>;
		expect(summaries.find((s) => s.marketplace === 'tiktokshop')).toMatchObject({ matched: settledOrders.length - 2, amount_mismatch: 1, missing: 1, unsettled: 0, unexpected: 0 });
		expect(summaries.find((s) => s.marketplace === 'tokopedia')).toMatchObject({ matched: finished.length - 2, amount_mismatch: 1, missing: 1, unsettled: 0, unexpected: 0 });
		expect(String(report.text)).toMatch(/TikTok Shop: \d+ orders, \d+ matched, 1 short or over, 0 unsettled, 1 missing, 0 unexpected/);
	});
});
