/**
 * The five ready-made operations workflows (examples/ops-*.json) and the Tokopedia stock sync,
 * imported unchanged into a real n8n and run against the sandbox; each test asserts what the
 * workflow did to the sandbox.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { CredentialInput, N8nInstance, PublicExecution } from './lib/n8n';
import { MARKETPLACE_FILES, REPO_ROOT, prepareMarketplaceFiles, prepareN8n } from './lib/n8n';

let sandbox: Sandbox;
let n8n: N8nInstance;
const example = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const csv = fs
	.readFileSync(path.join(REPO_ROOT, 'examples/data/erp-stock.csv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => {
		const [channel, sku, quantity] = line.split(',');
		return { channel, sku, quantity: Number(quantity) };
	});

function tokopediaStock(sku: string): number {
	const product = [...sandbox.tokopedia.state.products.values()].find((p) => p.shop_id === 479066 && p.sku === sku)!;
	return product.stock[sandbox.tokopedia.state.defaultWarehouse(479066).warehouse_id] ?? 0;
}
function tikTokStock(sellerSku: string): number {
	const shopId = sandbox.tikTokShop.state.shops[0].id;
	const ref = [...sandbox.tikTokShop.state.skuById.values()].find((r) => r.shopId === shopId && r.sku.seller_sku === sellerSku)!;
	return ref.sku.inventory[0].quantity;
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	prepareMarketplaceFiles();
	for (const file of fs.readdirSync(path.join(MARKETPLACE_FILES, 'labels'))) fs.rmSync(path.join(MARKETPLACE_FILES, 'labels', file));
	n8n = await prepareN8n();
	const credentials = [...example('credentials/tiktokshop-sandbox.json'), ...example('credentials/tokopedia-sandbox.json')];
	await n8n.importCredentials(credentials.map((c: CredentialInput) => ({ ...c, data: { ...c.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } })));
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('ready-made operations workflows', () => {
	test('Ops 2 ships ready orders on both marketplaces, saves their labels and confirms shipping', async () => {
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(example('ops-2-label-and-ship.json')));
		expect(result.ok).toBe(true);
		const ttsOrders = result.output('TikTok Shop Orders to Ship');
		expect(ttsOrders.map((o) => o.marketplace)).toEqual(['tiktokshop', 'tiktokshop']);
		for (const order of ttsOrders) {
			expect((await control('GET', `/tiktokshop/orders/${String(order.order_id)}`)).order.status).toBe('AWAITING_COLLECTION');
		}
		const confirmed = result.output('Confirm Shipping');
		expect(confirmed).toHaveLength(2);
		for (const row of confirmed) expect((await control('GET', `/tokopedia/orders/${String(row.order_id)}`)).status).toBe(500);
		const files = fs.readdirSync(path.join(MARKETPLACE_FILES, 'labels'));
		expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
		expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(2);
	});

	test('Ops 3 pushes the ERP CSV to both marketplaces with the safety buffer', async () => {
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(example('ops-3-scheduled-stock-sync.json')));
		expect(result.ok).toBe(true);
		expect(result.output('Tokopedia Update Stock').every((row) => row.applied === true)).toBe(true);
		expect(result.output('TikTok Shop Update Stock').every((row) => row.applied === true)).toBe(true);
		for (const row of csv) {
			const stock = row.channel === 'tokopedia' ? tokopediaStock(row.sku) : tikTokStock(row.sku);
			expect(stock).toBe(Math.max(0, row.quantity - 2));
		}
	});

	test('Ops 4 finds the drift, corrects it, reports it; the next night all match', async () => {
		const id = await n8n.importWorkflow(example('ops-4-nightly-reconciliation.json'));
		const first = await n8n.executeWorkflow(id);
		expect(first.ok).toBe(true);
		const [report] = first.output('Email-ready Summary');
		const summaries = report.summaries as Array<Record<string, number | string>>;
		expect(summaries.map((s) => [s.marketplace, s.mismatch, s.corrected])).toEqual(
			expect.arrayContaining([
				['Tokopedia', 40, 40],
				['TikTok Shop', 40, 40],
			]),
		);
		expect(String(report.text)).toMatch(/Tokopedia: \d+ SKUs, \d+ match, 40 mismatch \(40 corrected, 0 failed\)/);
		for (const row of csv) expect(row.channel === 'tokopedia' ? tokopediaStock(row.sku) : tikTokStock(row.sku)).toBe(row.quantity);
		const second = await n8n.executeWorkflow(id);
		expect((second.output('Email-ready Summary')[0].summaries as Array<Record<string, number>>).map((s) => s.mismatch)).toEqual([0, 0]);
	});

	test('Ops 1 and Ops 5 run on marketplace events: auto-accept by the stock rule, one normalized branch for every shop', async () => {
		const auto = await n8n.importWorkflow(example('ops-1-auto-accept.json'));
		const oneFlow = await n8n.importWorkflow(example('ops-5-one-flow-for-all-shops.json'));
		await n8n.publishWorkflow(auto);
		await n8n.publishWorkflow(oneFlow);
		const server = await n8n.start();
		try {
			for (let k = 0; k < 80; k++) {
				const registration = (await control('GET', '/tokopedia/webhooks')).registrations[0] ?? {};
				if (registration.order_notification_url && registration.order_status_url) break;
				await sleep(250);
			}
			const products = [...sandbox.tokopedia.state.products.values()].filter((p) => p.shop_id === 479066 && p.sku && p.status === 1 && p.children.length === 0);
			const roomy = products.find((p) => (p.stock[sandbox.tokopedia.state.defaultWarehouse(479066).warehouse_id] ?? 0) >= 10)!;
			const small = (await control('POST', '/tokopedia/orders', { shop_id: 479066, skus: [{ sku: roomy.sku, quantity: 1 }] })).orders[0];
			const large = (await control('POST', '/tokopedia/orders', { shop_id: 479066, skus: [{ sku: roomy.sku, quantity: 6 }] })).orders[0];
			await n8n.waitForExecutions(auto, 2, { timeoutMs: 60_000 });
			for (let k = 0; k < 40 && (await control('GET', `/tokopedia/orders/${large.order_id}`)).status !== 10; k++) await sleep(250);
			expect((await control('GET', `/tokopedia/orders/${small.order_id}`)).status).toBe(400);
			expect((await control('GET', `/tokopedia/orders/${large.order_id}`)).status).toBe(10);

			for (let k = 0; k < 80; k++) {
				const hooks = (await control('GET', '/tiktokshop/webhooks')).shops[0].webhooks as Array<{ event_type: string }>;
				if (hooks.some((w) => w.event_type === 'ORDER_STATUS_CHANGE')) break;
				await sleep(250);
			}
			const tts = (await control('POST', '/tiktokshop/orders', { count: 1 })).orders[0].order;
			await control('POST', `/tiktokshop/orders/${tts.id}/advance`, { to: 'CANCELLED' });
			const sharedOrders = (runs: PublicExecution[]) =>
				runs.flatMap((run) =>
					((run.data?.resultData.runData['Shared Branch']?.[0]?.data?.main?.[0] ?? []) as unknown[]).map((item) => (item as { json: Record<string, unknown> }).json),
				);
			let orders: Array<Record<string, unknown>> = [];
			for (let k = 0; k < 120 && !(orders.some((o) => o.order_id === tts.id) && orders.some((o) => o.order_id === String(small.order_id) && o.status === 'accepted')); k++) {
				await sleep(500);
				orders = sharedOrders(await n8n.waitForExecutions(oneFlow, 1, { timeoutMs: 60_000 }));
			}
			expect(orders.map((o) => o.marketplace)).toEqual(expect.arrayContaining(['tokopedia', 'tiktokshop']));
			expect(orders.find((o) => o.marketplace === 'tiktokshop' && o.order_id === tts.id)).toMatchObject({ platform: 'TIKTOK_SHOP', status: expect.any(String) });
			const smallStates = orders.filter((o) => o.marketplace === 'tokopedia' && o.order_id === String(small.order_id));
			expect(smallStates.map((o) => o.status)).toContain('accepted');
			expect(smallStates[0]).toMatchObject({ platform: 'TOKOPEDIA' });
		} finally {
			await server.stop();
		}
	});
});

describe('single-operation examples', () => {
	// Runs last: it moves the stock of every Tokopedia product, which the Ops 3/4 tests compare.
	test('Tokopedia stock sync pushes stock + 10 (minus the buffer of 2) to every sellable product, variant parents skipped', async () => {
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(example('tokopedia-stock-sync.json')));
		expect(result.ok).toBe(true);
		const products = result.output('All Products') as Array<{ basic: { productID: number }; stock: { value: number }; variant: { isParent: boolean }; other: { sku: string } }>;
		const parents = products.filter((p) => p.variant.isParent);
		expect(parents.length).toBeGreaterThan(0);
		expect(parents.every((p) => p.other.sku === '')).toBe(true);
		const rows = result.output('Update Stock');
		expect(rows).toHaveLength(products.length - parents.length);
		expect(rows.every((row) => row.applied === true)).toBe(true);
		const mainWarehouse = sandbox.tokopedia.state.defaultWarehouse(479066).warehouse_id;
		for (const p of products.filter((x) => !x.variant.isParent)) {
			expect(sandbox.tokopedia.state.products.get(p.basic.productID)!.stock[mainWarehouse]).toBe(Math.max(0, p.stock.value + 10 - 2));
		}
	});
});
