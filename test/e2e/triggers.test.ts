/**
 * Webhook and poll triggers in a real n8n against the sandbox: activation registers the n8n URL
 * with the marketplace, signed deliveries start exactly one execution per event even when the
 * sandbox redelivers, a tampered delivery gets 401, deactivation removes the registration, and
 * poll triggers catch up over a multi-day gap without repeating an order.
 */
import axios from 'axios';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance, PublicExecution, RunningN8n } from './lib/n8n';
import { REPO_ROOT, prepareN8n } from './lib/n8n';

const PKG = 'n8n-nodes-tokopedia-tiktokshop';
const TTS_CREDENTIAL = { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } };
const TKPD_CREDENTIAL = { tokopediaApi: { id: 'tkpdSandboxCredential', name: 'Tokopedia (local sandbox)' } };
const DAY = 86_400;
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: RunningN8n;
const ids: Record<string, string> = {};
const startFrom = new Date(Date.now() - 5 * DAY * 1000).toISOString();

const example = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

async function executions(workflowId: string): Promise<PublicExecution[]> {
	return (await n8n.api<{ data: PublicExecution[] }>('GET', '/executions', undefined, { params: { workflowId, includeData: true, limit: 250 } })).data;
}

const firstJson = (execution: PublicExecution) =>
	((execution.data?.resultData.runData.Trigger?.[0]?.data?.main?.[0] ?? []) as unknown[]).map((item) => (item as { json: Record<string, unknown> }).json);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, webhooks: { timeoutMs: 5000, retryDelaysMs: [400, 800] } });
	n8n = await prepareN8n();
	const [tts] = example('credentials/tiktokshop-sandbox.json');
	const [tkpd] = example('credentials/tokopedia-sandbox.json');
	await n8n.importCredentials([
		{ ...tts, data: { ...tts.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
		{ ...tkpd, data: { ...tkpd.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
	]);
	const pollTimes = { item: [{ mode: 'everyMinute' }] };
	const workflows = {
		ttsHook: triggerWorkflow('e2eTtsTrigger', 'tikTokShopTrigger', { shop: { __rl: true, mode: 'list', value: '' }, events: ['ORDER_STATUS_CHANGE'], options: {} }, TTS_CREDENTIAL, randomUUID()),
		tkpdHook: triggerWorkflow('e2eTkpdTrigger', 'tokopediaTrigger', { events: ['order_notification', 'order_status'], options: {} }, TKPD_CREDENTIAL, randomUUID()),
		ttsPoll: triggerWorkflow('e2eTtsPoll', 'tikTokShopPollTrigger', { pollTimes, event: 'orders', shop: { __rl: true, mode: 'list', value: '' }, options: { startFrom } }, TTS_CREDENTIAL),
		tkpdPoll: triggerWorkflow('e2eTkpdPoll', 'tokopediaPollTrigger', { pollTimes, shopId: '', options: { startFrom } }, TKPD_CREDENTIAL),
	};
	for (const [key, wf] of Object.entries(workflows)) {
		ids[key] = await n8n.importWorkflow(wf);
		await n8n.publishWorkflow(ids[key]);
	}
	server = await n8n.start();
});

afterAll(async () => {
	await server?.stop();
	await n8n?.dispose();
	await sandbox?.close();
});

describe('triggers in a real n8n', () => {
	test('TikTok Shop Trigger: registered on activation, one execution per event despite redeliveries, 401 when tampered', async () => {
		const registered = async () =>
			((await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string; address: string }>).filter((w) => w.event_type === 'ORDER_STATUS_CHANGE');
		for (let k = 0; k < 60 && (await registered()).length === 0; k++) await sleep(250);
		const [hook] = await registered();
		expect(hook.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/.+\/webhook$/);

		await control('POST', '/webhooks/deliver-duplicates', { enabled: true });
		const before = (await executions(ids.ttsHook)).length;
		const created = (await control('POST', '/tiktokshop/orders', { count: 2 })).orders;
		await control('POST', `/tiktokshop/orders/${created[0].order.id}/advance`, {});
		await sleep(2500);
		const delivered = (await control('GET', '/webhooks/deliveries?marketplace=tiktokshop&limit=500')).deliveries.filter(
			(d: { url: string; event?: string }) => d.url === hook.address,
		);
		const notifications = new Set(delivered.map((d: { notificationId: string }) => d.notificationId));
		const attempts = delivered.reduce((sum: number, d: { attempts: unknown[] }) => sum + d.attempts.length, 0);
		expect(notifications.size).toBeGreaterThanOrEqual(3);
		expect(attempts).toBeGreaterThan(notifications.size);
		const runs = await n8n.waitForExecutions(ids.ttsHook, before + notifications.size, { timeoutMs: 60_000 });
		await sleep(1500);
		expect((await executions(ids.ttsHook)).length).toBe(before + notifications.size);
		const seen = runs.slice(before).map((run) => String(firstJson(run)[0].tts_notification_id));
		expect(new Set(seen)).toEqual(notifications);
		expect(firstJson(runs.at(-1)!)[0]).toMatchObject({ topic: 'ORDER_STATUS_CHANGE' });
		await control('POST', '/webhooks/deliver-duplicates', { enabled: false });

		const body = JSON.stringify({ type: 1, tts_notification_id: 'forged-1', shop_id: '1', timestamp: 1, data: { order_id: '1', order_status: 'COMPLETED' } });
		const forged = await axios.post(hook.address, body, { headers: { 'content-type': 'application/json', authorization: 'deadbeef' }, validateStatus: () => true });
		expect(forged.status).toBe(401);
		await sleep(1000);
		expect((await executions(ids.ttsHook)).length).toBe(before + notifications.size);
	});

	test('Tokopedia Trigger: registered on activation (only its URLs), one execution per event, 401 when tampered', async () => {
		const registration = async () => (await control('GET', '/tokopedia/webhooks')).registrations[0] ?? {};
		for (let k = 0; k < 60 && !(await registration()).order_notification_url; k++) await sleep(250);
		const current = await registration();
		expect(current.order_notification_url).toMatch(/\?event=order_notification$/);
		expect(current.order_status_url).toMatch(/\?event=order_status$/);
		expect(current.chat_notification_url ?? '').toBe('');

		await control('POST', '/webhooks/deliver-duplicates', { enabled: true });
		const before = (await executions(ids.tkpdHook)).length;
		const [order] = (await control('POST', '/tokopedia/orders', { shop_id: 479066 })).orders;
		await control('POST', `/tokopedia/orders/${order.order_id}/advance`, {});
		await sleep(2500);
		const delivered = (await control('GET', '/webhooks/deliveries?marketplace=tokopedia&limit=500')).deliveries.filter((d: { body: string }) =>
			String(d.body).includes(String(order.order_id)),
		);
		const distinct = new Set(delivered.map((d: { url: string; body: string }) => `${d.url}|${d.body}`));
		expect(distinct.size).toBeGreaterThanOrEqual(2);
		const runs = await n8n.waitForExecutions(ids.tkpdHook, before + distinct.size, { timeoutMs: 60_000 });
		await sleep(1500);
		expect((await executions(ids.tkpdHook)).length).toBe(before + distinct.size);
		expect(runs.slice(before).map((run) => firstJson(run)[0].event)).toEqual(expect.arrayContaining(['order_notification', 'order_status']));
		await control('POST', '/webhooks/deliver-duplicates', { enabled: false });

		const forged = await axios.post(current.order_status_url, JSON.stringify({ order_id: 1, order_status: 700 }), {
			headers: { 'content-type': 'application/json', 'authorization-hmac': '00'.repeat(32) },
			validateStatus: () => true,
		});
		expect(forged.status).toBe(401);
	});

	test('poll triggers catch up over five days once, then emit only what is new', async () => {
		const shop = sandbox.tikTokShop.state.shops[0];
		const since = Math.floor(Date.parse(startFrom) / 1000);
		const ttsExpected = [...sandbox.tikTokShop.state.orders.values()].filter(
			(o) => sandbox.tikTokShop.state.orderMeta.get(o.id)?.shopId === shop.id && Number(o.update_time) >= since,
		);
		const [ttsFirst] = await n8n.waitForExecutions(ids.ttsPoll, 1, { timeoutMs: 60_000 });
		const ttsIds = firstJson(ttsFirst).map((o) => String(o.id));
		expect(new Set(ttsIds).size).toBe(ttsIds.length);
		expect(Math.abs(ttsIds.length - ttsExpected.length)).toBeLessThanOrEqual(10);

		const [tkpdFirst] = await n8n.waitForExecutions(ids.tkpdPoll, 1, { timeoutMs: 60_000 });
		const tkpdOrders = firstJson(tkpdFirst);
		const tkpdExpected = [...sandbox.tokopedia.state.orders.values()].filter((o) => o.shop_id === 479066 && o.paid_at !== null && o.create_time >= since);
		expect(new Set(tkpdOrders.map((o) => o.order_id)).size).toBe(tkpdOrders.length);
		expect(Math.abs(tkpdOrders.length - tkpdExpected.length)).toBeLessThanOrEqual(10);
		expect(tkpdOrders.length).toBeGreaterThan(100);

		// New orders between polls: a later poll (every minute) emits them, and no order state is ever emitted twice.
		const newTts = (await control('POST', '/tiktokshop/orders', { count: 2 })).orders.map((o: { order: { id: string } }) => o.order.id);
		const newTkpd = (await control('POST', '/tokopedia/orders', { shop_id: 479066, count: 2 })).orders.map((o: { order_id: number }) => o.order_id);
		const emitted = async (workflowId: string) => (await n8n.waitForExecutions(workflowId, 1)).flatMap(firstJson);
		let ttsAll: Array<Record<string, unknown>> = [];
		let tkpdAll: Array<Record<string, unknown>> = [];
		const deadline = Date.now() + 150_000;
		while (Date.now() < deadline) {
			ttsAll = await emitted(ids.ttsPoll);
			tkpdAll = await emitted(ids.tkpdPoll);
			const ttsIdsNow = ttsAll.map((o) => String(o.id));
			const tkpdIdsNow = tkpdAll.map((o) => o.order_id);
			if (newTts.every((id: string) => ttsIdsNow.includes(id)) && newTkpd.every((id: number) => tkpdIdsNow.includes(id))) break;
			await sleep(2000);
		}
		expect(ttsAll.map((o) => String(o.id))).toEqual(expect.arrayContaining(newTts));
		expect(tkpdAll.map((o) => o.order_id)).toEqual(expect.arrayContaining(newTkpd));
		const ttsStates = ttsAll.map((o) => `${String(o.id)}:${String(o.update_time)}`);
		expect(new Set(ttsStates).size).toBe(ttsStates.length);
		const tkpdStates = tkpdAll.map((o) => `${String(o.order_id)}:${String(o.order_status)}`);
		expect(new Set(tkpdStates).size).toBe(tkpdStates.length);
	}, 300_000);

	test('deactivating the webhook workflows removes their registrations', async () => {
		await n8n.api('POST', `/workflows/${ids.ttsHook}/deactivate`);
		await n8n.api('POST', `/workflows/${ids.tkpdHook}/deactivate`);
		const ttsRegistered = async () =>
			((await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string }>).filter((w) => w.event_type === 'ORDER_STATUS_CHANGE');
		for (let k = 0; k < 40 && (await ttsRegistered()).length > 0; k++) await sleep(250);
		if ((await ttsRegistered()).length > 0) console.log(server.logs().split('\n').filter((l) => /error|webhook/i.test(l)).slice(-40).join('\n'));
		const tts = (await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string }>;
		expect(tts.filter((w) => w.event_type === 'ORDER_STATUS_CHANGE')).toEqual([]);
		const tkpdUrls = async () => {
			const registration = (await control('GET', '/tokopedia/webhooks')).registrations[0] ?? {};
			return [registration.order_notification_url ?? '', registration.order_status_url ?? ''].filter(Boolean);
		};
		for (let k = 0; k < 40 && (await tkpdUrls()).length > 0; k++) await sleep(250);
		expect(await tkpdUrls()).toEqual([]);
	});
});
