/**
 * TikTok Shop catalog and after-sales in a real n8n: product search over pages, a 2,000-SKU stock
 * push across 600 products and 2 warehouses under throttling, and idempotent return/cancellation
 * decisions. Assertions on n8n's output and on the sandbox's inventory log and state.
 */
import axios from 'axios';
import * as path from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import type { LineNode } from './lib/workflow';
import { example, lineWorkflow } from './lib/workflow';

const TTS = 'n8n-nodes-tokopedia-tiktokshop.tikTokShop';
const CREDENTIAL = { tikTokShopApi: { id: 'ttsSandboxCredential', name: 'TikTok Shop (local sandbox)' } };
const SHOP = { __rl: true, mode: 'list', value: '' };
let sandbox: Sandbox;
let n8n: N8nInstance;
let shopId: string;

const control = async (method: string, route: string, data?: unknown) => (await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

const workflow = (id: string, nodes: LineNode[]) => lineWorkflow(id, TTS, CREDENTIAL, nodes);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, tikTokShop: { productCount: 1600 } });
	n8n = await prepareN8n();
	const [credential] = example('credentials/tiktokshop-sandbox.json');
	await n8n.importCredentials([{ ...credential, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } }]);
	shopId = sandbox.tikTokShop.state.shops[0].id;
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('TikTok Shop catalog in a real n8n', () => {
	test('searches every active product over several pages', async () => {
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(example('tiktokshop-products.json')));
		expect(result.ok).toBe(true);
		const products = result.output('Active Products');
		expect(products.length).toBeGreaterThan(300);
		expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
		expect(products.every((p) => p.status === 'ACTIVATE')).toBe(true);
		expect((await control('GET', '/stats')).requests.byRoute['POST /product/202309/products/search']).toBeGreaterThanOrEqual(4);
	});

	test('updates 2,000 seller SKUs over 600 products and 2 warehouses under throttling: known SKUs set once, unknown ones fail alone', async () => {
		const catalog = [...sandbox.tikTokShop.state.skuById.values()]
			.filter((ref) => ref.shopId === shopId && ref.product.status === 'ACTIVATE')
			.map((ref) => ({ ...ref.sku, product_id: ref.product.id }) as unknown as Record<string, unknown>);
		expect(catalog.length).toBeGreaterThanOrEqual(2000);
		// Every product at least once, then more SKUs up to 2,000.
		const byProduct = new Map<string, Array<Record<string, unknown>>>();
		for (const sku of catalog) byProduct.set(String(sku.product_id), [...(byProduct.get(String(sku.product_id)) ?? []), sku]);
		const chosen: Array<Record<string, unknown>> = [...byProduct.values()].map((list) => list[0]);
		for (const sku of catalog) if (chosen.length < 2000 && !chosen.includes(sku)) chosen.push(sku);
		const rows = chosen.map((sku, k) => {
			const inventory = sku.inventory as Array<{ warehouse_id: string }>;
			return { sku: String(sku.seller_sku), stock: 100 + (k % 37), warehouse: inventory.length > 1 ? inventory[k % 2].warehouse_id : '' };
		});
		const products = new Set(chosen.map((sku) => String(sku.product_id)));
		expect(products.size).toBeGreaterThanOrEqual(600);
		expect(rows.some((row) => row.warehouse)).toBe(true);
		const unknown = ['NO-SUCH-1', 'NO-SUCH-2', 'NO-SUCH-3'];
		const input = [...rows.slice(0, 1000), ...unknown.map((sku) => ({ sku, stock: 1, warehouse: '' })), ...rows.slice(1000)];
		await control('POST', '/config', { routes: { 'POST /product/202309/products/{product_id}/inventory/update': { qps: 40, burst: 8 } } });
		const logBefore = ((await control('GET', `/tiktokshop/inventory-log?shop_id=${shopId}&source=api_update`)).entries ?? []).length;
		const wf = workflow('ttsE2eStock2000', [
			{ name: 'ERP Rows', type: 'n8n-nodes-base.code', parameters: { jsCode: `return ${JSON.stringify(input)}.map((json) => ({ json }));` } },
			{
				name: 'Update Stock',
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'inventory',
					operation: 'updateInventory',
					shop: SHOP,
					identifyBy: 'sellerSku',
					sellerSku: '={{ $json.sku }}',
					quantity: '={{ $json.stock }}',
					warehouseId: '={{ $json.warehouse }}',
					options: { concurrency: 4, requestsPerSecond: 60 },
				},
			},
		]);
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		const out = result.output('Update Stock');
		expect(out).toHaveLength(input.length);
		expect(out.filter((row) => row.applied === true)).toHaveLength(2000);
		expect(out.filter((row) => row.error).map((row) => row.seller_sku)).toEqual(unknown);
		expect((await control('GET', '/stats')).rateLimited).toBeGreaterThan(0);

		const log = ((await control('GET', `/tiktokshop/inventory-log?shop_id=${shopId}&source=api_update`)).entries as Array<Record<string, unknown>>).slice(logBefore);
		for (const row of rows) {
			const changes = log.filter((entry) => entry.seller_sku === row.sku && entry.after === row.stock && (!row.warehouse || entry.warehouse_id === row.warehouse));
			expect(changes).toHaveLength(1);
		}
		await control('DELETE', '/config');
	});

	test('approves a return and rejects a cancellation twice: the second rejection does nothing', async () => {
		const orders = (await control('POST', '/tiktokshop/orders', { count: 1 })).orders;
		const cancellation = (await control('POST', '/tiktokshop/cancellations', { order_id: orders[0].order.id })).cancellation;
		const delivered = (await control('POST', '/tiktokshop/orders', { count: 1, status: 'DELIVERED' })).orders[0].order;
		const ret = (await control('POST', '/tiktokshop/returns', { order_id: delivered.id, return_type: 'REFUND' })).return;
		const wf = workflow('ttsE2eAftersale', [
			{ name: 'Approve Return', parameters: { resource: 'return', operation: 'approveReturn', shop: SHOP, returnId: ret.return_id, decision: 'APPROVE_REFUND' } },
			{
				name: 'Reject Cancellation',
				parameters: { resource: 'cancellation', operation: 'rejectCancellation', shop: SHOP, cancelId: cancellation.cancel_id, rejectReason: 'seller_reject_apply_product_has_been_packed', comment: 'Sudah dikemas' },
			},
		]);
		const id = await n8n.importWorkflow(wf);
		const first = await n8n.executeWorkflow(id);
		expect(first.ok).toBe(true);
		const returns = (await control('GET', `/tiktokshop/returns?order_id=${delivered.id}`)).returns;
		expect(returns[0].return_status).not.toBe('RETURN_OR_REFUND_REQUEST_PENDING');
		const afterFirst = (await control('GET', `/tiktokshop/orders/${orders[0].order.id}`)).order;
		// The same workflow again: the return approval and the rejection carry the same idempotency keys.
		const second = await n8n.executeWorkflow(id);
		expect(second.ok).toBe(true);
		expect(second.output('Reject Cancellation')[0].idempotency_key).toBe(first.output('Reject Cancellation')[0].idempotency_key);
		expect(second.output('Approve Return')[0].idempotency_key).toBe(first.output('Approve Return')[0].idempotency_key);
		expect(first.output('Reject Cancellation')[0]).not.toHaveProperty('already_rejected');
		expect(second.output('Reject Cancellation')[0]).toMatchObject({ rejected: true, already_rejected: true, cancel_status: 'CANCELLATION_REQUEST_CANCEL' });
		const afterSecond = (await control('GET', `/tiktokshop/orders/${orders[0].order.id}`)).order;
		expect(afterSecond.status).toBe('AWAITING_SHIPMENT');
		expect(afterSecond.update_time).toBe(afterFirst.update_time);
		const rejects = (await control('GET', '/requests?limit=500')).requests.filter((r: { path: string }) => r.path.endsWith(`/cancellations/${cancellation.cancel_id}/reject`));
		// The second run found the request already rejected and sent nothing.
		expect(rejects).toHaveLength(1);
	});
});
