/**
 * Webhook ingest in a running n8n (`n8n start`, n8n's default settings unless BENCH_N8N_ENV adds
 * some, e.g. `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`): the same 500 distinct signed TikTok
 * deliveries (BENCH_DELIVERIES) go to the TikTok Shop Trigger and to n8n's Webhook node v2, each
 * into its own workflow (→ No Operation), 8 at a time (BENCH_CONCURRENCY). Rate = deliveries
 * answered with 2xx per second; afterwards every delivery must have started exactly one execution.
 * BENCH_ROUNDS rounds alternate which node goes first.
 */
import axios from 'axios';
import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';

import { startSandbox } from '../sandbox/server';
import type { N8nInstance } from '../test/e2e/lib/n8n';
import { prepareN8n } from '../test/e2e/lib/n8n';
import { example } from '../test/e2e/lib/workflow';

const PKG = 'n8n-nodes-tokopedia-tiktokshop';

function workflow(id: string, node: Record<string, unknown>) {
	return {
		id,
		name: id,
		nodes: [
			{ id: `${id}-t`, name: 'Trigger', position: [0, 0], ...node },
			{ id: `${id}-n`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

// A fresh connection per delivery: reusing idle keep-alive sockets races n8n's keep-alive timeout
// (ECONNRESET on a request the server never read), and a retry would double the Webhook node's run.
const agent = new http.Agent({ keepAlive: false });

async function deliverAll(url: string, bodies: string[], sign: (body: string) => string, concurrency: number) {
	let next = 0;
	let answered = 0;
	let failed = 0;
	const started = Date.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const res = await axios.post(url, body, {
					headers: { 'content-type': 'application/json', authorization: sign(body) },
					validateStatus: () => true,
					timeout: 60_000,
					httpAgent: agent,
				});
				if (res.status >= 200 && res.status < 300) answered++;
				else failed++;
			}
		}),
	);
	return { perSecond: answered / ((Date.now() - started) / 1000), failed };
}

/** Finished executions of a workflow, counted without their data (the public API, 250 a page). */
async function waitForCount(n8n: N8nInstance, workflowId: string, n: number, timeoutMs = 600_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	while (true) {
		let total = 0;
		let cursor: string | undefined;
		do {
			const page = await n8n.api<{ data: Array<{ status: string }>; nextCursor?: string | null }>('GET', '/executions', undefined, {
				params: { workflowId, includeData: false, limit: 250, ...(cursor ? { cursor } : {}) },
			});
			total += page.data.filter((e) => !['new', 'running', 'waiting'].includes(e.status)).length;
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		if (total >= n || Date.now() > deadline) return total;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

export async function ingestBench(): Promise<Record<string, unknown>> {
	const count = Number(process.env.BENCH_DELIVERIES ?? 500);
	const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
	const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
	const extraEnv = Object.fromEntries(
		(process.env.BENCH_N8N_ENV ?? '').split(/\s+/).filter(Boolean).map((pair) => pair.split('=') as [string, string]),
	);
	const sandbox = await startSandbox({ port: 0 });
	const n8n = await prepareN8n({ env: extraEnv });
	const [tts] = example('credentials/tiktokshop-sandbox.json');
	const sign = (body: string) => createHmac('sha256', tts.data.appSecret).update(tts.data.appKey + body).digest('hex');
	const figures: Record<string, unknown> = { deliveries: count, concurrency, settings: Object.keys(extraEnv).join(' ') || 'n8n defaults' };
	try {
		await n8n.importCredentials([{ ...tts, data: { ...tts.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } }]);
		const ttsHook = randomUUID();
		const plainPath = `bench-${randomUUID()}`;
		const ids = {
			trigger: await n8n.importWorkflow(
				workflow('benchIngestTrigger', {
					type: `${PKG}.tikTokShopTrigger`,
					typeVersion: 1,
					webhookId: ttsHook,
					parameters: { shop: { __rl: true, mode: 'list', value: '' }, events: ['ORDER_STATUS_CHANGE'], options: {} },
					credentials: { tikTokShopApi: { id: tts.id, name: tts.name } },
				}),
			),
			webhook: await n8n.importWorkflow(
				workflow('benchIngestWebhook', {
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: plainPath, responseMode: 'onReceived', options: {} },
				}),
			),
		};
		await n8n.publishWorkflow(ids.trigger);
		await n8n.publishWorkflow(ids.webhook);
		const t0 = Date.now();
		await n8n.start({ timeoutMs: 600_000 });
		console.error(`ingest: n8n started in ${Math.round((Date.now() - t0) / 1000)} s`);
		const urls = { trigger: await n8n.waitForWebhook(`${ttsHook}/webhook`), webhook: await n8n.waitForWebhook(plainPath) };
		const expected = { trigger: 0, webhook: 0 };
		const ratios: number[] = [];
		for (let round = 1; round <= rounds; round++) {
			const now = Math.floor(Date.now() / 1000);
			const bodies = Array.from({ length: count }, (_, k) =>
				JSON.stringify({
					type: 1,
					tts_notification_id: `bench-${round}-${k}-${randomUUID()}`,
					shop_id: '7495540735365777507',
					timestamp: now,
					data: { order_id: `57665${round}${k}`, order_status: 'AWAITING_SHIPMENT', update_time: now },
				}),
			);
			const order: Array<'trigger' | 'webhook'> = round % 2 === 1 ? ['webhook', 'trigger'] : ['trigger', 'webhook'];
			const rates: Record<string, number> = {};
			for (const name of order) {
				const { perSecond, failed } = await deliverAll(urls[name], bodies, sign, concurrency);
				if (failed > 0) throw new Error(`${name}: ${failed} deliveries were not answered with 2xx`);
				expected[name] += count;
				rates[name] = perSecond;
				console.error(`ingest: round ${round} ${name}: ${perSecond.toFixed(1)} deliveries/s answered`);
				// Let the executions of this batch finish before the other node is measured.
				await waitForCount(n8n, ids[name], expected[name]);
			}
			ratios.push(rates.trigger / rates.webhook);
			figures[`round ${round} trigger/s`] = rates.trigger;
			figures[`round ${round} webhook/s`] = rates.webhook;
			figures[`round ${round} ratio`] = rates.trigger / rates.webhook;
		}
		for (const name of ['trigger', 'webhook'] as const) {
			await new Promise((resolve) => setTimeout(resolve, 3000));
			const runs = await waitForCount(n8n, ids[name], expected[name]);
			figures[`${name} lost`] = Math.max(0, expected[name] - runs);
			figures[`${name} doubled`] = Math.max(0, runs - expected[name]);
		}
		figures['ratio (mean)'] = ratios.reduce((a, b) => a + b, 0) / ratios.length;
		return figures;
	} finally {
		await n8n.dispose();
		await sandbox.close();
	}
}
