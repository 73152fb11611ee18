import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { isPossiblyApplied, recoveredMark, statusReadBack, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem, toItemError } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { isCancelledStatus, orderIdOf, readOrder } from './shared';

// Tokopedia wants at least 5 s between Accept Order and Request Pickup (reference O3, OAS pick-up description).
const PICKUP_AFTER_ACK_MS = 5_000;
const TOO_SOON_RETRIES = 2;

const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName:
			'Tokopedia refuses a pickup request made less than 5 seconds after the order was accepted. When it does and the order is accepted (status 400), this node waits 5 seconds and asks again (twice at most), so no Wait node is needed.',
		name: 'pickupAfterAcceptNotice',
		type: 'notice',
		default: '',
	},
];

export const description = withDisplay({ resource: ['order'], operation: ['requestPickup'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const orderId = orderIdOf(this.getNodeParameter('orderId', i));
		const body = { order_id: Number(orderId), shop_id: Number(await shop(i)) };
		const orderStatus = async () => Number((await readOrder.call(this, app, orderId, i)).order_status);
		const requestPickup = async (): Promise<IDataObject> => {
			for (let retry = 0; ; retry++) {
				try {
					return ((await tokopediaApiRequest.call(this, 'POST', `/inventory/v1/fs/${app}/pick-up`, { body, itemIndex: i, sendOnce: true })) as IDataObject) ?? {};
				} catch (error) {
					// Tokopedia documents no error code for "too soon"; an accepted order that is refused is that case.
					if (isPossiblyApplied(error) || retry >= TOO_SOON_RETRIES || (await orderStatus()) !== 400) throw toItemError(this, error, i);
					await sleep(PICKUP_AFTER_ACK_MS);
				}
			}
		};
		const outcome = await writeOnce(this.getNode(), {
			what: `Request Pickup of order ${orderId}`,
			check: `order ${orderId} in Tokopedia Seller Center (pickup requested = status 450)`,
			send: requestPickup,
			readBack: async () =>
				statusReadBack(await orderStatus(), (status) => status >= 450 && !isCancelledStatus(status), (status) => status === 400),
		}, i);
		return { ...body, ...outcome.data, ...recoveredMark(outcome) };
	});
}
