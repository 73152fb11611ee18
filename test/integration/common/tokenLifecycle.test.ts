/**
 * Token life cycle of both credentials against the sandbox's token hosts, with their faults: a
 * token service that fails is retried (and never blamed on the credential), a refresh whose
 * answer is lost is recovered, and concurrent renewals, in one process and across two, end with
 * every execution served and a credential that still renews.
 */
import axios from 'axios';

import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../../sandbox/tokopedia/constants';
import type { CredentialStore } from '../../helpers/context';

// Back-off waits are the policy's business (unit-tested); here they would only slow the run.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

const TIKTOK_REFRESH = 'GET /api/v2/token/refresh';
const TOKOPEDIA_TOKEN = 'POST /token';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 3 });
});
afterAll(async () => await sandbox.close());
afterEach(async () => {
	await control('DELETE', '/config');
});

async function control(method: string, path: string, body?: unknown) {
	return (await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data: body })).data;
}

async function stats() {
	return await control('GET', '/stats');
}

/** A copy of the pack and of the n8n emulation with its own module state: another n8n process. */
function anotherProcess(): { helpers: typeof import('../../helpers/context'); tiktok: typeof import('../../../nodes/TikTokShop/transport'); tokopedia: typeof import('../../../nodes/Tokopedia/transport') } {
	let loaded: ReturnType<typeof anotherProcess> | undefined;
	jest.isolateModules(() => {
		loaded = {
			helpers: require('../../helpers/context'),
			tiktok: require('../../../nodes/TikTokShop/transport'),
			tokopedia: require('../../../nodes/Tokopedia/transport'),
		};
	});
	return loaded!;
}

const main = anotherProcess();

async function freshTikTokCredential(): Promise<CredentialStore> {
	// A refresh token of its own per test (the demo one is shared by the whole sandbox).
	const granted = (await axios.get(`${sandbox.url}/api/v2/token/refresh`, {
		params: { app_key: SANDBOX_APP_KEY, app_secret: SANDBOX_APP_SECRET, refresh_token: SANDBOX_REFRESH_TOKEN, grant_type: 'refresh_token' },
	})).data.data;
	return main.helpers.credentialStore({
		appKey: SANDBOX_APP_KEY,
		appSecret: SANDBOX_APP_SECRET,
		refreshToken: granted.refresh_token,
		accessToken: granted.access_token,
		authCode: '',
		apiBaseUrl: sandbox.url,
		authBaseUrl: sandbox.url,
	});
}

let tokopediaCredentials = 0;
function tokopediaCredential(clientSecret = TOKOPEDIA_CLIENT_SECRET): CredentialStore {
	// A token Tokopedia does not know (401): a renewal of this credential's own, not one shared with an earlier test's.
	const accessToken = `c:unknown-${++tokopediaCredentials}`;
	return main.helpers.credentialStore(
		{ fsId: String(TOKOPEDIA_FS_ID), clientId: TOKOPEDIA_CLIENT_ID, clientSecret, accessToken, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url },
		'tokopediaApi',
	);
}

async function tikTokShops(credentials: CredentialStore, on = main) {
	const ctx = on.helpers.fakeContext({ credentials });
	return await on.tiktok.tikTokShopApiRequest.call(ctx, 'GET', '/authorization/202309/shops');
}

async function tokopediaShopInfo(credentials: CredentialStore, on = main) {
	const ctx = on.helpers.fakeContext({ credentials });
	return await on.tokopedia.tokopediaApiRequest.call(ctx, 'GET', `/v1/shop/fs/${TOKOPEDIA_FS_ID}/shop-info`);
}

const faults = async (route: string, fault: Record<string, unknown>) => {
	await control('POST', '/config', { routes: { [route]: { fault } } });
};

describe('TikTok Shop token host', () => {
	it.each([
		[{ status: 503, count: 1 }, 'HTTP 503'],
		[{ status: 502, count: 2 }, 'HTTP 502'],
		[{ status: 429, count: 1 }, 'HTTP 429'],
		[{ status: 'timeout', count: 1, hangMs: 50 }, 'dropped'],
		[{ status: 'drop', count: 1 }, 'dropped'],
	])('a renewal that meets %j (%s) costs a retry, not the run', async (fault, _cause) => {
		const credentials = await freshTikTokCredential();
		await control('POST', '/tiktokshop/tokens/expire');
		await faults(TIKTOK_REFRESH, fault);
		const before = (await stats()).tiktokshop.tokenRefreshes;
		await expect(tikTokShops(credentials)).resolves.toHaveProperty('shops');
		expect((await stats()).tiktokshop.tokenRefreshes - before).toBe(1);
	});

	it('a refresh applied but whose answer was lost (refresh token rotated) is recovered, and the stored refresh token still renews', async () => {
		const credentials = await freshTikTokCredential();
		const rotatedAway = credentials.data.refreshToken;
		await control('POST', '/tiktokshop/tokens/expire');
		await faults(TIKTOK_REFRESH, { status: 'apply-drop', count: 1 });
		await expect(tikTokShops(credentials)).resolves.toHaveProperty('shops');
		expect(credentials.data.refreshToken).not.toBe(rotatedAway);
		// Strict rotation from now on: only the stored refresh token may work.
		await control('POST', '/config', { refreshGraceSeconds: 0 });
		await control('POST', '/tiktokshop/tokens/expire');
		await expect(tikTokShops(credentials)).resolves.toHaveProperty('shops');
	});

	it('an outage that outlasts the retries says it is not a credential problem', async () => {
		const credentials = await freshTikTokCredential();
		await control('POST', '/tiktokshop/tokens/expire');
		await faults(TIKTOK_REFRESH, { status: 503 });
		const error = await tikTokShops(credentials).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/token service .* is unavailable \(HTTP 503.*not a problem with the credential/);
		expect((error as Error).message).not.toMatch(/Authorize the app again|app secret|sbx_app_secret/i);
		const requests = (await stats()).requests.byRoute[TIKTOK_REFRESH];
		expect(requests).toBeGreaterThanOrEqual(5);
	});

	it('a refresh token TikTok no longer knows fails with what to do', async () => {
		const credentials = await freshTikTokCredential();
		credentials.data.refreshToken = 'TTP_unknown_refresh_token';
		await control('POST', '/tiktokshop/tokens/expire');
		await expect(tikTokShops(credentials)).rejects.toThrow(/36004005.*Authorize the app again/);
	});

	it('8 executions of one process that find the token expired share one renewal', async () => {
		const credentials = await freshTikTokCredential();
		await control('POST', '/config', { latencyMs: 30 });
		await control('POST', '/tiktokshop/tokens/expire');
		const before = (await stats()).tiktokshop.tokenRefreshes;
		const runs = await Promise.all(Array.from({ length: 8 }, async () => await tikTokShops(credentials)));
		expect(runs.every((data) => Array.isArray(data.shops))).toBe(true);
		expect((await stats()).tiktokshop.tokenRefreshes - before).toBe(1);
	});

	it('two processes × 4 executions, strict rotation: every execution is served and the stored refresh token still renews', async () => {
		const credentials = await freshTikTokCredential();
		const workers = [anotherProcess(), anotherProcess()];
		await control('POST', '/config', { latencyMs: 30, refreshGraceSeconds: 0 });
		await control('POST', '/tiktokshop/tokens/expire');
		const before = (await stats()).tiktokshop.tokenRefreshes;
		const runs = await Promise.all(
			workers.flatMap((worker) => Array.from({ length: 4 }, async () => await tikTokShops(credentials, worker))),
		);
		expect(runs.every((data) => Array.isArray(data.shops))).toBe(true);
		// One renewal per process at most; a second process that lost the race re-reads the stored one.
		expect((await stats()).tiktokshop.tokenRefreshes - before).toBeLessThanOrEqual(2);
		await control('POST', '/tiktokshop/tokens/expire');
		await expect(tikTokShops(credentials, workers[0])).resolves.toHaveProperty('shops');
	});
});

describe('Tokopedia token host', () => {
	it.each([
		[{ status: 503, count: 1 }],
		[{ status: 502, count: 1 }],
		[{ status: 429, count: 1 }],
		[{ status: 'drop', count: 1 }],
	])('a grant that meets %j costs a retry, not the run', async (fault) => {
		const credentials = tokopediaCredential();
		await faults(TOKOPEDIA_TOKEN, fault);
		const before = (await stats()).tokopedia.tokenGrants;
		await expect(tokopediaShopInfo(credentials)).resolves.toBeDefined();
		expect((await stats()).tokopedia.tokenGrants - before).toBe(1);
	});

	it('8 executions that find the token expired share one grant', async () => {
		const credentials = tokopediaCredential();
		await tokopediaShopInfo(credentials);
		await control('POST', '/config', { latencyMs: 30 });
		await control('POST', '/tokopedia/tokens/expire');
		const before = (await stats()).tokopedia.tokenGrants;
		await Promise.all(Array.from({ length: 8 }, async () => await tokopediaShopInfo(credentials)));
		expect((await stats()).tokopedia.tokenGrants - before).toBe(1);
	});

	it('an outage says it is not a credential problem; a wrong secret says to check it', async () => {
		await faults(TOKOPEDIA_TOKEN, { status: 503 });
		const outage = await tokopediaShopInfo(tokopediaCredential()).catch((e: Error) => e);
		expect((outage as Error).message).toMatch(/Tokopedia token service .* is unavailable \(HTTP 503\).*not a problem with the credential/);
		expect((outage as Error).message).not.toMatch(/Check "Client ID"/);
		await control('DELETE', '/config');
		await expect(tokopediaShopInfo(tokopediaCredential('wrong-secret'))).rejects.toThrow(/Check "Client ID" and "Client Secret"/);
	});
});
