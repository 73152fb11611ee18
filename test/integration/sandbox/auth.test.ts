import axios from 'axios';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { ctl, getToken, refreshToken, SANDBOX_REFRESH_TOKEN, TtsClient } from './helpers';

describe('sandbox: token host', () => {
	let sbx: Sandbox;
	beforeAll(async () => {
		sbx = await startSandbox({ tikTokShop: { orderCount: 50, productCount: 20, refreshGraceSeconds: 120 } });
	});
	afterAll(() => sbx.close());

	test('auth code → token (absolute expiry timestamps), single-use code', async () => {
		const { data: ac } = await ctl(sbx.url, 'POST', '/tiktokshop/auth_codes');
		const r = await getToken(sbx.url, ac.code);
		expect(r.status).toBe(200);
		expect(r.data.code).toBe(0);
		expect(typeof r.data.request_id).toBe('string');
		const d = r.data.data;
		expect(d.access_token).toMatch(/^TTP_/);
		expect(d.refresh_token).toMatch(/^TTP_/);
		const now = Math.floor(Date.now() / 1000);
		expect(d.access_token_expire_in).toBeGreaterThan(now + 604800 - 10);
		expect(d.access_token_expire_in).toBeLessThan(now + 604800 + 10);
		expect(d.refresh_token_expire_in).toBeGreaterThan(d.access_token_expire_in);
		expect(d).toMatchObject({ seller_base_region: 'ID', user_type: 0 });
		expect(Array.isArray(d.granted_scopes)).toBe(true);
		expect(typeof d.open_id).toBe('string');

		const again = await getToken(sbx.url, ac.code);
		expect(again.status).toBe(200);
		expect(again.data.code).toBe(36004004);
		const unknown = await getToken(sbx.url, 'nope');
		expect(unknown.data.code).toBe(36004004);
	});

	test('wrong app secret is refused; unknown refresh token → 36004005', async () => {
		const r = await refreshToken(sbx.url, SANDBOX_REFRESH_TOKEN, 'refresh_token', 'wrong');
		expect(r.data.code).toBe(36009004);
		const u = await refreshToken(sbx.url, 'TTP_unknown');
		expect(u.data.code).toBe(36004005);
	});

	test('refresh rotates; old refresh token works only within the grace window; authorized_code grant tolerated', async () => {
		const before = (await ctl(sbx.url, 'GET', '/stats')).data.tiktokshop.tokenRefreshes;
		const r1 = await refreshToken(sbx.url, SANDBOX_REFRESH_TOKEN, 'authorized_code');
		expect(r1.data.code).toBe(0);
		const rt2 = r1.data.data.refresh_token;
		expect(rt2).not.toBe(SANDBOX_REFRESH_TOKEN);
		// within grace: old one still works
		const r2 = await refreshToken(sbx.url, SANDBOX_REFRESH_TOKEN);
		expect(r2.data.code).toBe(0);
		// simulate 121 s passing
		await ctl(sbx.url, 'POST', '/config', { clockOffsetSeconds: 121 });
		const r3 = await refreshToken(sbx.url, SANDBOX_REFRESH_TOKEN);
		expect(r3.data.code).toBe(36004001);
		expect(r3.data.message).toMatch(/rt has expired/);
		const r4 = await refreshToken(sbx.url, rt2);
		expect(r4.data.code).toBe(0);
		await ctl(sbx.url, 'DELETE', '/config');
		const after = (await ctl(sbx.url, 'GET', '/stats')).data.tiktokshop.tokenRefreshes;
		expect(after - before).toBe(3);
	});

	test('expired access token → 105002 with configurable HTTP status (401 default, 200)', async () => {
		const { data: ac } = await ctl(sbx.url, 'POST', '/tiktokshop/auth_codes');
		const tok = (await getToken(sbx.url, ac.code)).data.data.access_token;
		const c = new TtsClient(sbx.url, tok);
		expect((await c.call('GET', '/authorization/202309/shops')).data.code).toBe(0);
		await ctl(sbx.url, 'POST', '/tiktokshop/tokens/expire');
		const r = await c.call('GET', '/authorization/202309/shops');
		expect(r.status).toBe(401);
		expect(r.data.code).toBe(105002);
		await ctl(sbx.url, 'POST', '/config', { expiredTokenHttpStatus: 200 });
		const r2 = await c.call('GET', '/authorization/202309/shops');
		expect(r2.status).toBe(200);
		expect(r2.data.code).toBe(105002);
		await ctl(sbx.url, 'DELETE', '/config');
	});

	test('access token TTL configurable and expiry by clock offset', async () => {
		await ctl(sbx.url, 'POST', '/config', { accessTokenTtlSeconds: 60 });
		const { data: ac } = await ctl(sbx.url, 'POST', '/tiktokshop/auth_codes');
		const d = (await getToken(sbx.url, ac.code)).data.data;
		expect(d.access_token_expire_in - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(61);
		const c = new TtsClient(sbx.url, d.access_token);
		await ctl(sbx.url, 'POST', '/config', { clockOffsetSeconds: 61 });
		expect((await c.call('GET', '/authorization/202309/shops')).data.code).toBe(105002);
		await ctl(sbx.url, 'DELETE', '/config');
		expect((await c.call('GET', '/authorization/202309/shops')).data.code).toBe(0);
	});

	test('unknown token path → 404 36009009', async () => {
		const r = await axios.get(`${sbx.url}/api/v2/token/nope`, { validateStatus: () => true });
		expect(r.status).toBe(404);
		expect(r.data.code).toBe(36009009);
	});
});
