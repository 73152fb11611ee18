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
