import { sleep } from 'n8n-workflow';

/**
 * A token bucket that paces requests (or rows, for APIs that count each row of a bulk call) to a
 * rate limit. It starts from the configured rate and follows what the server says its limit and
 * remaining quota are, so a run converges on the real limit without tripping it.
 */
export class Pacer {
	private tokens: number;

	private last: number;

	constructor(
		private ratePerSecond: number,
		private burst: number,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
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

	private refill(): void {
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
