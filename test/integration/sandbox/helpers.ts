import axios, { type AxiosResponse } from 'axios';
import CryptoJS from 'crypto-js';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../../sandbox/tiktokshop/constants';

export { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN };

/** Independent signer (crypto-js), per the reference §2.1. */
export function signRequest(secret: string, path: string, query: Record<string, string>, body: string): string {
	const keys = Object.keys(query)
		.filter((k) => k !== 'sign' && k !== 'access_token')
		.sort();
	const base = path + keys.map((k) => k + query[k]).join('') + body;
	return CryptoJS.HmacSHA256(secret + base + secret, secret).toString(CryptoJS.enc.Hex);
}

export interface CallOptions {
	query?: Record<string, string | number>;
	body?: unknown;
	/** undefined → client's default cipher; null → no cipher */
	cipher?: string | null;
	token?: string | null;
	timestamp?: number | string;
	secret?: string;
	appKey?: string;
	/** mutate the signed URL/body after signing */
	tamper?: (q: Record<string, string>, body: string) => { q: Record<string, string>; body: string };
	contentType?: string;
	noSign?: boolean;
}

export class TtsClient {
	constructor(
		public base: string,
		public token: string | null = null,
		public cipher: string | null = null,
	) {}

	async call(method: string, path: string, o: CallOptions = {}): Promise<AxiosResponse<any>> {
		const q: Record<string, string> = {};
		for (const [k, v] of Object.entries(o.query ?? {})) q[k] = String(v);
		q.app_key = o.appKey ?? SANDBOX_APP_KEY;
		q.timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
		const cipher = o.cipher === undefined ? this.cipher : o.cipher;
		if (cipher) q.shop_cipher = cipher;
		let body = o.body === undefined ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
		if (!o.noSign) q.sign = signRequest(o.secret ?? SANDBOX_APP_SECRET, path, q, body);
		let finalQ = q;
		if (o.tamper) ({ q: finalQ, body } = o.tamper({ ...q }, body));
		const qs = Object.entries(finalQ)
			.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
			.join('&');
		const token = o.token === undefined ? this.token : o.token;
		const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json' };
		if (token) headers['x-tts-access-token'] = token;
		return axios.request({
			method,
			url: `${this.base}${path}?${qs}`,
			data: body === '' ? undefined : body,
			headers,
			validateStatus: () => true,
			transformRequest: [(d) => d],
		});
	}
}

export async function getToken(base: string, authCode: string) {
	return axios.get(`${base}/api/v2/token/get`, {
		params: { app_key: SANDBOX_APP_KEY, app_secret: SANDBOX_APP_SECRET, auth_code: authCode, grant_type: 'authorized_code' },
		validateStatus: () => true,
	});
}

export async function refreshToken(base: string, rt: string, grantType = 'refresh_token', secret = SANDBOX_APP_SECRET) {
	return axios.get(`${base}/api/v2/token/refresh`, {
		params: { app_key: SANDBOX_APP_KEY, app_secret: secret, refresh_token: rt, grant_type: grantType },
		validateStatus: () => true,
	});
}

export async function ctl(base: string, method: string, path: string, data?: unknown) {
	return axios.request({ method, url: `${base}/_sandbox${path}`, data, validateStatus: () => true });
}

/** Start a sandbox, obtain an access token via the seeded refresh token, and return a client bound to shop 0. */
export async function setup(opts: SandboxOptions = {}): Promise<{ sbx: Sandbox; client: TtsClient; shops: any[]; accessToken: string }> {
	const sbx = await startSandbox({ ...opts, tikTokShop: { orderCount: 800, productCount: 120, ...(opts.tikTokShop ?? {}) } });
	const r = await refreshToken(sbx.url, SANDBOX_REFRESH_TOKEN);
	if (r.data.code !== 0) throw new Error('refresh failed: ' + JSON.stringify(r.data));
	const accessToken = r.data.data.access_token;
	const client = new TtsClient(sbx.url, accessToken);
	const shops = (await client.call('GET', '/authorization/202309/shops', { cipher: null })).data.data.shops;
	client.cipher = shops[0].cipher;
	return { sbx, client, shops, accessToken };
}
