import type { IHttpRequestOptions } from 'n8n-workflow';

export interface TokenReply {
	statusCode: number;
	body: unknown;
}

/**
 * A credential `preAuthentication` context whose token host answers with `reply` one tick later,
 * recording every request it receives.
 */
export function fakeTokenHost(reply: (options: IHttpRequestOptions) => TokenReply) {
	const calls: IHttpRequestOptions[] = [];
	return {
		calls,
		context: {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					calls.push(options);
					await new Promise((resolve) => setImmediate(resolve));
					const { statusCode, body } = reply(options);
					return { statusCode, headers: {}, body };
				},
			},
		} as never,
	};
}
