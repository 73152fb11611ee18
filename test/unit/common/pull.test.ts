import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { forEachItem } from '../../../nodes/common/items';
import type { PagePosition, Pull } from '../../../nodes/common/pull';
import { PULL_RETRY_BUDGET, PullError, pullAll } from '../../../nodes/common/pull';
import type { RetryBudget } from '../../../nodes/common/retry';
import { withRetry, defaultRetryPolicy } from '../../../nodes/common/retry';
import { fakeContext } from '../../helpers/context';

const node: INode = { id: 'n1', name: 'Orders', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const noWait = async () => {};

/** Pages of 2 items; page n fails `failures[n]` times (HTTP 503) before it answers. */
function flakyPull(pageCount: number, failures: Record<number, number>, extra: Partial<Pull<IDataObject>> = {}): Pull<IDataObject> & { calls: PagePosition[] } {
	const left = { ...failures };
	const calls: PagePosition[] = [];
	return {
		what: 'Get Order List',
		noun: 'orders',
		filters: { order_status: 'AWAITING_SHIPMENT' },
		calls,
		fetchPage: async (at: PagePosition, retries: RetryBudget) =>
			await withRetry(
				async () => {
					calls.push(at);
					if ((left[at.page] ?? 0) > 0) {
						left[at.page]--;
						return { kind: 'retry', reason: 'HTTP 503', lastError: new NodeApiError(node, { message: 'busy' }, { message: 'TikTok Shop error 36009003: busy', httpCode: '503' }) };
					}
					const items = [{ id: `${at.page}a` }, { id: `${at.page}b` }];
					return { kind: 'done', value: { items, next: at.page < pageCount ? `token-${at.page + 1}` : undefined } };
				},
				defaultRetryPolicy,
				noWait,
				retries,
			),
		...extra,
	};
}

describe('pullAll', () => {
	it('retries a failing page and returns every page once it answers', async () => {
		const pull = flakyPull(3, { 2: 3 });
		const out = await pullAll(node, pull, 0);
		expect(out.map((o) => o.id)).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
		expect(pull.calls.filter((c) => c.page === 2)).toHaveLength(4);
		expect(pull.calls.filter((c) => c.page === 2).every((c) => c.cursor === 'token-2')).toBe(true);
	});

	it('a page that fails past the policy ends the pull, naming page, cursor, window and filters, and keeps the pages before', async () => {
		const pull = flakyPull(5, { 3: 99 }, { windows: [{ from: Date.UTC(2026, 11, 2) / 1000, to: Date.UTC(2026, 11, 3) / 1000 }] });
		const error = (await pullAll(node, pull, 4).catch((e) => e)) as PullError;
		expect(error).toBeInstanceOf(PullError);
		expect(error.message).toBe(
			'Get Order List stopped at page 3 (cursor token-3) of window 2026-12-02T07:00:00+07:00 → 2026-12-03T07:00:00+07:00, filters: order_status=AWAITING_SHIPMENT, after 6 attempts: TikTok Shop error 36009003: busy',
		);
		expect(error.read.map((o) => o.id)).toEqual(['1a', '1b', '2a', '2b']);
		expect(error.position).toEqual({
			window: { from: '2026-12-02T07:00:00+07:00', to: '2026-12-03T07:00:00+07:00' },
			page: 3,
			cursor: 'token-3',
			filters: { order_status: 'AWAITING_SHIPMENT' },
			orders_read: 4,
		});
		expect(error.context).toMatchObject({ itemIndex: 4, httpCode: '503' });
	});

	it('all pages share one retry budget: scattered failures use it up and the pull stops', async () => {
		// 5 retries on page 1 and on page 2 leave 2 of 12 for page 3, which needs 5.
		expect(PULL_RETRY_BUDGET).toBe(12);
		const pull = flakyPull(4, { 1: 5, 2: 5, 3: 5 });
		const error = (await pullAll(node, pull, 0).catch((e) => e)) as PullError;
		expect(error.message).toMatch(/^Get Order List stopped at page 3 .* after 3 attempts \(the pull's 12 retries were used up\)/);
		expect(error.read).toHaveLength(4);
	});

	it('a refusal is not retried, and socket codes are put in words n8n keeps', async () => {
		const refused: Pull<IDataObject> = {
			what: 'Get All Orders',
			noun: 'orders',
			filters: {},
			fetchPage: async () => {
				throw new Error('read ECONNRESET');
			},
		};
		const error = (await pullAll(node, refused, 0).catch((e) => e)) as PullError;
		expect(error.message).toBe('Get All Orders stopped at page 1 of no time window, filters: none, without a retry (the marketplace refused it): read connection closed by the server');
		expect(error.position.window).toBeNull();
	});

	it('skips items already seen in an earlier window and stops at the limit', async () => {
		const pull = flakyPull(3, {}, { windows: [{ from: 0, to: 10 }, { from: 10, to: 20 }], key: (o) => String(o.id), limit: 5 });
		const out = await pullAll(node, pull, 0);
		expect(out.map((o) => o.id)).toEqual(['1a', '1b', '2a', '2b', '3a']);
	});
});

describe('forEachItem with a pull that failed part-way', () => {
	it('under Continue On Fail: the rows read, then one error item with the window and page, all paired to the input item', async () => {
		const ctx = fakeContext({ continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		const out = await forEachItem.call(ctx, [{ json: {} }, { json: {} }], async (i) => {
			if (i === 1) return { ok: true };
			return await pullAll(node, flakyPull(3, { 2: 99 }), i);
		});
		expect(out.map((o) => o.json.id ?? o.json.page ?? o.json.ok)).toEqual(['1a', '1b', 2, true]);
		expect(out[2].json).toMatchObject({ error: expect.stringMatching(/stopped at page 2/), page: 2, cursor: 'token-2', orders_read: 2, httpCode: '503' });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }]);
	});

	it('without Continue On Fail: the pull error stops the node', async () => {
		const ctx = fakeContext({ continueOnFail: false });
		await expect(forEachItem.call(ctx, [{ json: {} }], async (i) => await pullAll(node, flakyPull(3, { 2: 99 }), i))).rejects.toThrow(/stopped at page 2/);
	});
});
