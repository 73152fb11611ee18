import type { BatchAttempt, BulkRow, RowVerdict } from '../../../nodes/common/bulkPush';
import { bulkPush } from '../../../nodes/common/bulkPush';
import { Pacer } from '../../../nodes/common/pacer';
import { applySafetyBuffer } from '../../../nodes/common/safetyBuffer';

const rows = (keys: string[]): Array<BulkRow<{ value: number }>> => keys.map((key, itemIndex) => ({ itemIndex, key, payload: { value: itemIndex } }));
const noWait = async () => {};

describe('bulkPush', () => {
	it('packs rows into batches of the limit, never two rows of one key in a batch, in input order per key', async () => {
		const batches: string[][] = [];
		const input = rows(['a', 'b', 'a', 'c', 'd', 'a']);
		await bulkPush({
			rows: input,
			batchSize: 3,
			isTransient: () => false,
			wait: noWait,
			send: async ({ rows: batch }) => {
				batches.push(batch.map((r) => `${r.key}${r.itemIndex}`));
				return batch.map(() => ({ status: 'applied' }) as RowVerdict);
			},
		});
		expect(batches).toEqual([['a0', 'b1', 'c3'], ['a2', 'd4'], ['a5']]);
	});

	it('retries only throttled rows, keeps real rejections, and applies every row once', async () => {
		const applied = new Map<string, number>();
		const throttledOnce = new Set<string>();
		const outcomes = await bulkPush({
			rows: rows(Array.from({ length: 20 }, (_, k) => `sku${k}`)),
			batchSize: 8,
			isTransient: () => false,
			wait: noWait,
			send: async ({ rows: batch }) =>
				batch.map((row) => {
					if (row.key === 'sku13') return { status: 'failed', message: 'Invalid SKU.' };
					if (row.itemIndex % 3 === 0 && !throttledOnce.has(row.key)) {
						throttledOnce.add(row.key);
						return { status: 'throttled', message: 'ERR_TOO_MANY_REQUEST' };
					}
					applied.set(row.key, (applied.get(row.key) ?? 0) + 1);
					return { status: 'applied' };
				}),
		});
		expect(outcomes).toHaveLength(20);
		expect(outcomes.filter((o) => !o.applied).map((o) => [o.row.key, o.message])).toEqual([['sku13', 'Invalid SKU.']]);
		expect([...applied.values()].every((n) => n === 1)).toBe(true);
		expect(applied.size).toBe(19);
		expect(outcomes.find((o) => o.row.key === 'sku0')!.attempts).toBe(2);
	});

	it('does not let a later row for the same key overtake an earlier throttled one', async () => {
		const order: number[] = [];
		let first = true;
		await bulkPush({
			rows: rows(['x', 'y', 'x']),
			batchSize: 10,
			isTransient: () => false,
			wait: noWait,
			send: async ({ rows: batch }) =>
				batch.map((row) => {
					if (row.itemIndex === 0 && first) {
						first = false;
						return { status: 'throttled', message: 'ERR_TOO_MANY_REQUEST' };
					}
					if (row.key === 'x') order.push(row.itemIndex);
					return { status: 'applied' };
				}),
		});
		expect(order).toEqual([0, 2]);
	});

	it('resends a batch after a transient failure with the same seed, and a throttled retry with a new one', async () => {
		const seeds: string[] = [];
		let call = 0;
		await bulkPush({
			rows: rows(['a', 'b']),
			batchSize: 10,
			isTransient: (e) => (e as Error).message === 'socket hang up',
			wait: noWait,
			send: async ({ rows: batch, seed }: BatchAttempt<{ value: number }>) => {
				seeds.push(seed);
				call++;
				if (call === 1) throw new Error('socket hang up');
				if (call === 2) return batch.map(() => ({ status: 'throttled', message: 'ERR_TOO_MANY_REQUEST' }) as RowVerdict);
				return batch.map(() => ({ status: 'applied' }) as RowVerdict);
			},
		});
		expect(seeds[0]).toBe(seeds[1]);
		expect(seeds[2]).not.toBe(seeds[1]);
	});

	it('gives up on a row after the attempt budget and reports why', async () => {
		const outcomes = await bulkPush({
			rows: rows(['a']),
			batchSize: 10,
			maxAttempts: 3,
			isTransient: () => false,
			wait: noWait,
			send: async () => [{ status: 'throttled', message: 'ERR_TOO_MANY_REQUEST' }],
		});
		expect(outcomes[0]).toMatchObject({ applied: false, attempts: 3, message: 'ERR_TOO_MANY_REQUEST' });
	});
});

describe('Pacer', () => {
	it('spends the burst at once, then waits at the rate, and follows the server', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new Pacer(10, 5, () => now, async (ms) => {
			waits.push(ms);
			now += ms;
		});
		await pacer.take(5);
		expect(waits).toEqual([]);
		await pacer.take(5);
		expect(waits).toEqual([500]);
		pacer.observe({ rate: 100, burst: 100 }, 0);
		await pacer.take(50);
		expect(waits).toEqual([500, 500]);
		expect(pacer.capacity).toBe(100);
	});
});

describe('safety buffer', () => {
	it('subtracts units or keeps a percentage, never below zero', () => {
		expect(applySafetyBuffer(10, { mode: 'subtractUnits', value: 3 })).toBe(7);
		expect(applySafetyBuffer(2, { mode: 'subtractUnits', value: 3 })).toBe(0);
		expect(applySafetyBuffer(10, { mode: 'keepPercent', value: 85 })).toBe(8);
		expect(applySafetyBuffer(-4, { mode: 'none', value: 0 })).toBe(0);
		expect(applySafetyBuffer(7.9)).toBe(7);
	});
});
