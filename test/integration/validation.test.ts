/**
 * No silent loss, no poisoned batch, bad input caught before sending: both nodes against the
 * sandbox, asserting the requests the marketplace receives and the state it ends in.
 */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { idempotencyKey } from '../../nodes/TikTokShop/actions/cancellation/shared';
import { router as tikTokShopRouter } from '../../nodes/TikTokShop/actions/router';
import { router as tokopediaRouter } from '../../nodes/Tokopedia/actions/router';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../sandbox/tiktokshop/constants';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../sandbox/tokopedia/constants';
import type { CredentialStore, SentRequest } from '../helpers/context';
import { credentialStore, fakeContext, rl } from '../helpers/context';

jest.setTimeout(120_000);

const SHOP = 479066;
const MAIN_WAREHOUSE = '8402620';
let sandbox: Sandbox;
let tokopedia: CredentialStore;
let tikTokShop: CredentialStore;
let cipher: string;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 13 });
	tokopedia = credentialStore(
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
	tikTokShop = credentialStore({
		appKey: SANDBOX_APP_KEY,
		appSecret: SANDBOX_APP_SECRET,
		refreshToken: SANDBOX_REFRESH_TOKEN,
		authCode: '',
		shopCipher: '',
		apiBaseUrl: sandbox.url,
		authBaseUrl: sandbox.url,
	});
	cipher = (await control('GET', '/tiktokshop/shops')).shops[0].cipher;
});
afterAll(async () => await sandbox.close());

async function control(method: string, path: string, data?: unknown) {
	return (await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data })).data;
}

interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	runIndex?: number;
	sent?: SentRequest[];
}

async function runTokopedia(parameters: IDataObject | ((i: number) => IDataObject), extra: RunOptions = {}) {
	return (await tokopediaRouter.call(fakeContext({ parameters, credentials: tokopedia, ...extra })))[0];
}

async function runTikTokShop(parameters: IDataObject | ((i: number) => IDataObject), extra: RunOptions = {}) {
	return (await tikTokShopRouter.call(fakeContext({ parameters, credentials: tikTokShop, ...extra })))[0];
}

const apiCalls = (sent: SentRequest[], fragment: string) => sent.filter((request) => request.url.includes(fragment));
const requestIdOf = (request: SentRequest) => request.qs?.request_id as string | undefined;
const bodyOf = (request: SentRequest) => (typeof request.body === 'string' ? JSON.parse(request.body) : request.body) as unknown;

async function tokopediaProducts(count: number, minStock = 0) {
	const products = (await control('GET', `/tokopedia/products?shop_id=${SHOP}&limit=300`)).products as Array<IDataObject & { sku: string; stock: Record<string, number> }>;
	return products.filter((p) => p.sku && p.status === 1 && (p.children as unknown[]).length === 0 && (p.stock[MAIN_WAREHOUSE] ?? 0) >= minStock).slice(0, count);
}

const stockOf = async (sku: string) => ((await control('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${sku}`)).products[0].stock as Record<string, number>)[MAIN_WAREHOUSE];

describe('duplicate guard keys follow the change, not only the execution', () => {
	const decrement = (sku: string, quantity: number) => ({
		resource: 'inventory',
		operation: 'decrementStock',
		shop: rl(''),
		identifyBy: 'sku',
		sku,
		quantity,
		warehouseId: '',
		options: {},
	});

	it('Decrement Stock run once per order in a loop applies every run, also for the same SKU and quantity', async () => {
		const [product] = await tokopediaProducts(1, 10);
		const before = await stockOf(product.sku);
		const sent: SentRequest[] = [];
		// Loop Over Items: run 0 sells 2 units, run 1 sells 3, run 2 another 2 (same SKU and quantity as run 0).
		for (const [runIndex, quantity] of [2, 3, 2].entries()) {
			const out = await runTokopedia(decrement(product.sku, quantity), { runIndex, sent });
			expect(out[0].json).toMatchObject({ applied: true, stock_value: quantity });
		}
		expect(await stockOf(product.sku)).toBe(before - 7);
		const ids = apiCalls(sent, '/stock/decrement').map(requestIdOf);
		expect(ids).toHaveLength(3);
		expect(new Set(ids).size).toBe(3);
	});

	it('a true resend (same execution, same run, same rows) reuses the request_id and is applied once', async () => {
		const [, product] = await tokopediaProducts(2, 10);
		const before = await stockOf(product.sku);
		const sent: SentRequest[] = [];
		await runTokopedia(decrement(product.sku, 4), { runIndex: 5, sent });
		// n8n's Retry On Fail runs the same node run again with the same input.
		await runTokopedia(decrement(product.sku, 4), { runIndex: 5, sent });
		const ids = apiCalls(sent, '/stock/decrement').map(requestIdOf);
		expect(ids).toHaveLength(2);
		expect(ids[0]).toBe(ids[1]);
		expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{20}$/);
		expect(await stockOf(product.sku)).toBe(before - 4);
	});

	it('a different quantity in the same run is a different change with its own request_id', async () => {
		const [, , product] = await tokopediaProducts(3, 10);
		const before = await stockOf(product.sku);
		const sent: SentRequest[] = [];
		await runTokopedia(decrement(product.sku, 1), { sent });
		await runTokopedia(decrement(product.sku, 2), { sent });
		const ids = apiCalls(sent, '/stock/decrement').map(requestIdOf);
		expect(ids[0]).not.toBe(ids[1]);
		expect(await stockOf(product.sku)).toBe(before - 3);
	});

	it('TikTok idempotency keys: a decision repeats its key in every run (it settles a request once), another decision gets its own', async () => {
		const keys = (runIndex: number, reason = 'x') => {
			const ctx = fakeContext({ credentials: tikTokShop, runIndex });
			return idempotencyKey.call(ctx, ['rejectReturn', '4035', { decision: 'REJECT_RETURN', reject_reason: reason }]);
		};
		expect(keys(0)).toBe(keys(0));
		expect(keys(0)).toBe(keys(1));
		expect(keys(0)).not.toBe(keys(0, 'y'));
		expect(keys(0).length).toBeLessThanOrEqual(255);
	});
});

describe('a value the API would refuse for the whole request is refused on its own row', () => {
	it('Tokopedia Update Price: a fraction of a rupiah and a price of 0 fail alone, the rest of the batch is applied', async () => {
		const products = await tokopediaProducts(4);
		const prices = [25000, 11501.15, 30000 * 1.15, 0];
		const sent: SentRequest[] = [];
		const out = await runTokopedia(
			(i) => ({ resource: 'inventory', operation: 'updatePrice', shop: rl(''), identifyBy: 'sku', sku: products[i].sku, newPrice: prices[i], warehouseId: '', options: {} }),
			{ items: products.map((p) => ({ json: p })), continueOnFail: true, sent },
		);
		const requests = apiCalls(sent, '/price/update');
		expect(requests).toHaveLength(1);
		expect(bodyOf(requests[0])).toEqual([
			{ sku: products[0].sku, new_price: 25000 },
			{ sku: products[2].sku, new_price: 34500 },
		]);
		expect(out.map((o) => o.json.applied)).toEqual([true, false, true, false]);
		expect(out[1].json).toMatchObject({ sku: products[1].sku, error: expect.stringContaining('"New Price" must be a whole number of rupiah, got 11501.15: round it') });
		expect(out[3].json.error).toMatch(/"New Price" must be above 0/);
		const priceOf = async (sku: string) => (await control('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${sku}`)).products[0].price;
		expect(await priceOf(products[0].sku)).toBe(25000);
		expect(await priceOf(products[2].sku)).toBe(34500);
	});

	it('the sandbox refuses a whole Tokopedia request holding one fraction, as Tokopedia does', async () => {
		const [a, b] = await tokopediaProducts(2);
		const token = (await axios.post(`${sandbox.url}/token?grant_type=client_credentials`, undefined, {
			auth: { username: TOKOPEDIA_CLIENT_ID, password: TOKOPEDIA_CLIENT_SECRET },
		})).data.access_token;
		const response = await axios.post(
			`${sandbox.url}/inventory/v1/fs/${TOKOPEDIA_FS_ID}/price/update?shop_id=${SHOP}`,
			[{ sku: a.sku, new_price: 20000 }, { sku: b.sku, new_price: 13224.5 }],
			{ headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true },
		);
		expect(response.status).toBe(400);
		expect(JSON.stringify(response.data)).toMatch(/cannot unmarshal number 13224.5/);
	});

	it('Tokopedia stock: fractional and negative quantities are refused before sending', async () => {
		const [product] = await tokopediaProducts(1);
		const sent: SentRequest[] = [];
		const quantities = [2.5, -1];
		const out = await runTokopedia(
			(i) => ({ resource: 'inventory', operation: 'incrementStock', shop: rl(''), identifyBy: 'sku', sku: product.sku, quantity: quantities[i], warehouseId: '', options: {} }),
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true, sent },
		);
		expect(apiCalls(sent, '/stock/')).toHaveLength(0);
		expect(out[0].json.error).toMatch(/"Quantity" must be a whole number of units, got 2.5/);
		expect(out[1].json.error).toMatch(/"Quantity" must be at least 1, got -1/);
	});

	it('TikTok Update Stock: a quantity above 99,999 fails alone, the other SKUs of the product are applied', async () => {
		const found = await runTikTokShop({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: false, limit: 100, filters: { status: 'ACTIVATE' } });
		const product = found
			.map((item) => item.json)
			.find((p) => (p.skus as IDataObject[]).length >= 3 && (p.skus as IDataObject[]).every((s) => (s.inventory as IDataObject[]).length === 1))!;
		const skus = (product.skus as IDataObject[]).slice(0, 3).map((s) => String(s.seller_sku));
		const quantities = [11, 100000, 13];
		const sent: SentRequest[] = [];
		const out = await runTikTokShop(
			(i) => ({ resource: 'inventory', operation: 'updateInventory', shop: rl(cipher), identifyBy: 'sellerSku', sellerSku: skus[i], quantity: quantities[i], warehouseId: '', options: {} }),
			{ items: skus.map((sku) => ({ json: { sku } })), continueOnFail: true, sent },
		);
		const updates = apiCalls(sent, '/inventory/update');
		expect(updates).toHaveLength(1);
		const body = bodyOf(updates[0]) as { skus: Array<{ inventory: Array<{ quantity: number }> }> };
		expect(body.skus.map((s) => s.inventory[0].quantity)).toEqual([11, 13]);
		expect(out.map((o) => o.json.applied)).toEqual([true, undefined, true]);
		expect(out[1].json.error).toMatch(/"Quantity" must be at most 99999, got 100000/);
		const detail = (await runTikTokShop({ resource: 'product', operation: 'getProduct', shop: rl(cipher), productId: String(product.id) }))[0].json;
		const quantityOf = (sku: string) => (((detail.skus as IDataObject[]).find((s) => s.seller_sku === sku)!.inventory as IDataObject[])[0].quantity);
		expect([quantityOf(skus[0]), quantityOf(skus[2])]).toEqual([11, 13]);
	});

	it('TikTok Update Price: a price of "0" fails alone, the other SKU of the product is applied', async () => {
		const found = await runTikTokShop({ resource: 'product', operation: 'searchProducts', shop: rl(cipher), returnAll: false, limit: 100, filters: { status: 'ACTIVATE' } });
		const locked = new Set(
			((await control('GET', `/tiktokshop/promotions?shop_id=${(await control('GET', '/tiktokshop/shops')).shops[0].id}`)).activities ?? []).flatMap((a: IDataObject) =>
				((a.products as IDataObject[]) ?? []).map((p) => String(p.id)),
			),
		);
		const product = found.map((item) => item.json).find((p) => (p.skus as IDataObject[]).length >= 2 && !locked.has(String(p.id)))!;
		const skus = (product.skus as IDataObject[]).slice(0, 2).map((s) => String(s.seller_sku));
		const prices = ['0', 45000 * 1.15];
		const sent: SentRequest[] = [];
		const out = await runTikTokShop(
			(i) => ({ resource: 'price', operation: 'updatePrice', shop: rl(cipher), identifyBy: 'sellerSku', sellerSku: skus[i], price: prices[i], currency: 'IDR', options: {} }),
			{ items: skus.map((sku) => ({ json: { sku } })), continueOnFail: true, sent },
		);
		const updates = apiCalls(sent, '/prices/update');
		expect(updates).toHaveLength(1);
		expect((bodyOf(updates[0]) as { skus: unknown }).skus).toEqual([{ id: expect.any(String), price: { amount: '51750', currency: 'IDR' } }]);
		expect(out[0].json.error).toMatch(/"Price" must be above 0/);
		expect(out[1].json).toMatchObject({ applied: true, price: '51750' });
	});
});

describe('bad input is caught before anything is sent', () => {
	it('TikTok Ship Package with an empty Package ID sends no POST /packages//ship', async () => {
		const sent: SentRequest[] = [];
		const out = await runTikTokShop(
			{ resource: 'package', operation: 'shipPackage', shop: rl(cipher), packageId: '', shippingMode: 'tiktok', handoverMethod: 'DROP_OFF' },
			{ continueOnFail: true, sent },
		);
		expect(out[0].json.error).toMatch(/"Package ID" is empty/);
		expect(apiCalls(sent, '/packages/')).toHaveLength(0);
	});

	it('TikTok Ship Package refuses a pickup slot that ends before it starts', async () => {
		const sent: SentRequest[] = [];
		const out = await runTikTokShop(
			{
				resource: 'package',
				operation: 'shipPackage',
				shop: rl(cipher),
				packageId: '1152921504832210000',
				shippingMode: 'tiktok',
				handoverMethod: 'PICKUP',
				pickupSlotStart: '2026-12-06T12:00:00Z',
				pickupSlotEnd: '2026-12-06T10:00:00Z',
			},
			{ continueOnFail: true, sent },
		);
		expect(out[0].json.error).toMatch(/"Pickup Slot End" must be after "Pickup Slot Start"/);
		expect(apiCalls(sent, '/packages/')).toHaveLength(0);
	});

	it('TikTok Cancel Order refuses a cancel reason an expression made up', async () => {
		const sent: SentRequest[] = [];
		const out = await runTikTokShop(
			{ resource: 'order', operation: 'cancelOrder', shop: rl(cipher), orderId: '576461413038785752', cancelReason: 'out_of_stock', orderLineItemIds: '' },
			{ continueOnFail: true, sent },
		);
		expect(out[0].json.error).toMatch(/"Cancel Reason" must be one of seller_cancel_paid_reason_buyer_requested_cancellation, .*got "out_of_stock"/);
		expect(apiCalls(sent, '/cancellations')).toHaveLength(0);
	});

	it('a limit below 1 and a non-numeric shop or warehouse are refused with the field named', async () => {
		const sent: SentRequest[] = [];
		const limit = await runTikTokShop({ resource: 'order', operation: 'getOrderList', shop: rl(cipher), returnAll: false, limit: 0, filters: {}, sort: {} }, { continueOnFail: true, sent });
		expect(limit[0].json.error).toMatch(/"Limit" must be a whole number of 1 or more, got 0/);
		const [product] = await tokopediaProducts(1);
		const stock = await runTokopedia(
			(i) => ({ resource: 'inventory', operation: 'updateStock', shop: rl(i === 0 ? 'Toko Makmur' : ''), identifyBy: 'sku', sku: product.sku, newStock: 5, warehouseId: i === 1 ? 'gudang-1' : '', options: {} }),
			{ items: [{ json: {} }, { json: {} }], continueOnFail: true, sent },
		);
		expect(stock[0].json.error).toMatch(/"Shop" must be a numeric ID, got "Toko Makmur"/);
		expect(stock[1].json.error).toMatch(/"Warehouse ID" must be a numeric ID, got "gudang-1"/);
		expect(apiCalls(sent, '/orders/search').length + apiCalls(sent, '/stock/update').length).toBe(0);
	});

	it('Tokopedia Reject Order with Reason Code from an expression: the code is checked, the close date sent in Jakarta time', async () => {
		const order = (await control('POST', '/tokopedia/orders', { shop_id: SHOP })).orders[0];
		const sent: SentRequest[] = [];
		const bad = await runTokopedia(
			{ resource: 'order', operation: 'rejectOrder', orderId: String(order.order_id), reasonCode: '', reason: 'tutup' },
			{ continueOnFail: true, sent },
		);
		expect(bad[0].json.error).toMatch(/"Reason Code" must be one of 0, 1, 2, 3, 4, 5, 7, 8, got ""/);
		expect(apiCalls(sent, '/nack')).toHaveLength(0);
		const out = await runTokopedia(
			{ resource: 'order', operation: 'rejectOrder', orderId: String(order.order_id), reasonCode: '4', reason: 'Toko libur', shopClosedUntil: '2026-12-06T01:00:00+07:00', shopClosedNote: 'Libur' },
			{ sent },
		);
		expect(out[0].json).toMatchObject({ rejected: true, shop_close_end_date: '06/12/2026' });
		expect(bodyOf(apiCalls(sent, '/nack')[0])).toMatchObject({ reason_code: 4, shop_close_end_date: '06/12/2026' });
	});
});
