import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { Pacer } from './pacer';
import { backoffMs, defaultRetryPolicy } from './retry';

/** One input row of a bulk write (a stock or price change for one SKU). */
export interface BulkRow<P = IDataObject> {
	itemIndex: number;
	/** What the marketplace identifies the row by; one batch never holds the same key twice. */
	key: string;
	payload: P;
}

export type RowVerdict =
	| { status: 'applied'; detail?: IDataObject }
	| { status: 'throttled'; message: string }
	| { status: 'failed'; message: string };

export interface RowOutcome<P = IDataObject> {
	row: BulkRow<P>;
	applied: boolean;
	message?: string;
	attempts: number;
	detail?: IDataObject;
}

export interface BatchAttempt<P> {
	rows: Array<BulkRow<P>>;
	/**
	 * Stable for the same rows sent again after a transport failure, different after a throttle.
	 * APIs with a duplicate-request guard derive their request id from it, so a resend of a batch
	 * that may have been applied is recognised, while a retry of throttled rows is not.
	 */
	seed: string;
}

export interface BulkPushOptions<P> {
	rows: Array<BulkRow<P>>;
	/** Rows per request; a function is asked before every batch (limits learnt from the API). */
	batchSize: number | (() => number);
	send: (batch: BatchAttempt<P>) => Promise<RowVerdict[]>;
	/** Whether a whole-batch error is worth sending the same batch again. */
	isTransient: (error: unknown) => boolean;
	pacer?: Pacer;
	/** Attempts per row for throttled rows and for transient whole-batch failures. */
	maxAttempts?: number;
	wait?: (ms: number) => Promise<void>;
}

interface Pending<P> {
	row: BulkRow<P>;
	attempts: number;
	throttles: number;
}

/**
 * Pushes rows in batches, in input order, retrying only what did not go through: rows the
 * marketplace reports as throttled (inside a 200) and whole batches that failed for a transient
 * reason. Rows rejected for a real reason are final. A later row for the same key never
 * overtakes an earlier one that is waiting for a retry, so the last input row wins, as it would
 * one by one.
 */
export async function bulkPush<P>(options: BulkPushOptions<P>): Promise<Array<RowOutcome<P>>> {
	const wait = options.wait ?? sleep;
	const maxAttempts = options.maxAttempts ?? 8;
	const sizeNow = () =>
		Math.max(1, Math.floor(typeof options.batchSize === 'function' ? options.batchSize() : options.batchSize));
	let queue: Array<Pending<P>> = options.rows.map((row) => ({ row, attempts: 0, throttles: 0 }));
	const outcomes: Array<RowOutcome<P>> = [];
	let consecutiveTransient = 0;

	while (queue.length > 0) {
		const size = sizeNow();
		const batch: Array<Pending<P>> = [];
		const keys = new Set<string>();
		const rest: Array<Pending<P>> = [];
		for (const pending of queue) {
			if (batch.length < size && !keys.has(pending.row.key)) {
				batch.push(pending);
				keys.add(pending.row.key);
			} else {
				// Keys seen here stay blocked for this batch even once it is full, keeping order per key.
				keys.add(pending.row.key);
				rest.push(pending);
			}
		}
		if (options.pacer) await options.pacer.take(batch.length);
		for (const pending of batch) pending.attempts++;
		const seed = batch.map((p) => `${p.row.itemIndex}:${p.row.key}:${p.throttles}`).join('|');

		let verdicts: RowVerdict[] | undefined;
		let failure: unknown;
		try {
			verdicts = await options.send({ rows: batch.map((p) => p.row), seed });
		} catch (error) {
			failure = error;
		}

		const retry: Array<Pending<P>> = [];
		if (verdicts === undefined) {
			const transient = options.isTransient(failure);
			const message = (failure as Error)?.message ?? String(failure);
			for (const pending of batch) {
				if (transient && pending.attempts < maxAttempts) retry.push(pending);
				else outcomes.push({ row: pending.row, applied: false, message, attempts: pending.attempts });
			}
			if (transient) {
				consecutiveTransient++;
				await wait(backoffMs(consecutiveTransient, defaultRetryPolicy));
			}
		} else {
			consecutiveTransient = 0;
			let throttled = false;
			batch.forEach((pending, index) => {
				const verdict = verdicts![index] ?? { status: 'applied' };
				if (verdict.status === 'applied') {
					outcomes.push({ row: pending.row, applied: true, attempts: pending.attempts, detail: verdict.detail });
				} else if (verdict.status === 'throttled' && pending.attempts < maxAttempts) {
					pending.throttles++;
					throttled = true;
					retry.push(pending);
				} else {
					outcomes.push({ row: pending.row, applied: false, message: verdict.message, attempts: pending.attempts });
				}
			});
			if (throttled) {
				if (options.pacer) options.pacer.drain();
				else await wait(backoffMs(1, defaultRetryPolicy));
			}
		}
		// Retried rows go back to their input position, ahead of later rows for the same key.
		queue = [...retry, ...rest].sort((a, b) => a.row.itemIndex - b.row.itemIndex);
	}
	return outcomes;
}
