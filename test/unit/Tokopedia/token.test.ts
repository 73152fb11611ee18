import { TokopediaApi } from '../../../credentials/TokopediaApi.credentials';
import { fakeTokenHost } from '../../helpers/tokenHost';

const credentialType = new TokopediaApi();

/** A token host that grants only `client-secret` and answers like Tokopedia's accounts host. */
function tokenHost() {
	let n = 0;
	return fakeTokenHost((options) => {
		const basic = Buffer.from(String(options.headers?.Authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
		return basic.endsWith(':client-secret')
			? { statusCode: 200, body: { access_token: `tkpd-${++n}`, expires_in: 3600, token_type: 'Bearer' } }
			: { statusCode: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
	});
}

const base = { clientId: 'client-id', clientSecret: 'client-secret', authBaseUrl: 'http://accounts.test', accessToken: '' };

describe('Tokopedia credential: preAuthentication', () => {
	it('shares one grant between concurrent callers with the same client', async () => {
		const { calls, context } = tokenHost();
		const creds = { ...base, clientId: 'shared-client' };
		const results = await Promise.all([1, 2, 3].map(() => credentialType.preAuthentication.call(context, { ...creds })));
		expect(calls).toHaveLength(1);
		expect(new Set(results.map((r) => r.accessToken))).toEqual(new Set(['tkpd-1']));
	});

	it('a wrong client secret is refused by the token host even right after a grant for the same Client ID', async () => {
		const { calls, context } = tokenHost();
		await expect(credentialType.preAuthentication.call(context, { ...base })).resolves.toMatchObject({ accessToken: 'tkpd-1' });
		const attempt = credentialType.preAuthentication.call(context, { ...base, clientSecret: 'not-the-secret' });
		await expect(attempt).rejects.toThrow(/Client ID.*Client Secret.*Developer Console/);
		await expect(attempt).rejects.not.toThrow(/not-the-secret/);
		expect(calls).toHaveLength(2);
	});
});
