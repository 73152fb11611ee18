import type { IHttpRequestOptions } from 'n8n-workflow';

import { credentialStore } from './context';

export interface ReceivedCall {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

type Handler = (call: ReceivedCall) => { status?: number; code?: number; message?: string; data?: unknown } | undefined;

/**
 * An in-process TikTok Shop for unit tests: records what it receives (path, decoded query, parsed
 * body) and answers from `routes` ("METHOD /path" → handler). Token calls always succeed.
 */
export function fakeTikTok(routes: Record<string, Handler>) {
	const calls: ReceivedCall[] = [];
	const transport = async (options: IHttpRequestOptions) => {
		if (options.url.includes('/api/v2/token/')) {
			const in1h = Math.floor(Date.now() / 1000) + 3600;
			return {
				code: 0,
				data: { access_token: 'TTP_new', access_token_expire_in: in1h, refresh_token: 'TTP_r', refresh_token_expire_in: in1h },
			};
		}
		if (!/^https?:/.test(options.url)) {
			return { statusCode: 200, headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4 test') };
		}
		const url = new URL(options.url);
		const call: ReceivedCall = {
			method: String(options.method ?? 'GET'),
			path: url.pathname,
			query: Object.fromEntries(url.searchParams.entries()),
			body: typeof options.body === 'string' ? JSON.parse(options.body) : options.body,
		};
		if (url.pathname.startsWith('/docs/')) {
			return { statusCode: 200, headers: {}, body: Buffer.from(`%PDF-1.4 ${url.pathname}`) };
		}
		calls.push(call);
		const handler = routes[`${call.method} ${call.path}`];
		const reply = handler?.(call) ?? { status: 404, code: 36009009, message: 'Invalid path' };
		return {
			statusCode: reply.status ?? 200,
			headers: {},
			body: { code: reply.code ?? 0, message: reply.message ?? 'Success', request_id: 'req-test', data: reply.data ?? {} },
		};
	};
	return { calls, transport };
}

let count = 0;
export function testCredentials(extra: Record<string, string> = {}) {
	count++;
	return credentialStore({
		appKey: 'app',
		appSecret: 'app-secret',
		refreshToken: `TTP_refresh_unit_${count}`,
		accessToken: 'TTP_valid',
		apiBaseUrl: 'http://api.test',
		authBaseUrl: 'http://auth.test',
		shopCipher: 'ROW_default',
		...extra,
	});
}
