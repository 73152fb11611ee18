import type { IDataObject } from 'n8n-workflow';

import { readPollState, selectNew, writePollState } from '../../../nodes/common/pollState';

type Order = { id: string; update_time: number };
const key = (o: Order) => `${o.id}:${o.update_time}`;
const time = (o: Order) => o.update_time;

describe('poll cursor with overlapping windows', () => {
	it('emits each order state once across overlapping re-reads, and a new state of the same order again', () => {
		let state = readPollState({});
		state.cursor = 1000;
		const first = selectNew([{ id: 'a', update_time: 990 }, { id: 'b', update_time: 1005 }], key, time, state, 1010, 1010 - 600);
		expect(first.fresh.map((o) => o.id)).toEqual(['a', 'b']);
		state = first.next;
		// The next poll re-reads 300 s before the cursor: a and b come back, b has changed since.
		const second = selectNew(
			[{ id: 'a', update_time: 990 }, { id: 'b', update_time: 1005 }, { id: 'b', update_time: 1012 }, { id: 'c', update_time: 1015 }],
			key,
			time,
			state,
			1020,
			1020 - 600,
		);
		expect(second.fresh).toEqual([{ id: 'b', update_time: 1012 }, { id: 'c', update_time: 1015 }]);
		expect(second.next.cursor).toBe(1020);
	});

	it('forgets states too old to be read again, so the state stays small', () => {
		const { next } = selectNew([{ id: 'old', update_time: 10 }, { id: 'new', update_time: 5000 }], key, time, {}, 5000, 4000);
		expect(Object.keys(next.seen!)).toEqual(['new:5000']);
	});

	it('leaves the stored cursor untouched when a poll fails midway, so the next poll emits everything once', async () => {
		const staticData: IDataObject = { cursor: 100, seen: {} };
		const source = [{ id: 'x', update_time: 150 }, { id: 'y', update_time: 160 }];
		const poll = async (failOnPage2: boolean) => {
			const state = readPollState(staticData);
			const read: Order[] = [source[0]];
			if (failOnPage2) throw new Error('HTTP 503 on page 2');
			read.push(source[1]);
			const { fresh, next } = selectNew(read, key, time, state, 200, 0);
			writePollState(staticData, next);
			return fresh;
		};
		await expect(poll(true)).rejects.toThrow('HTTP 503');
		expect(staticData).toEqual({ cursor: 100, seen: {} });
		expect((await poll(false)).map((o) => o.id)).toEqual(['x', 'y']);
		expect(await poll(false)).toEqual([]);
	});
});
