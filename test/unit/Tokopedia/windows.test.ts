import { MAX_WINDOW_SECONDS } from '../../../nodes/Tokopedia/actions/order/getAllOrders';
import { splitWindows } from '../../../nodes/common/windows';

const DAY = 86_400;

describe('splitting a date range into Tokopedia order windows', () => {
	it('keeps every window strictly shorter than 3 days', () => {
		const windows = splitWindows(0, 14 * DAY, MAX_WINDOW_SECONDS);
		expect(windows.every((w) => w.to - w.from < 3 * DAY)).toBe(true);
		expect(windows[0]).toEqual({ from: 0, to: 3 * DAY - 1 });
		expect(windows.at(-1)!.to).toBe(14 * DAY);
	});

	it('covers the range without gaps: each window starts where the previous one ended', () => {
		const windows = splitWindows(1_700_000_123, 1_700_000_123 + 10 * DAY + 17, MAX_WINDOW_SECONDS);
		for (let k = 1; k < windows.length; k++) expect(windows[k].from).toBe(windows[k - 1].to);
		expect(windows[0].from).toBe(1_700_000_123);
	});

	it('splits a range of exactly 3 days in two (3 days is already too long)', () => {
		expect(splitWindows(0, 3 * DAY, MAX_WINDOW_SECONDS)).toEqual([
			{ from: 0, to: 3 * DAY - 1 },
			{ from: 3 * DAY - 1, to: 3 * DAY },
		]);
	});

	it('keeps a short range whole and refuses a reversed one', () => {
		expect(splitWindows(100, 200, MAX_WINDOW_SECONDS)).toEqual([{ from: 100, to: 200 }]);
		expect(splitWindows(100, 100, MAX_WINDOW_SECONDS)).toEqual([{ from: 100, to: 100 }]);
		expect(() => splitWindows(200, 100, MAX_WINDOW_SECONDS)).toThrow(RangeError);
	});
});
