import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Attempts in total, the first one included. */
	maxAttempts: number;
	initialDelayMs: number;
	maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 6,
	initialDelayMs: 1000,
	maxDelayMs: 60_000,
};

/**
 * For the registration calls of trigger activation. n8n 2.41 retries a failed registration itself
 * (5 attempts, 1-8 s apart) and aborts the whole publication after 84 s; full retries inside each
 * of its attempts outlast that, and the editor then shows "exceeded its deadline" instead of the
 * marketplace's answer.
 */
export const activationRetryPolicy: RetryPolicy = {
	maxAttempts: 2,
	initialDelayMs: 1000,
	maxDelayMs: 2000,
};

/**
 * Exponential back-off with "equal jitter": half the exponential step is fixed, half is random,
 * so concurrent callers spread out but never retry sooner than half the step.
 * A server-given wait (Retry-After, X-Ratelimit-Reset) is honoured up to the cap.
 */
export function backoffMs(
	attempt: number,
	policy: RetryPolicy = defaultRetryPolicy,
	retryAfterMs?: number,
	random: () => number = Math.random,
): number {
	const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
	const jittered = step / 2 + (random() * step) / 2;
	if (retryAfterMs !== undefined && retryAfterMs > 0) {
		return Math.min(policy.maxDelayMs, Math.max(retryAfterMs, jittered));
	}
	return jittered;
}

/** What one attempt produced, as far as the retry loop is concerned. */
export type AttemptOutcome<T> =
	| { kind: 'done'; value: T }
	| { kind: 'retry'; reason: string; retryAfterMs?: number; lastError: unknown };

/**
 * Retries shared by every request of one job, such as all pages of a pull: scattered failures cost a
 * few of them, while a marketplace that keeps failing ends the job once they are spent instead of
 * after the full policy on every page.
 */
export class RetryBudget {
	spent = 0;
	/** Attempts made by the last request that gave up, and whether the budget (not the policy) stopped it. */
	lastFailure?: { attempts: number; budgetSpent: boolean };

	constructor(readonly total: number) {}

	take(): boolean {
		if (this.spent >= this.total) return false;
		this.spent++;
		return true;
	}
}

/**
 * Runs `attempt` until it reports done or the policy (or the shared `budget`) is exhausted, sleeping
 * between attempts with `sleep` from n8n-workflow (timers are not allowed in community nodes).
 * When attempts run out, the last error is thrown as is.
 */
export async function withRetry<T>(
	attempt: (attemptNumber: number) => Promise<AttemptOutcome<T>>,
	policy: RetryPolicy = defaultRetryPolicy,
	wait: (ms: number) => Promise<void> = sleep,
	budget?: RetryBudget,
): Promise<T> {
	for (let n = 1; ; n++) {
		const outcome = await attempt(n);
		if (outcome.kind === 'done') return outcome.value;
		const policySpent = n >= policy.maxAttempts;
		if (policySpent || (budget && !budget.take())) {
			if (budget) budget.lastFailure = { attempts: n, budgetSpent: !policySpent };
			throw outcome.lastError;
		}
		await wait(backoffMs(n, policy, outcome.retryAfterMs));
	}
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function retryAfterToMs(value: unknown, now: number = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Whether an error thrown by the HTTP helper is a dropped or timed-out connection worth retrying. */
export function isTransientNetworkError(error: unknown): boolean {
	let current = error as { code?: string; cause?: unknown; message?: string } | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.code && NETWORK_ERROR_CODES.has(current.code)) return true;
		if (/timeout|socket hang up|ECONNRESET/i.test(current.message ?? '')) return true;
		current = current.cause as typeof current;
	}
	return false;
}

/** HTTP statuses that say "try again later" rather than "this request is wrong". */
export function isTransientStatus(status: number): boolean {
	return status === 429 || status === 408 || status >= 500;
}

/**
 * Whether a failed attempt may still have been applied: the request may have reached the marketplace
 * and only the answer was lost. A refused connection, a 429 or a rate-limit code was never applied.
 */
export function mayHaveBeenApplied(error: unknown, status?: number): boolean {
	if (status !== undefined) return status !== 429 && isTransientStatus(status);
	let current = error as { code?: string; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current.code === 'ECONNREFUSED' || current.code === 'EAI_AGAIN') return false;
		current = current.cause as typeof current;
	}
	return isTransientNetworkError(error);
}
