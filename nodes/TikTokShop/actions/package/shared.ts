import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ReadBack } from '../../../common/exactlyOnce';
import { tikTokShopApiRequest } from '../../transport';
import { shippingProviderLocator } from '../common.descriptions';
import { toUnixSeconds } from '../order/shared';
import { timeSlot } from '../../../common/validate';

/** The fields Ship and Ship Many share: how the parcel leaves the seller. */
export const shipFields: INodeProperties[] = [
	{
		displayName: 'Shipping Mode',
		name: 'shippingMode',
		type: 'options',
		default: 'tiktok',
		options: [
			{
				name: 'TikTok Shipping (Pickup or Drop-Off)',
				value: 'tiktok',
				description: 'TikTok Shop\'s carrier collects the parcel or the seller drops it off',
			},
			{
				name: 'Self-Shipment (Own Carrier)',
				value: 'selfShipment',
				description: 'For orders whose delivery option is "Send by seller": give the carrier and tracking number',
			},
		],
	},
	{
		displayName: 'Handover Method',
		name: 'handoverMethod',
		type: 'options',
		default: 'PICKUP',
		displayOptions: { show: { shippingMode: ['tiktok'] } },
		options: [
			{ name: 'Drop-Off', value: 'DROP_OFF', description: 'The seller brings the parcel to a drop-off point' },
			{ name: 'Pickup', value: 'PICKUP', description: 'The carrier collects the parcel' },
		],
	},
	{
		displayName: 'Pickup Slot Start',
		name: 'pickupSlotStart',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { shippingMode: ['tiktok'], handoverMethod: ['PICKUP'] } },
		description: 'Start of the pickup time slot (optional; from the package\'s handover time slots)',
	},
	{
		displayName: 'Pickup Slot End',
		name: 'pickupSlotEnd',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { shippingMode: ['tiktok'], handoverMethod: ['PICKUP'] } },
	},
	{ ...shippingProviderLocator, description: undefined, displayOptions: { show: { shippingMode: ['selfShipment'] } } },
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { shippingMode: ['selfShipment'] } },
	},
];

/** The body of packages/{id}/ship and of one entry of packages/ship (reference §5.2). */
export function shipBody(this: IExecuteFunctions, i: number): IDataObject {
	const mode = this.getNodeParameter('shippingMode', i) as string;
	if (mode === 'selfShipment') {
		const providerId = String(
			this.getNodeParameter('shippingProvider', i, '', { extractValue: true }) ?? '',
		).trim();
		const trackingNumber = String(this.getNodeParameter('trackingNumber', i, '')).trim();
		if (!providerId || !trackingNumber) {
			throw new NodeOperationError(
				this.getNode(),
				'Self-shipment needs both "Shipping Provider" and "Tracking Number"',
				{ itemIndex: i },
			);
		}
		return { self_shipment: { shipping_provider_id: providerId, tracking_number: trackingNumber } };
	}
	const body: IDataObject = { handover_method: this.getNodeParameter('handoverMethod', i) };
	if (body.handover_method === 'PICKUP') {
		const start = this.getNodeParameter('pickupSlotStart', i, '') as string;
		const end = this.getNodeParameter('pickupSlotEnd', i, '') as string;
		if (start || end) {
			const slot = {
				start_time: start ? toUnixSeconds(start, 'Pickup Slot Start') : undefined,
				end_time: end ? toUnixSeconds(end, 'Pickup Slot End') : undefined,
			};
			try {
				timeSlot(slot.start_time, slot.end_time, ['Pickup Slot Start', 'Pickup Slot End']);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: i });
			}
			body.pickup_slot = slot;
		}
	}
	return body;
}

/** Read-back of a ship: a package that left TO_FULFILL was shipped; one still in TO_FULFILL was not. */
export async function packageShipped(this: IExecuteFunctions, packageId: string, shopCipher: string, itemIndex?: number): Promise<ReadBack> {
	const detail = await tikTokShopApiRequest.call(this, 'GET', `/fulfillment/202309/packages/${encodeURIComponent(packageId)}`, {
		shopCipher,
		itemIndex,
	});
	const status = String(detail.package_status ?? '');
	if (status === 'TO_FULFILL') return { applied: false };
	if (['PROCESSING', 'FULFILLING', 'COMPLETED'].includes(status)) return { applied: true };
	return { applied: 'unknown', why: `package ${packageId} is ${status || 'in no known status'}` };
}
