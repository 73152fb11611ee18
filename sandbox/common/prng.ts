/** Seeded, deterministic PRNG (mulberry32) with a few convenience helpers. */
export class Prng {
	private s: number;
	constructor(seed: number) {
		this.s = seed >>> 0;
	}
	/** Float in [0, 1). */
	next(): number {
		this.s = (this.s + 0x6d2b79f5) >>> 0;
		let t = this.s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	/** Integer in [min, max] (inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(arr: readonly T[]): T {
		return arr[Math.floor(this.next() * arr.length)];
	}
	/** Pick by weights: entries [value, weight]. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
		const total = entries.reduce((s, e) => s + e[1], 0);
		let r = this.next() * total;
		for (const [v, w] of entries) {
			r -= w;
			if (r < 0) return v;
		}
		return entries[entries.length - 1][0];
	}
	/** String of n random decimal digits. */
	digits(n: number): string {
		let out = '';
		for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
		return out;
	}
	/** Random string from an alphabet. */
	chars(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
		let out = '';
		for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}
	shuffle<T>(arr: T[]): T[] {
		for (let i = arr.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[arr[i], arr[j]] = [arr[j], arr[i]];
		}
		return arr;
	}
}

/** Generates unique numeric-string ids (TikTok style, e.g. 18-19 digits) from a PRNG. */
export class IdGen {
	private used = new Set<string>();
	constructor(private prng: Prng) {}
	next(prefix: string, length: number): string {
		for (;;) {
			const id = prefix + this.prng.digits(length - prefix.length);
			if (!this.used.has(id)) {
				this.used.add(id);
				return id;
			}
		}
	}
}
