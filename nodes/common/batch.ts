/** Splits a list into consecutive chunks of at most `size` elements. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** Splits "a, b\nc" or ['a', ' b '] into trimmed, non-empty, de-duplicated ids, keeping order. */
export function parseIdList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/);
	const out: string[] = [];
	const seen = new Set<string>();
	for (const part of raw) {
		const id = part.trim();
		if (id && !seen.has(id)) {
			seen.add(id);
			out.push(id);
		}
	}
	return out;
}

/** Runs `task` over `list` with at most `concurrency` tasks in flight; results keep input order. */
export async function mapConcurrent<T, R>(
	list: readonly T[],
	concurrency: number,
	task: (element: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(list.length);
	let next = 0;
	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, async () => {
		while (next < list.length) {
			const index = next++;
			results[index] = await task(list[index], index);
		}
	});
	await Promise.all(workers);
	return results;
}
