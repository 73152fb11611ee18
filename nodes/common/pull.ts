import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { wordsForSocketCodes } from './networkFailure';
import { RetryBudget } from './retry';
import { shopTimeText } from './shopTime';

/** A time range of a pull in Unix seconds; an open end is absent. */
export interface PullWindow {
	from?: number;
	to?: number;
}

/** Where one page of a pull is. */
export interface PagePosition {
	window?: PullWindow;
	/** 1 = the window's first page. */
	page: number;
	/** What the page was asked with: the previous page's cursor (TikTok page_token); absent on a first page. */
	cursor?: string;
}

export interface PullPage<T> {
	items: T[];
	/** Cursor of the next page (a token, or the next page number); absent or empty on the last page. */
	next?: string;
}

export interface Pull<T> {
	/** The operation in the editor's words, e.g. "Order → Get Many". */
	what: string;
	/** What is pulled, plural: "orders". */
	noun: string;
	/** Consecutive windows; one pass over `window` (or no window) when absent. */
	windows?: PullWindow[];
	/** The filters as sent (no credentials), named in the error. */
	filters: IDataObject;
	/** One page. Every request it makes passes `retries` to the transport, so all pages share one budget. */
	fetchPage: (position: PagePosition, retries: RetryBudget) => Promise<PullPage<T>>;
	limit?: number;
	/** Neighbouring windows may return the same item; the second copy is skipped. */
	key?: (item: T) => string;
	/** The output shape of an item (e.g. the normalized order). */
	map?: (item: T) => IDataObject;
}

/**
 * Retries one pull may spend over all its pages (each request also stops at the transport's policy of
 * 6 attempts): a blip here and there costs a few, a marketplace that keeps failing ends the pull soon.
 */
export const PULL_RETRY_BUDGET = 12;

/**
 * A pull that gave up on one page. Carries what it had read (the output rows of the pages before) and
 * where it stopped, so "Continue On Fail" can hand both to the next node.
 */
export class PullError extends NodeOperationError {
	readonly read: IDataObject[];
	readonly position: IDataObject;

	constructor(node: INode, message: string, options: { description: string; itemIndex?: number }, read: IDataObject[], position: IDataObject) {
		super(node, message, options);
		this.read = read;
		this.position = position;
	}
}

function windowText(window: PullWindow | undefined): string {
	if (!window || (window.from === undefined && window.to === undefined)) return 'no time window';
	return `window ${window.from === undefined ? 'the beginning' : shopTimeText(window.from)} → ${window.to === undefined ? 'now' : shopTimeText(window.to)}`;
}

function filtersText(filters: IDataObject): string {
	const parts = Object.entries(filters).map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
	return parts.length ? parts.join(', ') : 'none';
}

function pullError<T>(node: INode, pull: Pull<T>, at: PagePosition, cause: unknown, read: IDataObject[], retries: RetryBudget, itemIndex: number): PullError {
	const causeText = wordsForSocketCodes((cause as Error)?.message ?? String(cause));
	const failure = retries.lastFailure;
	const tried = failure
		? failure.budgetSpent
			? `after ${failure.attempts} attempts (the pull's ${retries.total} retries were used up)`
			: `after ${failure.attempts} attempts`
		: 'without a retry (the marketplace refused it)';
	const cursor = at.cursor !== undefined && at.cursor !== String(at.page) ? at.cursor : undefined;
	const where = `page ${at.page}${cursor === undefined ? '' : ` (cursor ${cursor})`} of ${windowText(at.window)}`;
	const position: IDataObject = {
		window: at.window ? { from: at.window.from === undefined ? null : shopTimeText(at.window.from), to: at.window.to === undefined ? null : shopTimeText(at.window.to) } : null,
		page: at.page,
		...(cursor === undefined ? {} : { cursor }),
		filters: pull.filters,
		[`${pull.noun}_read`]: read.length,
	};
	const error = new PullError(
		node,
		`${pull.what} stopped at ${where}, filters: ${filtersText(pull.filters)}, ${tried}: ${causeText}`,
		{
			description:
				`${read.length} ${pull.noun} were read before that page. With "On Error: Continue" they are output, followed by this error as the last item; ` +
				'run again from this window once the marketplace answers.',
			itemIndex,
		},
		read,
		position,
	);
	const context = (cause as NodeApiError | undefined)?.context ?? {};
	for (const key of ['marketplaceCode', 'requestId']) if (context[key] !== undefined) error.context[key] = context[key];
	if (cause instanceof NodeApiError && cause.httpCode) error.context.httpCode = cause.httpCode;
	return error;
}

/**
 * Reads every page of every window, retrying failed pages (transient failures only: 5xx, 429, timeouts,
 * dropped connections; the transports decide) within one budget for the whole pull. When a page still
 * fails, throws a PullError that names the window (in the shop's time), the page and the filters, and
 * keeps what the pages before it gave.
 */
export async function pullAll<T>(node: INode, pull: Pull<T>, itemIndex: number): Promise<IDataObject[]> {
	const retries = new RetryBudget(PULL_RETRY_BUDGET);
	const out: IDataObject[] = [];
	const limit = pull.limit ?? Infinity;
	if (limit <= 0) return out;
	const seen = new Set<string>();
	for (const window of pull.windows ?? [undefined]) {
		const cursors = new Set<string>();
		let at: PagePosition = { window, page: 1 };
		for (;;) {
			let page: PullPage<T>;
			retries.lastFailure = undefined;
			try {
				page = await pull.fetchPage(at, retries);
			} catch (error) {
				throw pullError(node, pull, at, error, out, retries, itemIndex);
			}
			for (const item of page.items) {
				if (pull.key) {
					const key = pull.key(item);
					if (seen.has(key)) continue;
					seen.add(key);
				}
				out.push(pull.map ? pull.map(item) : (item as IDataObject));
				if (out.length >= limit) return out;
			}
			const next = page.next || undefined;
			// A cursor that repeats would loop forever; treat it as the end rather than hang a workflow.
			if (next === undefined || cursors.has(next)) break;
			cursors.add(next);
			at = { window, page: at.page + 1, cursor: next };
		}
	}
	return out;
}
