import { AdaptivePacer } from '../../../nodes/common/pacer';

/** A pacer on a fake clock: waiting advances the clock, so nothing here depends on real time. */
function pacerAt(rate: number) {
	let now = 0;
	const pacer = new AdaptivePacer(rate, 1, undefined, () => now, async (ms) => {
		now += ms;
	});
	return { pacer, advance: (ms: number) => (now += ms), now: () => now };
}

describe('AdaptivePacer', () => {
	it('lowers the rate on a throttle, once per volley of 429s from requests already in flight', () => {
		const { pacer } = pacerAt(20);
		pacer.throttled();
		expect(pacer.rate).toBe(15);
		pacer.throttled();
		pacer.throttled();
		expect(pacer.rate).toBe(15);
	});

	it('does not fall below 90 % of what the server accepted lately', () => {
		const { pacer, advance } = pacerAt(20);
		for (let k = 0; k < 16; k++) {
			advance(125);
			pacer.succeeded();
		}
		// 8 accepted per second over the last 2 s: 0.75 × 20 = 15 stays; later decreases stop at 7.2.
		for (let k = 0; k < 6; k++) {
			pacer.throttled();
			advance(1000);
			for (let j = 0; j < 8; j++) pacer.succeeded();
		}
		expect(pacer.rate).toBeGreaterThanOrEqual(7.2);
		expect(pacer.rate).toBeLessThan(11);
	});

	it('creeps back up while nothing is throttled, never above the configured rate', async () => {
		const { pacer, advance } = pacerAt(10);
		pacer.throttled();
		expect(pacer.rate).toBe(7.5);
		advance(5000);
		await pacer.take();
		expect(pacer.rate).toBeGreaterThan(7.5);
		advance(600_000);
		await pacer.take();
		expect(pacer.rate).toBe(10);
	});

	it('pauses every request for a server-given wait (Retry-After)', async () => {
		const { pacer, now } = pacerAt(100);
		pacer.throttled(3000);
		await pacer.take();
		expect(now()).toBeGreaterThanOrEqual(3000);
	});
});
