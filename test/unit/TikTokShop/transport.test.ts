import type { IHttpRequestOptions } from 'n8n-workflow';

import { tikTokShopApiRequest } from '../../../nodes/TikTokShop/transport';
import { credentialStore, fakeContext } from '../../helpers/context';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

const future = Math.floor(Date.now() / 1000) + 3600;

function envelope(code: number, data: unknown = {}, message = code === 0 ? 'Success' : 'Failed') {
	return { code, message, request_id: `req-${code}`, data };
}

/** The token host's answer as n8n's helper returns it with returnFullResponse. */
const full = (body: unknown, statusCode = 200) => ({ statusCode, body, headers: {} });

/** A scripted TikTok: token calls mint tokens; API calls answer from `script` in order. */
function scripted(script: Array<{ status?: number; body: unknown; headers?: Record<string, string> }>) {
	const apiCalls: IHttpRequestOptions[] = [];
	let tokens = 0;
	const transport = async (options: IHttpRequestOptions) => {
		if (options.url.includes('/api/v2/token/')) {
			tokens++;
			return full(envelope(0, {
				access_token: `TTP_access_${tokens}`,
				access_token_expire_in: future,
				refresh_token: `TTP_refresh_${tokens}`,
				refresh_token_expire_in: future,
			}));
		}
		apiCalls.push(options);
		const next = script.shift();
		if (!next) throw new Error('unexpected extra API call');
		return { statusCode: next.status ?? 200, body: next.body, headers: next.headers ?? {} };
	};
	return { transport, apiCalls, tokenCalls: () => tokens };
}

let storeCount = 0;
function store() {
	// Renewals are shared per refresh token for a minute; each test gets its own.
	storeCount++;
	return credentialStore({
		appKey: 'app',
		appSecret: 'app-secret-xyz',
		refreshToken: `TTP_refresh_0_${storeCount}`,
		accessToken: 'TTP_stale',
		apiBaseUrl: 'http://api.test',
		authBaseUrl: 'http://auth.test',
	});
}

describe('tikTokShopApiRequest', () => {
	it.each([200, 401])('renews an expired token (105002 with HTTP %i) exactly once and retries', async (status) => {
		const api = scripted([{ status, body: envelope(105002) }, { body: envelope(0, { shops: [] }) }]);
		const credentials = store();
		const ctx = fakeContext({ credentials, transport: api.transport });
		await expect(tikTokShopApiRequest.call(ctx, 'GET', '/authorization/202309/shops')).resolves.toEqual({ shops: [] });
		expect(api.tokenCalls()).toBe(1);
		expect(api.apiCalls.map((c) => c.headers?.['x-tts-access-token'])).toEqual(['TTP_stale', 'TTP_access_1']);
		expect(credentials.data).toMatchObject({ accessToken: 'TTP_access_1', refreshToken: 'TTP_refresh_1' });
	});

	it('renews once when several executions find the token expired at the same time', async () => {
		let tokens = 0;
		const transport = async (options: IHttpRequestOptions) => {
			if (options.url.includes('/api/v2/token/')) {
				tokens++;
				await new Promise((resolve) => setTimeout(resolve, 20));
				return full(envelope(0, { access_token: `TTP_new_${tokens}`, access_token_expire_in: future, refresh_token: `TTP_r_${tokens}`, refresh_token_expire_in: future }));
			}
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
			const token = options.headers?.['x-tts-access-token'];
			return token === 'TTP_stale'
				? { statusCode: 401, headers: {}, body: envelope(105002) }
				: { statusCode: 200, headers: {}, body: envelope(0, { token }) };
		};
		const credentials = store();
		const runs = await Promise.all(
			Array.from({ length: 6 }, () => tikTokShopApiRequest.call(fakeContext({ credentials, transport }), 'GET', '/authorization/202309/shops')),
		);
		expect(tokens).toBe(1);
		expect(runs.every((data) => data.token === 'TTP_new_1')).toBe(true);
	});

	it('does not loop when renewed tokens are refused too', async () => {
		const api = scripted([{ body: envelope(105002) }, { body: envelope(105002) }, { body: envelope(105002) }]);
		const ctx = fakeContext({ credentials: store(), transport: api.transport });
		await expect(tikTokShopApiRequest.call(ctx, 'GET', '/authorization/202309/shops')).rejects.toThrow(
			'TikTok Shop error 105002',
		);
		expect(api.tokenCalls()).toBe(2);
		expect(api.apiCalls).toHaveLength(3);
	});

	it('retries rate limits and 5xx, then succeeds', async () => {
		const api = scripted([
			{ status: 429, body: envelope(36009002) },
			{ status: 503, body: 'Service Unavailable' },
			{ status: 200, body: envelope(36009002) },
			{ body: envelope(0, { ok: true }) },
		]);
		const ctx = fakeContext({ credentials: store(), transport: api.transport });
		await expect(tikTokShopApiRequest.call(ctx, 'POST', '/order/202309/orders/search', { shopCipher: 'C' })).resolves.toEqual({
			ok: true,
		});
		expect(api.apiCalls).toHaveLength(4);
	});

	it('never retries a business error and explains it with code, request id and a hint', async () => {
		const api = scripted([{ body: envelope(105005, null, 'Access denied') }]);
		const ctx = fakeContext({ credentials: store(), transport: api.transport });
		const error = await tikTokShopApiRequest.call(ctx, 'GET', '/order/202309/orders', { shopCipher: 'C' }).catch((e) => e);
		expect(api.apiCalls).toHaveLength(1);
		expect(error.message).toBe('TikTok Shop error 105005: Access denied');
		expect(error.description).toMatch(/Partner Center.*Manage API.*Request ID: req-105005/);
		expect(JSON.stringify({ m: error.message, d: error.description, c: error.context })).not.toMatch(
			/app-secret-xyz|TTP_stale|TTP_refresh/,
		);
	});

	it('sends shop_cipher only when asked, and the JSON body it signed', async () => {
		const api = scripted([{ body: envelope(0) }, { body: envelope(0) }]);
		const ctx = fakeContext({ credentials: store(), transport: api.transport });
		await tikTokShopApiRequest.call(ctx, 'GET', '/authorization/202309/shops');
		await tikTokShopApiRequest.call(ctx, 'POST', '/return_refund/202309/cancellations', {
			shopCipher: 'ROW_1',
			body: { order_id: '1' },
		});
		expect(new URL(api.apiCalls[0].url).searchParams.has('shop_cipher')).toBe(false);
		expect(new URL(api.apiCalls[1].url).searchParams.get('shop_cipher')).toBe('ROW_1');
		expect(api.apiCalls[1].body).toBe('{"order_id":"1"}');
	});

	it('gives up after the retry budget with the last error', async () => {
		const api = scripted(Array.from({ length: 6 }, () => ({ status: 429, body: envelope(36009002, null, 'Too many requests') })));
		const ctx = fakeContext({ credentials: store(), transport: api.transport });
		await expect(tikTokShopApiRequest.call(ctx, 'GET', '/logistics/202309/warehouses', { shopCipher: 'C' })).rejects.toThrow(
			'TikTok Shop error 36009002: Too many requests',
		);
		expect(api.apiCalls).toHaveLength(6);
	});
});
