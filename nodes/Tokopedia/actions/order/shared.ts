import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { tokopediaApiRequest } from '../../transport';
import { numericId } from '../../../common/validate';

// Order status codes (reference §6.1).
export const orderStatusOptions: INodePropertyOptions[] = [
	{ name: '0 · Seller Cancelled', value: 0 },
	{ name: '10 · Rejected by Seller', value: 10 },
	{ name: '15 · Instant Cancel by Buyer', value: 15 },
	{ name: '220 · New Order (Payment Verified)', value: 220 },
	{ name: '221 · Waiting for Partner Approval', value: 221 },
	{ name: '3 · Rejected, Empty Stock', value: 3 },
	{ name: '400 · Accepted by Seller', value: 400 },
	{ name: '450 · Waiting for Pickup', value: 450 },
	{ name: '5 · Cancelled, Fraud', value: 5 },
	{ name: '500 · Shipped (AWB Confirmed)', value: 500 },
	{ name: '520 · Invalid AWB', value: 520 },
	{ name: '540 · Delivered to Pickup Point', value: 540 },
	{ name: '550 · Returned to Seller', value: 550 },
	{ name: '6 · Rejected, Auto Cancel Out of Stock', value: 6 },
	{ name: '600 · Delivered', value: 600 },
	{ name: '601 · Buyer Opened a Case', value: 601 },
	{ name: '700 · Finished', value: 700 },
];

/** The order id Tokopedia expects in paths and bodies: an integer. */
export function orderIdOf(value: unknown): string {
	return numericId(value, 'Order ID');
}

/** The order as Get Single Order returns it: what a write's read-back looks at (order_status, awb, pof_info…). */
export async function readOrder(this: IExecuteFunctions, app: string, orderId: string, itemIndex: number): Promise<IDataObject> {
	const data = await tokopediaApiRequest.call(this, 'GET', `/v2/fs/${app}/order`, { query: { order_id: orderId }, itemIndex });
	return (data as IDataObject) ?? {};
}

/** Cancelled/rejected codes are below 100 (reference §6.1). */
export const isCancelledStatus = (status: number): boolean => status < 100;
