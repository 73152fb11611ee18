import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { tikTokShopApiRequest } from '../../transport';

// Order statuses of the 202309 API (reference §6).
export const orderStatusOptions: INodePropertyOptions[] = [
	{ name: 'Awaiting Collection', value: 'AWAITING_COLLECTION' },
	{ name: 'Awaiting Shipment', value: 'AWAITING_SHIPMENT' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Delivered', value: 'DELIVERED' },
	{ name: 'In Transit', value: 'IN_TRANSIT' },
	{ name: 'On Hold', value: 'ON_HOLD' },
	{ name: 'Partially Shipping', value: 'PARTIALLY_SHIPPING' },
	{ name: 'Unpaid', value: 'UNPAID' },
];

/** TikTok takes Unix seconds; n8n date fields give ISO strings (or numbers from expressions). */
export function toUnixSeconds(value: unknown, field: string): number {
	if (typeof value === 'number') return value > 1e12 ? Math.floor(value / 1000) : Math.floor(value);
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return toUnixSeconds(Number(text), field);
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) {
		throw new ApplicationError(`"${field}" must be a date (e.g. 2026-11-01T00:00:00Z) or Unix seconds, got "${text}"`);
	}
	return Math.floor(ms / 1000);
}

/** One order as Get Order Detail returns it (undefined when TikTok does not list it). */
export async function readOrder(this: IExecuteFunctions, orderId: string, shopCipher: string, itemIndex?: number): Promise<IDataObject | undefined> {
	const detail = await tikTokShopApiRequest.call(this, 'GET', '/order/202309/orders', { shopCipher, query: { ids: orderId }, itemIndex });
	return ((detail.orders as IDataObject[]) ?? [])[0];
}
