import type { Clock } from '../common/clock';
import { mediaType, type RequestContext, Router } from '../common/http';
import type { Marketplace, Prepared, Reply } from '../common/marketplace';
import type { ReplyFault } from '../common/traffic';
import { AuthStore } from './auth';
import { ERR, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, TIMESTAMP_MAX_AGE_SECONDS, TIMESTAMP_MAX_AHEAD_SECONDS } from './constants';
import { ControlError, registerControlRoutes, type ControlHandler } from './control';
import { type ApiResult, ApiError, envelope, ok } from './envelope';
import type { TikTokStateEvent } from './events';
import { registerAuthorizationRoutes } from './routes/authorization';
import { type Handler, pageNumberOf } from './routes/common';
import { registerEventRoutes } from './routes/event';
import { registerFinanceRoutes } from './routes/finance';
import { registerFulfillmentRoutes } from './routes/fulfillment';
import { registerLogisticsRoutes } from './routes/logistics';
import { registerOrderRoutes } from './routes/order';
import { registerAftersaleRoutes, registerReturnRefundRoutes } from './routes/return_refund';
import { registerProductRoutes } from './routes/product';
import { registerPromotionRoutes } from './routes/promotion';
import { registerSellerRoutes } from './routes/seller';
import { seedAftersale } from './aftersale';
import { cat } from './catalog';
import { seedTikTokShop } from './seed';
import { computeSign, signMatches } from './signature';
import { type TikTokShopSettings, TikTokShopState } from './state';

export * from './constants';
export { computeSign } from './signature';
export { TikTokShopState } from './state';

export const TIKTOKSHOP_DEFAULTS: TikTokShopSettings = {
	accessTokenTtlSeconds: 604800,
	refreshGraceSeconds: 120,
	expiredTokenHttpStatus: 401,
	orderCount: 3000,
	productCount: 1200,
	productAuditSeconds: 0,
};

/** Routes whose body is multipart/form-data (signature without body; not JSON-parsed). */
const MULTIPART_ROUTES = new Set(['POST /product/202309/images/upload']);

type TokenHandler = (q: URLSearchParams) => Record<string, unknown>;

/** Paths that must NOT carry shop_cipher (subset of the PHP SDK list relevant here). */
function isShopScoped(path: string): boolean {
	return !/^\/(authorization|seller)\//.test(path) && !/^\/product\/\d+\/(global_products|files\/upload|images\/upload|compliance)/.test(path);
}

function reply(r: ApiResult, requestId: string): Reply {
	return { status: r.status, json: envelope(r, requestId), code: r.code };
}

function errorReply(e: ApiError, requestId: string): Reply {
	return reply({ status: e.status, code: e.code, message: e.message, data: e.data ?? null }, requestId);
}

export class TikTokShopMarketplace implements Marketplace {
	readonly name = 'tiktokshop';
	settings: TikTokShopSettings;
	state!: TikTokShopState;
	auth: AuthStore;
	private api = new Router<Handler>();
	private tokenRoutes = new Router<TokenHandler>();
	private controlRoutes = new Router<ControlHandler>();
	/** Webhook listener (sandbox/webhooks.ts); attached to every (re-)seeded state after seeding. */
	onStateEvent: ((e: TikTokStateEvent) => void) | null = null;

	constructor(
		private clock: Clock,
		private seed: number,
		private initial: TikTokShopSettings,
	) {
		this.settings = { ...initial };
		this.auth = new AuthStore(clock, this.settings);
		registerAuthorizationRoutes(this.api);
		registerOrderRoutes(this.api);
		registerFulfillmentRoutes(this.api);
		registerLogisticsRoutes(this.api);
		registerReturnRefundRoutes(this.api);
		registerEventRoutes(this.api);
		registerProductRoutes(this.api);
		registerPromotionRoutes(this.api);
		registerSellerRoutes(this.api);
		registerAftersaleRoutes(this.api);
		registerFinanceRoutes(this.api);
		this.tokenRoutes.add('GET', '/api/v2/token/get', (q) => this.auth.getToken(q));
		this.tokenRoutes.add('GET', '/api/v2/token/refresh', (q) => this.auth.refresh(q));
		registerControlRoutes(this.controlRoutes, this);
		this.reseed();
	}

	reseed(): void {
		this.state = new TikTokShopState(this.seed, this.clock, this.settings);
		seedTikTokShop(this.state);
		seedAftersale(this.state);
		const log = cat(this.state);
		this.state.onStock = (ref, wid, before, after, source, orderId) => log.logStock(ref, wid, before, after, source, { order_id: orderId });
		this.state.onEvent = (e) => this.onStateEvent?.(e);
	}

	claims(): boolean {
		return true; // TikTok Shop owns every non-control path (mount other marketplaces before it)
	}

	prepare(ctx: RequestContext, baseUrl: string): Prepared {
		const rid = ctx.requestId;
		const fail = (status: number, code: number, message: string): Prepared => ({
			kind: 'reply',
			reply: reply({ status, code, message, data: null }, rid),
		});

		if (ctx.path.startsWith('/api/v2/token/')) {
			const m = this.tokenRoutes.match(ctx.method, ctx.path);
			if (m.kind === 'none') return fail(404, ERR.INVALID_PATH, 'Invalid path. Please check the path in the request.');
			if (m.kind === 'method') return fail(405, ERR.METHOD_NOT_SUPPORTED, `HTTP method ${ctx.method} is not supported for this path.`);
			ctx.routeKey = m.key;
			return {
				kind: 'ready',
				run: () => {
					try {
						return reply(ok(m.handler(ctx.query), 'success'), rid);
					} catch (e) {
						if (e instanceof ApiError) return errorReply(e, rid);
						throw e;
					}
				},
			};
		}

		const m = this.api.match(ctx.method, ctx.path);
		if (m.kind === 'none') return fail(404, ERR.INVALID_PATH, 'Invalid path. Please check the path in the request.');
		if (m.kind === 'method') return fail(405, ERR.METHOD_NOT_SUPPORTED, `HTTP method ${ctx.method} is not supported for this path.`);
		ctx.routeKey = m.key;
		ctx.params = m.params;
		const q = ctx.query;

		const appKey = q.get('app_key');
		if (!appKey) return fail(400, ERR.INVALID_PARAM, 'Invalid app_key: the app_key query parameter is missing.');
		if (appKey !== SANDBOX_APP_KEY) return fail(400, ERR.INVALID_PARAM, 'Invalid app_key. Please check the app_key in the request.');

		const ts = q.get('timestamp');
		if (!ts || !/^\d{10}$/.test(ts))
			return fail(400, ERR.INVALID_PARAM, 'Invalid timestamp: the timestamp query parameter must be a 10-digit unix timestamp in seconds.');
		const now = this.clock.realNow();
		if (Number(ts) < now - TIMESTAMP_MAX_AGE_SECONDS)
			return fail(400, ERR.INVALID_PARAM, 'Invalid timestamp: the timestamp cannot be earlier than 5 minutes before the current time.');
		if (Number(ts) > now + TIMESTAMP_MAX_AHEAD_SECONDS)
			return fail(400, ERR.INVALID_PARAM, 'Invalid timestamp: the timestamp cannot be more than 30 seconds ahead of the current time.');

		const sign = q.get('sign');
		if (!sign) return fail(401, ERR.INVALID_SIGN, 'Invalid credentials: signature is missing. Please add the sign query parameter.');
		const expected = computeSign(SANDBOX_APP_SECRET, ctx.path, q, ctx.rawBody, ctx.req.headers['content-type']);
		if (!signMatches(expected, sign)) return fail(401, ERR.INVALID_SIGN, 'Invalid credentials: signature is invalid.');

		const tokHeader = ctx.req.headers['x-tts-access-token'];
		const tok = Array.isArray(tokHeader) ? tokHeader[0] : tokHeader;
		if (!tok) return fail(401, ERR.INVALID_PARAM, 'Invalid access_token: the x-tts-access-token header is missing.');
		const check = this.auth.checkAccess(tok);
		if (check === 'invalid') return fail(401, ERR.INVALID_PARAM, 'Invalid access_token: the x-tts-access-token header value is not a valid access token.');
		if (check === 'expired')
			return fail(this.settings.expiredTokenHttpStatus, ERR.EXPIRED_TOKEN, 'Expired credentials: the access token has expired. Please refresh the access token.');

		const cipher = q.get('shop_cipher');
		let shop = null;
		if (isShopScoped(ctx.path)) {
			if (!cipher) return fail(400, ERR.MISSING_CIPHER, 'Missing shop_cipher: the shop_cipher query parameter is required for this request.');
			shop = this.state.shopByCipher.get(cipher) ?? null;
			if (!shop) return fail(400, ERR.INVALID_PARAM, 'Invalid shop_cipher: the shop does not exist or is not authorized for this access token.');
		} else if (q.has('shop_cipher')) {
			return fail(400, ERR.INVALID_PARAM, 'Unexpected identifier. The `shop_cipher` query parameter is not required for this request.');
		}

		return {
			kind: 'ready',
			run: () => {
				try {
					let body: any = {};
					const multipart = MULTIPART_ROUTES.has(m.key);
					if (multipart && mediaType(ctx.req.headers['content-type']) !== 'multipart/form-data')
						throw new ApiError(400, 36009023, 'Invalid Content-Type: the request must be multipart/form-data.');
					if (ctx.rawBody.length && !multipart) {
						const mt = mediaType(ctx.req.headers['content-type']);
						if (mt !== 'application/json')
							throw new ApiError(400, ERR.BAD_CONTENT_TYPE, 'Invalid Content-Type: the request body must be application/json.');
						try {
							body = JSON.parse(ctx.rawBody.toString('utf8'));
						} catch {
							throw new ApiError(400, ERR.INVALID_PARAM, 'invalid param error: the request body is not valid JSON.');
						}
						if (body === null || typeof body !== 'object' || Array.isArray(body))
							throw new ApiError(400, ERR.INVALID_PARAM, 'invalid param error: the request body must be a JSON object.');
					}
					const r = m.handler({
						state: this.state,
						shop,
						query: q,
						params: m.params,
						body,
						now: this.clock.now(),
						baseUrl,
						requestId: rid,
						routeKey: m.key,
						rawBody: ctx.rawBody,
						contentType: ctx.req.headers['content-type'],
					});
					return reply(r, rid);
				} catch (e) {
					if (e instanceof ApiError) return errorReply(e, rid);
					throw e;
				}
			},
		};
	}

	rateLimitedReply(ctx: RequestContext): Reply {
		return reply({ status: 429, code: ERR.TOO_MANY_REQUESTS, message: 'Too many requests. Please retry later.', data: null }, ctx.requestId);
	}

	pageOf(ctx: RequestContext): number | undefined {
		return pageNumberOf(ctx.query);
	}

	faultReply(ctx: RequestContext, status: ReplyFault): Reply {
		if (status === 'denied') {
			return reply({ status: 403, code: 105005, message: 'Access denied. You should apply auth pkg for this api.', data: null }, ctx.requestId);
		}
		return reply(
			{
				status,
				code: ERR.INTERNAL,
				message: status === 503 ? 'Service unavailable: the server is overloaded. Please retry later.' : 'Internal error. Please retry later.',
				data: null,
			},
			ctx.requestId,
		);
	}

	control(ctx: RequestContext, subpath: string, body: any, baseUrl: string): Reply | null {
		const m = this.controlRoutes.match(ctx.method, subpath);
		if (m.kind === 'none') return null;
		if (m.kind === 'method') return { status: 405, json: { error: `method ${ctx.method} not allowed on ${ctx.path}` } };
		try {
			return m.handler({ ctx, params: m.params, body, baseUrl });
		} catch (e) {
			if (e instanceof ControlError) return { status: e.status, json: { error: e.message } };
			if (e instanceof ApiError) return { status: e.status === 200 ? 409 : e.status, json: { error: e.message, code: e.code } };
			throw e;
		}
	}

	reset(opts: { clearTokens?: boolean }): void {
		Object.assign(this.settings, this.initial);
		if (opts.clearTokens) this.auth.clear();
		else this.auth.seedDemoRefreshToken();
		this.reseed();
	}

	stats(): Record<string, unknown> {
		const byStatus: Record<string, number> = {};
		for (const o of this.state.orders.values()) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
		return {
			tokenGets: this.auth.tokenGets,
			tokenRefreshes: this.auth.tokenRefreshes,
			accessTokensIssued: this.auth.accessTokens.size,
			orders: this.state.orders.size,
			ordersByStatus: byStatus,
			packages: this.state.packages.size,
			cancellations: this.state.cancellations.size,
			products: [...this.state.products.values()].reduce((s, l) => s + l.length, 0),
		};
	}

	applyConfig(cfg: Record<string, unknown>): void {
		if (typeof cfg.accessTokenTtlSeconds === 'number') this.settings.accessTokenTtlSeconds = cfg.accessTokenTtlSeconds;
		if (typeof cfg.refreshGraceSeconds === 'number') this.settings.refreshGraceSeconds = cfg.refreshGraceSeconds;
		if (typeof cfg.expiredTokenHttpStatus === 'number') this.settings.expiredTokenHttpStatus = cfg.expiredTokenHttpStatus;
	}

	resetConfig(): void {
		this.settings.accessTokenTtlSeconds = this.initial.accessTokenTtlSeconds;
		this.settings.refreshGraceSeconds = this.initial.refreshGraceSeconds;
		this.settings.expiredTokenHttpStatus = this.initial.expiredTokenHttpStatus;
	}

	config(): Record<string, unknown> {
		return {
			accessTokenTtlSeconds: this.settings.accessTokenTtlSeconds,
			refreshGraceSeconds: this.settings.refreshGraceSeconds,
			expiredTokenHttpStatus: this.settings.expiredTokenHttpStatus,
		};
	}
}
