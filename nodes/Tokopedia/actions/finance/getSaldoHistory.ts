import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { settlementOutputField, tokopediaSaldoRow, tokopediaSaldoTime } from '../../../common/normalizedSettlement';
import { take } from '../../../common/paginate';
import { limitField, returnAllField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { saldoHistory, unixSeconds } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'fromDate',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 7 }).toISO() }}',
		description: 'Balance rows at or after this time. Any range works: the node splits it into requests of at most 31 days.',
	},
	{ displayName: 'To', name: 'toDate', type: 'dateTime', required: true, default: '={{ $now.toISO() }}' },
	returnAllField,
	limitField,
	settlementOutputField,
];

export const description = withDisplay({ resource: ['finance'], operation: ['getSaldoHistory'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const from = unixSeconds.call(this, 'fromDate', 'From', i);
		const to = unixSeconds.call(this, 'toDate', 'To', i);
		if (to < from) throw new NodeOperationError(this.getNode(), '"To" is before "From"', { itemIndex: i });
		const limit = this.getNodeParameter('returnAll', i) ? Infinity : (this.getNodeParameter('limit', i) as number);
		const rows = await take(saldoHistory.call(this, await shop(i), from, to, i), limit);
		// A date-form request covers whole days: rows outside the asked range are left out.
		const inRange = rows.filter((row) => {
			const at = Date.parse(tokopediaSaldoTime(row.create_time) ?? '') / 1000;
			return Number.isNaN(at) || (at >= from && at <= to);
		});
		return this.getNodeParameter('settlementOutput', i, 'raw') === 'normalized' ? inRange.map((row) => tokopediaSaldoRow(row)) : inRange;
	});
}
