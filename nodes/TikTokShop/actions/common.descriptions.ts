import type { INodeProperties } from 'n8n-workflow';

import { listLocator } from '../../common/descriptions';

export { binaryPropertyField, limitField, returnAllField } from '../../common/descriptions';

export const shopLocator = listLocator({
	name: 'shop',
	displayName: 'Shop',
	searchListMethod: 'shopSearch',
	manual: { name: 'cipher', displayName: 'By Cipher', placeholder: 'e.g. ROW_xkMbgAAAeVAQra0eZWebFQq5aIK' },
	description: 'Shop to act on. Leave empty to use the Default Shop Cipher of the credential, or the only shop it can reach.',
});

export const packageIdField: INodeProperties = {
	displayName: 'Package ID',
	name: 'packageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1152921504832210000',
	description: 'ID of the package, from an order\'s packages list or from Get Many packages',
};

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 576461413038785752',
};

export const warehouseLocator = listLocator({ name: 'warehouse', displayName: 'Warehouse', searchListMethod: 'warehouseSearch', manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 7068517275539719942' }, required: true });

export const deliveryOptionLocator = listLocator({ name: 'deliveryOption', displayName: 'Delivery Option', searchListMethod: 'deliveryOptionSearch', manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 7091146663229654785' }, required: true });

export const shippingProviderLocator = listLocator({
	name: 'shippingProvider',
	displayName: 'Shipping Provider',
	searchListMethod: 'shippingProviderSearch',
	manual: { name: 'id', displayName: 'By ID', placeholder: 'e.g. 7117858858072016686' },
	required: true,
	description: 'Carrier that holds the tracking number',
});

export const trackingNumberField: INodeProperties = {
	displayName: 'Tracking Number',
	name: 'trackingNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. JP1234567890',
};
