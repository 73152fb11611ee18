/**
 * Queue mode for real (`npm run test:queue`, scripts/queue.sh): Redis + PostgreSQL, n8n main +
 * 2 workers + 2 webhook processors behind a balancer that routes by signature, this package installed in every
 * process's nodes folder, against the sandbox. Proves which process ran what from the workers' own
 * logs ("Worker started execution <id>"), counts token renewals and registrations at the sandbox,
 * and writes the figures to .queue/summary.json (printed by the script).
 */
import axios from 'axios';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { tiktokWebhookSignature } from '../../sandbox/tiktokshop/events';
import type { N8nInstance, PublicExecution, RunningN8n } from '../e2e/lib/n8n';
import { freePort, nodeOutput, prepareN8n } from '../e2e/lib/n8n';
import type { LineNode } from '../e2e/lib/workflow';
import { example, lineWorkflow } from '../e2e/lib/workflow';
import type { Balancer } from './lib/balancer';
import { startBalancer } from './lib/balancer';
import type { Postgres, Service } from './lib/services';
import { QUEUE_DIR, queueEnv, startPostgres, startRedis } from './lib/services';

const PKG = 'n8n-nodes-tokopedia-tiktokshop';
const TTS = `${PKG}.tikTokShop`;
const TTS_CREDENTIAL = { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } };
const TKPD_CREDENTIAL = { tokopediaApi: { id: 'tkpdSandboxCredential', name: 'Tokopedia (local sandbox)' } };
const SHOP = { __rl: true, mode: 'list', value: '' };
const WORKER_CONCURRENCY = 4;
const NOTIFICATIONS = 300;

let sandbox: Sandbox;
let redis: Service | undefined;
let postgres: Postgres | undefined;
let balancer: Balancer | undefined;
let main: N8nInstance;
let workers: N8nInstance[] = [];
let hooks: N8nInstance[] = [];
const servers: Array<{ role: string; server: RunningN8n }> = [];
const ids: Record<string, string> = {};
const summary: Record<string, unknown> = {};
const t0 = Date.now();
let stockRows: Array<{ sku: string; stock: number; warehouse: string }> = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

function webhookWorkflow(id: string, webhookPath: string, nodes: LineNode[]) {
	const wf = lineWorkflow(id, TTS, TTS_CREDENTIAL, nodes);
	wf.nodes[0] = {
		id: `${id}-0`,
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	} as (typeof wf.nodes)[0];
	return wf;
}

function triggerWorkflow(id: string, type: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>, webhookId?: string) {
	return {
		id,
		name: id,
		nodes: [
			{ id: `${id}-t`, name: 'Trigger', type: `${PKG}.${type}`, typeVersion: 1, position: [0, 0], parameters, credentials, ...(webhookId ? { webhookId } : {}) },
			{ id: `${id}-n`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Which process ran an execution, from the log line each worker prints when it starts one. */
function ranOn(executionId: string): string[] {
	const line = new RegExp(`Worker started execution ${executionId} \\(`);
	return servers.filter((s) => line.test(s.server.logs())).map((s) => s.role);
}

async function allExecutions(workflowId: string): Promise<PublicExecution[]> {
	const all: PublicExecution[] = [];
	let cursor: string | undefined;
	do {
		const page = await main.api<{ data: PublicExecution[]; nextCursor?: string | null }>('GET', '/executions', undefined, {
			params: { workflowId, includeData: true, limit: 250, ...(cursor ? { cursor } : {}) },
		});
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Waits until the workflow's execution count has not changed for `quietMs` (and is at least `min`). */
async function settledExecutions(workflowId: string, min: number, opts: { quietMs?: number; timeoutMs?: number } = {}): Promise<PublicExecution[]> {
	const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
	let last = -1;
	let since = Date.now();
	while (true) {
		const all = await allExecutions(workflowId);
		const done = all.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (all.length !== last || done.length !== all.length) {
			last = all.length;
			since = Date.now();
		} else if (all.length >= min && Date.now() - since >= (opts.quietMs ?? 8000)) return all;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${done.length}/${all.length} executions finished, ${min} expected`);
		await sleep(1000);
	}
}

const triggerItems = (execution: PublicExecution) => nodeOutput(execution as { data: NonNullable<PublicExecution['data']> }, 'Trigger');

beforeAll(async () => {
	fs.mkdirSync(QUEUE_DIR, { recursive: true });
	sandbox = await startSandbox({ port: 0, tikTokShop: { productCount: 1600 } });
	[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
	const balancerPort = await freePort();
	const shared = { ...queueEnv({ redis, postgres, encryptionKey: randomBytes(24).toString('hex') }), N8N_WEBHOOK_URL: `http://127.0.0.1:${balancerPort}/` };
	// Production webhooks are served by the webhook processors only, as in a scaled deployment.
	main = await prepareN8n({ userFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-')), env: { ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } });
	// Every process gets its own nodes folder, a copy of main's npm install of the tarball.
	const withPackage = () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
		fs.cpSync(path.join(main.userFolder, '.n8n/nodes'), path.join(folder, '.n8n/nodes'), { recursive: true });
		return folder;
	};
	for (let k = 0; k < 2; k++) {
		const port = await freePort();
		workers.push(await prepareN8n({ userFolder: withPackage(), port, env: { ...shared, QUEUE_HEALTH_CHECK_PORT: String(port) } }));
		hooks.push(await prepareN8n({ userFolder: withPackage(), env: shared }));
	}
	balancer = await startBalancer(balancerPort, () => hooks.map((h) => `${h.url}/`));

	const [tts] = example('credentials/tiktokshop-sandbox.json');
	const [tkpd] = example('credentials/tokopedia-sandbox.json');
	await main.importCredentials([
		{ ...tts, data: { ...tts.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
		{ ...tkpd, data: { ...tkpd.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
	]);

	const shopId = sandbox.tikTokShop.state.shops[0].id;
	const catalog = [...sandbox.tikTokShop.state.skuById.values()].filter((ref) => ref.shopId === shopId && ref.product.status === 'ACTIVATE');
	stockRows = catalog.slice(0, 2000).map((ref, k) => {
		const inventory = ref.sku.inventory as Array<{ warehouse_id: string }>;
		return { sku: String(ref.sku.seller_sku), stock: 200 + (k % 41), warehouse: inventory.length > 1 ? inventory[k % 2].warehouse_id : '' };
	});
	const startFrom = new Date(Date.now() - 86_400_000).toISOString();
	const pollTimes = { item: [{ mode: 'everyMinute' }] };
	const workflows = {
		stock: webhookWorkflow('queueStock2000', 'queue-stock', [
			{ name: 'ERP Rows', type: 'n8n-nodes-base.code', parameters: { jsCode: `return ${JSON.stringify(stockRows)}.map((json) => ({ json }));` } },
			{
				name: 'Update Stock',
				parameters: {
					resource: 'inventory', operation: 'updateInventory', shop: SHOP, identifyBy: 'sellerSku',
					sellerSku: '={{ $json.sku }}', quantity: '={{ $json.stock }}', warehouseId: '={{ $json.warehouse }}',
					options: { concurrency: 4, requestsPerSecond: 60 },
				},
			},
		]),
		orders: webhookWorkflow('queueOrders500', 'queue-orders', [
			{ name: 'Orders', parameters: { resource: 'order', operation: 'getOrderList', shop: SHOP, returnAll: false, limit: 500, filters: {}, sort: {} } },
		]),
		token: webhookWorkflow('queueToken', 'queue-token', [
			{ name: 'Recent Orders', parameters: { resource: 'order', operation: 'getOrderList', shop: SHOP, returnAll: false, limit: 5, filters: {}, sort: {} } },
		]),
		ttsHook: triggerWorkflow('queueTtsTrigger', 'tikTokShopTrigger', { shop: SHOP, events: ['ORDER_STATUS_CHANGE'], options: {} }, TTS_CREDENTIAL, randomUUID()),
		tkpdHook: triggerWorkflow('queueTkpdTrigger', 'tokopediaTrigger', { events: ['order_notification', 'order_status'], options: {} }, TKPD_CREDENTIAL, randomUUID()),
		ttsPoll: triggerWorkflow('queueTtsPoll', 'tikTokShopPollTrigger', { pollTimes, event: 'orders', shop: SHOP, options: { startFrom } }, TTS_CREDENTIAL),
		tkpdPoll: triggerWorkflow('queueTkpdPoll', 'tokopediaPollTrigger', { pollTimes, shopId: '', options: { startFrom } }, TKPD_CREDENTIAL),
	};
	const imported = await main.importWorkflows(Object.values(workflows));
	Object.keys(workflows).forEach((key, k) => (ids[key] = imported[k]));
	const started = Date.now();
	servers.push({ role: 'main', server: await main.start({ timeoutMs: 300_000 }) });
	const others = await Promise.all([
		...workers.map((w) => w.start({ command: 'worker', args: [`--concurrency=${WORKER_CONCURRENCY}`], timeoutMs: 300_000 })),
		...hooks.map((h) => h.start({ command: 'webhook', timeoutMs: 300_000 })),
	]);
	others.forEach((server, k) => servers.push({ role: k < workers.length ? `worker${k + 1}` : `webhook${k - workers.length + 1}`, server }));
	summary.startupSeconds = seconds(started);
	// Activated as a user does, in the running main instance: it registers the triggers and runs the polls.
	for (const id of imported) await main.api('POST', `/workflows/${id}/activate`, {});
	for (const hook of hooks) for (const webhookPath of ['queue-stock', 'queue-orders', 'queue-token']) await hook.waitForWebhook(webhookPath);
	summary.setupSeconds = seconds(t0);
}, 600_000);

afterAll(async () => {
	summary.totalSeconds = seconds(t0);
	if (balancer) summary.balancerForwarded = balancer.forwarded;
	// A failed ping makes that process answer every request 503 ("Database is not ready!") until one succeeds.
	summary.databasePingFailures = Object.fromEntries(servers.map((s) => [s.role, (s.server.logs().match(/Database ping failed/g) ?? []).length]));
	fs.mkdirSync(QUEUE_DIR, { recursive: true });
	fs.writeFileSync(path.join(QUEUE_DIR, 'summary.json'), JSON.stringify(summary, null, 2));
	await Promise.all(servers.map((s) => s.server.stop()));
	await balancer?.close();
	for (const instance of [main, ...workers, ...hooks]) await instance?.dispose();
	await Promise.all([redis?.stop(), postgres?.stop()]);
	await sandbox?.close();
}, 120_000);

describe('queue mode: main + 2 workers + 2 webhook processors on Redis and PostgreSQL', () => {
	test('webhook triggers are registered once, by the main instance, at the balancer URL', async () => {
		const ttsRegistered = async () =>
			((await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string; address: string }>).filter((w) => w.event_type === 'ORDER_STATUS_CHANGE');
		for (let k = 0; k < 120 && (await ttsRegistered()).length === 0; k++) await sleep(250);
		const tkpdRegistration = async () => (await control('GET', '/tokopedia/webhooks')).registrations[0] ?? {};
		for (let k = 0; k < 120 && !(await tkpdRegistration()).order_status_url; k++) await sleep(250);
		const [hook] = await ttsRegistered();
		expect(hook.address.startsWith(`${balancer!.url}/webhook/`)).toBe(true);
		expect((await tkpdRegistration()).order_status_url.startsWith(`${balancer!.url}/webhook/`)).toBe(true);
		await sleep(3000); // a late second registration (e.g. by another process) would land by now
		const byRoute = (await control('GET', '/stats')).requests.byRoute as Record<string, number>;
		const count = (pattern: RegExp) => Object.entries(byRoute).filter(([route]) => pattern.test(route)).reduce((sum, [, n]) => sum + n, 0);
		const ttsPuts = count(/^PUT \/event\/202309\/webhooks$/);
		const tkpdRegisters = count(/^POST .*\/register$/);
		summary.sandboxRoutes = Object.keys(byRoute).filter((route) => /webhook|register/.test(route));
		summary.registrations = { tikTokShopPut: ttsPuts, tokopediaRegister: tkpdRegisters };
		expect(ttsPuts).toBe(1);
		expect(tkpdRegisters).toBe(1);
	});

	test('a 2,000-SKU TikTok Shop stock push runs on a worker and sets every SKU once', async () => {
		const shopId = sandbox.tikTokShop.state.shops[0].id;
		const logBefore = ((await control('GET', `/tiktokshop/inventory-log?shop_id=${shopId}&source=api_update`)).entries ?? []).length;
		const started = Date.now();
		await axios.post(`${balancer!.url}/webhook/queue-stock`, {});
		const [execution] = await main.waitForExecutions(ids.stock, 1, { timeoutMs: 300_000 });
		summary.stockPush = { seconds: seconds(started), ranOn: ranOn(execution.id), status: execution.status };
		expect(execution.status).toBe('success');
		expect(ranOn(execution.id)).toEqual([expect.stringMatching(/^worker\d$/)]);
		const out = nodeOutput(execution as { data: NonNullable<PublicExecution['data']> }, 'Update Stock');
		expect(out.filter((row) => row.applied === true)).toHaveLength(2000);
		const log = ((await control('GET', `/tiktokshop/inventory-log?shop_id=${shopId}&source=api_update`)).entries as Array<Record<string, unknown>>).slice(logBefore);
		const changedTwice = stockRows.filter(
			(row) => log.filter((entry) => entry.seller_sku === row.sku && entry.after === row.stock && (!row.warehouse || entry.warehouse_id === row.warehouse)).length !== 1,
		);
		expect(changedTwice).toEqual([]);
	});

	test('a 500-order pull runs on a worker and returns 500 distinct orders', async () => {
		const started = Date.now();
		await axios.post(`${balancer!.url}/webhook/queue-orders`, {});
		const [execution] = await main.waitForExecutions(ids.orders, 1, { timeoutMs: 180_000 });
		summary.orderPull = { seconds: seconds(started), ranOn: ranOn(execution.id), status: execution.status };
		expect(execution.status).toBe('success');
		expect(ranOn(execution.id)).toEqual([expect.stringMatching(/^worker\d$/)]);
		const orders = nodeOutput(execution as { data: NonNullable<PublicExecution['data']> }, 'Orders');
		expect(orders).toHaveLength(500);
		expect(new Set(orders.map((o) => o.id)).size).toBe(500);
	});

	test('8 executions on both workers hit an expired TikTok token at once: renewed once, the credential works afterwards', async () => {
		// Slow order searches keep the 8 jobs running together, so both workers (4 slots each) take some.
		await control('POST', '/config', { expiredTokenHttpStatus: 200, routes: { 'POST /order/202309/orders/search': { latencyMs: 1500 } } });
		try {
			await control('POST', '/tiktokshop/tokens/expire');
			const before = (await control('GET', '/stats')).tiktokshop.tokenRefreshes;
			const started = Date.now();
			await Promise.all(Array.from({ length: 8 }, () => axios.post(`${balancer!.url}/webhook/queue-token`, {})));
			const runs = await main.waitForExecutions(ids.token, 8, { timeoutMs: 180_000 });
			const renewals = (await control('GET', '/stats')).tiktokshop.tokenRefreshes - before;
			const places = runs.map((run) => ranOn(run.id).join('+'));
			summary.tokenExpiry = { executions: runs.length, statuses: runs.map((r) => r.status), ranOn: places, renewals, seconds: seconds(started) };

			await axios.post(`${balancer!.url}/webhook/queue-token`, {});
			const after = await main.waitForExecutions(ids.token, 9, { timeoutMs: 120_000 });
			const renewalsAfter = (await control('GET', '/stats')).tiktokshop.tokenRefreshes - before;
			(summary.tokenExpiry as Record<string, unknown>).ninthExecution = { status: after[8].status, renewalsSoFar: renewalsAfter };
			expect(new Set(places)).toEqual(new Set(['worker1', 'worker2']));
			expect(runs.map((run) => run.status)).toEqual(Array(8).fill('success'));
			expect(after[8].status).toBe('success');
			expect(renewalsAfter).toBe(renewals);
			// Renewals are shared inside a process; two workers finding the token expired in the same
			// instant may each renew once, which TikTok's grace for a just-used refresh token accepts
			// (sandbox refreshGraceSeconds, README queue mode). More than one per worker would be a defect.
			expect(renewals).toBeGreaterThanOrEqual(1);
			expect(renewals).toBeLessThanOrEqual(2);
		} finally {
			await control('DELETE', '/config');
		}
	});

	test(`${NOTIFICATIONS} TikTok notifications × 3 deliveries spread across both webhook processors start ${NOTIFICATIONS} executions`, async () => {
		const [hook] = ((await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string; address: string }>).filter(
			(w) => w.event_type === 'ORDER_STATUS_CHANGE',
		);
		const shop = sandbox.tikTokShop.state.shops[0];
		const orders = [...sandbox.tikTokShop.state.orders.values()].filter((o) => sandbox.tikTokShop.state.orderMeta.get(o.id)?.shopId === shop.id).slice(0, NOTIFICATIONS);
		expect(orders).toHaveLength(NOTIFICATIONS);
		const notifications = orders.map((order) =>
			sandbox.webhooks.tiktokshop.build(shop.id, 1, { is_on_hold_order: false, order_id: order.id, order_status: order.status, update_time: order.update_time }),
		);
		const forwardedBefore = [...balancer!.forwarded];
		const statuses: Record<string, number> = {};
		let redeliveries = 0;
		// TikTok delivers again what was not answered 2xx (reference §7.4), so a refused or failed
		// delivery is sent again here too, after a pause; only a 2xx followed by no run loses an event.
		const deliver = async (n: { body: Buffer }) => {
			for (let attempt = 0; ; attempt++) {
				const res = await axios.post(hook.address, n.body, {
					headers: { 'content-type': 'application/json', authorization: tiktokWebhookSignature(n.body) },
					validateStatus: () => true,
					transformRequest: [(data) => data],
				});
				statuses[res.status] = (statuses[res.status] ?? 0) + 1;
				if ((res.status >= 200 && res.status < 300) || attempt >= 5) return;
				redeliveries++;
				await sleep(2000);
			}
		};
		// First half: the 3 copies of a notification arrive together (both processors at once); then
		// one copy after the other, as a redelivery after a lost answer does: back to back for 100,
		// a second apart for the last 50 (how long after its answer a delivery's record is visible).
		const half = NOTIFICATIONS / 2;
		const spacedFrom = NOTIFICATIONS - 50;
		const started = Date.now();
		const pool = async <T>(list: T[], size: number, work: (item: T) => Promise<void>) => {
			let next = 0;
			await Promise.all(Array.from({ length: size }, async () => {
				while (next < list.length) await work(list[next++]);
			}));
		};
		await pool(notifications.slice(0, half), 8, async (n) => {
			await Promise.all([deliver(n), deliver(n), deliver(n)]);
		});
		await pool(notifications.slice(half, spacedFrom), 8, async (n) => {
			for (let copy = 0; copy < 3; copy++) await deliver(n);
		});
		await pool(notifications.slice(spacedFrom), 8, async (n) => {
			for (let copy = 0; copy < 3; copy++) {
				if (copy > 0) await sleep(1000);
				await deliver(n);
			}
		});
		const deliverySeconds = seconds(started);
		const runs = await settledExecutions(ids.ttsHook, NOTIFICATIONS, { timeoutMs: 300_000 });
		const seenIds = runs.map((run) => String(triggerItems(run)[0]?.tts_notification_id));
		const perId = new Map<string, number>();
		for (const id of seenIds) perId.set(id, (perId.get(id) ?? 0) + 1);
		const sent = notifications.map((n) => n.notificationId);
		const together = new Set(sent.slice(0, half));
		const spaced = new Set(sent.slice(spacedFrom));
		const extra = (subset: (id: string) => boolean) => [...perId].filter(([id]) => subset(id)).reduce((sum, [, count]) => sum + count - 1, 0);
		const places = new Map<string, number>();
		for (const run of runs) for (const place of ranOn(run.id)) places.set(place, (places.get(place) ?? 0) + 1);
		summary.webhookDedupe = {
			notifications: NOTIFICATIONS,
			deliveries: NOTIFICATIONS * 3,
			httpStatuses: statuses,
			redeliveriesAfterNon200: redeliveries,
			forwardedPerProcessor: balancer!.forwarded.map((n, k) => n - (forwardedBefore[k] ?? 0)),
			executions: runs.length,
			distinctNotifications: perId.size,
			duplicates: runs.length - perId.size,
			duplicatesWhenCopiesArriveTogether: extra((id) => together.has(id)),
			duplicatesWhenCopiesArriveOneAfterAnother: extra((id) => !together.has(id) && !spaced.has(id)),
			duplicatesWhenCopiesArriveOneSecondApart: extra((id) => spaced.has(id)),
			missing: sent.filter((id) => !perId.has(id)).length,
			executionsPerWorker: Object.fromEntries(places),
			deliverySeconds,
		};
		expect(balancer!.forwarded.every((n, k) => n - (forwardedBefore[k] ?? 0) > 0)).toBe(true);
		expect(sent.filter((id) => !perId.has(id))).toEqual([]);
		expect(runs.length).toBe(NOTIFICATIONS);
	}, 600_000);

	test('both poll triggers emit each change once, their executions running on workers', async () => {
		const first = async (workflowId: string) => (await main.waitForExecutions(workflowId, 1, { timeoutMs: 150_000 }))[0];
		await first(ids.ttsPoll);
		await first(ids.tkpdPoll);
		const newTts = (await control('POST', '/tiktokshop/orders', { count: 3 })).orders.map((o: { order: { id: string } }) => o.order.id);
		const newTkpd = (await control('POST', '/tokopedia/orders', { shop_id: 479066, count: 3 })).orders.map((o: { order_id: number }) => o.order_id);
		const created = Date.now();
		let ttsAll: Array<Record<string, unknown>> = [];
		let tkpdAll: Array<Record<string, unknown>> = [];
		let runs: PublicExecution[] = [];
		const deadline = Date.now() + 200_000;
		while (Date.now() < deadline) {
			const tts = await allExecutions(ids.ttsPoll);
			const tkpd = await allExecutions(ids.tkpdPoll);
			runs = [...tts, ...tkpd];
			ttsAll = tts.flatMap(triggerItems);
			tkpdAll = tkpd.flatMap(triggerItems);
			if (newTts.every((id: string) => ttsAll.some((o) => String(o.id) === id)) && newTkpd.every((id: number) => tkpdAll.some((o) => o.order_id === id))) break;
			await sleep(2000);
		}
		const ttsStates = ttsAll.map((o) => `${String(o.id)}:${String(o.update_time)}`);
		const tkpdStates = tkpdAll.map((o) => `${String(o.order_id)}:${String(o.order_status)}`);
		const places = runs.map((run) => ranOn(run.id).join('+') || 'not on a worker');
		summary.pollTriggers = {
			executions: runs.length,
			ranOn: places,
			newOrdersSeenAfterSeconds: seconds(created),
			tikTokShop: { emitted: ttsStates.length, duplicates: ttsStates.length - new Set(ttsStates).size, newOrdersEmitted: newTts.filter((id: string) => ttsAll.some((o) => String(o.id) === id)).length },
			tokopedia: { emitted: tkpdStates.length, duplicates: tkpdStates.length - new Set(tkpdStates).size, newOrdersEmitted: newTkpd.filter((id: number) => tkpdAll.some((o) => o.order_id === id)).length },
		};
		expect(ttsAll.map((o) => String(o.id))).toEqual(expect.arrayContaining(newTts));
		expect(tkpdAll.map((o) => o.order_id)).toEqual(expect.arrayContaining(newTkpd));
		expect(new Set(ttsStates).size).toBe(ttsStates.length);
		expect(new Set(tkpdStates).size).toBe(tkpdStates.length);
		for (const place of places) expect(place).toMatch(/^worker\d$/);
	}, 300_000);
});
