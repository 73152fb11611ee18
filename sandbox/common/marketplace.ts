import type { RequestContext } from './http';
import type { ReplyFault } from './traffic';

/** A response produced by a marketplace module. JSON unless `raw` is given. */
export interface Reply {
	status: number;
	json?: unknown;
	raw?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	/** Business code for the request log / stats. */
	code?: number | null;
}

/** Result of validating a request: either an immediate reply, or a route ready to run (after rate limit/fault/latency). */
export type Prepared = { kind: 'reply'; reply: Reply } | { kind: 'ready'; run: () => Reply | Promise<Reply> };

/** Contract a simulated marketplace (TikTok Shop now, Tokopedia later) implements to plug into the server. */
export interface Marketplace {
	/** Short name, also the control API segment: /_sandbox/<name>/... */
	readonly name: string;
	/** Whether this marketplace serves this API request path. */
	claims(ctx: RequestContext): boolean;
	/** Route match + protocol checks (auth, signature...). Sets ctx.routeKey when a route matched. */
	prepare(ctx: RequestContext, baseUrl: string): Prepared;
	rateLimitedReply(ctx: RequestContext): Reply;
	faultReply(ctx: RequestContext, status: ReplyFault): Reply;
	/** Which page of a list a request asks for (1 = first), for page-scoped faults; undefined when it is no list request. */
	pageOf(ctx: RequestContext): number | undefined;
	/** Control API under /_sandbox/<name>/...; return null for unknown paths. */
	control(ctx: RequestContext, subpath: string, body: any, baseUrl: string): Reply | null;
	reset(opts: { clearTokens?: boolean }): void;
	stats(): Record<string, unknown>;
	applyConfig(cfg: Record<string, unknown>): void;
	resetConfig(): void;
	config(): Record<string, unknown>;
}
