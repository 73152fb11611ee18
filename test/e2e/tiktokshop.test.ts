/**
 * TikTok Shop in a real n8n: the packed package installed as users install it, the example
 * workflows imported unchanged, run by n8n itself against the sandbox; assertions on what n8n
 * produced and on the sandbox's state.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance } from './lib/n8n';
import { REPO_ROOT, prepareN8n } from './lib/n8n';

const TTS = 'n8n-nodes-tokopedia-tiktokshop.tikTokShop';
let sandbox: Sandbox;
let n8n: N8nInstance;

const example = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
const control = async (method: string, route: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n();
	const [credential] = example('credentials/tiktokshop-sandbox.json');
	await n8n.importCredentials([
		{ ...credential, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
	]);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('TikTok Shop node in a real n8n', () => {
	test('Return All pulls every order of 30 days over many pages', async () => {
		const id = await n8n.importWorkflow(example('tiktokshop-pull-orders.json'));
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		const orders = result.output('All Orders Updated in 30 Days');
		const shop = sandbox.tikTokShop.state.shops[0];
		const since = Math.floor(Date.now() / 1000) - 30 * 86400;
		const expected = [...sandbox.tikTokShop.state.orders.values()].filter(
			(order) => sandbox.tikTokShop.state.orderMeta.get(order.id)?.shopId === shop.id && Number(order.update_time) >= since - 60,
		);
		expect(orders.length).toBeGreaterThan(200);
		expect(Math.abs(orders.length - expected.length)).toBeLessThanOrEqual(2);
		expect(new Set(orders.map((order) => order.id)).size).toBe(orders.length);
		const searches = (await control('GET', '/stats')).requests.byRoute['POST /order/202309/orders/search'];
		expect(searches).toBeGreaterThanOrEqual(3);
	});

	test('a page that keeps failing: under On Error → Continue the next node gets the orders read before it, then one error item naming the page', async () => {
		const workflow = example('tiktokshop-pull-orders.json');
		const pull = workflow.nodes.find((node: { name: string }) => node.name === 'All Orders Updated in 30 Days');
		pull.onError = 'continueRegularOutput';
		const next = {
			id: 'next',
			name: 'Next Node',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [440, 0],
			parameters: { jsCode: 'const rows = $input.all().map((item) => item.json);\nreturn [{ json: { orders: rows.filter((row) => !row.error).length, errors: rows.filter((row) => row.error).length, last: rows[rows.length - 1] } }];' },
		};
		const wf = {
			...workflow,
			id: 'ttsPullFailsWell',
			name: 'A pull that fails well',
			versionId: 'a3c0e1f2-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
			nodes: [...workflow.nodes, next],
			connections: { ...workflow.connections, [pull.name]: { main: [[{ node: 'Next Node', type: 'main', index: 0 }]] } },
		};
		await control('POST', '/config', { routes: { 'POST /order/202309/orders/search': { fault: { status: 503, count: 6, page: 3 } } } });
		try {
			const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
			expect(result.ok).toBe(true);
			const out = result.output('All Orders Updated in 30 Days');
			expect(out).toHaveLength(201);
			expect(new Set(out.slice(0, 200).map((order) => order.id)).size).toBe(200);
			expect(out[200]).toMatchObject({ page: 3, cursor: expect.any(String), orders_read: 200, httpCode: '503', window: { from: expect.stringMatching(/\+07:00$/), to: null } });
			expect(String(out[200].error)).toMatch(/^Order → Get Many stopped at page 3 \(cursor .+\) of window .+ after 6 attempts/);
			expect(result.output('Next Node')).toEqual([{ orders: 200, errors: 1, last: out[200] }]);
		} finally {
			await control('DELETE', '/config');
		}
	});

	test('ships packages and returns each label as a PDF file', async () => {
		const id = await n8n.importWorkflow(example('tiktokshop-ship-and-label.json'));
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		const labels = (result.run.data.resultData.runData['Get Shipping Label']?.[0]?.data?.main?.[0] ?? []);
		expect(labels).toHaveLength(3);
		for (const label of labels) {
			const file = (label as { binary?: Record<string, { mimeType: string; fileName: string; fileSize?: string }> }).binary!.data;
			expect(file.mimeType).toBe('application/pdf');
			expect(file.fileName).toMatch(/^shipping-label-\d+\.pdf$/);
			const packageId = String((label as { json: Record<string, unknown> }).json.package_id);
			const pkg = await control('GET', `/tiktokshop/packages/${packageId}`);
			expect(pkg.status).toBe('PROCESSING');
			const order = await control('GET', `/tiktokshop/orders/${pkg.orderId}`);
			expect(order.order.status).toBe('AWAITING_COLLECTION');
		}
	});

	test('cancels an order', async () => {
		const id = await n8n.importWorkflow(example('tiktokshop-cancel-order.json'));
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		const [cancelled] = result.output('Cancel Order (Out of Stock)');
		expect(cancelled.cancel_status).toBe('CANCELLATION_REQUEST_COMPLETE');
		const order = await control('GET', `/tiktokshop/orders/${String(cancelled.order_id)}`);
		expect(order.order.status).toBe('CANCELLED');
		expect(order.order.cancellation_initiator).toBe('SELLER');
	});

	test('a token that expires mid-run is renewed once, even with 8 executions at once', async () => {
		const wf = {
			id: 'ttsE2eTokenExpiry',
			name: 'e2e: orders on webhook',
			nodes: [
				{
					id: 'w1',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'tts-e2e-orders',
					parameters: { httpMethod: 'POST', path: 'tts-e2e-orders', responseMode: 'onReceived', options: {} },
				},
				{
					id: 'w2',
					name: 'Recent Orders',
					type: TTS,
					typeVersion: 1,
					position: [220, 0],
					credentials: { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } },
					parameters: { resource: 'order', operation: 'getOrderList', shop: { __rl: true, mode: 'list', value: '' }, returnAll: false, limit: 5, filters: {}, sort: {} },
				},
			],
			connections: { Webhook: { main: [[{ node: 'Recent Orders', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const id = await n8n.importWorkflow(wf);
		await n8n.publishWorkflow(id);
		const server = await n8n.start({ timeoutMs: 300_000 }); // a loaded 2-core CI machine starts n8n slowly
		try {
			const url = await n8n.waitForWebhook('tts-e2e-orders');
			await control('POST', '/config', { expiredTokenHttpStatus: 200 });
			await control('POST', '/tiktokshop/tokens/expire');
			const before = (await control('GET', '/stats')).tiktokshop.tokenRefreshes;
			// Latency widens the window in which every execution finds the token expired at once.
			await control('POST', '/config', { latencyMs: 100 });
			await Promise.all(Array.from({ length: 8 }, async () => await axios.post(url, {})));
			const executions = await n8n.waitForExecutions(id, 8, { timeoutMs: 180_000 });
			expect(executions.map((execution) => execution.status)).toEqual(Array.from({ length: 8 }, () => 'success'));
			expect((await control('GET', '/stats')).tiktokshop.tokenRefreshes - before).toBe(1);
		} finally {
			await server.stop();
			await control('DELETE', '/config');
		}
	});
	test('a 503 from the token host costs one retry, not the run', async () => {
		const id = await n8n.importWorkflow({
			id: 'ttsE2eTokenHost503',
			name: 'e2e: token host 503',
			nodes: [
				{ id: 't1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 't2',
					name: 'Shops',
					type: TTS,
					typeVersion: 1,
					position: [220, 0],
					credentials: { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } },
					parameters: { resource: 'shop', operation: 'getAuthorizedShops' },
				},
			],
			connections: { Start: { main: [[{ node: 'Shops', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		});
		try {
			await control('POST', '/tiktokshop/tokens/expire');
			await control('POST', '/config', { routes: { 'GET /api/v2/token/refresh': { fault: { status: 503, count: 1 } } } });
			const before = await control('GET', '/stats');
			const result = await n8n.executeWorkflow(id);
			expect(result.ok).toBe(true);
			expect(result.output('Shops').length).toBe(2);
			const after = await control('GET', '/stats');
			expect(after.tiktokshop.tokenRefreshes - before.tiktokshop.tokenRefreshes).toBe(1);
			expect(after.requests.byRoute['GET /api/v2/token/refresh'] - (before.requests.byRoute['GET /api/v2/token/refresh'] ?? 0)).toBe(2);
		} finally {
			await control('DELETE', '/config');
		}
	});
});
