import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toItemError } from '../../../common/items';
import { splitWindows } from '../../../common/windows';
import { fsId, tokopediaApiRequest } from '../../transport';

const DAY = 86400;
const WIB_OFFSET = 7 * 3600;
// v1 saldo history: at most 31 days per request, at most 500 rows per page (reference/finance-and-versions.md §3.3).
export const MAX_RANGE_SECONDS = 31 * DAY;
export const PER_PAGE = 500;

export type DateForm = 'unix' | 'date';

/** A WIB calendar date (YYYY-MM-DD) of Unix seconds: Tokopedia's dates are local (UTC+7). */
export const wibDate = (seconds: number) => new Date((seconds + WIB_OFFSET) * 1000).toISOString().slice(0, 10);

export function unixSeconds(this: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const text = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const ms = /^\d+$/.test(text) ? Number(text) * (text.length > 11 ? 1 : 1000) : Date.parse(text);
	if (!text || Number.isNaN(ms)) throw new NodeOperationError(this.getNode(), `"${label}" must be a date (e.g. 2026-11-01T00:00:00Z), got "${text}"`, { itemIndex });
	return Math.floor(ms / 1000);
}

function isDateFormRefusal(error: unknown): boolean {
	const e = error as { message?: string; description?: string; context?: IDataObject };
	return /date format/i.test(`${e.message ?? ''} ${e.description ?? ''}`);
}

/** Saldo rows in [from, to] over ≤ 31-day requests and every page, oldest window first, each row once. */
export async function* saldoHistory(this: IExecuteFunctions, shopId: string, from: number, to: number, itemIndex: number, start: { form: DateForm } = { form: 'unix' }): AsyncGenerator<IDataObject> {
	const app = await fsId.call(this);
	const seen = new Set<string>();
	// A date-form request covers whole days, so its windows are a day shorter to stay within 31 days.
	for (const window of splitWindows(from, to, start.form === 'unix' ? MAX_RANGE_SECONDS : MAX_RANGE_SECONDS - DAY)) {
		for (let page = 1; ; page++) {
			const range = start.form === 'unix' ? { from_date: window.from, to_date: window.to } : { from_date: wibDate(window.from), to_date: wibDate(window.to) };
			let data: IDataObject;
			try {
				data = (await tokopediaApiRequest.call(this, 'GET', `/v1/fs/${app}/shop/${shopId}/saldo-history`, { query: { ...range, page, per_page: PER_PAGE }, itemIndex })) as IDataObject;
			} catch (error) {
				// The docs say Unix timestamps, their example uses YYYY-MM-DD: switch once if one is refused.
				if (page === 1 && start.form === 'unix' && isDateFormRefusal(error)) {
					start.form = 'date';
					yield* saldoHistory.call(this, shopId, window.from, to, itemIndex, start);
					return;
				}
				throw toItemError(this, error, itemIndex);
			}
			for (const row of (data?.saldo_history as IDataObject[]) ?? []) {
				const id = String(row.deposit_id);
				if (seen.has(id)) continue;
				seen.add(id);
				yield row;
			}
			if (data?.have_next_page !== true) break;
		}
	}
}
