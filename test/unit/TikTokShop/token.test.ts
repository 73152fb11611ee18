import type { IHttpRequestOptions } from 'n8n-workflow';

import { TikTokShopApi } from '../../../credentials/TikTokShopApi.credentials';
import { fakeTokenHost } from '../../helpers/tokenHost';

const credentialType = new TikTokShopApi();

const tokenHelper = (reply: (options: IHttpRequestOptions) => unknown) => fakeTokenHost((options) => ({ statusCode: 200, body: reply(options) }));

const base = {
	appKey: 'app',
	appSecret: 'very-secret-value',
	authBaseUrl: 'http://auth.test',
	accessToken: '',
};
const future = Math.floor(Date.now() / 1000) + 3600;

describe('TikTok Shop credential: preAuthentication', () => {
	it('declares the hidden expirable field n8n needs before it calls preAuthentication', () => {
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		expect(expirable?.name).toBe('accessToken');
	});

	it('exchanges an authorization code once and hands back tokens for n8n to persist', async () => {
		const { calls, context } = tokenHelper(() => ({
			code: 0,
			data: { access_token: 'TTP_a1', access_token_expire_in: future, refresh_token: 'TTP_r1', refresh_token_expire_in: future + 100 },
		}));
		const out = await credentialType.preAuthentication.call(context, { ...base, authCode: 'code-1', refreshToken: '' });
		expect(calls).toHaveLength(1);
		expect(calls[0].url).toBe('http://auth.test/api/v2/token/get');
		expect(calls[0].qs).toMatchObject({ auth_code: 'code-1', grant_type: 'authorized_code', app_key: 'app' });
		expect(out).toEqual({
			accessToken: 'TTP_a1',
			accessTokenExpiresAt: future,
			accessTokenIssuedAt: expect.any(Number),
			refreshToken: 'TTP_r1',
			refreshTokenExpiresAt: future + 100,
			authCode: '',
		});
	});

	it('prefers the refresh token and stores the rotated one', async () => {
		const { calls, context } = tokenHelper(() => ({
			code: 0,
			data: { access_token: 'TTP_a2', access_token_expire_in: future, refresh_token: 'TTP_r2_rotated', refresh_token_expire_in: future },
		}));
		const out = await credentialType.preAuthentication.call(context, { ...base, authCode: 'stale', refreshToken: 'TTP_r1-x' });
		expect(calls[0].url).toBe('http://auth.test/api/v2/token/refresh');
		expect(calls[0].qs).toMatchObject({ refresh_token: 'TTP_r1-x', grant_type: 'refresh_token' });
		expect(out.refreshToken).toBe('TTP_r2_rotated');
	});

	it('shares one renewal between concurrent callers holding the same refresh token', async () => {
		let n = 0;
		const { calls, context } = tokenHelper(() => ({
			code: 0,
			data: { access_token: `TTP_a${++n}`, access_token_expire_in: future, refresh_token: `TTP_r${n}`, refresh_token_expire_in: future },
		}));
		const creds = { ...base, refreshToken: 'TTP_shared' };
		const results = await Promise.all([1, 2, 3, 4].map(() => credentialType.preAuthentication.call(context, { ...creds })));
		expect(calls).toHaveLength(1);
		expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set(['TTP_a1']));
	});

	it('does not hand a renewal to a caller with another app secret', async () => {
		const { calls, context } = tokenHelper((options) =>
			options.qs?.app_secret === base.appSecret
				? { code: 0, data: { access_token: 'TTP_right', access_token_expire_in: future, refresh_token: 'TTP_r', refresh_token_expire_in: future } }
				: { code: 36009004, message: 'invalid app_secret' },
		);
		const creds = { ...base, refreshToken: 'TTP_one_grant' };
		await expect(credentialType.preAuthentication.call(context, { ...creds })).resolves.toMatchObject({ accessToken: 'TTP_right' });
		await expect(credentialType.preAuthentication.call(context, { ...creds, appSecret: 'wrong-secret' })).rejects.toThrow(/app key or app secret/);
		expect(calls).toHaveLength(2);
	});

	it('does not share a failed renewal', async () => {
		let fail = true;
		const { calls, context } = tokenHelper(() =>
			fail
				? { code: 36009003, message: 'internal' }
				: { code: 0, data: { access_token: 'TTP_ok', access_token_expire_in: future, refresh_token: 'TTP_r', refresh_token_expire_in: future } },
		);
		const creds = { ...base, refreshToken: 'TTP_flaky' };
		await expect(credentialType.preAuthentication.call(context, { ...creds })).rejects.toThrow();
		fail = false;
		await expect(credentialType.preAuthentication.call(context, { ...creds })).resolves.toMatchObject({ accessToken: 'TTP_ok' });
		expect(calls).toHaveLength(2);
	});

	it('says what to do about a used or expired authorization code, without leaking the secret', async () => {
		const { context } = tokenHelper(() => ({ code: 36004004, message: 'Invalid auth code.', request_id: 'req-1' }));
		const attempt = credentialType.preAuthentication.call(context, { ...base, authCode: 'used-code', refreshToken: '' });
		await expect(attempt).rejects.toThrow(/already used, or older than 30 minutes.*Authorize the app again/);
		await expect(attempt).rejects.not.toThrow(/very-secret-value/);
	});

	it('asks for a code or refresh token when both are missing', async () => {
		const { calls, context } = tokenHelper(() => ({}));
		await expect(credentialType.preAuthentication.call(context, { ...base, authCode: '', refreshToken: '' })).rejects.toThrow(
			/needs an "Authorization Code" or a "Refresh Token"/,
		);
		expect(calls).toHaveLength(0);
	});

	it('reports an unreachable token host by cause only (the URL holds the app secret)', async () => {
		const context = {
			helpers: {
				httpRequest: async () => {
					throw Object.assign(new Error('connect ECONNREFUSED http://auth.test/api?app_secret=very-secret-value'), {
						code: 'ECONNREFUSED',
					});
				},
			},
		} as never;
		const attempt = credentialType.preAuthentication.call(context, { ...base, authCode: 'c', refreshToken: '' });
		await expect(attempt).rejects.toThrow('Could not reach the TikTok Shop token service at http://auth.test (connection refused). Check "Auth Base URL"');
		await expect(attempt).rejects.not.toThrow(/very-secret-value|ECONNREFUSED|Authorize the app again/);
	});
});
