import type { INodeProperties } from 'n8n-workflow';

export { binaryPropertyField, limitField, returnAllField } from '../../common/descriptions';

export const shopLocator: INodeProperties = {
	displayName: 'Shop',
	name: 'shop',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'Shop to act on. Leave empty to use the Default Shop Cipher of the credential, or the only shop it can reach.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'shopSearch', searchable: true },
		},
		{
			displayName: 'By Cipher',
			name: 'cipher',
			type: 'string',
			placeholder: 'e.g. ROW_xkMbgAAAeVAQra0eZWebFQq5aIK',
		},
	],
};

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

export const warehouseLocator: INodeProperties = {
	displayName: 'Warehouse',
	name: 'warehouse',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'warehouseSearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 7068517275539719942' },
	],
};

export const deliveryOptionLocator: INodeProperties = {
	displayName: 'Delivery Option',
	name: 'deliveryOption',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'deliveryOptionSearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 7091146663229654785' },
	],
};

export const shippingProviderLocator: INodeProperties = {
	displayName: 'Shipping Provider',
	name: 'shippingProvider',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'Carrier that holds the tracking number',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'shippingProviderSearch', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 7117858858072016686' },
	],
};

export const trackingNumberField: INodeProperties = {
	displayName: 'Tracking Number',
	name: 'trackingNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. JP1234567890',
};
