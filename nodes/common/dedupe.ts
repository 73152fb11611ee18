import type { IDataObject } from 'n8n-workflow';

const MAX_ENTRIES = 5000;

// Deliveries seen by this process, so a redelivery that arrives before the workflow's static data
// is saved is still caught. Keyed by workflow + node; entries expire with the window.
const recent = new Map<string, Map<string, number>>();

function prune(entries: Map<string, number> | Record<string, number>, now: number): void {
	if (entries instanceof Map) {
		for (const [key, expires] of entries) if (expires <= now) entries.delete(key);
		while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
		return;
	}
	const keys = Object.keys(entries);
	for (const key of keys) if (entries[key] <= now) delete entries[key];
	const left = Object.keys(entries);
	for (const key of left.slice(0, Math.max(0, left.length - MAX_ENTRIES))) delete entries[key];
}

/**
 * Records a delivery key and says whether it is new. Duplicates inside `windowSeconds` are
 * recognised from the workflow's static data (shared by every process through the database) and
 * from this process's memory.
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
	let memory = recent.get(scope);
	if (!memory) {
		memory = new Map();
		recent.set(scope, memory);
	}
	prune(memory, now);
	const seen = (stored[key] !== undefined && stored[key] > now) || (memory.get(key) ?? 0) > now;
	if (seen) return false;
	const expires = now + windowSeconds * 1000;
	memory.set(key, expires);
	prune(stored, now);
	stored[key] = expires;
	staticData.deliveries = stored;
	return true;
}
