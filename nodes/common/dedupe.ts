import type { IDataObject } from 'n8n-workflow';

/** Most deliveries a workflow's static data remembers; the ones expiring first go beyond it. */
const MAX_STORED = 5000;
/** Most deliveries one process remembers per trigger (in memory, lost on restart). */
const MAX_MEMORY = 5000;
/** This process's latest records, written again with every save (see isFirstDelivery). */
const MAX_REPAIR = 200;
const REPAIR_MS = 120_000;
const PRUNE_EVERY_MS = 60_000;

interface ProcessRecords {
	memory: Map<string, number>;
	latest: Array<[string, number, number]>;
}

const byScope = new Map<string, ProcessRecords>();

function recordsOf(scope: string): ProcessRecords {
	let records = byScope.get(scope);
	if (!records) {
		records = { memory: new Map(), latest: [] };
		byScope.set(scope, records);
	}
	return records;
}

function pruneStored(stored: Record<string, number>, now: number): void {
	const live: Array<[string, number]> = [];
	for (const key of Object.keys(stored)) {
		if (stored[key] > now) live.push([key, stored[key]]);
		else delete stored[key];
	}
	if (live.length <= MAX_STORED) return;
	live.sort((a, b) => a[1] - b[1]);
	for (const [key] of live.slice(0, live.length - MAX_STORED)) delete stored[key];
}

/**
 * Records a delivery key in the workflow's static data and says whether it is new within
 * `windowSeconds`. The static data is read from the database for every delivery and saved after it
 * (see `startRun`), so the record survives restarts and is seen by every webhook process.
 *
 * Static data is saved as one document, so two processes saving at the same moment keep only the
 * last writer's copy. Every save therefore carries this process's latest records again: an entry
 * another process overwrote is back with this process's next save. Work per delivery is bounded
 * (the latest records, at most 200); the full prune runs at most once a minute.
 */
export function isFirstDelivery(
	staticData: IDataObject,
	scope: string,
	key: string,
	windowSeconds: number,
	now: number = Date.now(),
): boolean {
	if (windowSeconds <= 0) return true;
	const stored = ((staticData.deliveries as Record<string, number> | undefined) ?? {}) as Record<string, number>;
	const { memory, latest } = recordsOf(scope);
	if ((stored[key] ?? 0) > now || (memory.get(key) ?? 0) > now) return false;

	const expires = now + windowSeconds * 1000;
	memory.delete(key);
	memory.set(key, expires);
	while (memory.size > MAX_MEMORY) memory.delete(memory.keys().next().value as string);
	latest.push([key, expires, now]);
	while (latest.length > MAX_REPAIR || (latest.length > 0 && latest[0][2] < now - REPAIR_MS)) latest.shift();

	for (const [seen, until] of latest) if ((stored[seen] ?? 0) < until) stored[seen] = until;
	const prunedAt = Number(staticData.deliveriesPrunedAt ?? 0);
	if (now - prunedAt >= PRUNE_EVERY_MS || now < prunedAt) {
		pruneStored(stored, now);
		staticData.deliveriesPrunedAt = now;
	}
	// Assigning marks the static data changed, which is what makes n8n save it.
	staticData.deliveries = stored;
	return true;
}
