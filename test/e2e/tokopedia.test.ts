/**
 * Tokopedia in a real n8n against the sandbox: the packed package, example workflows imported
 * unchanged where they fit, assertions on n8n's output and on the sandbox's state.
 */
import axios from 'axios';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import type { LineNode } from './lib/workflow';
import { example, lineWorkflow } from './lib/workflow';

const TKPD = 'n8n-nodes-tokopedia-tiktokshop.tokopedia';
const SHOP = 479066;
const MAIN_WAREHOUSE = '8402620';
const DAY = 86_400;
const CREDENTIAL = { tokopediaApi: { id: 'tkpdSandboxCredential', name: 'Tokopedia (local sandbox)' } };
let sandbox: Sandbox;
let n8n: N8nInstance;

const control = async (method: string, route: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

const workflow = (id: string, nodes: LineNode[]) => lineWorkflow(id, TKPD, CREDENTIAL, nodes);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, tokopedia: { productCount: 6200 } });
	n8n = await prepareN8n();
	const [credential] = example('credentials/tokopedia-sandbox.json');
	await n8n.importCredentials([{ ...credential, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } }]);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('Tokopedia node in a real n8n', () => {
	test('pulls two weeks of orders across 3-day windows and pages, each once', async () => {
		const id = await n8n.importWorkflow(example('tokopedia-pull-orders.json'));
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		const orders = result.output('Orders of the Last 14 Days');
		const now = Math.floor(Date.now() / 1000);
		const expected = [...sandbox.tokopedia.state.orders.values()].filter(
			(o) => o.shop_id === SHOP && o.paid_at !== null && o.create_time >= now - 14 * DAY - 120 && o.create_time <= now,
		);
		expect(orders.length).toBeGreaterThan(300);
		expect(Math.abs(orders.length - expected.length)).toBeLessThanOrEqual(2);
		expect(new Set(orders.map((o) => o.order_id)).size).toBe(orders.length);
		expect((await control('GET', '/stats')).requests.byRoute['GET /v2/order/list']).toBeGreaterThanOrEqual(5);
	});

	test('accepts new orders, prints their labels and confirms shipping (example workflow)', async () => {
		const id = await n8n.importWorkflow(example('tokopedia-accept-and-ship.json'));
		const result = await n8n.executeWorkflow(id);
		expect(result.ok).toBe(true);
		const shipped = result.output('Confirm Shipping');
		expect(shipped).toHaveLength(2);
		const labels = (result.run.data.resultData.runData['Shipping Label']?.[0]?.data?.main?.[0] ?? []);
		for (const label of labels) {
			expect((label as { binary: Record<string, { mimeType: string }> }).binary.data.mimeType).toBe('text/html');
		}
		for (const row of shipped) {
			const order = await control('GET', `/tokopedia/orders/${String(row.order_id)}`);
			expect(order).toMatchObject({ status: 500, printed: true, awb: `SBX${String(row.order_id)}` });
		}
	});

	test('acknowledges one order partially and rejects another with code 4 (shop closed)', async () => {
		const stocked = [...sandbox.tokopedia.state.products.values()].find(
			(p) => p.shop_id === SHOP && p.sku && p.status === 1 && p.children.length === 0 && (p.stock[MAIN_WAREHOUSE] ?? 0) >= 10,
		)!;
		const partial = (await control('POST', '/tokopedia/orders', { shop_id: SHOP, skus: [{ sku: stocked.sku, quantity: 3 }] })).orders[0];
		const reject = (await control('POST', '/tokopedia/orders', { shop_id: SHOP })).orders[0];
		const line = { product_id: stocked.product_id, quantity: 3 };
		const wf = workflow('tkpdE2eAckNack', [
			{
				name: 'Partial Acknowledge',
				parameters: {
					resource: 'order',
					operation: 'acceptOrder',
					orderId: String(partial.order_id),
					acceptMode: 'partial',
					products: { product: [{ productId: String(line.product_id), quantityDeliver: 2, quantityReject: 1 }] },
					warehouseId: '',
				},
			},
			{
				name: 'Reject Shop Closed',
				parameters: {
					resource: 'order',
					operation: 'rejectOrder',
					orderId: String(reject.order_id),
					reasonCode: 4,
					reason: 'Toko sedang libur',
					shopClosedUntil: new Date(Date.now() + 7 * DAY * 1000).toISOString(),
					shopClosedNote: 'Libur akhir tahun',
				},
			},
		]);
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		expect(result.output('Reject Shop Closed')[0]).toMatchObject({ rejected: true, reason_code: 4, shop_close_note: 'Libur akhir tahun' });
		const accepted = await control('GET', `/tokopedia/orders/${partial.order_id}`);
		expect(accepted.status).toBe(400);
		expect(accepted.products_fulfilled).toContainEqual(expect.objectContaining({ product_id: line.product_id, quantity_deliver: 2, quantity_reject: 1 }));
		const rejected = await control('GET', `/tokopedia/orders/${reject.order_id}`);
		expect(rejected).toMatchObject({ status: 10, nack: { reason_code: 4, shop_close_note: 'Libur akhir tahun' } });
	});

	test('pushes stock for 1,000 SKUs while the sandbox throttles rows: each applied exactly once', async () => {
		const products = (await control('GET', `/tokopedia/products?shop_id=${SHOP}&limit=5000`)).products.filter(
			(p: { sku: string; status: number; children: unknown[] }) => p.sku && p.status !== 0 && p.children.length === 0,
		);
		expect(products.length).toBeGreaterThanOrEqual(1000);
		const rows = products.slice(0, 1000).map((p: { sku: string }, k: number) => ({ sku: p.sku, stock: 100 + (k % 50) }));
		rows.splice(500, 0, { sku: 'UNKNOWN-SKU-1', stock: 1 }, { sku: 'UNKNOWN-SKU-2', stock: 2 });
		// 100 rows/s with a bucket of 60: the first batches overrun it, so some rows come back ERR_TOO_MANY_REQUEST.
		await control('POST', '/config', { routes: { 'POST /inventory/v1/fs/{fs_id}/stock/update': { qps: 100, burst: 60 } } });
		const logBefore = (await control('GET', `/tokopedia/stock-log?shop_id=${SHOP}`)).total;
		const wf = workflow('tkpdE2eStockPush', [
			{ name: 'ERP Rows', type: 'n8n-nodes-base.code', parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } },
			{
				name: 'Update Stock',
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'inventory',
					operation: 'updateStock',
					shop: { __rl: true, mode: 'list', value: '' },
					identifyBy: 'sku',
					sku: '={{ $json.sku }}',
					newStock: '={{ $json.stock }}',
					warehouseId: '',
					options: {},
				},
			},
		]);
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		const out = result.output('Update Stock');
		expect(out).toHaveLength(1002);
		expect(out.filter((row) => row.applied === true)).toHaveLength(1000);
		expect(out.filter((row) => row.error).map((row) => row.sku)).toEqual(['UNKNOWN-SKU-1', 'UNKNOWN-SKU-2']);
		const stats = await control('GET', '/stats');
		expect(stats.tokopedia.throttledBulkRows).toBeGreaterThan(0);

		const log = (await control('GET', `/tokopedia/stock-log?shop_id=${SHOP}`)).entries.slice(logBefore);
		const updates = log.filter((entry: { op: string }) => entry.op === 'update');
		const perSku = new Map<string, number>();
		for (const entry of updates) perSku.set(entry.sku, (perSku.get(entry.sku) ?? 0) + 1);
		const known = rows.filter((row: { sku: string }) => !row.sku.startsWith('UNKNOWN'));
		expect(perSku.size).toBe(1000);
		expect(known.every((row: { sku: string }) => perSku.get(row.sku) === 1)).toBe(true);
		const sample = known.filter((_: unknown, k: number) => k % 97 === 0);
		for (const row of sample) {
			const state = (await control('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${encodeURIComponent(row.sku)}`)).products[0];
			expect(state.stock[MAIN_WAREHOUSE]).toBe(row.stock);
		}
		await control('DELETE', '/config');
	});

	test('reconciles 5,000 SKUs: finds exactly the 300 drifted ones and the missing ones, corrects them, then all match', async () => {
		const state = sandbox.tokopedia.state;
		const main = state.defaultWarehouse(SHOP).warehouse_id;
		const products = [...state.products.values()].filter((p) => p.shop_id === SHOP && p.sku && p.status === 1 && p.children.length === 0).slice(0, 5000);
		expect(products).toHaveLength(5000);
		const erp = products.map((p) => ({ sku: p.sku, stock: p.stock[main] ?? 0 }));
		const missing = ['ERP-ONLY-1', 'ERP-ONLY-2', 'ERP-ONLY-3'];
		const rows = [...erp, ...missing.map((sku) => ({ sku, stock: 4 }))];
		// Drift on the marketplace side: 300 SKUs changed behind the ERP's back.
		const drifted = new Set<string>();
		for (let k = 0; k < 300; k++) {
			const product = products[(k * 16) % products.length];
			state.setStock(product, main, (product.stock[main] ?? 0) + 1 + (k % 4), 'drift', null, null);
			drifted.add(product.sku);
		}
		expect(drifted.size).toBe(300);
		const reconcileWorkflow = (id: string, apply: boolean) =>
			workflow(id, [
				{ name: 'ERP Stock', type: 'n8n-nodes-base.code', parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } },
				{
					name: 'Reconcile',
					parameters: {
						resource: 'inventory',
						operation: 'reconcileInventory',
						shop: { __rl: true, mode: 'list', value: '' },
						erpSku: '={{ $json.sku }}',
						erpQuantity: '={{ $json.stock }}',
						erpWarehouse: '',
						applyCorrections: apply,
						options: {},
					},
				},
			]);
		const dry = await n8n.executeWorkflow(await n8n.importWorkflow(reconcileWorkflow('tkpdE2eReconDry', false)));
		expect(dry.ok).toBe(true);
		const out = dry.output('Reconcile');
		const summary = out.at(-1)!;
		expect(summary).toMatchObject({ summary: true, mismatch: 300, missingOnMarketplace: 3, dry_run: true });
		expect(new Set(out.filter((row) => row.status === 'mismatch').map((row) => row.sku))).toEqual(drifted);
		expect(out.filter((row) => row.status === 'missingOnMarketplace').map((row) => row.sku).sort()).toEqual(missing);

		const fix = await n8n.executeWorkflow(await n8n.importWorkflow(reconcileWorkflow('tkpdE2eReconFix', true)));
		expect(fix.output('Reconcile').at(-1)).toMatchObject({ mismatch: 300, corrected: 300, correction_failed: 0, total_absolute_drift: summary.total_absolute_drift });
		for (const product of products.slice(0, 5000)) {
			if (drifted.has(product.sku)) expect(product.stock[main]).toBe(erp.find((row) => row.sku === product.sku)!.stock);
		}
		const again = await n8n.executeWorkflow(await n8n.importWorkflow(reconcileWorkflow('tkpdE2eReconAgain', false)));
		expect(again.output('Reconcile').at(-1)).toMatchObject({ mismatch: 0, match: 5000, missingOnMarketplace: 3 });
	});
	test('a 503 from the token host costs one retry, not the run', async () => {
		const id = await n8n.importWorkflow(workflow('tkpdE2eTokenHost503', [{ name: 'Shop Info', parameters: { resource: 'shop', operation: 'getShopInfo', shopId: '' } }]));
		try {
			await control('POST', '/tokopedia/tokens/expire');
			await control('POST', '/config', { routes: { 'POST /token': { fault: { status: 503, count: 1 } } } });
			const before = await control('GET', '/stats');
			const result = await n8n.executeWorkflow(id);
			expect(result.ok).toBe(true);
			expect(result.output('Shop Info').length).toBeGreaterThan(0);
			const after = await control('GET', '/stats');
			expect(after.tokopedia.tokenGrants - before.tokopedia.tokenGrants).toBe(1);
			expect(after.requests.byRoute['POST /token'] - (before.requests.byRoute['POST /token'] ?? 0)).toBe(2);
		} finally {
			await control('DELETE', '/config');
		}
	});
});
