import { createHmac } from 'node:crypto';
import axios from 'axios';
import type { Sandbox } from '../../../sandbox/server';
import { computeSign } from '../../../sandbox/tiktokshop/signature';
import { ctl, SANDBOX_APP_SECRET, setup, signRequest, TtsClient } from './helpers';

describe('sandbox: request verification', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	beforeAll(async () => {
		({ sbx, client, shops } = await setup());
	});
	afterAll(() => sbx.close());

	test('official signing vector reproduces with both the independent signer and the sandbox verifier', () => {
		const q = { app_key: '29a39d', timestamp: '1623812664' };
		const expected = 'b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8';
		expect(signRequest('e59af819cc', '/authorization/202309/shops', q, '')).toBe(expected);
		expect(computeSign('e59af819cc', '/authorization/202309/shops', new URLSearchParams(q), Buffer.alloc(0), 'application/json')).toBe(expected);
		const base =
			'/event/202309/webhooksapp_key68xu9ks5p4i8shop_cipherROW_xkMbgAAAeVAQra0eZWebFQq5aIKtimestamp1696909648{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}';
		const s2 = createHmac('sha256', 'e59af819cc').update('e59af819cc' + base + 'e59af819cc').digest('hex');
		expect(s2).toBe('cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a');
		expect(
			computeSign(
				'e59af819cc',
				'/event/202309/webhooks',
				new URLSearchParams({ app_key: '68xu9ks5p4i8', shop_cipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIK', timestamp: '1696909648' }),
				Buffer.from('{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}'),
				'application/json',
			),
		).toBe(s2);
		// multipart: body excluded
		expect(computeSign('s', '/p', new URLSearchParams({ a: '1' }), Buffer.from('xyz'), 'multipart/form-data; boundary=abc')).toBe(
			signRequest('s', '/p', { a: '1' }, ''),
		);
	});

	test('signed request accepted; envelope shape; unique request ids', async () => {
		const r1 = await client.call('GET', '/authorization/202309/shops', { cipher: null });
		const r2 = await client.call('GET', '/authorization/202309/shops', { cipher: null });
		expect(r1.status).toBe(200);
		expect(r1.data).toMatchObject({ code: 0, message: 'Success' });
		expect(r1.data.request_id).not.toBe(r2.data.request_id);
		expect(r1.data.data.shops).toHaveLength(2);
		for (const s of r1.data.data.shops) expect(s).toMatchObject({ region: 'ID', seller_type: 'LOCAL' });
		expect(r1.data.data.shops[0].cipher).toMatch(/^ROW_/);
	});

	test('tampered sign / query / body → 401 106001; missing sign → 401 106001', async () => {
		const bad = await client.call('GET', '/authorization/202309/shops', { cipher: null, secret: 'wrong' });
		expect(bad.status).toBe(401);
		expect(bad.data.code).toBe(106001);
		const tq = await client.call('POST', '/order/202309/orders/search', {
			query: { page_size: 5 },
			tamper: (q, b) => ({ q: { ...q, page_size: '6' }, body: b }),
		});
		expect(tq.data.code).toBe(106001);
		const tb = await client.call('POST', '/order/202309/orders/search', {
			query: { page_size: 5 },
			body: { order_status: 'UNPAID' },
			tamper: (q) => ({ q, body: JSON.stringify({ order_status: 'UNPAID' }, null, 1) }),
		});
		expect(tb.status).toBe(401);
		expect(tb.data.code).toBe(106001);
		const ns = await client.call('GET', '/authorization/202309/shops', { cipher: null, noSign: true });
		expect(ns.status).toBe(401);
		expect(ns.data.code).toBe(106001);
		// raw body signed exactly as sent (pretty-printed is fine if signed as such)
		const pretty = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 5 }, body: JSON.stringify({ order_status: 'UNPAID' }, null, 2) });
		expect(pretty.data.code).toBe(0);
	});

	test('timestamp window: too old, too far ahead, malformed → 400 36009004', async () => {
		const now = Math.floor(Date.now() / 1000);
		const old = await client.call('GET', '/authorization/202309/shops', { cipher: null, timestamp: now - 301 });
		expect(old.status).toBe(400);
		expect(old.data.code).toBe(36009004);
		expect(old.data.message).toMatch(/5 minutes/);
		const ahead = await client.call('GET', '/authorization/202309/shops', { cipher: null, timestamp: now + 40 });
		expect(ahead.data.code).toBe(36009004);
		expect(ahead.data.message).toMatch(/30 seconds/);
		const ms = await client.call('GET', '/authorization/202309/shops', { cipher: null, timestamp: Date.now() });
		expect(ms.data.code).toBe(36009004);
		const ok = await client.call('GET', '/authorization/202309/shops', { cipher: null, timestamp: now - 290 });
		expect(ok.data.code).toBe(0);
	});

	test('unknown app_key → 400 36009004; bad/missing token → 401', async () => {
		const r = await client.call('GET', '/authorization/202309/shops', { cipher: null, appKey: 'fake' });
		expect(r.status).toBe(400);
		expect(r.data.code).toBe(36009004);
		const nt = await client.call('GET', '/authorization/202309/shops', { cipher: null, token: null });
		expect(nt.status).toBe(401);
		expect(nt.data.code).toBe(36009004);
		const bt = await client.call('GET', '/authorization/202309/shops', { cipher: null, token: 'TTP_bogus' });
		expect(bt.status).toBe(401);
	});

	test('shop_cipher required on shop routes, refused on /authorization, unknown rejected', async () => {
		const missing = await client.call('GET', '/logistics/202309/warehouses', { cipher: null });
		expect(missing.status).toBe(400);
		expect(missing.data.code).toBe(106013);
		const unexpected = await client.call('GET', '/authorization/202309/shops', { cipher: shops[0].cipher });
		expect(unexpected.status).toBe(400);
		expect(unexpected.data.code).toBe(36009004);
		expect(unexpected.data.message).toMatch(/shop_cipher` query parameter is not required/);
		const unknown = await client.call('GET', '/logistics/202309/warehouses', { cipher: 'ROW_nope' });
		expect(unknown.data.code).toBe(36009004);
	});

	test('unknown path → 404 36009009; wrong method → 405 36009010', async () => {
		const r = await client.call('GET', '/order/202309/nothing');
		expect(r.status).toBe(404);
		expect(r.data.code).toBe(36009009);
		const m = await client.call('GET', '/order/202309/orders/search', { query: { page_size: 5 } });
		expect(m.status).toBe(405);
		expect(m.data.code).toBe(36009010);
	});

	test('rate limit → 429 36009002 without Retry-After; stats count it', async () => {
		await ctl(sbx.url, 'POST', '/config', { routes: { 'GET /logistics/202309/warehouses': { qps: 1, burst: 2 } } });
		const rs = await Promise.all([1, 2, 3, 4].map(() => client.call('GET', '/logistics/202309/warehouses')));
		const limited = rs.filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThanOrEqual(2);
		expect(limited[0].data.code).toBe(36009002);
		expect(limited[0].headers['retry-after']).toBeUndefined();
		const stats = (await ctl(sbx.url, 'GET', '/stats')).data;
		expect(stats.rateLimited).toBeGreaterThanOrEqual(2);
		expect(stats.requests.byRoute['GET /logistics/202309/warehouses']).toBeGreaterThanOrEqual(4);
		await ctl(sbx.url, 'DELETE', '/config');
		expect((await client.call('GET', '/logistics/202309/warehouses')).status).toBe(200);
	});

	test('fault injection: next n requests 503, then normal; latency', async () => {
		await ctl(sbx.url, 'POST', '/config', {
			routes: { 'GET /logistics/202309/delivery_options/{delivery_option_id}/shipping_providers': { fault: { status: 503, count: 2 }, latencyMs: 50 } },
		});
		const wh = (await client.call('GET', '/logistics/202309/warehouses')).data.data.warehouses[0];
		const opts = (await client.call('GET', `/logistics/202309/warehouses/${wh.id}/delivery_options`)).data.data.delivery_options;
		const path = `/logistics/202309/delivery_options/${opts[0].id}/shipping_providers`;
		const t0 = Date.now();
		const a = await client.call('GET', path);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
		const b = await client.call('GET', path);
		const c = await client.call('GET', path);
		expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
		expect(a.data.code).toBe(36009003);
		expect(c.data.data.shipping_providers.length).toBeGreaterThan(0);
		await ctl(sbx.url, 'DELETE', '/config');
	});

	test("fault 'timeout' never answers (client times out), next request is fine", async () => {
		await ctl(sbx.url, 'POST', '/config', { routes: { 'GET /authorization/202309/shops': { fault: { status: 'timeout', count: 1 } } } });
		const q = { app_key: 'sbx_app_key_29a39d', timestamp: String(Math.floor(Date.now() / 1000)) };
		const sign = signRequest(SANDBOX_APP_SECRET, '/authorization/202309/shops', q, '');
		const err = await axios
			.get(`${sbx.url}/authorization/202309/shops`, { params: { ...q, sign }, headers: { 'x-tts-access-token': client.token! }, timeout: 300 })
			.then(() => null, (e) => e.code);
		expect(err).toBe('ECONNABORTED');
		expect((await client.call('GET', '/authorization/202309/shops', { cipher: null })).data.code).toBe(0);
		await ctl(sbx.url, 'DELETE', '/config');
	});

	test('request log omits sign and records status/code', async () => {
		const r = await ctl(sbx.url, 'GET', '/requests?limit=3');
		expect(r.data.requests).toHaveLength(3);
		for (const e of r.data.requests) {
			expect(e.query.sign).toBeUndefined();
			expect(typeof e.status).toBe('number');
		}
	});

	test('same seed → same shops; reset keeps tokens working', async () => {
		const before = (await ctl(sbx.url, 'GET', '/tiktokshop/shops')).data.shops.map((s: any) => s.cipher);
		await ctl(sbx.url, 'POST', '/reset');
		const after = (await ctl(sbx.url, 'GET', '/tiktokshop/shops')).data.shops.map((s: any) => s.cipher);
		expect(after).toEqual(before);
		expect((await client.call('GET', '/logistics/202309/warehouses')).data.code).toBe(0);
	});
});
