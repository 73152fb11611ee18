import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	/** URL path, not decoded. */
	path: string;
	query: URLSearchParams;
	/** Raw request body bytes exactly as received. */
	rawBody: Buffer;
	params: Record<string, string>;
	requestId: string;
	startedAt: number;
	/** Normalized route key "METHOD /pattern/{}" once matched (used for stats, rate limits, faults). */
	routeKey?: string;
	/** Filled by the responder for the request log. */
	status?: number;
	code?: number;
}

export function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > limit) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, body: Buffer, contentType: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(body.length), ...headers });
	res.end(body);
}

/** Media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Normalize a route pattern: `{name}` / `:name` → `{}`; method upper-cased. */
export function routeKey(method: string, pattern: string): string {
	return `${method.toUpperCase()} ${pattern.replace(/\{[^}/]*\}|:[A-Za-z_][A-Za-z0-9_]*/g, '{}')}`;
}

interface Route<H> {
	method: string;
	pattern: string;
	key: string;
	regex: RegExp;
	names: string[];
	handler: H;
	literal: boolean;
}

export type RouteMatch<H> =
	| { kind: 'ok'; handler: H; params: Record<string, string>; key: string; pattern: string }
	| { kind: 'method' }
	| { kind: 'none' };

/** Tiny router: patterns like `/fulfillment/202309/packages/{package_id}/ship`. */
export class Router<H> {
	private routes: Array<Route<H>> = [];

	add(method: string, pattern: string, handler: H): this {
		const names: string[] = [];
		const src = pattern
			.split('/')
			.map((seg) => {
				const m = /^\{([^}]+)\}$/.exec(seg) ?? /^:(.+)$/.exec(seg);
				if (m) {
					names.push(m[1]);
					return '([^/]+)';
				}
				return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({
			method: method.toUpperCase(),
			pattern,
			key: routeKey(method, pattern),
			regex: new RegExp(`^${src}/?$`),
			names,
			handler,
			literal: names.length === 0,
		});
		// literal routes first so `/packages/ship` wins over `/packages/{id}`
		this.routes.sort((a, b) => Number(b.literal) - Number(a.literal));
		return this;
	}

	match(method: string, path: string): RouteMatch<H> {
		let pathMatched = false;
		for (const r of this.routes) {
			const m = r.regex.exec(path);
			if (!m) continue;
			if (r.method !== method.toUpperCase()) {
				pathMatched = true;
				continue;
			}
			const params: Record<string, string> = {};
			r.names.forEach((n, i) => {
				try {
					params[n] = decodeURIComponent(m[i + 1]);
				} catch {
					params[n] = m[i + 1];
				}
			});
			return { kind: 'ok', handler: r.handler, params, key: r.key, pattern: r.pattern };
		}
		return pathMatched ? { kind: 'method' } : { kind: 'none' };
	}

	keys(): string[] {
		return this.routes.map((r) => r.key);
	}
}
