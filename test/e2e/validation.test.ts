/**
 * No silent loss, no poisoned batch, dates in the shop's time zone: the packed package in a real
 * n8n that runs with TZ=Asia/Jakarta (as many Indonesian sellers' servers do), against the sandbox.
 */
import axios from 'axios';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance } from './lib/n8n';
import { prepareN8n } from './lib/n8n';
import { example, lineWorkflow } from './lib/workflow';

const TKPD = 'n8n-nodes-tokopedia-tiktokshop.tokopedia';
const SHOP = 479066;
const MAIN_WAREHOUSE = '8402620';
const CREDENTIAL = { tokopediaApi: { id: 'tkpdSandboxCredential', name: 'Tokopedia (local sandbox)' } };
let sandbox: Sandbox;
let n8n: N8nInstance;

const control = async (method: string, route: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

const stockOf = async (sku: string): Promise<number> =>
	(await control('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${encodeURIComponent(sku)}`)).products[0].stock[MAIN_WAREHOUSE];

async function stockedProducts(count: number) {
	const products = (await control('GET', `/tokopedia/products?shop_id=${SHOP}&limit=300`)).products as Array<{
		sku: string;
		status: number;
		children: unknown[];
		stock: Record<string, number>;
	}>;
	return products.filter((p) => p.sku && p.status === 1 && p.children.length === 0 && (p.stock[MAIN_WAREHOUSE] ?? 0) >= 10).slice(0, count);
}

const codeNode = (name: string, items: unknown[]) => ({
	name,
	type: 'n8n-nodes-base.code',
	parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
});

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n({ env: { TZ: 'Asia/Jakarta', GENERIC_TIMEZONE: 'Asia/Jakarta' } });
	const [credential] = example('credentials/tokopedia-sandbox.json');
	await n8n.importCredentials([{ ...credential, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } }]);
});

afterAll(async () => {
	await n8n?.dispose();
	await sandbox?.close();
});

describe('guarantees in a real n8n running with TZ=Asia/Jakarta', () => {
	test('Decrement Stock inside Loop Over Items, two orders selling the same SKU: both are applied', async () => {
		const [product] = await stockedProducts(1);
		const before = await stockOf(product.sku);
		const orders = [
			{ order_id: 1001, sku: product.sku, quantity: 2 },
			{ order_id: 1002, sku: product.sku, quantity: 3 },
			{ order_id: 1003, sku: product.sku, quantity: 2 },
		];
		const wf = {
			id: 'tkpdE2eLoopDecrement',
			name: 'tkpdE2eLoopDecrement',
			settings: { executionOrder: 'v1' },
			nodes: [
				{ id: 'l0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'l1', ...codeNode('Orders', orders), typeVersion: 2, position: [220, 0] },
				{ id: 'l2', name: 'Loop Over Items', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: [440, 0], parameters: { batchSize: 1, options: {} } },
				{
					id: 'l3',
					name: 'Decrement Stock',
					type: TKPD,
					typeVersion: 1,
					position: [660, 100],
					credentials: CREDENTIAL,
					parameters: {
						resource: 'inventory',
						operation: 'decrementStock',
						identifyBy: 'sku',
						sku: '={{ $json.sku }}',
						quantity: '={{ $json.quantity }}',
						warehouseId: '',
						options: {},
					},
				},
			],
			connections: {
				Start: { main: [[{ node: 'Orders', type: 'main', index: 0 }]] },
				Orders: { main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]] },
				'Loop Over Items': { main: [[], [{ node: 'Decrement Stock', type: 'main', index: 0 }]] },
				'Decrement Stock': { main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]] },
			},
		};
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		const runs = result.run.data.resultData.runData['Decrement Stock'];
		expect(runs).toHaveLength(3);
		for (const [k, run] of runs.entries()) {
			expect(run.data?.main?.[0]?.[0]?.json).toMatchObject({ sku: product.sku, stock_value: orders[k].quantity, applied: true });
		}
		expect(await stockOf(product.sku)).toBe(before - 7);
		const log = (await control('GET', `/tokopedia/stock-log?shop_id=${SHOP}&sku=${encodeURIComponent(product.sku)}`)).entries as Array<{ op: string; request_id: string | null }>;
		const decrements = log.filter((entry) => entry.op === 'decrement');
		expect(decrements).toHaveLength(3);
		expect(new Set(decrements.map((entry) => entry.request_id)).size).toBe(3);
	});

	test('Update Price: a fraction of a rupiah fails its own item, the other rows of the batch are applied', async () => {
		const products = await stockedProducts(3);
		const prices = [21000, 10001 * 1.15, 30000 * 1.15];
		const wf = lineWorkflow('tkpdE2ePerRowPrice', TKPD, CREDENTIAL, [
			codeNode('Prices', products.map((p, k) => ({ sku: p.sku, price: prices[k] }))),
			{
				name: 'Update Price',
				onError: 'continueRegularOutput',
				parameters: { resource: 'inventory', operation: 'updatePrice', identifyBy: 'sku', sku: '={{ $json.sku }}', newPrice: '={{ $json.price }}', warehouseId: '', options: {} },
			},
		]);
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		const out = result.output('Update Price');
		expect(out.map((row) => row.applied)).toEqual([true, false, true]);
		expect(String(out[1].error)).toMatch(/"New Price" must be a whole number of rupiah, got 11501.15: round it/);
		const priceOf = async (sku: string) => (await control('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${encodeURIComponent(sku)}`)).products[0].price;
		expect(await priceOf(products[0].sku)).toBe(21000);
		expect(await priceOf(products[2].sku)).toBe(34500);
	});

	test('Reject Order "shop closed" sends Shop Closed Until as the Jakarta date, Reason Code from an expression', async () => {
		const first = (await control('POST', '/tokopedia/orders', { shop_id: SHOP })).orders[0];
		const second = (await control('POST', '/tokopedia/orders', { shop_id: SHOP })).orders[0];
		const wf = lineWorkflow('tkpdE2eShopClosed', TKPD, CREDENTIAL, [
			codeNode('Orders To Reject', [
				// An instant with its offset, and the zone-less value n8n's date picker stores.
				{ order_id: first.order_id, code: 4, until: '2026-12-06T01:00:00+07:00' },
				{ order_id: second.order_id, code: 4, until: '2026-12-06T00:00:00' },
			]),
			{
				name: 'Reject',
				parameters: {
					resource: 'order',
					operation: 'rejectOrder',
					orderId: '={{ $json.order_id }}',
					reasonCode: '={{ $json.code }}',
					reason: 'Toko sedang libur',
					shopClosedUntil: '={{ $json.until }}',
					shopClosedNote: 'Libur akhir tahun',
				},
			},
		]);
		const result = await n8n.executeWorkflow(await n8n.importWorkflow(wf));
		expect(result.ok).toBe(true);
		expect(result.output('Reject').map((row) => row.shop_close_end_date)).toEqual(['06/12/2026', '06/12/2026']);
		for (const order of [first, second]) {
			const state = await control('GET', `/tokopedia/orders/${order.order_id}`);
			expect(state).toMatchObject({ status: 10, nack: { reason_code: 4, shop_close_end_date: '06/12/2026' } });
		}
	});
});
