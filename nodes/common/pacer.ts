import { sleep } from 'n8n-workflow';

/**
 * A token bucket that paces requests (or rows, for APIs that count each row of a bulk call) to a
 * rate limit. It starts from the configured rate and follows what the server says its limit and
 * remaining quota are, so a run converges on the real limit without tripping it.
 */
export class Pacer {
	protected tokens: number;

	protected last: number;

	constructor(
		protected ratePerSecond: number,
		protected burst: number,
		protected readonly now: () => number = Date.now,
		protected readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.tokens = burst;
		this.last = now();
	}

	get rate(): number {
		return this.ratePerSecond;
	}

	get capacity(): number {
		return this.burst;
	}

	protected refill(): void {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
		this.last = now;
	}

	/** Waits until `count` tokens are available (at most the burst), then spends them. */
	async take(count = 1): Promise<void> {
		const need = Math.min(count, this.burst);
		this.refill();
		while (this.tokens < need) {
			await this.wait(Math.ceil(((need - this.tokens) / this.ratePerSecond) * 1000));
			this.refill();
		}
		this.tokens -= need;
	}

	/** Adopts the server's view: its limit, its burst, and how much quota is left right now. */
	observe(limit?: { rate: number; burst: number }, remaining?: number): void {
		this.refill();
		if (limit && limit.rate > 0) {
			this.ratePerSecond = limit.rate;
			this.burst = Math.max(1, limit.burst || limit.rate);
		}
		if (remaining !== undefined && Number.isFinite(remaining)) {
			this.tokens = Math.min(this.tokens, Math.max(0, remaining));
		}
	}

	/** After a throttle: nothing is left until the bucket refills. */
	drain(): void {
		this.refill();
		this.tokens = Math.min(this.tokens, 0);
	}
}

/**
 * A pacer that follows a limit it is not told (TikTok publishes none, reference §8): additive
 * increase, multiplicative decrease. Each throttle lowers the rate (at most once per spacing, so a
 * volley of 429s from requests already in flight counts once), never below what the server has
 * been accepting lately; every quiet second raises it a little, up to the configured ceiling. A
 * server-given wait (Retry-After, X-Ratelimit-Reset-After) pauses every request of the pacer.
 */
export class AdaptivePacer extends Pacer {
	private readonly ceiling: number;

	private lastChange: number;

	private pausedUntil = 0;

	private accepted: number[] = [];

	constructor(
		ratePerSecond: number,
		burst: number,
		private readonly tuning: { decrease: number; increasePerSecond: number; floor: number; windowMs: number } = {
			decrease: 0.75,
			increasePerSecond: 0.03,
			floor: 0.2,
			windowMs: 2000,
		},
		now: () => number = Date.now,
		wait: (ms: number) => Promise<void> = sleep,
	) {
		super(ratePerSecond, burst, now, wait);
		this.ceiling = ratePerSecond;
		this.lastChange = now();
	}

	private creep(): void {
		const now = this.now();
		const seconds = (now - this.lastChange) / 1000;
		if (seconds <= 0) return;
		this.refill();
		this.ratePerSecond = Math.min(this.ceiling, this.ratePerSecond * (1 + this.tuning.increasePerSecond * seconds));
		this.lastChange = now;
	}

	async take(count = 1): Promise<void> {
		const pause = this.pausedUntil - this.now();
		if (pause > 0) await this.wait(pause);
		this.creep();
		await super.take(count);
	}

	/** A request went through: counts towards the rate the server is known to accept. */
	succeeded(): void {
		const now = this.now();
		this.accepted.push(now);
		while (this.accepted.length && this.accepted[0] < now - this.tuning.windowMs) this.accepted.shift();
	}

	/** The server said "too many requests". */
	throttled(waitMs?: number): void {
		const now = this.now();
		if (waitMs !== undefined && waitMs > 0) this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		this.drain();
		if (now - this.lastChange < 1000 / Math.max(this.ratePerSecond, 0.1) + this.tuning.windowMs / 4) return;
		const acceptedRate = (this.accepted.filter((at) => at >= now - this.tuning.windowMs).length * 1000) / this.tuning.windowMs;
		this.ratePerSecond = Math.min(
			this.ratePerSecond,
			Math.max(this.tuning.floor, this.ratePerSecond * this.tuning.decrease, 0.9 * acceptedRate),
		);
		this.lastChange = now;
	}
}
