export interface Page<T> {
	items: T[];
	/** Cursor for the next page; empty or undefined on the last page. */
	next?: string;
}

/** Yields every item of every page, following the cursor until the API says there is no next page. */
export async function* pages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>): AsyncGenerator<T> {
	let cursor: string | undefined;
	const seen = new Set<string>();
	do {
		const page = await fetchPage(cursor);
		yield* page.items;
		cursor = page.next || undefined;
		// A cursor that repeats would loop forever; treat it as the end rather than hang a workflow.
		if (cursor !== undefined) {
			if (seen.has(cursor)) return;
			seen.add(cursor);
		}
	} while (cursor);
}

/** Collects up to `limit` items from an async source, stopping the source early. */
export async function take<T>(source: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
	const out: T[] = [];
	if (limit <= 0) return out;
	for await (const item of source) {
		if (out.push(item) >= limit) break;
	}
	return out;
}
