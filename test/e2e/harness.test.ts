// Smoke test of the real-n8n harness (test/e2e/lib): a packed community package installs into
// `.n8n/nodes` and n8n loads it, `n8n execute` runs an imported workflow and we read its output,
// and a published Webhook workflow runs under `n8n start` and is read back via the public API.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import axios from 'axios';
import { N8nInstance, PACKAGE_NAME, REPO_ROOT, packPackage, prepareN8n } from './lib/n8n';
import { PROBE_NODE_TYPE, packProbePackage } from './lib/probe-package';

// Our own package joins the smoke test as soon as it declares built nodes that exist in source.
const ourPackage = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const ourNodeFiles: string[] = ourPackage.n8n?.nodes ?? [];
const withOurPackage = ourNodeFiles.length > 0 &&
	ourNodeFiles.every((f) => fs.existsSync(path.join(REPO_ROOT, f.replace(/^dist\//, '').replace(/\.js$/, '.ts'))));

describe('real n8n harness', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		const tarballs = [packProbePackage()];
		if (withOurPackage) tarballs.push(packPackage());
		n8n = await prepareN8n({ tarballs });
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('n8n loads the packed community package(s) from .n8n/nodes', async () => {
		const types = await n8n.listNodeTypes();
		expect(types).toContain(PROBE_NODE_TYPE);
		expect(types).toContain('n8n-nodes-base.webhook');
		if (withOurPackage) {
			const ours = types.filter((t) => t.startsWith(`${PACKAGE_NAME}.`));
			// eslint-disable-next-line no-console
			console.log(`${PACKAGE_NAME} node types loaded by n8n: ${ours.join(', ')}`);
			expect(ours.length).toBeGreaterThanOrEqual(ourNodeFiles.length);
		}
	});

	test('import + `n8n execute` returns the run data of every node', async () => {
		const id = await n8n.importWorkflow({
			name: 'harness: execute',
			nodes: [
				{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: randomUUID(), name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
					parameters: { jsCode: 'return [{ json: { n: 1 } }, { json: { n: 2 } }];' },
				},
				{ id: randomUUID(), name: 'Probe', type: PROBE_NODE_TYPE, typeVersion: 1, position: [400, 0], parameters: { tag: 'cli' } },
			],
			connections: {
				Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
				Items: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
			},
		});
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		expect(result.output('Probe')).toEqual([
			{ n: 1, probedBy: 'cli', probeIndex: 0 },
			{ n: 2, probedBy: 'cli', probeIndex: 1 },
		]);
	});

	test('a failing run comes back with ok=false and the node error', async () => {
		const id = await n8n.importWorkflow({
			name: 'harness: failing',
			nodes: [
				{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: randomUUID(), name: 'Boom', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
					parameters: { jsCode: "throw new Error('harness boom');" },
				},
			],
			connections: { Start: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
		});
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(false);
		expect(result.run.data.resultData.error?.message).toContain('harness boom');
		expect(result.run.data.resultData.runData.Boom[0].error).toBeDefined();
	});

	test('a published Webhook workflow runs under `n8n start` and is read back via the public API', async () => {
		const hookPath = `harness-${Date.now()}`;
		const id = await n8n.importWorkflow({
			name: 'harness: webhook',
			nodes: [
				{
					id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0],
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'lastNode', options: {} },
				},
				{ id: randomUUID(), name: 'Probe', type: PROBE_NODE_TYPE, typeVersion: 1, position: [200, 0], parameters: { tag: 'webhook' } },
			],
			connections: { Webhook: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
		});
		await n8n.publishWorkflow(id);
		const server = await n8n.start();

		const t0 = Date.now();
		const hookUrl = await n8n.waitForWebhook(hookPath);
		// eslint-disable-next-line no-console
		console.log(`webhook registered ${Date.now() - t0} ms after start() resolved`);
		const res = await axios.post(hookUrl, { orderId: 'A-1' });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ probedBy: 'webhook', body: { orderId: 'A-1' } });

		const [execution] = await n8n.waitForExecutions(id, 1);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		const probeRuns = execution.data!.resultData.runData.Probe;
		expect(probeRuns[0].data!.main![0]![0].json).toMatchObject({ probedBy: 'webhook', body: { orderId: 'A-1' } });

		await server.stop();
	});
});
