import type { RequestContext } from './http';
import type { Reply } from './marketplace';

export interface RequestLogEntry {
	time: string;
	method: string;
	path: string;
	route: string | null;
	/** Query parameters without `sign` (and without `app_secret` on the token host). */
	query: Record<string, string>;
	status: number;
	code: number | null;
	bodySize: number;
	durationMs: number;
	requestId: string;
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	requestsByRoute: Record<string, number> = {};
	statusCounts: Record<string, number> = {};
	rateLimited = 0;
	faultsInjected = 0;
	/** Injected faults by route and kind: {"POST /v2/order/list": {"503": 4, "drop": 1}}. */
	faultsByRoute: Record<string, Record<string, number>> = {};
	total = 0;
	/**
	 * Writes that were applied (a non-GET API request whose answer was 2xx without an error code, counted
	 * even when a fault then destroyed the answer), by route and target (path ids, else the body's
	 * order_id, else "*"). A test asserts single effects with these.
	 */
	effects: Record<string, Record<string, number>> = {};

	constructor(private capacity = 2000) {}

	add(e: RequestLogEntry): void {
		this.total++;
		const rk = e.route ?? `${e.method} <unmatched>`;
		this.requestsByRoute[rk] = (this.requestsByRoute[rk] ?? 0) + 1;
		this.statusCounts[String(e.status)] = (this.statusCounts[String(e.status)] ?? 0) + 1;
		if (e.status === 429) this.rateLimited++;
		this.entries.push(e);
		if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
	}

	countFault(routeKey: string, status: string | number): void {
		this.faultsInjected++;
		const byKind = (this.faultsByRoute[routeKey] ??= {});
		byKind[String(status)] = (byKind[String(status)] ?? 0) + 1;
	}

	countEffect(ctx: RequestContext, reply: Reply): void {
		if (ctx.method === 'GET' || !ctx.routeKey || ctx.routeKey === 'POST /token' || reply.status >= 400 || (reply.code ?? 0) !== 0) return;
		const byTarget = (this.effects[ctx.routeKey] ??= {});
		const target = effectTarget(ctx);
		byTarget[target] = (byTarget[target] ?? 0) + 1;
	}

	recent(limit = 100): RequestLogEntry[] {
		return this.entries.slice(-Math.max(0, limit)).reverse();
	}

	reset(): void {
		this.entries = [];
		this.requestsByRoute = {};
		this.statusCounts = {};
		this.rateLimited = 0;
		this.faultsInjected = 0;
		this.faultsByRoute = {};
		this.total = 0;
		this.effects = {};
	}
}

function effectTarget(ctx: RequestContext): string {
	const ids = Object.entries(ctx.params)
		.filter(([name]) => name !== 'fs_id')
		.map(([, value]) => value);
	if (ids.length) return ids.join('/');
	try {
		const body = JSON.parse(ctx.rawBody.toString('utf8')) as { order_id?: unknown };
		if (body && typeof body === 'object' && body.order_id !== undefined) return String(body.order_id);
	} catch {
		// not JSON: no body target
	}
	return '*';
}
