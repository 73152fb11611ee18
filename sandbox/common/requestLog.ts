export interface RequestLogEntry {
	time: string;
	method: string;
	path: string;
	route: string | null;
	/** Query parameters without `sign` (and without `app_secret` on the token host). */
	query: Record<string, string>;
	status: number;
	code: number | null;
	bodySize: number;
	durationMs: number;
	requestId: string;
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	requestsByRoute: Record<string, number> = {};
	statusCounts: Record<string, number> = {};
	rateLimited = 0;
	faultsInjected = 0;
	total = 0;

	constructor(private capacity = 2000) {}

	add(e: RequestLogEntry): void {
		this.total++;
		const rk = e.route ?? `${e.method} <unmatched>`;
		this.requestsByRoute[rk] = (this.requestsByRoute[rk] ?? 0) + 1;
		this.statusCounts[String(e.status)] = (this.statusCounts[String(e.status)] ?? 0) + 1;
		if (e.status === 429) this.rateLimited++;
		this.entries.push(e);
		if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
	}

	recent(limit = 100): RequestLogEntry[] {
		return this.entries.slice(-Math.max(0, limit)).reverse();
	}

	reset(): void {
		this.entries = [];
		this.requestsByRoute = {};
		this.statusCounts = {};
		this.rateLimited = 0;
		this.faultsInjected = 0;
		this.total = 0;
	}
}
