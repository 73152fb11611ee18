/**
 * The Tokopedia node against the sandbox over real HTTP, every operation, with n8n core's
 * credential handling emulated by test/helpers/context.
 */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router } from '../../../nodes/Tokopedia/actions/router';
import * as listSearch from '../../../nodes/Tokopedia/methods/listSearch';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../../sandbox/tokopedia/constants';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

jest.setTimeout(120_000);

const SHOP = 479066;
const DAY = 86_400;
let sandbox: Sandbox;
let credentials: CredentialStore;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 11 });
	credentials = credentialStore(
		{
			fsId: String(TOKOPEDIA_FS_ID),
			clientId: TOKOPEDIA_CLIENT_ID,
			clientSecret: TOKOPEDIA_CLIENT_SECRET,
			shopId: String(SHOP),
			webhookSecret: 'whsec-test',
			apiBaseUrl: sandbox.url,
			authBaseUrl: sandbox.url,
		},
		'tokopediaApi',
	);
});
afterAll(async () => await sandbox.close());

const control = async (method: string, path: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox/tokopedia${path}`, data })).data;

async function run(parameters: IDataObject | ((i: number) => IDataObject), extra: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) {
	return (await router.call(fakeContext({ parameters, credentials, ...extra })))[0];
}

async function newOrder(body: IDataObject = {}) {
	return (await control('POST', '/orders', { shop_id: SHOP, ...body })).orders[0] as IDataObject & { order_id: number };
}

const iso = (unix: number) => new Date(unix * 1000).toISOString();

describe('Tokopedia node against the sandbox', () => {
	it('Order → Get Many pulls 14 days across windows and pages, each order once', async () => {
		const now = Math.floor(Date.now() / 1000);
		const out = await run({
			resource: 'order',
			operation: 'getAllOrders',
			fromDate: iso(now - 14 * DAY),
			toDate: iso(now),
			scope: 'shop',
			shop: rl(''),
			returnAll: true,
			filters: {},
		});
		const expected = [...sandbox.tokopedia.state.orders.values()].filter(
			(o) => o.shop_id === SHOP && o.create_time >= now - 14 * DAY && o.create_time <= now && o.paid_at !== null,
		);
		expect(out.length).toBeGreaterThan(300);
		expect(new Set(out.map((i) => i.json.order_id)).size).toBe(out.length);
		expect(out.length).toBe(expected.length);
		const listCalls = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data.requests.byRoute['GET /v2/order/list'];
		expect(listCalls).toBeGreaterThanOrEqual(6);
	});

	it('Order → Get by id and by invoice number', async () => {
		const order = await newOrder();
		const byId = await run({ resource: 'order', operation: 'getSingleOrder', findBy: 'orderId', orderId: String(order.order_id) });
		expect(byId[0].json.order_id).toBe(order.order_id);
		const byInvoice = await run({ resource: 'order', operation: 'getSingleOrder', findBy: 'invoice', invoiceNumber: String(byId[0].json.invoice_number) });
		expect(byInvoice[0].json.order_id).toBe(order.order_id);
	});

	it('Order → Acknowledge fully and partially', async () => {
		const full = await newOrder();
		await run({ resource: 'order', operation: 'acceptOrder', orderId: String(full.order_id), acceptMode: 'full', warehouseId: '' });
		expect((await control('GET', `/orders/${full.order_id}`)).status).toBe(400);

		const partial = await newOrder({ skus: undefined });
		const detail = await control('GET', `/orders/${partial.order_id}`);
		const product = detail.items.find((item: IDataObject) => Number(item.quantity) >= 2) ?? detail.items[0];
		await run({
			resource: 'order',
			operation: 'acceptOrder',
			orderId: String(partial.order_id),
			acceptMode: 'partial',
			products: { product: [{ productId: String(product.product_id), quantityDeliver: product.quantity - 1, quantityReject: 1 }] },
			warehouseId: '',
		});
		const after = await control('GET', `/orders/${partial.order_id}`);
		expect(after.status).toBe(400);
		expect(after.products_fulfilled).toContainEqual(expect.objectContaining({ product_id: product.product_id, quantity_reject: 1 }));
	});

	it('Order → Reject with code 4 sends the shop-closed fields, and refuses them missing before calling Tokopedia', async () => {
		const order = await newOrder();
		await expect(
			run({ resource: 'order', operation: 'rejectOrder', orderId: String(order.order_id), reasonCode: 4, reason: 'Libur', shopClosedUntil: '', shopClosedNote: '' }),
		).rejects.toThrow('Reason "Shop Closed" needs "Shop Closed Until"');
		expect((await control('GET', `/orders/${order.order_id}`)).status).toBe(220);
		await run({
			resource: 'order',
			operation: 'rejectOrder',
			orderId: String(order.order_id),
			reasonCode: 4,
			reason: 'Toko libur',
			shopClosedUntil: new Date(Date.now() + 5 * DAY * 1000).toISOString(),
			shopClosedNote: 'Tutup sementara',
		});
		const after = await control('GET', `/orders/${order.order_id}`);
		expect(after.status).toBe(10);
		expect(after.nack).toMatchObject({ reason_code: 4, shop_close_note: 'Tutup sementara' });
	});

	it('Order → label, pickup and confirm shipping move the order as Tokopedia does', async () => {
		const order = await newOrder();
		const id = String(order.order_id);
		await run({ resource: 'order', operation: 'acceptOrder', orderId: id, acceptMode: 'full', warehouseId: '' });
		const label = await run({ resource: 'order', operation: 'getShippingLabel', orderId: id, markAsPrinted: true, binaryPropertyName: 'label' });
		expect(label[0].binary!.label.mimeType).toBe('text/html');
		expect(Buffer.from(label[0].binary!.label.data, 'base64').toString()).toContain(id);
		expect((await control('GET', `/orders/${id}`)).printed).toBe(true);
		await run({ resource: 'order', operation: 'requestPickup', orderId: id, shop: rl('') });
		expect((await control('GET', `/orders/${id}`)).status).toBe(450);
		await run({ resource: 'order', operation: 'confirmShipping', orderId: id, awb: 'SBXAWB123' });
		const shipped = await control('GET', `/orders/${id}`);
		expect(shipped.status).toBe(500);
	});

	it('Order → Reject Cancellation Request and Request Partial Fulfillment', async () => {
		const order = await newOrder();
		const id = String(order.order_id);
		await run({ resource: 'order', operation: 'acceptOrder', orderId: id, acceptMode: 'full', warehouseId: '' });
		await control('POST', `/orders/${id}/advance`, { buyer_cancel_request: true });
		const rejected = await run({ resource: 'order', operation: 'rejectCancellationRequest', orderId: id, shop: rl('') });
		expect(rejected[0].json.cancellation_request_rejected).toBe(true);

		const pofOrder = await newOrder({ skus: [{ sku: (await control('GET', `/products?shop_id=${SHOP}&limit=40`)).products.find((p: IDataObject) => p.sku && p.status === 1 && (p.total_stock as number) > 5).sku, quantity: 3 }] });
		const detail = (await run({ resource: 'order', operation: 'getSingleOrder', findBy: 'orderId', orderId: String(pofOrder.order_id) }))[0].json;
		const line = ((detail.order_info as IDataObject).order_detail as IDataObject[])[0];
		const pof = await run({
			resource: 'order',
			operation: 'requestPartialFulfillment',
			orderId: String(pofOrder.order_id),
			lines: { line: [{ orderDetailId: String(line.order_detail_id), quantity: Number(line.quantity) - 1 }] },
		});
		expect(pof[0].json).toMatchObject({ success: true });
	});

	it('Product → Get Many, Get by SKU, Get Variants', async () => {
		const all = await run({ resource: 'product', operation: 'getAllProducts', shop: rl(''), returnAll: true });
		const inShop = [...sandbox.tokopedia.state.products.values()].filter((p) => p.shop_id === SHOP && p.status !== 0 && p.parent_id === null);
		expect(all.length).toBeGreaterThan(100);
		expect(all.length).toBeGreaterThanOrEqual(inShop.length - 5);
		const withSku = all.find((item) => (item.json.other as IDataObject)?.sku)!;
		const bySku = await run({ resource: 'product', operation: 'getProduct', findBy: 'sku', sku: String((withSku.json.other as IDataObject).sku) });
		expect((bySku[0].json.basic as IDataObject).productID).toBe((withSku.json.basic as IDataObject).productID);
		const parent = [...sandbox.tokopedia.state.products.values()].find((p) => p.shop_id === SHOP && p.children.length > 0)!;
		const variants = await run({ resource: 'product', operation: 'getProductVariants', productId: String(parent.product_id) });
		expect((variants[0].json.children as unknown[]).length).toBe(parent.children.length);
	});

	it('Product → Create, Update, Deactivate, Activate, Delete', async () => {
		const leaf = (await listSearch.categorySearch.call(fakeContext({ credentials }) as never)).results[0];
		const created = await run({
			resource: 'product',
			operation: 'createProduct',
			shop: rl(''),
			name: 'Kaos Polos Hitam',
			price: 45000,
			stock: 12,
			weight: 200,
			weight_unit: 'GR',
			category: rl(String(leaf.value), 'id'),
			fields: { sku: 'KAOS-HITAM-NEW', condition: 'NEW', additionalJson: '{"min_order": 2}' },
			showcase: rl(''),
		});
		const productId = created[0].json.product_id as number;
		expect(productId).toBeGreaterThan(0);
		expect((await control('GET', `/products?product_id=${productId}`)).products[0]).toMatchObject({ weight: 200, min_order: 2 });
		await run({ resource: 'product', operation: 'editProduct', shop: rl(''), productId: String(productId), fields: { price: 47000 }, additionalJson: '{}' });
		expect((await control('GET', `/products?product_id=${productId}`)).products[0].price).toBe(47000);
		for (const [operation, status] of [['setInactiveProduct', 3], ['setActiveProduct', 1], ['deleteProduct', 0]] as const) {
			const out = await run({ resource: 'product', operation, shop: rl(''), productId: String(productId) });
			expect(out).toHaveLength(1);
			expect((await control('GET', `/products?product_id=${productId}`)).products[0].status).toBe(status);
		}
	});

	it('Product → Create whose answer is lost after Tokopedia created it succeeds as recovered, with one product', async () => {
		const leaf = (await listSearch.categorySearch.call(fakeContext({ credentials }) as never)).results[0];
		const create = (sku: string) => ({
			resource: 'product',
			operation: 'createProduct',
			shop: rl(''),
			name: `Kaos Lost Answer ${sku}`,
			price: 45000,
			stock: 12,
			weight: 200,
			weight_unit: 'GR',
			category: rl(String(leaf.value), 'id'),
			fields: { sku },
			showcase: rl(''),
		});
		const bySku = async (sku: string) => ((await control('GET', `/products?shop_id=${SHOP}&limit=5000`)).products as IDataObject[]).filter((p) => p.sku === sku && p.status !== 0);
		const route = 'POST /v3/products/fs/{fs_id}/create';
		try {
			await axios.post(`${sandbox.url}/_sandbox/config`, { routes: { [route]: { fault: { status: 'apply-drop', count: 1 } } } });
			const out = await run(create('KAOS-LOST-A'));
			const listed = await bySku('KAOS-LOST-A');
			expect(listed).toHaveLength(1);
			expect(out[0].json).toMatchObject({ product_id: listed[0].product_id, name: 'Kaos Lost Answer KAOS-LOST-A', recovered: true });

			await axios.post(`${sandbox.url}/_sandbox/config`, { routes: { [route]: { fault: { status: 'drop', count: 1 } } } });
			const lost = await run(create('KAOS-LOST-B'), { continueOnFail: true });
			expect(String(lost[0].json.error)).toMatch(/Create Product "Kaos Lost Answer KAOS-LOST-B": outcome unknown, not sent again/);
			expect(await bySku('KAOS-LOST-B')).toHaveLength(0);
		} finally {
			await axios.delete(`${sandbox.url}/_sandbox/config`);
		}
	});

	it('Product → Delete whose answer is lost after Tokopedia applied it succeeds as recovered, with one delete', async () => {
		const [a, b] = (await control('GET', `/products?shop_id=${SHOP}&limit=80`)).products.filter(
			(p: IDataObject) => p.status === 1 && p.parent_id === null && (p.children as unknown[]).length === 0,
		);
		const route = 'POST /v3/products/fs/{fs_id}/delete';
		await axios.post(`${sandbox.url}/_sandbox/config`, { routes: { [route]: { fault: { status: 'apply-drop', count: 1 } } } });
		try {
			const sent = async () => ((await axios.get(`${sandbox.url}/_sandbox/stats`)).data.effects['POST /v3/products/fs/{}/delete']?.['*'] ?? 0) as number;
			const before = await sent();
			const out = await run((i) => ({ resource: 'product', operation: 'deleteProduct', shop: rl(''), productId: String([a, b][i].product_id) }), {
				items: [{ json: {} }, { json: {} }],
			});
			expect(out.map((item) => item.json)).toEqual([
				{ product_id: a.product_id, deleted: true, recovered: true },
				{ product_id: b.product_id, deleted: true, recovered: true },
			]);
			// one applied delete request: nothing was sent again once the read-back showed both deleted
			expect((await sent()) - before).toBe(1);
			for (const p of [a, b]) expect((await control('GET', `/products?product_id=${p.product_id}`)).products[0].status).toBe(0);
		} finally {
			await axios.delete(`${sandbox.url}/_sandbox/config`);
		}
	});

	it('Product → Delete whose request was dropped before Tokopedia read it is sent again once', async () => {
		const [a] = (await control('GET', `/products?shop_id=${SHOP}&limit=80`)).products.filter(
			(p: IDataObject) => p.status === 1 && p.parent_id === null && (p.children as unknown[]).length === 0,
		);
		const route = 'POST /v3/products/fs/{fs_id}/delete';
		await axios.post(`${sandbox.url}/_sandbox/config`, { routes: { [route]: { fault: { status: 'drop', count: 1 } } } });
		try {
			const out = await run({ resource: 'product', operation: 'deleteProduct', shop: rl(''), productId: String(a.product_id) });
			expect(out[0].json).toEqual({ product_id: a.product_id, deleted: true });
			expect((await control('GET', `/products?product_id=${a.product_id}`)).products[0].status).toBe(0);
		} finally {
			await axios.delete(`${sandbox.url}/_sandbox/config`);
		}
	});

	it('Inventory → Update Stock applies the safety buffer; unknown SKUs fail on their own item', async () => {
		const products = (await control('GET', `/products?shop_id=${SHOP}&limit=60`)).products.filter((p: IDataObject) => p.sku && p.status === 1).slice(0, 5);
		const rows = [...products.map((p: IDataObject, k: number) => ({ sku: p.sku, stock: 20 + k })), { sku: 'NO-SUCH-SKU', stock: 5 }];
		const out = await run(
			(i) => ({
				resource: 'inventory',
				operation: 'updateStock',
				shop: rl(''),
				identifyBy: 'sku',
				sku: rows[i].sku,
				newStock: rows[i].stock,
				warehouseId: '',
				options: { safetyBufferMode: 'subtractUnits', safetyBufferValue: 3 },
			}),
			{ items: rows.map((r) => ({ json: r })), continueOnFail: true },
		);
		expect(out).toHaveLength(rows.length);
		expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual(rows.map((_, k) => k));
		expect(out[5].json).toMatchObject({ sku: 'NO-SUCH-SKU', applied: false, error: 'SKU NO-SUCH-SKU: Invalid SKU.' });
		for (let k = 0; k < 5; k++) {
			expect(out[k].json).toMatchObject({ applied: true, new_stock: 17 + k, requested_stock: 20 + k });
			const state = (await control('GET', `/products?shop_id=${SHOP}&sku=${rows[k].sku}`)).products[0];
			// Without a warehouse, Tokopedia sets the shop's main warehouse.
			expect(state.stock['8402620']).toBe(17 + k);
		}
	});

	it('Inventory → Increment/Decrement are applied once even when resent', async () => {
		const [product] = (await control('GET', `/products?shop_id=${SHOP}&limit=80`)).products.filter((p: IDataObject) => p.sku && p.status === 1).slice(10, 11);
		const before = (await control('GET', `/products?shop_id=${SHOP}&sku=${product.sku}`)).products[0].total_stock;
		const params = { resource: 'inventory', operation: 'incrementStock', shop: rl(''), identifyBy: 'sku', sku: product.sku, quantity: 4, warehouseId: '', options: {} };
		await run(params);
		// The same node in the same execution again (n8n's Retry On Fail): the request_id guard holds.
		await run(params);
		expect((await control('GET', `/products?shop_id=${SHOP}&sku=${product.sku}`)).products[0].total_stock).toBe(before + 4);
		await run({ ...params, operation: 'decrementStock', quantity: 1 });
		expect((await control('GET', `/products?shop_id=${SHOP}&sku=${product.sku}`)).products[0].total_stock).toBe(before + 3);
	});

	it('Inventory → Update Price', async () => {
		const [product] = (await control('GET', `/products?shop_id=${SHOP}&limit=80`)).products.filter((p: IDataObject) => p.sku && p.status === 1).slice(20, 21);
		await run({ resource: 'inventory', operation: 'updatePrice', shop: rl(''), identifyBy: 'productId', productId: String(product.product_id), newPrice: 99000, warehouseId: '', options: {} });
		expect((await control('GET', `/products?product_id=${product.product_id}`)).products[0].price).toBe(99000);
	});

	it('Category, Shop, Logistic operations and pickers', async () => {
		const leaves = await run({ resource: 'category', operation: 'getAllCategories', keyword: '', output: 'leaves' });
		expect(leaves[0].json).toMatchObject({ id: expect.any(String), path: expect.stringContaining(' > ') });
		const shops = await run({ resource: 'shop', operation: 'getShopInfo', shopId: '' });
		expect(shops.map((s) => s.json.shop_id).sort()).toEqual([479066, 479573]);
		const showcases = await run({ resource: 'shop', operation: 'getShowcase', shop: rl(''), hideZero: false });
		expect(showcases.length).toBeGreaterThan(0);
		const couriers = await run({ resource: 'logistic', operation: 'getShipmentInfo', shop: rl('') });
		expect(couriers[0].json).toHaveProperty('shipper_name');
		const active = await run({ resource: 'logistic', operation: 'getActiveCourier', shop: rl('') });
		expect(active[0].json).toMatchObject({ shipment_name: expect.any(String), shipping_product_id: expect.any(Number) });
		const ctx = fakeContext({ parameters: { shop: rl('') }, credentials }) as never;
		expect((await listSearch.shopSearch.call(ctx)).results).toHaveLength(2);
		expect((await listSearch.showcaseSearch.call(ctx)).results.length).toBeGreaterThan(0);
		expect((await listSearch.courierSearch.call(ctx)).results.length).toBeGreaterThan(0);
	});

	it('Webhook → Register changes only its own URLs and Get Registered never shows the secret', async () => {
		await run({ resource: 'webhook', operation: 'registerWebhook', urls: { order_status_url: 'https://erp.example/status' }, keepOthers: true, secretSource: 'credential' });
		await run({ resource: 'webhook', operation: 'registerWebhook', urls: { order_notification_url: 'https://erp.example/new' }, keepOthers: true, secretSource: 'credential' });
		const got = await run({ resource: 'webhook', operation: 'getRegisteredWebhook' });
		expect(got[0].json).toMatchObject({ order_status_url: 'https://erp.example/status', order_notification_url: 'https://erp.example/new', webhook_secret_set: true });
		expect(JSON.stringify(got)).not.toContain('whsec-test');
	});

	it('Webhook → Register keeps the secret another system registered unless Replace Registered Secret is on, and offers the campaign URL', async () => {
		const registered = () => sandbox.tokopedia.state.webhooks.get(13004) as Record<string, string>;
		await run({ resource: 'webhook', operation: 'registerWebhook', urls: { order_status_url: 'https://erp.example/status' }, keepOthers: true, secretSource: 'custom', secret: 'other-system-secret', replaceSecret: true });
		expect(registered().webhook_secret).toBe('other-system-secret');
		await run({ resource: 'webhook', operation: 'registerWebhook', urls: { campaign_notification_url: 'https://erp.example/campaign' }, keepOthers: true, secretSource: 'credential' });
		expect(registered()).toMatchObject({ webhook_secret: 'other-system-secret', campaign_notification_url: 'https://erp.example/campaign', order_status_url: 'https://erp.example/status' });
		await run({ resource: 'webhook', operation: 'registerWebhook', urls: {}, keepOthers: true, secretSource: 'credential', replaceSecret: true });
		expect(registered().webhook_secret).not.toBe('other-system-secret');
		expect(registered().webhook_secret).toBeTruthy();
	});

	it('Inventory → Reconcile finds injected drift, corrects it, and a second run matches', async () => {
		const all = await run({ resource: 'product', operation: 'getAllProducts', shop: rl(''), returnAll: true });
		const erp = all
			.filter((p) => (p.json.other as IDataObject).sku && ((p.json.warehouses as IDataObject[]) ?? []).length > 0 && (p.json.basic as IDataObject).status === 1)
			.map((p) => ({ sku: String((p.json.other as IDataObject).sku), stock: Number((((p.json.warehouses as IDataObject[])[0].stock) as IDataObject).value) }));
		const drift = (await control('POST', '/products/drift', { shop_id: SHOP, count: 12 })).changes as IDataObject[];
		const drifted = new Set(drift.map((c) => String(c.sku)));
		const params = (apply: boolean) => (i: number) => ({
			resource: 'inventory',
			operation: 'reconcileInventory',
			shop: rl(''),
			erpSku: erp[i].sku,
			erpQuantity: erp[i].stock,
			erpWarehouse: '',
			applyCorrections: apply,
			options: {},
		});
		const items = erp.map((row) => ({ json: row }));
		const dry = await run(params(false), { items });
		const mismatches = dry.filter((o) => o.json.status === 'mismatch').map((o) => String(o.json.sku));
		expect(new Set(mismatches)).toEqual(new Set([...drifted].filter((sku) => erp.some((row) => row.sku === sku))));
		const fixed = await run(params(true), { items });
		expect(fixed.at(-1)!.json).toMatchObject({ corrected: mismatches.length, correction_failed: 0 });
		expect((await run(params(false), { items })).at(-1)!.json).toMatchObject({ mismatch: 0 });
	});

	it('Webhook → two registrations at the same time both keep their URL (Tokopedia replaces the whole set)', async () => {
		await Promise.all([
			run({ resource: 'webhook', operation: 'registerWebhook', urls: { order_cancellation_url: 'https://a.example/c' }, keepOthers: true, secretSource: 'credential' }),
			run({ resource: 'webhook', operation: 'registerWebhook', urls: { product_changes_url: 'https://b.example/p' }, keepOthers: true, secretSource: 'credential' }),
		]);
		const got = (await run({ resource: 'webhook', operation: 'getRegisteredWebhook' }))[0].json;
		expect(got).toMatchObject({ order_cancellation_url: 'https://a.example/c', product_changes_url: 'https://b.example/p' });
	});

	it('renews an expired token once and goes on', async () => {
		const before = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data.tokopedia.tokenGrants;
		await control('POST', '/tokens/expire');
		await run({ resource: 'shop', operation: 'getShopInfo', shopId: String(SHOP) });
		expect((await axios.get(`${sandbox.url}/_sandbox/stats`)).data.tokopedia.tokenGrants).toBe(before + 1);
	});

	it('names the shop that is not linked', async () => {
		await expect(run({ resource: 'product', operation: 'getAllProducts', shop: rl('1707045', 'id'), returnAll: false, limit: 1 })).rejects.toThrow(
			/Tokopedia error RBAC_MDLW_001/,
		);
	});
});
