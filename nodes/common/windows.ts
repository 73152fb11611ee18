export interface TimeWindow {
	from: number;
	to: number;
}

/**
 * Splits [from, to] (Unix seconds, inclusive) into consecutive windows whose span (to - from)
 * stays below `maxSpanExclusive`. Neighbouring windows share their boundary second, so an
 * API that treats to_date as exclusive still sees every second; callers de-duplicate by id.
 */
export function splitWindows(from: number, to: number, maxSpanExclusive: number): TimeWindow[] {
	if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('from and to must be finite Unix seconds');
	if (to < from) throw new RangeError(`the end (${to}) is before the start (${from})`);
	const span = Math.max(1, Math.floor(maxSpanExclusive) - 1);
	const windows: TimeWindow[] = [];
	let start = Math.floor(from);
	const end = Math.floor(to);
	do {
		const stop = Math.min(end, start + span);
		windows.push({ from: start, to: stop });
		start = stop;
	} while (start < end);
	return windows;
}
