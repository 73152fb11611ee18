import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Webhook delivery engine shared by both marketplaces.
 *
 * A delivery = one notification (fixed raw body bytes + headers) to one URL. It is acknowledged only when the
 * receiver answers 2xx within `timeoutMs`; otherwise it is redelivered (same bytes, same notification id) after each
 * delay of `retryDelaysMs`, then dropped. Real TikTok Shop schedule: 2 min, 30 min, 3 h, 12 h (REAL_TIKTOK_RETRY_DELAYS_MS);
 * the sandbox default is compressed to 1 s, 3 s, 10 s. A receiver that does the work but answers after `timeoutMs`
 * counts as not acknowledged and gets a redelivery (a real duplicate) — on purpose.
 */
export interface WebhookConfig {
	/** Receiver must answer 2xx within this many ms (default 5000). */
	timeoutMs: number;
	/** Delay before each redelivery; its length = number of redeliveries (default [1000, 3000, 10000]). */
	retryDelaysMs: number[];
	/** When true, every acknowledged delivery is sent once more (same body / notification id) after retryDelaysMs[0]. */
	duplicates: boolean;
}

export const WEBHOOK_DEFAULTS: WebhookConfig = { timeoutMs: 5000, retryDelaysMs: [1000, 3000, 10000], duplicates: false };
/** TikTok Shop's documented schedule (reference §7.4): 2 min, 30 min, 3 h, 12 h, then dropped. */
export const REAL_TIKTOK_RETRY_DELAYS_MS = [2 * 60_000, 30 * 60_000, 3 * 3_600_000, 12 * 3_600_000];

export interface DeliveryAttempt {
	at: string;
	status?: number;
	error?: string;
	durationMs: number;
	/** true for the extra copy sent when `duplicates` is enabled */
	duplicate?: boolean;
}

export interface DeliveryRecord {
	id: string;
	marketplace: string;
	url: string;
	event: string;
	notificationId: string;
	createdAt: string;
	attempts: DeliveryAttempt[];
	acknowledged: boolean;
	dropped: boolean;
	/** ISO time of the next scheduled attempt (null when none) */
	nextAttemptAt: string | null;
	/** exact body bytes sent (utf-8) */
	body: string;
	headers: Record<string, string>;
}

export interface DeliverArgs {
	marketplace: string;
	url: string;
	event: string;
	notificationId: string;
	body: Buffer;
	headers: Record<string, string>;
}

interface Job {
	rec: DeliveryRecord;
	body: Buffer;
	/** redeliveries done so far */
	retries: number;
	duplicated: boolean;
}

const LOG_MAX = 5000;

export class WebhookDelivery {
	config: WebhookConfig;
	private log: DeliveryRecord[] = [];
	private timers = new Set<NodeJS.Timeout>();
	private immediates = new Set<NodeJS.Immediate>();
	private inflight = new Set<ClientRequest>();
	private seq = 0;
	private closed = false;
	counters = { deliveries: 0, attempts: 0, redeliveries: 0, duplicates: 0, acknowledged: 0, dropped: 0, failedAttempts: 0 };

	constructor(private initial: WebhookConfig = WEBHOOK_DEFAULTS) {
		this.config = { ...initial, retryDelaysMs: [...initial.retryDelaysMs] };
	}

	/** Validate and apply a partial config; throws Error with a message on bad input. */
	apply(p: Partial<WebhookConfig>): void {
		if (p.timeoutMs !== undefined) {
			if (typeof p.timeoutMs !== 'number' || !Number.isFinite(p.timeoutMs) || p.timeoutMs < 1) throw new Error('webhooks.timeoutMs must be a number >= 1');
			this.config.timeoutMs = p.timeoutMs;
		}
		if (p.retryDelaysMs !== undefined) {
			if (!Array.isArray(p.retryDelaysMs) || p.retryDelaysMs.length > 20 || p.retryDelaysMs.some((d) => typeof d !== 'number' || !Number.isFinite(d) || d < 0))
				throw new Error('webhooks.retryDelaysMs must be an array (max 20) of numbers >= 0');
			this.config.retryDelaysMs = [...p.retryDelaysMs];
		}
		if (p.duplicates !== undefined) {
			if (typeof p.duplicates !== 'boolean') throw new Error('webhooks.duplicates must be a boolean');
			this.config.duplicates = p.duplicates;
		}
	}

	resetConfig(): void {
		this.config = { ...this.initial, retryDelaysMs: [...this.initial.retryDelaysMs] };
	}

	/** Create a delivery and start its first attempt asynchronously (never blocks the caller). */
	deliver(a: DeliverArgs): DeliveryRecord {
		const rec: DeliveryRecord = {
			id: `dlv_${++this.seq}`,
			marketplace: a.marketplace,
			url: a.url,
			event: a.event,
			notificationId: a.notificationId,
			createdAt: new Date().toISOString(),
			attempts: [],
			acknowledged: false,
			dropped: false,
			nextAttemptAt: null,
			body: a.body.toString('utf8'),
			headers: { ...a.headers },
		};
		this.counters.deliveries++;
		this.log.push(rec);
		if (this.log.length > LOG_MAX) this.log.splice(0, this.log.length - LOG_MAX);
		if (this.closed) {
			rec.dropped = true;
			return rec;
		}
		const job: Job = { rec, body: a.body, retries: 0, duplicated: false };
		this.schedule(job, 0);
		return rec;
	}

	/** Run `fn` on the next turn of the event loop (cancelled by reset/close). */
	defer(fn: () => void): void {
		if (this.closed) return;
		const h = setImmediate(() => {
			this.immediates.delete(h);
			fn();
		});
		this.immediates.add(h);
	}

	list(opts: { marketplace?: string | null; limit?: number; event?: string | null } = {}): DeliveryRecord[] {
		const limit = opts.limit && opts.limit > 0 ? opts.limit : 100;
		const out: DeliveryRecord[] = [];
		for (let i = this.log.length - 1; i >= 0 && out.length < limit; i--) {
			const r = this.log[i];
			if (opts.marketplace && r.marketplace !== opts.marketplace) continue;
			if (opts.event && r.event !== opts.event) continue;
			out.push(r);
		}
		return out;
	}

	get(id: string): DeliveryRecord | undefined {
		return this.log.find((r) => r.id === id);
	}

	stats(): Record<string, number> {
		return {
			...this.counters,
			pending: this.log.filter((r) => r.nextAttemptAt !== null).length,
			inFlight: this.inflight.size,
			timers: this.timers.size + this.immediates.size,
		};
	}

	/** Cancel every pending/in-flight delivery and clear the log + counters (used by /_sandbox/reset). */
	reset(): void {
		this.cancelAll();
		this.log = [];
		for (const k of Object.keys(this.counters) as Array<keyof typeof this.counters>) this.counters[k] = 0;
		this.resetConfig();
	}

	/** Stop for good: clear timers, abort in-flight requests. */
	close(): void {
		this.closed = true;
		this.cancelAll();
	}

	private cancelAll(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const h of this.immediates) clearImmediate(h);
		this.immediates.clear();
		for (const r of this.inflight) r.destroy(new Error('sandbox closed'));
		this.inflight.clear();
		for (const r of this.log) if (r.nextAttemptAt !== null) r.nextAttemptAt = null;
	}

	private schedule(job: Job, delayMs: number, duplicate = false): void {
		job.rec.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
		const t = setTimeout(() => {
			this.timers.delete(t);
			job.rec.nextAttemptAt = null;
			this.attempt(job, duplicate);
		}, delayMs);
		this.timers.add(t);
	}

	private attempt(job: Job, duplicate: boolean): void {
		if (this.closed) return;
		const rec = job.rec;
		const started = Date.now();
		const at = new Date(started).toISOString();
		this.counters.attempts++;
		if (duplicate) this.counters.duplicates++;
		else if (rec.attempts.some((x) => !x.duplicate)) this.counters.redeliveries++;
		let done = false;
		let req: ClientRequest | undefined;
		let timer: NodeJS.Timeout | undefined;
		const finish = (status: number | undefined, error: string | undefined) => {
			if (done) return;
			done = true;
			if (timer) {
				clearTimeout(timer);
				this.timers.delete(timer);
			}
			if (req) this.inflight.delete(req);
			if (this.closed) return;
			const a: DeliveryAttempt = { at, durationMs: Date.now() - started };
			if (status !== undefined) a.status = status;
			if (error !== undefined) a.error = error;
			if (duplicate) a.duplicate = true;
			rec.attempts.push(a);
			const ok = status !== undefined && status >= 200 && status < 300 && error === undefined;
			if (duplicate) return;
			if (!ok) this.counters.failedAttempts++;
			if (ok) {
				rec.acknowledged = true;
				this.counters.acknowledged++;
				if (this.config.duplicates && !job.duplicated) {
					job.duplicated = true;
					this.schedule(job, this.config.retryDelaysMs[0] ?? 0, true);
				}
				return;
			}
			if (job.retries < this.config.retryDelaysMs.length) {
				const d = this.config.retryDelaysMs[job.retries];
				job.retries++;
				this.schedule(job, d);
			} else {
				rec.dropped = true;
				this.counters.dropped++;
			}
		};
		let url: URL;
		try {
			url = new URL(rec.url);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
		} catch (e) {
			// registrations only accept http(s) URLs, so this is rare; it is a failed attempt like any other
			finish(undefined, `invalid url: ${(e as Error).message}`);
			return;
		}
		const timeoutMs = this.config.timeoutMs;
		timer = setTimeout(() => {
			finish(undefined, `timeout after ${timeoutMs} ms`);
			req?.destroy(new Error('timeout'));
		}, timeoutMs);
		this.timers.add(timer);
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const r = send(
			url,
			{
				method: 'POST',
				agent: false,
				headers: { ...rec.headers, 'Content-Length': String(job.body.length), 'User-Agent': 'marketplace-sandbox-webhooks/1.0' },
			},
			(res) => {
				// read (and discard) the body so the answer counts only once complete
				res.on('data', () => undefined);
				res.on('end', () => finish(res.statusCode ?? 0, undefined));
				res.on('error', (e) => finish(undefined, e.message));
			},
		);
		req = r;
		this.inflight.add(r);
		r.on('error', (e) => finish(undefined, (e as NodeJS.ErrnoException).code ?? e.message));
		r.end(job.body);
	}
}
