/**
 * The TikTok Shop node against the sandbox over real HTTP, every operation, with n8n core's
 * credential handling emulated by test/helpers/context (preAuthentication, signing, 401 retry).
 */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router } from '../../../nodes/TikTokShop/actions/router';
import * as listSearch from '../../../nodes/TikTokShop/methods/listSearch';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

let sandbox: Sandbox;
let credentials: CredentialStore;
let shops: Array<{ id: string; cipher: string; name: string }>;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 7 });
	credentials = credentialStore({
		appKey: SANDBOX_APP_KEY,
		appSecret: SANDBOX_APP_SECRET,
		refreshToken: SANDBOX_REFRESH_TOKEN,
		authCode: '',
		shopCipher: '',
		apiBaseUrl: sandbox.url,
		authBaseUrl: sandbox.url,
	});
	shops = (await control('GET', '/tiktokshop/shops')).shops;
});
afterAll(async () => await sandbox.close());

async function control(method: string, path: string, body?: unknown) {
	const response = await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data: body });
	return response.data;
}

async function run(parameters: IDataObject | ((i: number) => IDataObject), extra: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) {
	const ctx = fakeContext({ parameters, credentials, ...extra });
	return (await router.call(ctx))[0];
}

async function newOrder(body: IDataObject = {}) {
	const created = await control('POST', '/tiktokshop/orders', { shop_id: shops[0].id, ...body });
	return created.orders[0] as { order: IDataObject & { id: string }; packages: Array<{ id: string }> };
}

const shop0 = () => rl(shops[0].cipher);

describe('TikTok Shop node against the sandbox', () => {
	it('Shop → Get Authorized Shops lists both sandbox shops with their ciphers', async () => {
		const out = await run({ resource: 'shop', operation: 'getAuthorizedShops' });
		expect(out.map((item) => item.json.cipher).sort()).toEqual(shops.map((s) => s.cipher).sort());
		expect(credentials.data.accessToken).toMatch(/^TTP_/);
	});

	it('Order → Get Many follows every page and matches the sandbox count', async () => {
		const inShop = [...sandbox.tikTokShop.state.orders.values()].filter(
			(order) => sandbox.tikTokShop.state.orderMeta.get(order.id)?.shopId === shops[0].id,
		);
		const expected = inShop.length;
		expect(expected).toBeGreaterThan(500);
		const out = await run({ resource: 'order', operation: 'getOrderList', shop: shop0(), returnAll: true, filters: {}, sort: {} });
		expect(out).toHaveLength(expected);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(expected);
	});

	it('Order → Get fetches more than 50 orders by id', async () => {
		const page = await run({ resource: 'order', operation: 'getOrderList', shop: shop0(), returnAll: false, limit: 70 });
		const ids = page.map((item) => item.json.id as string);
		const out = await run({ resource: 'order', operation: 'getOrderDetail', shop: shop0(), orderIds: ids.join(',') });
		expect(out.map((item) => item.json.id)).toEqual(ids);
	});

	it('Order → Cancel cancels the order in the sandbox and restores its stock', async () => {
		const { order } = await newOrder();
		const line = (order.line_items as IDataObject[])[0];
		const skuBefore = (await control('GET', `/tiktokshop/skus?sku_id=${line.sku_id}`)).skus[0];
		const out = await run({
			resource: 'order',
			operation: 'cancelOrder',
			shop: shop0(),
			orderId: order.id,
			cancelReason: 'seller_cancel_reason_out_of_stock',
			orderLineItemIds: '',
		});
		expect(out[0].json).toMatchObject({ order_id: order.id, cancel_status: 'CANCELLATION_REQUEST_COMPLETE' });
		const after = await control('GET', `/tiktokshop/orders/${order.id}`);
		expect(after.order.status).toBe('CANCELLED');
		const skuAfter = (await control('GET', `/tiktokshop/skus?sku_id=${line.sku_id}`)).skus[0];
		const total = (sku: { inventory: Array<{ quantity: number }> }) => sku.inventory.reduce((sum, w) => sum + w.quantity, 0);
		const units = (order.line_items as IDataObject[]).filter((l) => l.sku_id === line.sku_id).length;
		expect(total(skuAfter)).toBe(total(skuBefore) + units);
	});

	it('Package → Ship (pickup), Get, Get Shipping Document and Get Tracking follow one parcel', async () => {
		const { order, packages } = await newOrder();
		const packageId = packages[0].id;
		await run({ resource: 'package', operation: 'shipPackage', shop: shop0(), packageId, shippingMode: 'tiktok', handoverMethod: 'PICKUP', pickupSlotStart: '', pickupSlotEnd: '' });
		expect((await control('GET', `/tiktokshop/orders/${order.id}`)).order.status).toBe('AWAITING_COLLECTION');

		const detail = await run({ resource: 'package', operation: 'getPackageDetail', shop: shop0(), packageId });
		expect(detail[0].json).toMatchObject({ package_id: packageId, handover_method: 'PICKUP' });

		const label = await run({
			resource: 'package',
			operation: 'getPackageShippingDocument',
			shop: shop0(),
			packageId,
			documentType: 'SHIPPING_LABEL',
			documentSize: 'A6',
			documentFormat: 'PDF',
			binaryPropertyName: 'data',
		});
		const pdf = Buffer.from(label[0].binary!.data.data, 'base64');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain(packageId);
		expect(label[0].json.tracking_number).toBeTruthy();

		await control('POST', `/tiktokshop/orders/${order.id}/advance`, {});
		const tracking = await run({ resource: 'package', operation: 'getTracking', shop: shop0(), orderId: order.id });
		expect((tracking[0].json.tracking as IDataObject[]).length).toBeGreaterThan(0);
	});

	it('Package → Get Many returns shipped packages page by page', async () => {
		const out = await run({ resource: 'package', operation: 'searchPackage', shop: shop0(), returnAll: false, limit: 75, filters: {}, sort: {} });
		expect(out).toHaveLength(75);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(75);
		const processing = await run({ resource: 'package', operation: 'searchPackage', shop: shop0(), returnAll: true, filters: { package_status: 'PROCESSING' }, sort: {} });
		expect(processing.length).toBeGreaterThan(0);
		expect(processing.every((item) => item.json.status === 'PROCESSING')).toBe(true);
	});

	it('Package → Ship Many ships the good packages and reports the one already shipped', async () => {
		const fresh = await Promise.all([newOrder(), newOrder(), newOrder()]);
		const already = fresh[2].packages[0].id;
		await run({ resource: 'package', operation: 'shipPackage', shop: shop0(), packageId: already, shippingMode: 'tiktok', handoverMethod: 'DROP_OFF' });
		const ids = fresh.map((o) => o.packages[0].id);
		const out = await run(
			(i) => ({ resource: 'package', operation: 'batchShipPackages', shop: shop0(), packageId: ids[i], shippingMode: 'tiktok', handoverMethod: 'DROP_OFF' }),
			{ items: ids.map(() => ({ json: {} })), continueOnFail: true },
		);
		expect(out.map((item) => item.json.shipped)).toEqual([true, true, false]);
		expect(out[2].json.error).toMatch(new RegExp(already));
		for (const order of fresh) {
			expect((await control('GET', `/tiktokshop/orders/${order.order.id}`)).order.status).toBe('AWAITING_COLLECTION');
		}
	});

	it('Package → Mark as Shipped and Update Shipping Info for a seller-shipped order', async () => {
		const { order, packages } = await newOrder({ delivery_option: 'SEND_BY_SELLER' });
		const providers = await listSearch.shippingProviderSearch.call(
			fakeContext({ parameters: { shop: shop0() }, credentials }) as never,
		);
		const provider = providers.results[0].value as string;
		const marked = await run({
			resource: 'package',
			operation: 'markPackageAsShipped',
			shop: shop0(),
			orderId: order.id,
			shippingProvider: rl(provider, 'id'),
			trackingNumber: 'OWN-0001',
			orderLineItemIds: '',
		});
		expect(marked[0].json.order_line_item_ids).toEqual((order.line_items as IDataObject[]).map((l) => l.id));
		expect((await control('GET', `/tiktokshop/orders/${order.id}`)).order.status).toBe('IN_TRANSIT');

		const packageId = (await control('GET', `/tiktokshop/orders/${order.id}`)).packages[0].id ?? packages[0].id;
		await run({ resource: 'package', operation: 'updatePackageShippingInfo', shop: shop0(), packageId, shippingProvider: rl(provider, 'id'), trackingNumber: 'OWN-0002' });
		expect((await control('GET', `/tiktokshop/packages/${packageId}`)).tracking_number).toBe('OWN-0002');
	});

	it('Logistic → warehouses, delivery options and shipping providers chain together', async () => {
		const warehouses = await run({ resource: 'logistics', operation: 'getWarehouseList', shop: shop0() });
		const sales = warehouses.find((w) => w.json.type === 'SALES_WAREHOUSE')!;
		const options = await run({ resource: 'logistics', operation: 'getWarehouseDeliveryOptions', shop: shop0(), warehouse: rl(String(sales.json.id)) });
		expect(options.length).toBeGreaterThan(0);
		const providers = await run({
			resource: 'logistics',
			operation: 'getShippingProviders',
			shop: shop0(),
			warehouse: rl(String(sales.json.id)),
			deliveryOption: rl(String(options[0].json.id)),
		});
		expect(providers[0].json).toMatchObject({ delivery_option_id: String(options[0].json.id), name: expect.any(String) });
	});

	it('list searches feed the pickers', async () => {
		const ctx = fakeContext({ parameters: { shop: shop0(), warehouse: rl('') }, credentials }) as never;
		const shopsFound = await listSearch.shopSearch.call(ctx);
		expect(shopsFound.results).toHaveLength(2);
		const warehousesFound = await listSearch.warehouseSearch.call(ctx);
		expect(warehousesFound.results.length).toBeGreaterThanOrEqual(2);
		const optionsFound = await listSearch.deliveryOptionSearch.call(ctx, 'send');
		expect(optionsFound.results.every((r) => /SEND_BY_SELLER/i.test(r.name))).toBe(true);
		// two leaves are called "T-shirts": the picker tells them apart by their path
		const shirts = await listSearch.categorySearch.call(ctx, 't-shirts');
		expect(shirts.results.map((r) => [r.name, r.value]).sort()).toEqual([
			["Menswear & Underwear › Men's Tops › T-shirts", '601227'],
			["Womenswear & Underwear › Women's Tops › T-shirts", '601302'],
		]);
		// the search matches a parent's name too
		expect((await listSearch.categorySearch.call(ctx, 'muslim fashion')).results.map((r) => r.name).sort()).toEqual([
			'Womenswear & Underwear › Muslim Fashion › Gamis & Dresses',
			'Womenswear & Underwear › Muslim Fashion › Hijabs',
		]);
	});

	it.each([401, 200])('renews a token that expires mid-run once (105002 with HTTP %i) and the run succeeds', async (status) => {
		await control('POST', '/config', { expiredTokenHttpStatus: status });
		const before = (await control('GET', '/stats')).tiktokshop.tokenRefreshes;
		await control('POST', '/tiktokshop/tokens/expire');
		const out = await run({ resource: 'order', operation: 'getOrderList', shop: shop0(), returnAll: false, limit: 5 });
		expect(out).toHaveLength(5);
		expect((await control('GET', '/stats')).tiktokshop.tokenRefreshes).toBe(before + 1);
		await control('DELETE', '/config');
	});

	it('rides out rate limiting on a Return All', async () => {
		await control('POST', '/config', { routes: { 'POST /order/202309/orders/search': { qps: 2, burst: 1 } } });
		const out = await run({ resource: 'order', operation: 'getOrderList', shop: shop0(), returnAll: false, limit: 400, filters: {} });
		expect(out).toHaveLength(400);
		expect((await control('GET', '/stats')).rateLimited).toBeGreaterThan(0);
		await control('DELETE', '/config');
	}, 120_000);
});
