import { routeKey } from './http';
import { Prng } from './prng';

/**
 * 500 / 502 / 503: answered with that status, not applied. 429: the route's rate-limited answer (with
 * `Retry-After: retryAfterSeconds` when given), not applied. 'timeout': never answered, not applied.
 * 'drop': the connection is destroyed before the request is applied.
 * 'apply-drop': the request IS applied, then the connection is destroyed without an answer.
 * 'apply-timeout': the request IS applied, then no answer (for `hangMs`, then the connection is destroyed;
 * without `hangMs` until the client gives up).
 */
/** 'denied': the app lacks the permission for this API (TikTok 105005, Tokopedia RBAC). */
export type FaultStatus = 429 | 500 | 502 | 503 | 'timeout' | 'drop' | 'apply-drop' | 'apply-timeout' | 'denied';
export type ReplyFault = 500 | 502 | 503 | 'denied';

export const FAULT_STATUSES: readonly FaultStatus[] = [429, 500, 502, 503, 'timeout', 'drop', 'apply-drop', 'apply-timeout', 'denied'];

export interface FaultConfig {
	status: FaultStatus;
	/** Mix: each injected fault takes one of these (seeded PRNG) instead of `status`. */
	statuses?: FaultStatus[];
	/** 'apply-timeout' / 'timeout': destroy the connection after this many ms instead of hanging until the client gives up. */
	hangMs?: number;
	/** 429: the Retry-After header to send. */
	retryAfterSeconds?: number;
	/** Fail the next n matching requests, then stop. */
	count?: number;
	/** Probability 0..1 that a matching request fails (seeded PRNG). */
	rate?: number;
	/**
	 * Only requests for this page of a list route match (1 = the first page): Tokopedia's `page`, or the
	 * page a TikTok `page_token` points at. With `count`, "fail page N of this route K times".
	 */
	page?: number;
	/** The first n matching requests fail whatever `rate` says (then `rate` applies): every route sees faults. */
	first?: number;
}

export interface RouteTrafficConfig {
	/** Token bucket refill rate (requests per second). */
	qps?: number;
	/** Token bucket capacity (default: max(1, ceil(qps))). */
	burst?: number;
	/** Extra latency for this route, added to the global latency. */
	latencyMs?: number;
	fault?: FaultConfig | null;
}

export interface TrafficConfig {
	latencyMs: number;
	/** Keyed by "<METHOD> <path pattern>", e.g. "POST /order/202309/orders/search". `{param}` or `:param` placeholders. */
	routes: Record<string, RouteTrafficConfig>;
}

interface Bucket {
	tokens: number;
	last: number;
	qps: number;
	burst: number;
}

/** Latency, fault injection and per-route token-bucket rate limiting. */
export class TrafficControl {
	config: TrafficConfig = { latencyMs: 0, routes: {} };
	private buckets = new Map<string, Bucket>();
	private prng: Prng;

	constructor(private seed: number) {
		this.prng = new Prng(seed ^ 0x5eed);
	}

	reset(): void {
		this.config = { latencyMs: 0, routes: {} };
		this.buckets.clear();
		this.prng = new Prng(this.seed ^ 0x5eed);
	}

	/** Merge a partial config (route entries are replaced as a whole; `null` deletes a route entry). */
	apply(patch: { latencyMs?: number; routes?: Record<string, RouteTrafficConfig | null> }): void {
		if (typeof patch.latencyMs === 'number') this.config.latencyMs = Math.max(0, patch.latencyMs);
		for (const [rawKey, rc] of Object.entries(patch.routes ?? {})) {
			const key = normalizeKey(rawKey);
			this.buckets.delete(key);
			if (rc === null) delete this.config.routes[key];
			else this.config.routes[key] = { ...rc, fault: rc.fault ? { ...rc.fault } : undefined };
		}
	}

	private route(key: string): RouteTrafficConfig | undefined {
		return this.config.routes[key];
	}

	/** true if the request may pass; false if rate-limited. */
	takeToken(key: string): boolean {
		const rc = this.route(key);
		if (!rc || rc.qps === undefined || rc.qps === null) return true;
		const now = Date.now();
		const qps = Math.max(0, rc.qps);
		const burst = Math.max(1, rc.burst ?? Math.ceil(qps));
		let b = this.buckets.get(key);
		if (!b || b.qps !== qps || b.burst !== burst) {
			b = { tokens: burst, last: now, qps, burst };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(b.burst, b.tokens + ((now - b.last) / 1000) * b.qps);
		b.last = now;
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return true;
		}
		return false;
	}

	/** Returns the fault to inject for this request (for list page `page`, when known), if any (consumes `count`). */
	takeFault(key: string, page?: number): FaultConfig | null {
		const rc = this.route(key);
		const f = rc?.fault;
		if (!f) return null;
		if (f.page !== undefined && f.page !== page) return null;
		if (typeof f.first === 'number' && f.first > 0) {
			f.first -= 1;
			if (typeof f.count === 'number') f.count -= 1;
			return this.pick(f);
		}
		if (typeof f.count === 'number') {
			if (f.count <= 0) return null;
			if (f.rate !== undefined && !(this.prng.next() < f.rate)) return null;
			f.count -= 1;
			return this.pick(f);
		}
		if (f.rate !== undefined) return this.prng.next() < f.rate ? this.pick(f) : null;
		return this.pick(f);
	}

	private pick(f: FaultConfig): FaultConfig {
		if (!f.statuses?.length) return f;
		return { ...f, status: f.statuses[Math.floor(this.prng.next() * f.statuses.length)] };
	}

	latencyFor(key: string): number {
		return Math.max(0, this.config.latencyMs + (this.route(key)?.latencyMs ?? 0));
	}
}

export function normalizeKey(raw: string): string {
	const m = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(raw);
	if (!m) return raw.trim();
	return routeKey(m[1], m[2]);
}
