/**
 * Webhook triggers in a running n8n (`n8n start`), delivering signed notifications directly:
 * a delivery processed before n8n is killed and restarted does not run again when redelivered after
 * it; replays to another event's URL, deliveries older than Maximum Age and empty or non-JSON bodies
 * get 400 and run nothing (a body declared JSON that does not parse gets n8n's own 422); a
 * registration the marketplace refuses makes activation fail with its message.
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance, RunningN8n } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import { example } from './lib/workflow';

const PKG = 'n8n-nodes-tokopedia-tiktokshop';
const [TTS] = example('credentials/tiktokshop-sandbox.json');
const [TKPD] = example('credentials/tokopedia-sandbox.json');
const TTS_CREDENTIAL = { tikTokShopApi: { id: TTS.id, name: TTS.name } };
const TKPD_CREDENTIAL = { tokopediaApi: { id: TKPD.id, name: TKPD.name } };
const ttsHookId = randomUUID();
const tkpdHookId = randomUUID();
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: RunningN8n;
let ttsUrl: string;
let tkpdUrl: string;
const ids: Record<string, string> = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function triggerWorkflow(id: string, type: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>, webhookId: string) {
	return {
		id,
		name: id,
		nodes: [
			{ id: `${id}-t`, name: 'Trigger', type: `${PKG}.${type}`, typeVersion: 1, position: [0, 0], parameters, credentials, webhookId },
			{ id: `${id}-n`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function ttsDelivery(notificationId: string, timestamp = Math.floor(Date.now() / 1000)) {
	const body = JSON.stringify({
		type: 1,
		tts_notification_id: notificationId,
		shop_id: '7495540735365777507',
		timestamp,
		data: { order_id: `order-${notificationId}`, order_status: 'AWAITING_SHIPMENT', update_time: timestamp },
	});
	return body;
}

// Bodies are sent as bytes: axios would re-encode a string that is not JSON, and the signature would not match.
async function postTts(body: string, contentType = 'application/json') {
	const signature = createHmac('sha256', TTS.data.appSecret).update(TTS.data.appKey + body).digest('hex');
	return await axios.post(ttsUrl, Buffer.from(body), { headers: { 'content-type': contentType, authorization: signature }, validateStatus: () => true });
}

const tkpdStatus = (orderId: number, status: number) =>
	JSON.stringify({ fs_id: 13004, order_status: status, order_id: orderId, shop_id: 479066, warehouse_id: 8402620, product_details: [{ id: 1, Name: 'Kaos' }] });

async function postTkpd(event: string, body: string, contentType = 'application/json') {
	const hmac = createHmac('sha256', TKPD.data.webhookSecret).update(body).digest('hex');
	return await axios.post(`${tkpdUrl}?event=${event}`, Buffer.from(body), {
		headers: { 'content-type': contentType, 'authorization-hmac': hmac },
		validateStatus: () => true,
	});
}

async function executionCount(workflowId: string): Promise<number> {
	return (await n8n.waitForExecutions(workflowId, 0)).length;
}

async function startAndWait() {
	server = await n8n.start({ timeoutMs: 600_000 });
	ttsUrl = await n8n.waitForWebhook(`${ttsHookId}/webhook`);
	tkpdUrl = await n8n.waitForWebhook(`${tkpdHookId}/webhook`);
	// n8n saves the static data of the activation after the registration calls return; a delivery's
	// record saved before that would be overwritten, so deliveries start once both are registered.
	const registered = async () => {
		const tts = (await axios.get(`${sandbox.url}/_sandbox/tiktokshop/webhooks`)).data.shops[0].webhooks as Array<{ address: string }>;
		const tkpd = ((await axios.get(`${sandbox.url}/_sandbox/tokopedia/webhooks`)).data.registrations[0] ?? {}) as Record<string, string>;
		return tts.some((hook) => hook.address === ttsUrl) && String(tkpd.order_status_url ?? '').startsWith(tkpdUrl);
	};
	for (let k = 0; k < 240 && !(await registered()); k++) await sleep(500);
	await sleep(5000);
}

/**
 * The activation error the editor shows. n8n 2.41 publishes a workflow in the background after the
 * activate call has answered, and keeps each trigger's error with the workflow's publication status
 * (the editor reads it there and gets it pushed), not among the older activation errors.
 */
async function activationError(workflowId: string): Promise<string> {
	const browserId = 'e2e-browser';
	const login = await axios.post(`${n8n.url}/rest/login`, { emailOrLdapLoginId: 'demo@example.com', password: 'Demo-Passw0rd' }, { headers: { 'browser-id': browserId } });
	const headers = { cookie: (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '), 'browser-id': browserId };
	for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(500)) {
		const res = await axios.get(`${n8n.url}/rest/workflows/${workflowId}/publication-status`, { headers, validateStatus: () => true });
		const publication = res.data?.data as { status: string; triggers: Array<{ status: string; errorMessage: string | null }> } | undefined;
		if (publication?.status === 'published') return 'published without an error';
		if (publication?.status === 'failed' || publication?.status === 'partial') {
			return publication.triggers.map((trigger) => trigger.errorMessage ?? '').join('; ');
		}
	}
	return '';
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n();
	await n8n.importCredentials([
		{ ...TTS, data: { ...TTS.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
		{ ...TKPD, data: { ...TKPD.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
	]);
	const shop = { __rl: true, mode: 'list', value: '' };
	const workflows = {
		tts: triggerWorkflow('e2eTtsDeliveries', 'tikTokShopTrigger', { shop, events: ['ORDER_STATUS_CHANGE'], options: {} }, TTS_CREDENTIAL, ttsHookId),
		tkpd: triggerWorkflow('e2eTkpdDeliveries', 'tokopediaTrigger', { events: ['order_status', 'order_cancellation'], options: {} }, TKPD_CREDENTIAL, tkpdHookId),
	};
	// The last two are not published: they are activated through the API in the last test.
	[ids.tts, ids.tkpd, ids.ttsRefused, ids.tkpdRefused] = await n8n.importWorkflows([
		workflows.tts,
		workflows.tkpd,
		triggerWorkflow('e2eTtsRefused', 'tikTokShopTrigger', { shop, events: ['GOODS_MATCH'], options: {} }, TTS_CREDENTIAL, randomUUID()),
		triggerWorkflow('e2eTkpdRefused', 'tokopediaTrigger', { events: ['chat_notification'], options: {} }, TKPD_CREDENTIAL, randomUUID()),
	]);
	await n8n.publishWorkflow(ids.tts);
	await n8n.publishWorkflow(ids.tkpd);
	await startAndWait();
}, 900_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.dispose();
	await sandbox?.close();
});

describe('webhook triggers across a restart, against replays and bad bodies', () => {
	test('a notification processed before n8n is killed does not run again when redelivered after the restart', async () => {
		const ttsFirst = ttsDelivery(`restart-${Date.now()}`);
		const tkpdFirst = tkpdStatus(910_001, 400);
		expect((await postTts(ttsFirst)).status).toBe(200);
		expect((await postTkpd('order_status', tkpdFirst)).status).toBe(200);
		await n8n.waitForExecutions(ids.tts, 1);
		await n8n.waitForExecutions(ids.tkpd, 1);

		// Killed, not stopped: nothing n8n does on a graceful shutdown can help.
		process.kill(-server.pid, 'SIGKILL');
		await server.stop();
		await startAndWait();

		expect((await postTts(ttsFirst)).status).toBe(200);
		expect((await postTkpd('order_status', tkpdFirst)).status).toBe(200);
		const ttsSecond = ttsDelivery(`after-restart-${Date.now()}`);
		expect((await postTts(ttsSecond)).status).toBe(200);
		expect((await postTkpd('order_status', tkpdStatus(910_001, 450))).status).toBe(200);
		await n8n.waitForExecutions(ids.tts, 2);
		await n8n.waitForExecutions(ids.tkpd, 2);
		await sleep(3000);
		const tts = await n8n.waitForExecutions(ids.tts, 0);
		const tkpd = await n8n.waitForExecutions(ids.tkpd, 0);
		const ran = (runs: typeof tts) =>
			runs.map((run) => {
				const json = (run.data?.resultData.runData.Trigger?.[0]?.data?.main?.[0]?.[0]?.json ?? {}) as Record<string, unknown>;
				return String(json.tts_notification_id ?? `${String(json.order_id)}:${String(json.order_status)}`);
			});
		expect(ran(tts)).toEqual([JSON.parse(ttsFirst).tts_notification_id, JSON.parse(ttsSecond).tts_notification_id]);
		expect(ran(tkpd)).toEqual(['910001:400', '910001:450']);
		expect(tts.map((e) => e.status)).toEqual(['success', 'success']);
		expect(tkpd.map((e) => e.status)).toEqual(['success', 'success']);
	}, 240_000);

	test('replays to another event, stale TikTok deliveries and empty or non-JSON bodies get 400 and run nothing', async () => {
		const ttsBefore = await executionCount(ids.tts);
		const tkpdBefore = await executionCount(ids.tkpd);

		const replay = await postTkpd('order_cancellation', tkpdStatus(910_002, 500));
		expect(replay.status).toBe(400);
		expect(String(replay.data.error)).toMatch(/not a "order_cancellation" notification/);
		const stale = await postTts(ttsDelivery(`stale-${Date.now()}`, Math.floor(Date.now() / 1000) - 30 * 86_400));
		expect(stale.status).toBe(400);
		expect(String(stale.data.error)).toMatch(/Maximum Age/);
		for (const [body, contentType] of [['', 'application/json'], ['[1]', 'application/json'], ['not json', 'text/plain']]) {
			for (const res of [await postTts(body, contentType), await postTkpd('order_status', body, contentType)]) {
				expect(res.status).toBe(400);
				expect(String(res.data.error)).toMatch(/not a JSON object/);
			}
		}
		// Declared JSON that does not parse is refused by n8n itself before the trigger runs.
		expect((await postTts('not json')).status).toBe(422);
		expect((await postTkpd('order_status', 'not json')).status).toBe(422);
		// A real cancellation on the cancellation URL still runs.
		expect((await postTkpd('order_cancellation', tkpdStatus(910_003, 0))).status).toBe(200);
		await n8n.waitForExecutions(ids.tkpd, tkpdBefore + 1);
		await sleep(2000);
		expect(await executionCount(ids.tts)).toBe(ttsBefore);
		expect(await executionCount(ids.tkpd)).toBe(tkpdBefore + 1);
	}, 120_000);

	test('activation fails with the marketplace\'s message when it refuses the registration', async () => {
		const headers = { 'X-N8N-API-KEY': await n8n.apiKey() };
		await axios.post(`${n8n.url}/api/v1/workflows/${ids.ttsRefused}/activate`, {}, { headers, validateStatus: () => true });
		expect(await activationError(ids.ttsRefused)).toMatch(/36009004|event_type|invalid/i);

		await axios.post(`${sandbox.url}/_sandbox/config`, { routes: { 'POST /v1/fs/{fs_id}/register': { fault: { status: 503, count: 1000 } } } });
		await axios.post(`${n8n.url}/api/v1/workflows/${ids.tkpdRefused}/activate`, {}, { headers, validateStatus: () => true, timeout: 300_000 });
		const tkpdError = await activationError(ids.tkpdRefused);
		await axios.delete(`${sandbox.url}/_sandbox/config`);
		expect(tkpdError).toMatch(/503|unavailable|Tokopedia/i);
	}, 400_000);
});
