/** TikTok Shop products, inventory, prices, after-sales, webhooks, promotions and reconciliation against the sandbox. */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router } from '../../../nodes/TikTokShop/actions/router';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let credentials: CredentialStore;
let cipher: string;
let shopId: string;

const control = async (method: string, path: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data })).data;

async function run(parameters: IDataObject | ((i: number) => IDataObject), extra: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) {
	return (await router.call(fakeContext({ parameters, credentials, ...extra })))[0];
}

/** Active products of the shop with their SKUs, from the sandbox's own state. */
async function activeProducts(count: number) {
	const found = await run({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: false, limit: 200, filters: { status: 'ACTIVATE' } });
	const locked = new Set(((await control('GET', `/tiktokshop/promotions?shop_id=${shopId}`)).activities ?? []).flatMap((a: IDataObject) => ((a.products as IDataObject[]) ?? []).map((p) => String(p.id))));
	return found.map((item) => item.json).filter((p) => !locked.has(String(p.id))).slice(0, count);
}

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 5 });
	credentials = credentialStore({
		appKey: SANDBOX_APP_KEY,
		appSecret: SANDBOX_APP_SECRET,
		refreshToken: SANDBOX_REFRESH_TOKEN,
		shopCipher: '',
		apiBaseUrl: sandbox.url,
		authBaseUrl: sandbox.url,
	});
	const shops = (await control('GET', '/tiktokshop/shops')).shops;
	cipher = shops[0].cipher;
	shopId = shops[0].id;
});
afterAll(async () => await sandbox.close());

describe('TikTok Shop catalog and after-sales against the sandbox', () => {
	it('Product → Get Many over pages, Get, and the 10,000-result cap explained', async () => {
		const page = await run({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: false, limit: 150, filters: { status: 'ALL' } });
		expect(page).toHaveLength(150);
		expect(new Set(page.map((p) => p.json.id)).size).toBe(150);
		const detail = await run({ resource: 'product', operation: 'getProduct', shop: rl(cipher), productId: String(page[0].json.id) });
		expect(detail[0].json.id).toBe(page[0].json.id);
		const bySku = await run({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: true, filters: { status: 'ALL', seller_skus: ((page[0].json.skus as IDataObject[]) ?? []).map((s) => s.seller_sku).join(',') } });
		expect(bySku.map((p) => p.json.id)).toContain(page[0].json.id);
	});

	it('Product → Upload Image, Create, Update, Deactivate, Activate, Delete, Recover', async () => {
		// A 1×1 PNG.
		const image = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
		const uploaded = (await router.call(
			fakeContext({
				parameters: { resource: 'product', operation: 'uploadProductImage', binaryPropertyName: 'data', useCase: 'MAIN_IMAGE' },
				credentials,
				items: [{ json: {}, binary: { data: { data: image.toString('base64'), mimeType: 'image/png', fileName: 'kaos.png' } } }],
			}),
		))[0];
		expect(uploaded[0].json.uri).toBeTruthy();
		const categories = await run({ resource: 'product', operation: 'getCategories', shop: rl(cipher), leafOnly: true });
		const category = String(categories[0].json.id);
		expect((await run({ resource: 'product', operation: 'getAttributes', shop: rl(cipher), categoryId: category })).length).toBeGreaterThan(0);
		expect((await run({ resource: 'product', operation: 'getCategoryRules', shop: rl(cipher), categoryId: category }))[0].json).toBeDefined();
		expect((await run({ resource: 'product', operation: 'getBrands', shop: rl(cipher), categoryId: '', brandName: '' })).length).toBeGreaterThan(0);
		const warehouses = await run({ resource: 'logistics', operation: 'getWarehouseList', shop: rl(cipher) });
		const warehouse = String(warehouses.find((w) => w.json.type === 'SALES_WAREHOUSE')!.json.id);
		const created = await run({
			resource: 'product',
			operation: 'createProduct',
			shop: rl(cipher),
			title: 'Kaos Polos Integrasi',
			description: '<p>Kaos katun</p>',
			category: rl(category, 'id'),
			mainImages: String(uploaded[0].json.uri),
			skus: JSON.stringify([{ seller_sku: 'KAOS-INT-1', price: { amount: '45000', currency: 'IDR' }, inventory: [{ warehouse_id: warehouse, quantity: 5 }] }]),
			packageWeight: 0.2,
			additionalJson: '{}',
		});
		const productId = String(created[0].json.product_id);
		expect(productId).toMatch(/^\d+$/);
		await run({ resource: 'product', operation: 'partialEditProduct', shop: rl(cipher), productId, fields: { title: 'Kaos Polos Integrasi v2' }, additionalJson: '{}' });
		expect((await control('GET', `/tiktokshop/products/${productId}`)).product.title).toBe('Kaos Polos Integrasi v2');
		for (const [operation, status] of [['deactivateProducts', 'SELLER_DEACTIVATED'], ['activateProduct', 'ACTIVATE'], ['deleteProducts', 'DELETED'], ['recoverProducts', 'SELLER_DEACTIVATED']] as const) {
			const out = await run({ resource: 'product', operation, shop: rl(cipher), productId });
			expect(out[0].json).toMatchObject({ product_id: productId });
			const state = (await control('GET', `/tiktokshop/products/${productId}`)).product.status;
			if (operation !== 'recoverProducts') expect(state).toBe(status);
		}
	});

	it('Product → Create whose answer is lost after TikTok created it succeeds as recovered, with one product', async () => {
		const categories = await run({ resource: 'product', operation: 'getCategories', shop: rl(cipher), leafOnly: true });
		const warehouses = await run({ resource: 'logistics', operation: 'getWarehouseList', shop: rl(cipher) });
		const warehouse = String(warehouses.find((w) => w.json.type === 'SALES_WAREHOUSE')!.json.id);
		const route = 'POST /product/202309/products';
		const created = (sellerSku: string) => ({
			resource: 'product',
			operation: 'createProduct',
			shop: rl(cipher),
			title: `Kaos Lost Answer ${sellerSku}`,
			description: '<p>Kaos katun</p>',
			category: rl(String(categories[0].json.id), 'id'),
			mainImages: 'tos-alisg-i-sandbox/kaos.png',
			skus: JSON.stringify([{ seller_sku: sellerSku, price: { amount: '45000', currency: 'IDR' }, inventory: [{ warehouse_id: warehouse, quantity: 5 }] }]),
			packageWeight: 0.2,
			additionalJson: '{}',
		});
		const listed = async (sellerSku: string) =>
			(await run({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: true, filters: { status: 'ALL', seller_skus: sellerSku } })).map((p) => p.json);
		try {
			await control('POST', '/config', { routes: { [route]: { fault: { status: 'apply-drop', count: 1 } } } });
			const out = await run(created('KAOS-LOST-1'));
			const [product] = await listed('KAOS-LOST-1');
			expect(await listed('KAOS-LOST-1')).toHaveLength(1);
			expect(out[0].json).toMatchObject({ product_id: product.id, recovered: true, title: 'Kaos Lost Answer KAOS-LOST-1' });
			expect(out[0].json.skus).toEqual([expect.objectContaining({ id: ((product.skus as IDataObject[])[0]).id, seller_sku: 'KAOS-LOST-1' })]);

			// dropped before TikTok read it: nothing was created, and nothing is sent again blindly
			await control('POST', '/config', { routes: { [route]: { fault: { status: 'drop', count: 1 } } } });
			const lost = await run(created('KAOS-LOST-2'), { continueOnFail: true });
			expect(String(lost[0].json.error)).toMatch(/Create Product "Kaos Lost Answer KAOS-LOST-2": outcome unknown, not sent again/);
			expect(await listed('KAOS-LOST-2')).toHaveLength(0);
		} finally {
			await control('DELETE', '/config');
		}
	});

	it('Product batch actions report the ids TikTok refuses on their own item', async () => {
		const [product] = await activeProducts(1);
		const out = await run((i) => ({ resource: 'product', operation: 'activateProduct', shop: rl(cipher), productId: i === 0 ? String(product.id) : '999999999999' }), {
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(out[0].json).toMatchObject({ product_id: String(product.id), activated: true });
		expect(out[1].json).toMatchObject({ product_id: '999999999999', activated: false });
		expect(String(out[1].json.error)).toMatch(/999999999999/);
	});

	it('Inventory → Update Stock by seller SKU across warehouses; unknown SKUs fail alone; applied once', async () => {
		const products = await activeProducts(20);
		const rows: Array<{ sku: string; stock: number; warehouse?: string }> = [];
		for (const product of products) {
			for (const sku of (product.skus as IDataObject[]) ?? []) {
				const inventory = (sku.inventory as IDataObject[]) ?? [];
				rows.push({ sku: String(sku.seller_sku), stock: 7 + (rows.length % 5), warehouse: inventory.length > 1 ? String(inventory[1].warehouse_id) : undefined });
			}
		}
		rows.push({ sku: 'NOPE-1', stock: 1 });
		const out = await run(
			(i) => ({ resource: 'inventory', operation: 'updateInventory', shop: rl(cipher), identifyBy: 'sellerSku', sellerSku: rows[i].sku, quantity: rows[i].stock, warehouseId: rows[i].warehouse ?? '', options: { concurrency: 3 } }),
			{ items: rows.map((r) => ({ json: r })), continueOnFail: true },
		);
		expect(out).toHaveLength(rows.length);
		expect(out.at(-1)!.json.error).toMatch(/seller SKU "NOPE-1" does not exist/);
		const applied = out.filter((o) => o.json.applied === true);
		expect(applied.length).toBe(rows.length - 1);
		const log = (await control('GET', `/tiktokshop/inventory-log?shop_id=${shopId}&source=api_update`)).entries as IDataObject[];
		for (const row of rows.slice(0, -1).slice(0, 15)) {
			const entries = log.filter((e) => e.seller_sku === row.sku && e.after === row.stock && (!row.warehouse || e.warehouse_id === row.warehouse));
			expect(entries.length).toBe(1);
		}
		const search = await run({ resource: 'inventory', operation: 'searchInventory', shop: rl(cipher), searchBy: 'productIds', ids: String(products[0].id) });
		expect(search[0].json.product_id).toBe(String(products[0].id));
	});

	it('Price → Update Price, and the promotion lock explained', async () => {
		const [product] = await activeProducts(1);
		const sku = String(((product.skus as IDataObject[])[0]).seller_sku);
		const ok = await run({ resource: 'price', operation: 'updatePrice', shop: rl(cipher), identifyBy: 'sellerSku', sellerSku: sku, price: '51000', currency: 'IDR', options: {} });
		expect(ok[0].json).toMatchObject({ applied: true, price: '51000' });
		const locked = (await control('GET', `/tiktokshop/promotions?shop_id=${shopId}`)).activities.find((a: IDataObject) => a.status === 'ONGOING');
		const lockedProduct = await run({ resource: 'product', operation: 'getProduct', shop: rl(cipher), productId: String((locked.products as IDataObject[])[0].id) });
		const lockedSku = String(((lockedProduct[0].json.skus as IDataObject[])[0]).seller_sku);
		await expect(
			run({ resource: 'price', operation: 'updatePrice', shop: rl(cipher), identifyBy: 'sellerSku', sellerSku: lockedSku, price: '1000', currency: 'IDR', options: {} }),
		).rejects.toThrow(/12019045/);
	});

	it('Cancellation → Get Many, Approve, Reject twice (the second is a no-op)', async () => {
		const orders = await run({ resource: 'order', operation: 'getOrderList', shop: rl(cipher), returnAll: false, limit: 2, filters: { order_status: 'AWAITING_SHIPMENT' }, sort: {} });
		const approveReq = (await control('POST', '/tiktokshop/cancellations', { order_id: orders[0].json.id })).cancellation;
		const rejectReq = (await control('POST', '/tiktokshop/cancellations', { order_id: orders[1].json.id })).cancellation;
		const pending = await run({ resource: 'cancellation', operation: 'searchCancellations', shop: rl(cipher), returnAll: true, filters: { cancel_status: ['CANCELLATION_REQUEST_PENDING'] } });
		expect(pending.map((p) => p.json.cancel_id)).toEqual(expect.arrayContaining([approveReq.cancel_id, rejectReq.cancel_id]));
		await run({ resource: 'cancellation', operation: 'approveCancellation', shop: rl(cipher), cancelId: approveReq.cancel_id });
		expect((await control('GET', `/tiktokshop/orders/${String(orders[0].json.id)}`)).order.status).toBe('CANCELLED');
		const params = { resource: 'cancellation', operation: 'rejectCancellation', shop: rl(cipher), cancelId: rejectReq.cancel_id, rejectReason: 'seller_reject_apply_product_has_been_packed', comment: 'Sudah dikemas' };
		const first = await run(params);
		const second = await run(params);
		expect(second[0].json.idempotency_key).toBe(first[0].json.idempotency_key);
		expect(first[0].json).not.toHaveProperty('already_rejected');
		expect(second[0].json).toMatchObject({ rejected: true, already_rejected: true });
		// Approving what was rejected is refused with the reason, not reported as done.
		await expect(run({ resource: 'cancellation', operation: 'approveCancellation', shop: rl(cipher), cancelId: rejectReq.cancel_id })).rejects.toThrow(/already CANCELLATION_REQUEST_CANCEL/);
		const again = await run({ resource: 'cancellation', operation: 'approveCancellation', shop: rl(cipher), cancelId: approveReq.cancel_id });
		expect(again[0].json).toMatchObject({ approved: true, already_approved: true });
		expect((await control('GET', `/tiktokshop/orders/${String(orders[1].json.id)}`)).order.status).toBe('AWAITING_SHIPMENT');
	});

	it('Return → Get Many, Approve, Reject', async () => {
		const delivered = await run({ resource: 'order', operation: 'getOrderList', shop: rl(cipher), returnAll: false, limit: 2, filters: { order_status: 'DELIVERED' }, sort: {} });
		const a = (await control('POST', '/tiktokshop/returns', { order_id: delivered[0].json.id, return_type: 'REFUND' })).return;
		const b = (await control('POST', '/tiktokshop/returns', { order_id: delivered[1].json.id, return_type: 'REFUND' })).return;
		const found = await run({ resource: 'return', operation: 'searchReturns', shop: rl(cipher), returnAll: true, filters: { order_ids: `${String(delivered[0].json.id)},${String(delivered[1].json.id)}` } });
		expect(found.map((r) => r.json.return_id)).toEqual(expect.arrayContaining([a.return_id, b.return_id]));
		const approved = await run({ resource: 'return', operation: 'approveReturn', shop: rl(cipher), returnId: a.return_id, decision: 'APPROVE_REFUND' });
		expect(approved[0].json.decision).toBe('APPROVE_REFUND');
		await run({ resource: 'return', operation: 'rejectReturn', shop: rl(cipher), returnId: b.return_id, decision: 'REJECT_REFUND', rejectReason: 'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', comment: '' });
		const states = (await control('GET', `/tiktokshop/returns?order_id=${String(delivered[1].json.id)}`)).returns;
		expect(states[0].return_status).toBe('REFUND_OR_RETURN_REQUEST_REJECT');
	});

	it('Webhook Subscription → Set, Get Many, Delete', async () => {
		await run({ resource: 'webhook', operation: 'updateShopWebhook', shop: rl(cipher), eventType: 'PACKAGE_UPDATE', address: 'https://erp.example/tts' });
		const list = await run({ resource: 'webhook', operation: 'getShopWebhooks', shop: rl(cipher) });
		expect(list.map((w) => w.json)).toContainEqual(expect.objectContaining({ event_type: 'PACKAGE_UPDATE', address: 'https://erp.example/tts' }));
		await run({ resource: 'webhook', operation: 'deleteShopWebhook', shop: rl(cipher), eventType: 'PACKAGE_UPDATE' });
		expect((await run({ resource: 'webhook', operation: 'getShopWebhooks', shop: rl(cipher) })).map((w) => w.json.event_type)).not.toContain('PACKAGE_UPDATE');
	});

	it('Promotion → Create, Update, Add Products, Get, Get Many, Remove Products, Deactivate', async () => {
		const [product] = await activeProducts(1);
		const begin = new Date(Date.now() + 3600_000).toISOString();
		const end = new Date(Date.now() + 7 * 86400_000).toISOString();
		const created = await run({ resource: 'promotion', operation: 'createActivity', shop: rl(cipher), title: `Flash ${Date.now()}`, activityType: 'DIRECT_DISCOUNT', beginTime: begin, endTime: end, productLevel: 'PRODUCT' });
		const activityId = String(created[0].json.activity_id);
		await run({ resource: 'promotion', operation: 'updateActivity', shop: rl(cipher), activityId, fields: { title: `Flash renamed ${Date.now()}` } });
		await run({ resource: 'promotion', operation: 'updateActivityProduct', shop: rl(cipher), activityId, products: JSON.stringify([{ id: String(product.id), discount: '10', quantity_limit: -1, quantity_per_user: -1 }]) });
		const got = await run({ resource: 'promotion', operation: 'getActivity', shop: rl(cipher), activityId });
		expect(JSON.stringify(got[0].json)).toContain(String(product.id));
		const many = await run({ resource: 'promotion', operation: 'searchActivities', shop: rl(cipher), returnAll: true, filters: {} });
		expect(many.map((a) => String(a.json.id ?? a.json.activity_id))).toContain(activityId);
		await run({ resource: 'promotion', operation: 'removeActivityProduct', shop: rl(cipher), activityId, productIds: String(product.id), skuIds: '' });
		await run({ resource: 'promotion', operation: 'deactivateActivity', shop: rl(cipher), activityId });
		expect((await run({ resource: 'promotion', operation: 'getActivity', shop: rl(cipher), activityId }))[0].json.status).toBe('DEACTIVATED');
	});

	it('Seller → Get Permissions', async () => {
		const out = await run({ resource: 'seller', operation: 'getSellerPermissions' });
		expect(out[0].json.permissions).toEqual(expect.arrayContaining(['seller.order.info']));
	});

	it('Inventory → Reconcile: dry run reports the drift, corrections remove it, a second run matches', async () => {
		const products = await activeProducts(30);
		const singles = products.flatMap((p) => ((p.skus as IDataObject[]) ?? []).filter((s) => ((s.inventory as IDataObject[]) ?? []).length === 1));
		const erp = singles.map((sku, k) => ({ sku: String(sku.seller_sku), stock: k % 4 === 0 ? Number(((sku.inventory as IDataObject[])[0]).quantity) + 3 : Number(((sku.inventory as IDataObject[])[0]).quantity) }));
		erp.push({ sku: 'ERP-ONLY', stock: 2 });
		const params = (apply: boolean) => (i: number) => ({ resource: 'inventory', operation: 'reconcileInventory', shop: rl(cipher), erpSku: erp[i].sku, erpQuantity: erp[i].stock, erpWarehouse: '', applyCorrections: apply, options: { ignoreInactive: true } });
		const items = erp.map((row) => ({ json: row }));
		const dry = await run(params(false), { items });
		const summary = dry.at(-1)!.json;
		const drifted = erp.filter((_, k) => k < singles.length && k % 4 === 0).length;
		expect(summary).toMatchObject({ summary: true, mismatch: drifted, missingOnMarketplace: 1, dry_run: true });
		expect(dry.filter((o) => o.json.status === 'mismatch').every((o) => o.json.correction === 'dryRun' && o.json.difference === -3)).toBe(true);
		const applied = await run(params(true), { items });
		expect(applied.at(-1)!.json).toMatchObject({ corrected: drifted, correction_failed: 0 });
		const again = await run(params(false), { items });
		expect(again.at(-1)!.json).toMatchObject({ mismatch: 0 });
	});
});
