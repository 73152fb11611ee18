import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from './common/clock';
import { readBody, type RequestContext, sendBytes, sendJson } from './common/http';
import type { Marketplace, Reply } from './common/marketplace';
import { RequestLog } from './common/requestLog';
import { type ReplyFault, type RouteTrafficConfig, TrafficControl } from './common/traffic';
import { newRequestId } from './tiktokshop/envelope';
import { TIKTOKSHOP_DEFAULTS, TikTokShopMarketplace } from './tiktokshop';
import type { TikTokShopSettings } from './tiktokshop/state';
import { TOKOPEDIA_DEFAULTS, TokopediaMarketplace } from './tokopedia';
import type { TokopediaSettings } from './tokopedia/state';
import type { WebhookConfig } from './common/webhookDelivery';
import { SandboxWebhooks } from './webhooks';

export interface SandboxOptions {
	/** 0 = random free port (default 0). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** PRNG seed for the seeded data (default 42). */
	seed?: number;
	tikTokShop?: Partial<TikTokShopSettings>;
	tokopedia?: Partial<TokopediaSettings>;
	/** Webhook delivery: { timeoutMs = 5000, retryDelaysMs = [1000, 3000, 10000], duplicates = false } (see README "Webhooks"). */
	webhooks?: Partial<WebhookConfig>;
}

export interface Sandbox {
	/** Base URL, e.g. http://127.0.0.1:8787 (no trailing slash). Serves API host, auth host and control API. */
	url: string;
	close(): Promise<void>;
	/** TikTok Shop simulator: `.state` (shops, orders, packages...), `.auth` (tokens), `.settings`. */
	tikTokShop: TikTokShopMarketplace;
	/** Tokopedia simulator: `.state` (shops, products, orders, stock log...), `.auth` (tokens), `.limiter`, `.settings`. */
	tokopedia: TokopediaMarketplace;
	clock: Clock;
	traffic: TrafficControl;
	log: RequestLog;
	/** Webhook registrations → signed deliveries: `.engine` (delivery log, config), `.tiktokshop`, `.tokopedia`. */
	webhooks: SandboxWebhooks;
}

export interface SandboxConfigPatch {
	latencyMs?: number;
	routes?: Record<string, RouteTrafficConfig | null>;
	clockOffsetSeconds?: number;
	accessTokenTtlSeconds?: number;
	refreshGraceSeconds?: number;
	expiredTokenHttpStatus?: number;
	/** Tokopedia settings: { accessTokenTtlSeconds?, defaultQps?, defaultBurst? } */
	tokopedia?: Partial<Pick<TokopediaSettings, 'accessTokenTtlSeconds' | 'defaultQps' | 'defaultBurst'>> & { webhookAuthHeaderStyle?: 'hmac' | 'tkpd' };
	/** Webhook delivery: { timeoutMs?, retryDelaysMs?, duplicates? } */
	webhooks?: Partial<WebhookConfig>;
}

const SAFE_QUERY_DROP = new Set(['sign', 'app_secret']);

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const host = opts.host ?? '127.0.0.1';
	const seed = opts.seed ?? 42;
	const clock = new Clock();
	const traffic = new TrafficControl(seed);
	const log = new RequestLog();
	const tikTokShop = new TikTokShopMarketplace(clock, seed, { ...TIKTOKSHOP_DEFAULTS, ...(opts.tikTokShop ?? {}) });
	const tokopedia = new TokopediaMarketplace(clock, seed, { ...TOKOPEDIA_DEFAULTS, ...(opts.tokopedia ?? {}) }, traffic);
	// Order matters: the first marketplace claiming a path serves it. TikTok Shop claims everything, so it goes last.
	const marketplaces: Marketplace[] = [tokopedia, tikTokShop];
	const webhooks = new SandboxWebhooks(tikTokShop, tokopedia, clock, opts.webhooks);
	const startedAt = Date.now();
	const hanging = new Set<ServerResponse>();
	let url = '';

	const sendReply = (res: ServerResponse, r: Reply) => {
		if (r.raw) sendBytes(res, r.status, r.raw, r.contentType ?? 'application/octet-stream', r.headers);
		else sendJson(res, r.status, r.json ?? null, r.headers);
	};

	const control = (ctx: RequestContext, baseUrl: string): Reply => {
		const sub = ctx.path.slice('/_sandbox'.length);
		let body: any = {};
		if (ctx.rawBody.length) {
			try {
				body = JSON.parse(ctx.rawBody.toString('utf8'));
			} catch {
				return { status: 400, json: { error: 'body is not valid JSON' } };
			}
		}
		const M = ctx.method;
		if (sub === '/health' && M === 'GET') return { status: 200, json: { ok: true } };
		if (sub === '/reset' && M === 'POST') {
			for (const mp of marketplaces) mp.reset({ clearTokens: body?.clearTokens === true });
			traffic.reset();
			clock.offsetSeconds = 0;
			log.reset();
			webhooks.reset();
			return { status: 200, json: { ok: true } };
		}
		if (sub === '/stats' && M === 'GET') {
			const stats: Record<string, unknown> = {
				uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
				requests: { total: log.total, byRoute: log.requestsByRoute, byStatus: log.statusCounts },
				rateLimited: log.rateLimited,
				faultsInjected: log.faultsInjected,
				faultsByRoute: log.faultsByRoute,
				effects: log.effects,
			};
			for (const mp of marketplaces) stats[mp.name] = mp.stats();
			stats.webhooks = webhooks.stats();
			return { status: 200, json: stats };
		}
		if (sub === '/requests' && M === 'GET') {
			const limit = Number(ctx.query.get('limit') ?? 100);
			return { status: 200, json: { requests: log.recent(Number.isFinite(limit) ? limit : 100) } };
		}
		if (sub === '/config') {
			if (M === 'POST') {
				const p = (body ?? {}) as SandboxConfigPatch;
				try {
					webhooks.applyConfig(p as Record<string, any>);
				} catch (e) {
					return { status: 400, json: { error: (e as Error).message } };
				}
				traffic.apply({ latencyMs: p.latencyMs, routes: p.routes });
				if (typeof p.clockOffsetSeconds === 'number') clock.offsetSeconds = p.clockOffsetSeconds;
				for (const mp of marketplaces) mp.applyConfig(p as Record<string, unknown>);
			} else if (M === 'DELETE') {
				traffic.reset();
				clock.offsetSeconds = 0;
				for (const mp of marketplaces) mp.resetConfig();
				webhooks.resetConfig();
			} else if (M !== 'GET') return { status: 405, json: { error: 'use GET, POST or DELETE' } };
			const cfg: Record<string, unknown> = { ...traffic.config, clockOffsetSeconds: clock.offsetSeconds };
			for (const mp of marketplaces) Object.assign(cfg, mp.config());
			webhooks.configView(cfg);
			return { status: 200, json: cfg };
		}
		const wh = webhooks.control(ctx, sub, body);
		if (wh) return wh;
		for (const mp of marketplaces) {
			const prefix = `/${mp.name}`;
			if (sub === prefix || sub.startsWith(prefix + '/')) {
				const r = mp.control(ctx, sub.slice(prefix.length) || '/', body, baseUrl);
				if (r) return r;
			}
		}
		return { status: 404, json: { error: `unknown control endpoint ${M} ${ctx.path}` } };
	};

	/** Never answers; the socket is destroyed after `hangMs`, when the client gives up, or when the sandbox closes. */
	const hang = (res: ServerResponse, hangMs?: number) => {
		hanging.add(res);
		res.on('close', () => hanging.delete(res));
		if (hangMs !== undefined && hangMs >= 0) {
			const timer = setTimeout(() => res.socket?.destroy(), hangMs);
			res.on('close', () => clearTimeout(timer));
		}
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const u = new URL(req.url ?? '/', 'http://sandbox.local');
		const ctx: RequestContext = {
			req,
			res,
			method: (req.method ?? 'GET').toUpperCase(),
			path: u.pathname,
			query: u.searchParams,
			rawBody: await readBody(req),
			params: {},
			requestId: newRequestId(),
			startedAt: Date.now(),
		};
		const baseUrl = req.headers.host ? `http://${req.headers.host}` : url;

		if (ctx.path === '/_sandbox' || ctx.path.startsWith('/_sandbox/')) {
			sendReply(res, control(ctx, baseUrl));
			return;
		}

		const mp = marketplaces.find((m) => m.claims(ctx))!;
		let reply: Reply | null = null;
		const prepared = mp.prepare(ctx, baseUrl);
		if (prepared.kind === 'reply') reply = prepared.reply;
		else {
			const key = ctx.routeKey!;
			if (!traffic.takeToken(key)) reply = mp.rateLimitedReply(ctx);
			else {
				const fault = traffic.takeFault(key, mp.pageOf(ctx));
				if (fault !== null) log.countFault(key, fault.status);
				const latency = traffic.latencyFor(key);
				if (latency > 0) await new Promise((r) => setTimeout(r, latency));
				if (fault?.status === 'drop') {
					record(ctx, 0, null);
					req.socket.destroy();
					return;
				}
				if (fault?.status === 'timeout') {
					hang(res, fault.hangMs);
					record(ctx, 0, null);
					return;
				}
				if (fault?.status === 'apply-drop' || fault?.status === 'apply-timeout') {
					const applied = await prepared.run();
					log.countEffect(ctx, applied);
					record(ctx, 0, applied.code ?? null);
					if (fault.status === 'apply-drop') req.socket.destroy();
					else hang(res, fault.hangMs);
					return;
				}
				if (fault?.status === 429) {
					reply = mp.rateLimitedReply(ctx);
					if (fault.retryAfterSeconds !== undefined) reply.headers = { ...reply.headers, 'Retry-After': String(fault.retryAfterSeconds) };
				} else reply = fault !== null ? mp.faultReply(ctx, fault.status as ReplyFault) : await prepared.run();
				if (fault === null) log.countEffect(ctx, reply);
			}
		}
		sendReply(res, reply);
		record(ctx, reply.status, reply.code ?? null);
	};

	const record = (ctx: RequestContext, status: number, code: number | null) => {
		const query: Record<string, string> = {};
		for (const [k, v] of ctx.query) if (!SAFE_QUERY_DROP.has(k)) query[k] = v;
		log.add({
			time: new Date().toISOString(),
			method: ctx.method,
			path: ctx.path,
			route: ctx.routeKey ?? null,
			query,
			status,
			code,
			bodySize: ctx.rawBody.length,
			durationMs: Date.now() - ctx.startedAt,
			requestId: ctx.requestId,
		});
	};

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (!res.headersSent)
				sendJson(res, 500, { code: 36009003, message: `Internal error: ${(e as Error)?.message ?? e}`, request_id: newRequestId(), data: null });
		});
	});
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => resolve());
	});
	const addr = server.address() as AddressInfo;
	const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	url = `http://${shownHost}:${addr.port}`;

	return {
		url,
		tikTokShop,
		tokopedia,
		clock,
		traffic,
		log,
		webhooks,
		close: () =>
			new Promise<void>((resolve) => {
				webhooks.close();
				for (const r of hanging) r.destroy();
				hanging.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
