import { randomBytes } from 'node:crypto';
import type { Router } from '../../common/http';
import { bad } from '../envelope';
import { type SaldoRow, WIB_OFFSET, saldoHistory } from '../finance';
import type { TokopediaState } from '../state';
import { type ApiCtx, type Handler, linkedShop, std } from './common';

const DAY = 86400;
const MAX_RANGE_DAYS = 31;
const MAX_PER_PAGE = 500;

/** An export job of the v2 API: ready `readyAfterMs` after it was requested. */
interface ExportJob {
	key: string;
	shopId: number;
	from: number;
	to: number;
	saldoType: number;
	readyAtMs: number;
}
const jobsByState = new WeakMap<TokopediaState, Map<string, ExportJob>>();
const jobsOf = (state: TokopediaState) => {
	let jobs = jobsByState.get(state);
	if (!jobs) {
		jobs = new Map();
		jobsByState.set(state, jobs);
	}
	return jobs;
};
/**
 * How long an export takes to become "Ready", and which date form v1 accepts ('both', or only
 * 'unix' / 'date' to test a client's fallback); control: POST /_sandbox/tokopedia/finance/config.
 */
export const financeSettings = { readyAfterMs: 1500, v1DateForm: 'both' as 'both' | 'unix' | 'date' };

/**
 * A date the docs allow: "UNIX timestamp" (the table) or YYYY-MM-DD (the curl example,
 * reference/finance-and-versions.md §3.3). A date alone means that whole UTC day.
 */
function dateParam(c: ApiCtx, keys: string[], end: boolean, code: string, form: 'both' | 'unix' | 'date' = 'both'): number {
	const key = keys.find((k) => c.query.get(k) !== null && c.query.get(k) !== '');
	const raw = key ? c.query.get(key)! : '';
	if (!raw) throw bad(code, `${keys[0]} cannot be empty`);
	if (/^\d{9,10}$/.test(raw) && form !== 'date') return Number(raw);
	// A date is a whole WIB day.
	if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) && form !== 'unix') return Date.parse(raw) / 1000 - WIB_OFFSET + (end ? DAY - 1 : 0);
	throw bad(code, 'Date format is not valid');
}

function view(row: SaldoRow) {
	const { time: _time, invoice: _invoice, kind: _kind, ...api } = row;
	return api;
}

function rowsIn(c: ApiCtx, shopId: number, from: number, to: number, saldoType = 2): SaldoRow[] {
	const shop = linkedShop(c, shopId);
	return saldoHistory(c.state, shop, c.now).filter(
		(row) => row.time >= from && row.time <= to && (saldoType === 2 ? true : saldoType === 0 ? row.kind === 'refund' : row.kind === 'income'),
	);
}

function pathShop(c: ApiCtx): number {
	if (!/^\d+$/.test(c.params.shop_id ?? '')) throw bad('SHP_DLV_002', 'Invalid shop_id');
	return Number(c.params.shop_id);
}

/** Balance (saldo) history, v1 synchronous and v2 asynchronous export (reference/finance-and-versions.md §3.3). */
export function registerFinanceRoutes(r: Router<Handler>): void {
	r.add('GET', '/v1/fs/{fs_id}/shop/{shop_id}/saldo-history', (c) => {
		const shopId = pathShop(c);
		const from = dateParam(c, ['from_date'], false, 'FIN_DLV_001', financeSettings.v1DateForm);
		const to = dateParam(c, ['to_date'], true, 'FIN_DLV_001', financeSettings.v1DateForm);
		if (to < from) throw bad('FIN_DLV_002', 'to_date must be after from_date');
		if (to - from > MAX_RANGE_DAYS * DAY) throw bad('FIN_DLV_002', `Date range cannot be more than ${MAX_RANGE_DAYS} days`);
		const page = Number(c.query.get('page') ?? '');
		const perPage = Number(c.query.get('per_page') ?? '');
		if (!Number.isInteger(page) || page < 1) throw bad('FIN_DLV_003', 'page is required and starts at 1');
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) throw bad('FIN_DLV_004', `per_page is required, at most ${MAX_PER_PAGE}`);
		const rows = rowsIn(c, shopId, from, to);
		const slice = rows.slice((page - 1) * perPage, page * perPage);
		return std({ have_next_page: page * perPage < rows.length, saldo_history: slice.map(view) });
	});

	r.add('GET', '/v2/fs/{fs_id}/shop/{shop_id}/saldo-history', (c) => {
		const shopId = pathShop(c);
		linkedShop(c, shopId);
		// The table says date_from/date_to, the curl example from_date/to_date: both are accepted.
		const from = dateParam(c, ['date_from', 'from_date'], false, 'SHP_DLV_005');
		const to = dateParam(c, ['date_to', 'to_date'], true, 'SHP_DLV_005');
		if (to < from) throw bad('SHP_DLV_005', 'date_to must be after date_from');
		if (to - from > MAX_RANGE_DAYS * DAY) throw bad('SHP_DLV_006', `Date range cannot be more than ${MAX_RANGE_DAYS} days`);
		const saldoType = Number(c.query.get('saldo_type') ?? '2');
		if (![0, 1, 2].includes(saldoType)) throw bad('SHP_DLV_007', 'saldo_type must be 0 (refund), 1 (income) or 2 (both)');
		const key = `SHD-${randomBytes(6).toString('hex').toUpperCase()}`;
		jobsOf(c.state).set(key, { key, shopId, from, to, saldoType, readyAtMs: Date.now() + financeSettings.readyAfterMs });
		return std({ request_key: key });
	});

	const jobOf = (c: ApiCtx): ExportJob => {
		const key = c.query.get('request_key') ?? '';
		const job = jobsOf(c.state).get(key);
		if (!job || job.shopId !== pathShop(c)) throw bad('SHP_DLV_008', `request_key ${key || '(empty)'} not found`);
		return job;
	};

	r.add('GET', '/v2/fs/{fs_id}/shop/{shop_id}/saldo-history/status', (c) => {
		const job = jobOf(c);
		return std({ request_key: job.key, status: Date.now() >= job.readyAtMs ? 'Ready' : 'On Process' });
	});

	// The export path is not in the stored docs (reference §3.3, API 3): this is the sandbox's guess.
	r.add('GET', '/v2/fs/{fs_id}/shop/{shop_id}/saldo-history/export', (c) => {
		const job = jobOf(c);
		if (Date.now() < job.readyAtMs) throw bad('SHP_DLV_009', 'The export is not ready yet: check the status first');
		return std({ request_key: job.key, saldo_history: rowsIn(c, job.shopId, job.from, job.to, job.saldoType).map(view) });
	});
}
