import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { defaultRetryPolicy } from './retry';

const possiblyApplied = new WeakSet<object>();

/**
 * Marks the error of a write that may have reached the marketplace and been applied although no answer
 * came back (a timeout, a dropped connection, a 5xx). Transports throw such errors for `sendOnce`
 * requests instead of re-sending them; `writeOnce` then reads the marketplace's state.
 */
export function markPossiblyApplied<E>(error: E): E {
	if (error && typeof error === 'object') possiblyApplied.add(error);
	return error;
}

export function isPossiblyApplied(error: unknown): boolean {
	return !!error && typeof error === 'object' && possiblyApplied.has(error);
}

/** What the marketplace's state says about one write. */
export type ReadBack =
	| { applied: true; data?: IDataObject }
	| { applied: false }
	| { applied: 'unknown'; why: string };

export interface OnceWrite {
	/** The write in the user's words, with its id: "Ship Package 1152921504", "Accept Order 123". */
	what: string;
	/** Where the user can see whether it happened: "the package's status in Seller Center". */
	check: string;
	/** One attempt. The transport must not re-send it after it may have been applied (`sendOnce`). */
	send: () => Promise<IDataObject>;
	/** Reads the marketplace's state: is this write's effect there? */
	readBack: () => Promise<ReadBack>;
}

export interface OnceOutcome {
	data: IDataObject;
	/** The answer was lost but the marketplace's state shows the write was applied. */
	recovered: boolean;
}

/** `{ recovered: true }` when the answer was lost and the state showed the write applied, else nothing. */
export function recoveredMark(outcome: OnceOutcome): IDataObject {
	return outcome.recovered ? { recovered: true } : {};
}

/** Reads a status: in `done` → applied, in `notYet` → not applied, anything else → unknown. */
export function statusReadBack(status: unknown, done: (s: number) => boolean, notYet: (s: number) => boolean, label = 'order status'): ReadBack {
	const value = Number(status);
	if (status === undefined || status === null || !Number.isFinite(value)) return { applied: 'unknown', why: `the ${label} could not be read` };
	if (done(value)) return { applied: true };
	if (notYet(value)) return { applied: false };
	return { applied: 'unknown', why: `the ${label} is now ${value}` };
}

/**
 * How far before the send a creation's read-back looks for the created object: guards against an older
 * one with the same keys, allowing for clock skew between n8n and the marketplace.
 */
export const CREATED_READBACK_WINDOW_SECONDS = 300;

/** For creations the node cannot look up afterwards: a lost answer is reported, never re-sent. */
export const cannotReadBack = (what: string) => async (): Promise<ReadBack> => ({
	applied: 'unknown',
	why: `the node has no key to look up ${what} by`,
});

// Every re-send follows a read-back that found the effect missing, so none of them can double it;
// the bound only limits how long a flaky connection can hold one item. It is the budget every other
// transient failure gets: a write proven not applied is as safe to send again as an idempotent one.
const MAX_SENDS = defaultRetryPolicy.maxAttempts;

function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
}

function reason(error: unknown): string {
	return (error as Error)?.message ?? String(error);
}

/**
 * Sends a write that the marketplace does not deduplicate, exactly once in effect. When the answer is
 * lost, it asks the marketplace (`readBack`) instead of re-sending blindly: applied → success marked
 * `recovered`; not applied → sent again; cannot tell → an error that names the write and what to check,
 * and nothing is sent again.
 */
export async function writeOnce(node: INode, write: OnceWrite, itemIndex?: number): Promise<OnceOutcome> {
	for (let sends = 1; ; sends++) {
		let failure: unknown;
		try {
			return { data: await write.send(), recovered: false };
		} catch (error) {
			// A clear refusal of the first attempt is the answer itself; of a re-send, it may mean an
			// earlier attempt was applied after all (the marketplace refuses a second "ship"), so look.
			if (!isPossiblyApplied(error) && sends === 1) throw asNodeError(node, error);
			failure = error;
		}
		let state: ReadBack;
		try {
			state = await write.readBack();
		} catch (error) {
			state = { applied: 'unknown', why: `reading it back failed: ${reason(error)}` };
		}
		if (state.applied === true) return { data: state.data ?? {}, recovered: true };
		if (state.applied === false && !isPossiblyApplied(failure)) throw asNodeError(node, failure);
		if (state.applied === 'unknown' || sends >= MAX_SENDS) {
			const why = state.applied === 'unknown' ? state.why : `it was still not applied after ${sends} attempts`;
			throw new NodeOperationError(node, `${write.what}: outcome unknown, not sent again`, {
				itemIndex,
				description:
					`The answer to ${write.what} was lost (${reason(failure)}) and ${why}. ` +
					`The node did not send it again, so it cannot have been applied twice. ` +
					`Check ${write.check} before running this item again.`,
			});
		}
	}
}

/** What one entry of a batch write came to. */
export type BatchEntryOutcome<E> =
	| { entry: E; ok: true; recovered: boolean }
	| { entry: E; ok: false; message: string; unknown?: true; error?: unknown; detail?: IDataObject };

export interface OnceBatchWrite<E> {
	/** One request for these entries; returns the marketplace's refusal per entry (absent = applied). */
	send: (pending: E[]) => Promise<Map<E, { message: string; detail?: IDataObject }>>;
	readBack: (entry: E) => Promise<ReadBack>;
	/** "package 1152…" — named in messages. */
	name: (entry: E) => string;
	/** Where the user can see whether it happened. */
	check: (entry: E) => string;
}

/**
 * `writeOnce` for a batch request: when a batch's answer is lost, every entry is read back; applied
 * ones succeed as recovered, and only the entries found not applied are sent again.
 */
export async function writeBatchOnce<E>(entries: E[], write: OnceBatchWrite<E>): Promise<Array<BatchEntryOutcome<E>>> {
	const out: Array<BatchEntryOutcome<E>> = [];
	const readBack = async (entry: E): Promise<ReadBack> => {
		try {
			return await write.readBack(entry);
		} catch (error) {
			return { applied: 'unknown', why: `reading it back failed: ${reason(error)}` };
		}
	};
	let pending = entries;
	for (let sends = 1; pending.length > 0; sends++) {
		let lost: unknown;
		try {
			const refused = await write.send(pending);
			for (const entry of pending) {
				const refusal = refused.get(entry);
				if (refusal === undefined) out.push({ entry, ok: true, recovered: false });
				// A refusal of a re-sent entry may mean an earlier, lost attempt applied it after all.
				else if (sends > 1 && (await readBack(entry)).applied === true) out.push({ entry, ok: true, recovered: true });
				else out.push({ entry, ok: false, message: `${write.name(entry)}: ${refusal.message}`, detail: refusal.detail });
			}
			return out;
		} catch (error) {
			if (!isPossiblyApplied(error)) {
				for (const entry of pending) out.push({ entry, ok: false, message: `${write.name(entry)}: ${reason(error)}`, error });
				return out;
			}
			lost = error;
		}
		const notApplied: E[] = [];
		for (const entry of pending) {
			const state = await readBack(entry);
			if (state.applied === true) out.push({ entry, ok: true, recovered: true });
			else if (state.applied === false && sends < MAX_SENDS) notApplied.push(entry);
			else {
				const why = state.applied === 'unknown' ? state.why : `it was still not applied after ${sends} attempts`;
				out.push({
					entry,
					ok: false,
					unknown: true,
					message: `${write.name(entry)}: outcome unknown, not sent again. The answer was lost (${reason(lost)}) and ${why}. Check ${write.check(entry)} before running this item again.`,
				});
			}
		}
		pending = notApplied;
	}
	return out;
}
