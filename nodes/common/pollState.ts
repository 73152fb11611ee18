import type { IDataObject } from 'n8n-workflow';

/** What a poll trigger keeps in its static data between polls. */
export interface PollState {
	/** Unix seconds up to which changes have been emitted. */
	cursor?: number;
	/** Emitted item states (key → the item's time, for pruning) still inside the re-read window. */
	seen?: Record<string, number>;
}

export function readPollState(staticData: IDataObject): PollState {
	return { cursor: staticData.cursor as number | undefined, seen: (staticData.seen as Record<string, number> | undefined) ?? {} };
}

/** Writes the state; callers do it only once every item of the poll is ready to be returned. */
export function writePollState(staticData: IDataObject, state: PollState): void {
	staticData.cursor = state.cursor;
	staticData.seen = state.seen;
}

/**
 * Keeps the items whose state (key) was not emitted before, and computes the next state. Polls
 * re-read an overlap before the cursor (APIs settle late, timestamps are per second), so an item
 * can come back; its key says whether this exact state was already emitted. Keys older than
 * `keepSince` cannot come back any more and are dropped, so the state stays small.
 */
export function selectNew<T>(
	items: T[],
	keyOf: (item: T) => string,
	timeOf: (item: T) => number,
	state: PollState,
	nextCursor: number,
	keepSince: number,
): { fresh: T[]; next: PollState } {
	const seen: Record<string, number> = { ...(state.seen ?? {}) };
	const fresh: T[] = [];
	for (const item of items) {
		const key = keyOf(item);
		if (key in seen) continue;
		seen[key] = timeOf(item);
		fresh.push(item);
	}
	for (const [key, time] of Object.entries(seen)) if (time < keepSince) delete seen[key];
	return { fresh, next: { cursor: Math.max(state.cursor ?? 0, nextCursor), seen } };
}
