import type { Clock } from '../common/clock';
import { type RequestContext, Router, routeKey } from '../common/http';
import type { Marketplace, Prepared, Reply } from '../common/marketplace';
import type { ReplyFault, TrafficControl } from '../common/traffic';
import { TokopediaAuth } from './auth';
import { ACTIVE_MAX_IDS, BULK_MAX_ROWS, BULK_ROUTE_PATTERNS, TOKOPEDIA_FS_ID } from './constants';
import { ControlError, type ControlHandler, registerControlRoutes } from './control';
import { ApiError, errorEnvelope, okEnvelope } from './envelope';
import { RateLimiter } from './ratelimit';
import type { ApiCtx, Handler, Out } from './routes/common';
import { registerOrderRoutes } from './routes/orders';
import { registerProductRoutes } from './routes/products';
import { registerFinanceRoutes } from './routes/finance';
import { registerShopRoutes } from './routes/shop';
import { registerWebhookRoutes } from './routes/webhooks';
import type { TokopediaStateEvent } from './events';
import { seedTokopedia } from './seed';
import { TokopediaState, type TokopediaSettings } from './state';

export * from './constants';
export { TokopediaState, type TokopediaSettings } from './state';

export const TOKOPEDIA_DEFAULTS: TokopediaSettings = {
	accessTokenTtlSeconds: 1209600,
	defaultQps: 20,
	defaultBurst: 20,
	orderCount: 1500,
	productCount: 300,
	pickupAfterAckSeconds: 5,
};

const CONFIG_KEYS = ['accessTokenTtlSeconds', 'defaultQps', 'defaultBurst', 'pickupAfterAckSeconds'] as const;
const BULK_KEYS = new Set(BULK_ROUTE_PATTERNS.map((p) => routeKey('POST', p)));

/**
 * Number of requests a bulk call counts for (§7.1): array length, or `product_id` list length for active/inactive/delete.
 * A body that will be rejected as a whole (invalid JSON, too many rows → PRD_DLV_018) counts as one request.
 */
function bulkRows(raw: Buffer): number {
	try {
		const b = JSON.parse(raw.toString('utf8'));
		const rows = Array.isArray(b) ? b : Array.isArray(b?.product_id) ? b.product_id : null;
		const max = Array.isArray(b) ? BULK_MAX_ROWS : ACTIVE_MAX_IDS;
		return rows && rows.length && rows.length <= max ? rows.length : 1;
	} catch {
		return 1;
	}
}

/** Tokopedia Seller API ("fs.tokopedia.net") + token host ("accounts.tokopedia.com") on the shared sandbox server. */
export class TokopediaMarketplace implements Marketplace {
	readonly name = 'tokopedia';
	settings: TokopediaSettings;
	state!: TokopediaState;
	auth: TokopediaAuth;
	limiter: RateLimiter;
	private api = new Router<Handler>();
	private controlRoutes = new Router<ControlHandler>();
	/** Webhook listener (sandbox/webhooks.ts); attached to every (re-)seeded state after seeding. */
	onStateEvent: ((e: TokopediaStateEvent) => void) | null = null;

	constructor(
		private clock: Clock,
		private seed: number,
		private initial: TokopediaSettings,
		traffic: TrafficControl,
	) {
		this.settings = { ...initial };
		this.auth = new TokopediaAuth(clock, () => this.settings.accessTokenTtlSeconds);
		this.limiter = new RateLimiter(traffic, () => ({ qps: this.settings.defaultQps, burst: this.settings.defaultBurst }));
		registerOrderRoutes(this.api);
		registerProductRoutes(this.api);
		registerShopRoutes(this.api);
		registerWebhookRoutes(this.api);
		registerFinanceRoutes(this.api);
		registerControlRoutes(this.controlRoutes, this);
		this.reseed();
	}

	reseed(): void {
		this.state = new TokopediaState(this.seed, this.clock, this.settings);
		seedTokopedia(this.state);
		this.state.onEvent = (e) => this.onStateEvent?.(e);
	}

	claims(ctx: RequestContext): boolean {
		return ctx.path === '/token' || /^\/(v1|v2|v3|inventory)\//.test(ctx.path);
	}

	private err(ctx: RequestContext, status: number, code: string, reason: string, headers?: Record<string, string>): Reply {
		return { status, json: errorEnvelope(status, code, reason, ctx.startedAt), headers };
	}

	prepare(ctx: RequestContext): Prepared {
		if (ctx.path === '/token') {
			ctx.routeKey = 'POST /token';
			if (ctx.method !== 'POST')
				return { kind: 'reply', reply: { status: 405, json: { error: 'invalid_request', error_description: 'use POST /token?grant_type=client_credentials' } } };
			return {
				kind: 'ready',
				run: () => {
					const [status, json] = this.auth.grant(ctx.req.headers.authorization, ctx.query, ctx.rawBody);
					return { status, json };
				},
			};
		}

		const m = this.api.match(ctx.method, ctx.path);
		if (m.kind === 'none') return { kind: 'reply', reply: this.err(ctx, 404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`) };
		if (m.kind === 'method') return { kind: 'reply', reply: this.err(ctx, 405, 'METHOD_NOT_ALLOWED', `Method ${ctx.method} is not allowed on ${ctx.path}`) };
		const key = m.key;
		ctx.routeKey = key;
		ctx.params = m.params;

		const auth = this.auth.check(ctx.req.headers.authorization);
		if (!auth.ok)
			return {
				kind: 'reply',
				reply: this.err(ctx, 401, 'UNAUTHORIZED', auth.why === 'expired' ? 'unauthorized: access token expired' : 'unauthorized', this.limiter.headers(key)),
			};

		const rows = BULK_KEYS.has(key) ? bulkRows(ctx.rawBody) : 1;
		const granted = this.limiter.take(key, rows);
		if (granted === 0) return { kind: 'reply', reply: this.rateLimitedReply(ctx) };

		const fsRaw = m.params.fs_id ?? ctx.query.get('fs_id');
		const headers = () => this.limiter.headers(key);
		if (fsRaw === null || fsRaw === undefined || fsRaw === '') return { kind: 'reply', reply: this.err(ctx, 400, 'ORD_DLV_001', 'fs_id cannot be empty', headers()) };
		if (!/^\d+$/.test(fsRaw)) return { kind: 'reply', reply: this.err(ctx, 400, 'ORD_DLV_002', 'Invalid fs_id', headers()) };
		const fsId = Number(fsRaw);
		if (fsId !== auth.fsId) return { kind: 'reply', reply: this.err(ctx, 403, 'RBAC_MDLW_001', `fs_id ${fsId} is not associated with this app`, headers()) };

		return {
			kind: 'ready',
			run: () => {
				const c: ApiCtx = {
					state: this.state,
					fsId,
					query: ctx.query,
					params: m.params,
					rawBody: ctx.rawBody,
					now: this.clock.now(),
					route: key,
					allowedRows: granted,
				};
				let out: Out;
				try {
					out = m.handler(c);
				} catch (e) {
					if (e instanceof ApiError) return this.err(ctx, e.status, e.errorCode, e.reason, headers());
					throw e;
				}
				if (out.kind === 'html') return { status: 200, raw: Buffer.from(out.html, 'utf8'), contentType: 'text/html; charset=utf-8', headers: headers() };
				if (out.kind === 'old') return { status: out.status, json: out.body, headers: headers() };
				return { status: 200, json: okEnvelope(out.data, ctx.startedAt, out.opts), headers: headers() };
			},
		};
	}

	rateLimitedReply(ctx: RequestContext): Reply {
		const key = ctx.routeKey ?? 'POST /token';
		return this.err(ctx, 429, 'ERR_TOO_MANY_REQUEST', 'Too many requests: rate limit exceeded, retry after X-Ratelimit-Reset-After seconds', this.limiter.headers(key));
	}

	pageOf(ctx: RequestContext): number | undefined {
		const page = Number(ctx.query.get('page'));
		return Number.isInteger(page) && page >= 1 ? page : undefined;
	}

	faultReply(ctx: RequestContext, status: ReplyFault): Reply {
		if (status === 'denied') return this.err(ctx, 403, 'RBAC_MDLW_002', 'shop owner has not granted the app permission');
		if (ctx.path === '/token') return { status, json: { error: 'server_error', error_description: 'The authorization server encountered an unexpected condition' } };
		return this.err(ctx, status, status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', 'Internal server error', ctx.routeKey ? this.limiter.headers(ctx.routeKey) : undefined);
	}

	control(ctx: RequestContext, subpath: string, body: any, baseUrl: string): Reply | null {
		const m = this.controlRoutes.match(ctx.method, subpath);
		if (m.kind === 'none') return null;
		if (m.kind === 'method') return { status: 405, json: { error: `method ${ctx.method} not allowed on ${ctx.path}` } };
		try {
			return m.handler({ ctx, params: m.params, body, baseUrl });
		} catch (e) {
			if (e instanceof ControlError) return { status: e.status, json: { error: e.message } };
			if (e instanceof ApiError) return { status: 409, json: { error: e.reason, error_code: e.errorCode } };
			throw e;
		}
	}

	reset(opts: { clearTokens?: boolean }): void {
		Object.assign(this.settings, this.initial);
		if (opts.clearTokens) this.auth.clear();
		this.limiter.reset();
		this.reseed();
	}

	stats(): Record<string, unknown> {
		const byStatus: Record<string, number> = {};
		for (const o of this.state.orders.values()) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
		return {
			fsId: TOKOPEDIA_FS_ID,
			tokenGrants: this.auth.grants,
			tokenGrantFailures: this.auth.failedGrants,
			accessTokensIssued: this.auth.tokens.size,
			orders: this.state.orders.size,
			ordersByStatus: byStatus,
			products: [...this.state.products.values()].filter((p) => p.status !== 0).length,
			stockChanges: this.state.stockLog.length,
			rateLimitedRequests: this.limiter.rejected,
			throttledBulkRows: this.limiter.throttledRows,
		};
	}

	/** `POST /_sandbox/config {tokopedia: {accessTokenTtlSeconds?, defaultQps?, defaultBurst?}}` (per-route limits use the shared `routes`). */
	applyConfig(cfg: Record<string, unknown>): void {
		const t = cfg.tokopedia as Record<string, unknown> | undefined;
		if (!t || typeof t !== 'object') return;
		for (const k of CONFIG_KEYS) if (typeof t[k] === 'number' && Number.isFinite(t[k])) this.settings[k] = t[k] as number;
	}

	resetConfig(): void {
		for (const k of CONFIG_KEYS) this.settings[k] = this.initial[k];
		this.limiter.reset();
	}

	config(): Record<string, unknown> {
		return { tokopedia: Object.fromEntries(CONFIG_KEYS.map((k) => [k, this.settings[k]])) };
	}
}
