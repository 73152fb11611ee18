import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { settlementOutputField, tokopediaSaldoRow } from '../../../common/normalizedSettlement';
import { fsId, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { MAX_RANGE_SECONDS, unixSeconds, wibDate } from './shared';

const properties: INodeProperties[] = [
	{ displayName: 'From', name: 'fromDate', type: 'dateTime', required: true, default: '={{ $now.minus({ days: 7 }).toISO() }}', description: 'First day of the export (Tokopedia suggests at most 7 days, allows 31)' },
	{ displayName: 'To', name: 'toDate', type: 'dateTime', required: true, default: '={{ $now.toISO() }}', description: 'Last day of the export' },
	{
		displayName: 'Saldo Type',
		name: 'saldoType',
		type: 'options',
		default: 2,
		options: [
			{ name: 'Income and Refunds', value: 2 },
			{ name: 'Income (Penghasilan)', value: 1 },
			{ name: 'Refunds', value: 0 },
		],
	},
	settlementOutputField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Max Wait (Seconds)', name: 'maxWaitSeconds', type: 'number', default: 120, typeOptions: { minValue: 1 }, description: 'How long to wait for the export to be ready before failing' },
			{ displayName: 'Poll Interval (Seconds)', name: 'pollSeconds', type: 'number', default: 2, typeOptions: { minValue: 1 } },
		],
	},
];

export const description = withDisplay({ resource: ['finance'], operation: ['exportSaldoHistory'] }, properties);

/** The asynchronous v2 export (reference/finance-and-versions.md §3.3): request a key, wait for "Ready", fetch the rows. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const from = unixSeconds.call(this, 'fromDate', 'From', i);
		const to = unixSeconds.call(this, 'toDate', 'To', i);
		if (to < from) throw new NodeOperationError(this.getNode(), '"To" is before "From"', { itemIndex: i });
		if (to - from >= MAX_RANGE_SECONDS) throw new NodeOperationError(this.getNode(), '"From" to "To" is more than 31 days: export at most 31 days at a time (Get Saldo History splits any range)', { itemIndex: i });
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const base = `/v2/fs/${app}/shop/${await shop(i)}/saldo-history`;
		const dateFrom = wibDate(from);
		const dateTo = wibDate(to);
		// The table names date_from/date_to, the curl example from_date/to_date: both are sent.
		const requested = (await tokopediaApiRequest.call(this, 'GET', base, {
			query: { date_from: dateFrom, date_to: dateTo, from_date: dateFrom, to_date: dateTo, saldo_type: this.getNodeParameter('saldoType', i, 2) },
			itemIndex: i,
		})) as IDataObject;
		const requestKey = String(requested?.request_key ?? '');
		if (!requestKey) throw new NodeOperationError(this.getNode(), 'Tokopedia did not return a request_key for the saldo export', { itemIndex: i });
		const pollMs = Math.max(1, Number(options.pollSeconds ?? 2)) * 1000;
		const maxWaitMs = Math.max(1, Number(options.maxWaitSeconds ?? 120)) * 1000;
		let status = '';
		for (let waited = 0; ; waited += pollMs) {
			const data = (await tokopediaApiRequest.call(this, 'GET', `${base}/status`, { query: { request_key: requestKey }, itemIndex: i })) as IDataObject;
			status = String(data?.status ?? '');
			if (status.toLowerCase() === 'ready') break;
			if (waited + pollMs > maxWaitMs) {
				throw new NodeOperationError(this.getNode(), `The saldo export ${requestKey} was not ready after ${Math.round(waited / 1000)} s (status "${status}")`, {
					itemIndex: i,
					description: 'Raise Options → Max Wait, or export a shorter range',
				});
			}
			await sleep(pollMs);
		}
		// Tokopedia's guide names this third call but its path is not in the published excerpt (see README)
		const exported = (await tokopediaApiRequest.call(this, 'GET', `${base}/export`, { query: { request_key: requestKey }, itemIndex: i }).catch((error: { httpCode?: string }) => {
			if (error?.httpCode !== '404') throw error;
			throw new NodeOperationError(this.getNode(), `The saldo export ${requestKey} is ready but Tokopedia has no export endpoint at ${base}/export for this app`, {
				itemIndex: i,
				description: 'Use Get Saldo History (v1) for the same rows, and tell us the export path your Tokopedia documentation shows',
			});
		})) as IDataObject;
		const rows = (exported?.saldo_history as IDataObject[]) ?? [];
		if (this.getNodeParameter('settlementOutput', i, 'raw') === 'normalized') return rows.map((row) => tokopediaSaldoRow(row));
		return rows.map((row) => ({ ...row, request_key: requestKey }));
	});
}
