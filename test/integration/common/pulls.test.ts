/**
 * Pulls that fail well, both marketplaces against the sandbox with a page-scoped fault: a page that keeps
 * failing ends the pull with an error naming its window (shop time), page and filters; under Continue On
 * Fail the next node gets the orders of the pages before it, then that error as the last item. A page
 * that fails a few times (5xx, 429, dropped or hung connections) is retried and the pull is complete.
 */
import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { shopTimeText } from '../../../nodes/common/shopTime';
import { splitWindows } from '../../../nodes/common/windows';
import { router as tikTokShopRouter } from '../../../nodes/TikTokShop/actions/router';
import { MAX_WINDOW_SECONDS } from '../../../nodes/Tokopedia/actions/order/getAllOrders';
import { router as tokopediaRouter } from '../../../nodes/Tokopedia/actions/router';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../../sandbox/tokopedia/constants';
import type { CredentialStore } from '../../helpers/context';
import { credentialStore, fakeContext, rl } from '../../helpers/context';

// Back-off waits are the policy's business (unit-tested); here they would only slow the run.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));
jest.setTimeout(120_000);

const TIKTOK_SEARCH = 'POST /order/202309/orders/search';
const TOKOPEDIA_LIST = 'GET /v2/order/list';
const DAY = 86_400;
const now = Math.floor(Date.now() / 1000);
const iso = (unix: number) => new Date(unix * 1000).toISOString();

let sandbox: Sandbox;
let tikTokShop: CredentialStore;
let tokopedia: CredentialStore;
let cipher: string;

beforeAll(async () => {
	// Waits are mocked away, so Tokopedia's default 20 req/s would answer 429 to the retries themselves.
	sandbox = await startSandbox({ seed: 9, tokopedia: { defaultQps: 1000, defaultBurst: 1000 } });
	tikTokShop = credentialStore({ appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, refreshToken: SANDBOX_REFRESH_TOKEN, authCode: '', shopCipher: '', apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url });
	tokopedia = credentialStore(
		{ fsId: String(TOKOPEDIA_FS_ID), clientId: TOKOPEDIA_CLIENT_ID, clientSecret: TOKOPEDIA_CLIENT_SECRET, shopId: '479066', webhookSecret: '', apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url },
		'tokopediaApi',
	);
	cipher = (await control('GET', '/tiktokshop/shops')).shops[0].cipher;
	// 850 new orders in the last hour: the last Tokopedia window has 9 pages of 100.
	await control('POST', '/tokopedia/orders', { shop_id: 479066, count: 850, create_time: now - 1800 });
});
afterAll(async () => await sandbox.close());
afterEach(async () => await control('DELETE', '/config'));

async function control(method: string, path: string, body?: unknown) {
	return (await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data: body })).data;
}

async function faultOnPage(route: string, fault: IDataObject) {
	await control('POST', '/config', { routes: { [route]: { fault } } });
}

function attemptsOf(route: string, page: (query: Record<string, string>) => boolean) {
	return sandbox.log.recent(5000).filter((entry) => entry.route === route && page(entry.query));
}

async function runNode(router: typeof tikTokShopRouter, credentials: CredentialStore, parameters: IDataObject, continueOnFail = false): Promise<INodeExecutionData[]> {
	return (await router.call(fakeContext({ parameters, credentials, continueOnFail })))[0];
}

describe('TikTok Shop Get Order List over 15 pages, page 9 failing', () => {
	const from = Date.UTC(2020, 0, 1) / 1000;
	const parameters = () => ({
		resource: 'order',
		operation: 'getOrderList',
		shop: rl(cipher),
		returnAll: true,
		filters: { create_time_ge: iso(from), create_time_lt: iso(now) },
		sort: { sort_field: 'create_time', sort_order: 'ASC' },
	});
	let clean: IDataObject[];

	beforeAll(async () => {
		clean = (await runNode(tikTokShopRouter, tikTokShop, parameters())).map((item) => item.json);
	});

	it('keeps failing (503 × 6): the orders of pages 1–8, then one error item naming page, cursor, window and filters', async () => {
		expect(clean.length).toBeGreaterThan(800);
		const before = attemptsOf(TIKTOK_SEARCH, () => true).length;
		await faultOnPage(TIKTOK_SEARCH, { status: 503, count: 6, page: 9 });
		const out = await runNode(tikTokShopRouter, tikTokShop, parameters(), true);

		expect(out).toHaveLength(801);
		expect(out.slice(0, 800).map((item) => item.json.id)).toEqual(clean.slice(0, 800).map((order) => order.id));
		const last = out[800].json;
		expect(last).toMatchObject({
			page: 9,
			cursor: expect.any(String),
			window: { from: shopTimeText(from), to: shopTimeText(now) },
			filters: { create_time_ge: from, create_time_lt: now, sort_field: 'create_time', sort_order: 'ASC' },
			orders_read: 800,
			httpCode: '503',
		});
		expect(last.error).toBe(
			`Order → Get Many stopped at page 9 (cursor ${String(last.cursor)}) of window ${shopTimeText(from)} → ${shopTimeText(now)}, ` +
				`filters: create_time_ge=${from}, create_time_lt=${now}, sort_field=create_time, sort_order=ASC, after 6 attempts: ` +
				'TikTok Shop error 36009003: Service unavailable: the server is overloaded. Please retry later.',
		);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const page9 = attemptsOf(TIKTOK_SEARCH, (q) => q.page_token === last.cursor);
		expect(page9.filter((entry) => entry.status === 503)).toHaveLength(6);
		// Nothing after the failed page was asked for.
		expect(attemptsOf(TIKTOK_SEARCH, () => true).length - before).toBe(8 + 6);
	});

	it('keeps failing, without Continue On Fail: the node stops with that error', async () => {
		await faultOnPage(TIKTOK_SEARCH, { status: 503, count: 6, page: 9 });
		await expect(runNode(tikTokShopRouter, tikTokShop, parameters())).rejects.toThrow(/^Order → Get Many stopped at page 9 \(cursor .+\) of window .+ after 6 attempts/);
	});

	it('fails 4 times (503, 429, a dropped and a hung connection): retried, every order once, in order', async () => {
		await faultOnPage(TIKTOK_SEARCH, { status: 503, statuses: [503, 429, 'drop', 'timeout'], hangMs: 50, count: 4, page: 9 });
		const before = (await control('GET', '/stats')).faultsInjected;
		const out = await runNode(tikTokShopRouter, tikTokShop, parameters(), true);
		expect((await control('GET', '/stats')).faultsInjected - before).toBe(4);
		expect(out.map((item) => item.json.id)).toEqual(clean.map((order) => order.id));
		expect(out.some((item) => item.json.error)).toBe(false);
	});
});

describe('Tokopedia Get All Orders over two windows, page 9 of the last one failing', () => {
	const from = now - 5 * DAY;
	const parameters = { resource: 'order', operation: 'getAllOrders', fromDate: iso(from), toDate: iso(now), scope: 'shop', shop: rl(''), returnAll: true, filters: { status: 220 } };
	const [first, last] = splitWindows(from, now, MAX_WINDOW_SECONDS);
	let clean: IDataObject[];

	beforeAll(async () => {
		clean = (await runNode(tokopediaRouter, tokopedia, parameters)).map((item) => item.json);
	});

	it('keeps failing (500 × 6): every order of the first window and of pages 1–8 of the last, then one error item naming that window, the page and the filters', async () => {
		expect(splitWindows(from, now, MAX_WINDOW_SECONDS)).toHaveLength(2);
		const inFirst = attemptsOf(TOKOPEDIA_LIST, (q) => Number(q.from_date) === first.from).length;
		expect(inFirst).toBeGreaterThan(0);
		await faultOnPage(TOKOPEDIA_LIST, { status: 500, count: 6, page: 9 });
		const out = await runNode(tokopediaRouter, tokopedia, parameters, true);

		const firstWindowOrders = clean.filter((order) => Number(order.create_time) <= first.to).length;
		expect(out).toHaveLength(firstWindowOrders + 800 + 1);
		expect(out.slice(0, -1).map((item) => item.json.order_id)).toEqual(clean.slice(0, firstWindowOrders + 800).map((order) => order.order_id));
		const error = out[out.length - 1].json;
		expect(error).toEqual({
			error:
				`Order → Get Many stopped at page 9 of window ${shopTimeText(last.from)} → ${shopTimeText(last.to)}, filters: shop_id=479066, status=220, after 6 attempts: ` +
				'Tokopedia error INTERNAL_SERVER_ERROR: Internal server error',
			description: expect.stringContaining(`${firstWindowOrders + 800} orders were read before that page`),
			httpCode: '500',
			marketplaceCode: 'INTERNAL_SERVER_ERROR',
			window: { from: shopTimeText(last.from), to: shopTimeText(last.to) },
			page: 9,
			filters: { shop_id: '479066', status: 220 },
			orders_read: firstWindowOrders + 800,
		});
		expect(attemptsOf(TOKOPEDIA_LIST, (q) => q.page === '9' && Number(q.from_date) === last.from).filter((entry) => entry.status === 500)).toHaveLength(6);
	});

	it('fails 3 times (500, 503, a dropped connection): retried, every order once, in order', async () => {
		await faultOnPage(TOKOPEDIA_LIST, { status: 500, statuses: [500, 503, 'drop'], count: 3, page: 9 });
		const out = await runNode(tokopediaRouter, tokopedia, parameters, true);
		expect(out.map((item) => item.json.order_id)).toEqual(clean.map((order) => order.order_id));
		expect(out.some((item) => item.json.error)).toBe(false);
	});
});
