/**
 * The credential dialog's "Test" button (POST /rest/credentials/test) of a real n8n, for both
 * credentials against the sandbox: the message the dialog shows says what to do.
 */
import axios from 'axios';
import { randomUUID } from 'node:crypto';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { N8nInstance, RunningN8n } from './lib/n8n';
import { DEMO_LOGIN, freePort, prepareN8n } from './lib/n8n';
import { example } from './lib/workflow';

let sandbox: Sandbox;
let n8n: N8nInstance;
let server: RunningN8n;
let headers: Record<string, string>;
const [tiktok] = example('credentials/tiktokshop-sandbox.json');
const [tokopedia] = example('credentials/tokopedia-sandbox.json');

const control = async (method: string, route: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${route}`, data })).data;

/** Saves the credential (as the dialog does before testing), then presses "Test". */
async function dialogTest(credential: { type: string; name: string; data: Record<string, unknown> }, data: Record<string, unknown>) {
	const body = { name: `${credential.name} ${randomUUID()}`, type: credential.type, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url, ...data } };
	const saved = (await axios.post(`${server.url}/rest/credentials`, body, { headers })).data.data as { id: string };
	const res = await axios.post(`${server.url}/rest/credentials/test`, { credentials: { id: saved.id, ...body } }, { headers });
	return res.data.data as { status: string; message: string };
}

/**
 * Presses "Test" in the dialog of a credential saved earlier: the editor sends the data n8n handed
 * it when the dialog opened (secrets redacted), which n8n fills in from the saved credential.
 */
async function reopenedTest(credential: { type: string; name: string; data: Record<string, unknown> }) {
	const body = { name: `${credential.name} ${randomUUID()}`, type: credential.type, data: { ...credential.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } };
	const saved = (await axios.post(`${server.url}/rest/credentials`, body, { headers })).data.data as { id: string };
	const opened = (await axios.get(`${server.url}/rest/credentials/${saved.id}?includeData=true`, { headers })).data.data as { data: Record<string, unknown> };
	expect(Object.values(opened.data)).not.toContain(credential.data.appSecret ?? credential.data.clientSecret);
	const res = await axios.post(`${server.url}/rest/credentials/test`, { credentials: { id: saved.id, name: body.name, type: body.type, data: opened.data } }, { headers });
	return res.data.data as { status: string; message: string };
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await prepareN8n();
	server = await n8n.start({ timeoutMs: 300_000 });
	const browserId = randomUUID();
	const login = await axios.post(`${server.url}/rest/login`, { emailOrLdapLoginId: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, { headers: { 'browser-id': browserId } });
	headers = { cookie: (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '), 'browser-id': browserId };
});

afterAll(async () => {
	await server?.stop();
	await n8n?.dispose();
	await sandbox?.close();
});

describe('TikTok Shop API credential test in the dialog', () => {
	test('the sandbox credential connects', async () => {
		expect(await dialogTest(tiktok, {})).toMatchObject({ status: 'OK' });
	});

	test('the saved sandbox credential connects when its dialog is opened again and tested', async () => {
		expect(await reopenedTest(tiktok)).toMatchObject({ status: 'OK' });
	});

	test('a wrong app secret says to copy key and secret from Partner Center', async () => {
		const result = await dialogTest(tiktok, { appSecret: 'not-the-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/app key or app secret.*Partner Center/i);
		expect(result.message).not.toContain('not-the-secret');
	});

	test('a used authorization code says to authorize again', async () => {
		const { code } = await control('POST', '/tiktokshop/auth_codes');
		await axios.get(`${sandbox.url}/api/v2/token/get`, { params: { app_key: tiktok.data.appKey, app_secret: tiktok.data.appSecret, auth_code: code, grant_type: 'authorized_code' } });
		const result = await dialogTest(tiktok, { authCode: code, refreshToken: '' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/already used.*Authorize the app again/i);
	});

	test('an unreachable host names the URL and the field to check', async () => {
		const closed = `http://127.0.0.1:${await freePort()}`;
		const result = await dialogTest(tiktok, { apiBaseUrl: closed, authBaseUrl: closed });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(closed);
		expect(result.message).toMatch(/Auth Base URL/);
	});

	test('a missing API package says to add it and re-authorize', async () => {
		await control('POST', '/config', { routes: { 'GET /authorization/202309/shops': { fault: { status: 'denied', count: 1 } } } });
		const result = await dialogTest(tiktok, {});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API package.*Partner Center.*re-authorize/i);
	});
});

describe('Tokopedia API credential test in the dialog', () => {
	test('the sandbox credential connects', async () => {
		expect(await dialogTest(tokopedia, {})).toMatchObject({ status: 'OK' });
	});

	test('the saved sandbox credential connects when its dialog is opened again and tested', async () => {
		expect(await reopenedTest(tokopedia)).toMatchObject({ status: 'OK' });
	});

	test('a wrong client secret says to check Client ID and Client Secret', async () => {
		const result = await dialogTest(tokopedia, { clientSecret: 'not-the-secret' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Client ID.*Client Secret.*Developer Console/);
		expect(result.message).not.toContain('not-the-secret');
	});

	test('an unreachable host names the URL and the field to check', async () => {
		const closed = `http://127.0.0.1:${await freePort()}`;
		const result = await dialogTest(tokopedia, { apiBaseUrl: closed, authBaseUrl: closed });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(closed);
		expect(result.message).toMatch(/Auth Base URL/);
	});

	test('an App ID not linked to the shop (no API access) says what to grant', async () => {
		await control('POST', '/config', { routes: { 'GET /v1/shop/fs/{fs_id}/shop-info': { fault: { status: 'denied', count: 1 } } } });
		const result = await dialogTest(tokopedia, {});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Developer Console/);
	});
});
