import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, statusReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { oneOf } from '../../../common/validate';
import { fsId, tokopediaApiRequest } from '../../transport';
import { integerIds, orderIdField } from '../common.descriptions';
import { buildRejectBody, REJECT_REASONS } from './rejectReason';
import { orderIdOf, readOrder } from './shared';

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Reason Code',
		name: 'reasonCode',
		type: 'options',
		default: 1,
		options: Object.entries(REJECT_REASONS)
			.map(([code, rule]) => ({ name: `${rule.label} (${code})`, value: Number(code) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		required: true,
		description: 'Explanation shown to the buyer (at most 200 characters)',
	},
	{
		displayName: 'Out-of-Stock Product IDs',
		name: 'emptyProducts',
		type: 'string',
		default: '',
		description: 'Comma-separated IDs of the products that are out of stock',
		displayOptions: { show: { reasonCode: [1] } },
	},
	{
		displayName: 'Shop Closed Until',
		name: 'shopClosedUntil',
		type: 'dateTime',
		default: '',
		// Not `required`: n8n shows these fields for any code when Reason Code is an expression; the node checks them for code 4.
		description: 'Needed for reason code 4. The date is taken in the shop\'s time zone (Asia/Jakarta, WIB): a date-time with an offset is converted to it, one without is used as written.',
		displayOptions: { show: { reasonCode: [4] } },
	},
	{
		displayName: 'Shop Closed Note',
		name: 'shopClosedNote',
		type: 'string',
		default: '',
		description: 'Needed for reason code 4: note shown on the closed shop',
		displayOptions: { show: { reasonCode: [4] } },
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['rejectOrder'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const reasonCode = Number(oneOf(this.getNodeParameter('reasonCode', i), 'Reason Code', Object.keys(REJECT_REASONS)));
		const { body, problems } = buildRejectBody({
			reasonCode,
			reason: String(this.getNodeParameter('reason', i, '')),
			shopClosedUntil: reasonCode === 4 ? String(this.getNodeParameter('shopClosedUntil', i, '')) : undefined,
			shopClosedNote: reasonCode === 4 ? String(this.getNodeParameter('shopClosedNote', i, '')) : undefined,
			emptyProducts: reasonCode === 1 ? integerIds(this.getNodeParameter('emptyProducts', i, ''), 'Out-of-Stock Product IDs') : undefined,
		});
		if (!body) {
			throw new NodeOperationError(this.getNode(), `Cannot reject order ${orderId}: ${problems.join('; ')}`, { itemIndex: i });
		}
		const outcome = await writeOnce(this.getNode(), {
			what: `Reject Order ${orderId}`,
			check: `order ${orderId} in Tokopedia Seller Center (rejected = status 10)`,
			send: async () => ({
				result: (await tokopediaApiRequest.call(this, 'POST', `/v1/order/${orderId}/fs/${app}/nack`, { body, itemIndex: i, sendOnce: true })) as string,
			}),
			readBack: async () =>
				statusReadBack(
					(await readOrder.call(this, app, orderId, i)).order_status,
					(status) => status === 10,
					(status) => status === 220,
				),
		}, i);
		return { order_id: Number(orderId), rejected: true, ...body, result: (outcome.data.result as string) ?? 'success', ...recoveredMark(outcome) };
	});
}
