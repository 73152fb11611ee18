/**
 * Poll triggers in a running n8n over many polls (six a minute, the most n8n's minute-level crons
 * allow per node): every order change made between polls is emitted once, by the first poll after
 * it, and no order state is ever emitted twice.
 */
import axios from 'axios';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance, PublicExecution, RunningN8n } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import { example } from './lib/workflow';

const PKG = 'n8n-nodes-tokopedia-tiktokshop';
const [TTS] = example('credentials/tiktokshop-sandbox.json');
const [TKPD] = example('credentials/tokopedia-sandbox.json');
const POLL_SECONDS = [5, 15, 25, 35, 45, 55];
const ROUNDS = 6;
let sandbox: Sandbox;
let n8n: N8nInstance;
let server: RunningN8n;
const ids: Record<string, string> = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

function pollWorkflow(id: string, type: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>) {
	const pollTimes = { item: POLL_SECONDS.map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) };
	return {
		id,
		name: id,
		nodes: [
			{ id: `${id}-t`, name: 'Trigger', type: `${PKG}.${type}`, typeVersion: 1, position: [0, 0], parameters: { pollTimes, ...parameters }, credentials },
			{ id: `${id}-n`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const emittedBy = (execution: PublicExecution) =>
	((execution.data?.resultData.runData.Trigger?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, unknown> }>).map((item) => item.json);

/** The first cron mark strictly after `ms`. */
function nextPoll(ms: number): number {
	const minute = Math.floor(ms / 60_000) * 60_000;
	for (const base of [minute, minute + 60_000]) {
		for (const second of POLL_SECONDS) if (base + second * 1000 > ms) return base + second * 1000;
	}
	throw new Error('unreachable');
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n();
	await n8n.importCredentials([
		{ ...TTS, data: { ...TTS.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
		{ ...TKPD, data: { ...TKPD.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } },
	]);
	[ids.tts, ids.tkpd] = await n8n.importWorkflows([
		pollWorkflow('e2eTtsPolls', 'tikTokShopPollTrigger', { event: 'orders', shop: { __rl: true, mode: 'list', value: '' }, options: {} }, {
			tikTokShopApi: { id: TTS.id, name: TTS.name },
		}),
		pollWorkflow('e2eTkpdPolls', 'tokopediaPollTrigger', { shopId: '', options: {} }, { tokopediaApi: { id: TKPD.id, name: TKPD.name } }),
	]);
	await n8n.publishWorkflow(ids.tts);
	await n8n.publishWorkflow(ids.tkpd);
	server = await n8n.start({ timeoutMs: 600_000 });
}, 900_000);

afterAll(async () => {
	await server?.stop();
	await n8n?.dispose();
	await sandbox?.close();
});

test('every change between polls is emitted once, by the first poll after it', async () => {
	// The first poll after activation sets the cursor: wait for two polls to have passed.
	await sleep(nextPoll(nextPoll(Date.now())) - Date.now() + 3000);
	const changes: Array<{ marketplace: 'tts' | 'tkpd'; state: string; at: number }> = [];
	let ttsOrder = '';
	let tkpdOrder = 0;
	for (let round = 0; round < ROUNDS; round++) {
		// Changes land mid-interval, well clear of the poll marks.
		const mark = nextPoll(Date.now());
		await sleep(Math.max(0, mark + 3000 - Date.now()));
		const at = Date.now();
		if (round % 2 === 0) {
			const [created] = (await control('POST', '/tiktokshop/orders', { count: 1 })).orders;
			ttsOrder = created.order.id;
			const [order] = (await control('POST', '/tokopedia/orders', { shop_id: 479066 })).orders;
			tkpdOrder = order.order_id;
			changes.push({ marketplace: 'tts', state: `${ttsOrder}:${created.order.status}`, at }, { marketplace: 'tkpd', state: `${tkpdOrder}:${order.status}`, at });
		} else {
			const advanced = await control('POST', `/tiktokshop/orders/${ttsOrder}/advance`, {});
			const order = await control('POST', `/tokopedia/orders/${tkpdOrder}/advance`, {});
			changes.push(
				{ marketplace: 'tts', state: `${ttsOrder}:${advanced.order.status}`, at },
				{ marketplace: 'tkpd', state: `${tkpdOrder}:${order.status}`, at },
			);
		}
	}
	await sleep(nextPoll(Date.now()) - Date.now() + 8000);

	const stateOf = { tts: (o: Record<string, unknown>) => `${String(o.id)}:${String(o.status)}`, tkpd: (o: Record<string, unknown>) => `${String(o.order_id)}:${String(o.order_status)}` };
	for (const marketplace of ['tts', 'tkpd'] as const) {
		const runs = await n8n.waitForExecutions(ids[marketplace], 1);
		const emitted = runs.flatMap((run) => emittedBy(run).map((order) => ({ state: stateOf[marketplace](order), startedAt: Date.parse(run.startedAt) })));
		const states = emitted.map((e) => e.state);
		expect(new Set(states).size).toBe(states.length);
		for (const change of changes.filter((c) => c.marketplace === marketplace)) {
			const found = emitted.find((e) => e.state === change.state);
			expect({ change: change.state, emitted: Boolean(found) }).toEqual({ change: change.state, emitted: true });
			// Emitted by the first poll after the change: before the following poll could start.
			expect(found!.startedAt).toBeLessThan(nextPoll(nextPoll(change.at)));
		}
	}
}, 420_000);

test('Fetch Test Event (a manual run in the editor) returns the latest order', async () => {
	const [tts] = (await control('POST', '/tiktokshop/orders', { count: 1 })).orders;
	const [tkpd] = (await control('POST', '/tokopedia/orders', { shop_id: 479066 })).orders;
	const browserId = 'e2e-browser';
	const login = await axios.post(`${n8n.url}/rest/login`, { emailOrLdapLoginId: 'demo@example.com', password: 'Demo-Passw0rd' }, { headers: { 'browser-id': browserId } });
	const headers = { cookie: (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '), 'browser-id': browserId };
	for (const [workflowId, expected, idOf] of [
		[ids.tts, String(tts.order.id), (o: Record<string, unknown>) => String(o.id)],
		[ids.tkpd, String(tkpd.order_id), (o: Record<string, unknown>) => String(o.order_id)],
	] as const) {
		const started = await axios.post(`${n8n.url}/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: 'Trigger' } }, { headers });
		const executionId = String(started.data.data.executionId);
		let execution: PublicExecution | undefined;
		for (let k = 0; k < 120 && !(execution && execution.finished); k++) {
			await sleep(500);
			execution = await n8n.api<PublicExecution>('GET', `/executions/${executionId}`, undefined, { params: { includeData: true }, validateStatus: (s) => s < 500 });
		}
		expect(execution?.mode).toBe('manual');
		expect(emittedBy(execution!).map(idOf)).toEqual([expected]);
	}
}, 180_000);
