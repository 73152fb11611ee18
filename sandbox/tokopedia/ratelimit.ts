import type { TrafficControl } from '../common/traffic';

interface Bucket {
	tokens: number;
	last: number;
	qps: number;
	burst: number;
}

export interface LimitInfo {
	qps: number;
	burst: number;
	tokens: number;
}

/**
 * Per-route token bucket for Tokopedia routes, with row-level accounting for bulk endpoints (§7.1).
 * qps/burst come from the shared traffic config (`routes["POST /inventory/v1/fs/{fs_id}/stock/update"] = {qps, burst}`),
 * falling back to the Tokopedia default (settings.defaultQps / defaultBurst).
 *
 * The shared TrafficControl bucket for the same key (only when `qps` is configured there) is consulted by the server after
 * this one; it takes one token per request while this bucket takes ≥ 1, so it always has at least as many tokens and never
 * rejects first.
 */
export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	throttledRows = 0;
	rejected = 0;

	constructor(
		private traffic: TrafficControl,
		private defaults: () => { qps: number; burst: number },
	) {}

	reset(): void {
		this.buckets.clear();
		this.throttledRows = 0;
		this.rejected = 0;
	}

	private bucket(key: string): Bucket {
		const rc = this.traffic.config.routes[key];
		const d = this.defaults();
		const qps = Math.max(0, rc?.qps ?? d.qps);
		const burst = Math.max(1, rc?.burst ?? (rc?.qps !== undefined ? Math.ceil(qps) : d.burst));
		const now = Date.now();
		let b = this.buckets.get(key);
		if (!b || b.qps !== qps || b.burst !== burst) {
			b = { tokens: burst, last: now, qps, burst };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(b.burst, b.tokens + ((now - b.last) / 1000) * b.qps);
		b.last = now;
		return b;
	}

	/** Take up to `want` tokens (at least 1 is needed for the request to pass). Returns how many were granted (0 → 429). */
	take(key: string, want: number): number {
		const b = this.bucket(key);
		if (b.tokens < 1) {
			this.rejected++;
			return 0;
		}
		const got = Math.max(1, Math.min(Math.max(1, want), Math.floor(b.tokens)));
		b.tokens -= got;
		if (want > got) this.throttledRows += want - got;
		return got;
	}

	headers(key: string): Record<string, string> {
		const b = this.bucket(key);
		const remaining = Math.max(0, Math.floor(b.tokens));
		const resetAfter = b.tokens >= 1 ? -0 : b.qps > 0 ? (1 - b.tokens) / b.qps : 3600;
		const full = b.qps > 0 ? (b.burst - b.tokens) / b.qps : 3600;
		const fmt = (n: number) => (Object.is(n, -0) ? '-0.000000' : n.toFixed(6));
		return {
			'X-Ratelimit-Limit': `${fmtNum(b.qps)} req/s (burst ${b.burst})`,
			'X-Ratelimit-Remaining': String(remaining),
			'X-Ratelimit-Reset-After': fmt(resetAfter),
			'X-Ratelimit-Full-Reset-After': fmt(Math.max(0, full)),
		};
	}
}

function fmtNum(n: number): string {
	return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}
