import { chunk, mapConcurrent, parseIdList } from '../../../nodes/common/batch';
import { pages, take } from '../../../nodes/common/paginate';
import { backoffMs, defaultRetryPolicy, retryAfterToMs, withRetry } from '../../../nodes/common/retry';

describe('backoffMs', () => {
	it('doubles from 1 s, keeps half the step fixed, and caps at 60 s', () => {
		expect(backoffMs(1, defaultRetryPolicy, undefined, () => 0)).toBe(500);
		expect(backoffMs(1, defaultRetryPolicy, undefined, () => 1)).toBe(1000);
		expect(backoffMs(3, defaultRetryPolicy, undefined, () => 1)).toBe(4000);
		expect(backoffMs(20, defaultRetryPolicy, undefined, () => 1)).toBe(60_000);
	});

	it('waits at least what the server asked, up to the cap', () => {
		expect(backoffMs(1, defaultRetryPolicy, 7000, () => 0)).toBe(7000);
		expect(backoffMs(1, defaultRetryPolicy, 600_000, () => 0)).toBe(60_000);
	});

	it('reads Retry-After as seconds or as a date', () => {
		expect(retryAfterToMs('3')).toBe(3000);
		expect(retryAfterToMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
		expect(retryAfterToMs(undefined)).toBeUndefined();
	});
});

describe('withRetry', () => {
	it('retries until done and sleeps between attempts', async () => {
		const waits: number[] = [];
		let n = 0;
		const value = await withRetry(
			async () => (++n < 3 ? { kind: 'retry', reason: 'x', lastError: new Error('x') } : { kind: 'done', value: n }),
			defaultRetryPolicy,
			async (ms) => {
				waits.push(ms);
			},
		);
		expect(value).toBe(3);
		expect(waits).toHaveLength(2);
	});

	it('throws the last error when attempts run out', async () => {
		let n = 0;
		await expect(
			withRetry(async () => ({ kind: 'retry', reason: 'x', lastError: new Error(`attempt ${++n}`) }), { ...defaultRetryPolicy, maxAttempts: 3 }, async () => {}),
		).rejects.toThrow('attempt 3');
	});
});

describe('pagination', () => {
	it('follows cursors until an empty one and stops early at a limit', async () => {
		const fetched: Array<string | undefined> = [];
		const source = pages(async (cursor) => {
			fetched.push(cursor);
			const page = Number(cursor ?? 0);
			return { items: [page * 2, page * 2 + 1], next: page < 4 ? String(page + 1) : '' };
		});
		expect(await take(source, 5)).toEqual([0, 1, 2, 3, 4]);
		expect(fetched).toEqual([undefined, '1', '2']);
	});

	it('ends on a repeated cursor instead of looping forever', async () => {
		const all = await take(pages(async () => ({ items: [1], next: 'same' })));
		expect(all).toEqual([1, 1]);
	});
});

describe('batching helpers', () => {
	it('chunks, parses id lists and bounds concurrency', async () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(() => chunk([1], 0)).toThrow(RangeError);
		expect(parseIdList(' a, b;c\n a ')).toEqual(['a', 'b', 'c']);
		let inFlight = 0;
		let peak = 0;
		const out = await mapConcurrent([1, 2, 3, 4, 5, 6], 2, async (x) => {
			peak = Math.max(peak, ++inFlight);
			await new Promise((r) => setImmediate(r));
			inFlight--;
			return x * 10;
		});
		expect(out).toEqual([10, 20, 30, 40, 50, 60]);
		expect(peak).toBe(2);
	});
});
