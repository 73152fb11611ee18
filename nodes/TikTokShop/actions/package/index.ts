import type { INodeProperties } from 'n8n-workflow';

import { shopLocator } from '../common.descriptions';
import * as batchShipPackages from './batchShipPackages';
import * as getPackageDetail from './getPackageDetail';
import * as getPackageShippingDocument from './getPackageShippingDocument';
import * as getTracking from './getTracking';
import * as markPackageAsShipped from './markPackageAsShipped';
import * as searchPackage from './searchPackage';
import * as shipPackage from './shipPackage';
import * as updatePackageShippingInfo from './updatePackageShippingInfo';

export {
	batchShipPackages,
	getPackageDetail,
	getPackageShippingDocument,
	getTracking,
	markPackageAsShipped,
	searchPackage,
	shipPackage,
	updatePackageShippingInfo,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['package'] } },
		options: [
			{ name: 'Get', value: 'getPackageDetail', description: 'Get a package', action: 'Get a package' },
			{ name: 'Get Many', value: 'searchPackage', description: 'Search packages', action: 'Get many packages' },
			{
				name: 'Get Shipping Document',
				value: 'getPackageShippingDocument',
				description: 'Download the shipping label or packing slip as a file',
				action: 'Get a shipping document',
			},
			{
				name: 'Get Tracking',
				value: 'getTracking',
				description: 'Get the tracking events of an order',
				action: 'Get tracking of an order',
			},
			{
				name: 'Mark as Shipped',
				value: 'markPackageAsShipped',
				description: 'Tell TikTok Shop the seller shipped line items with their own carrier',
				action: 'Mark a package as shipped',
			},
			{ name: 'Ship', value: 'shipPackage', description: 'Arrange shipment of a package', action: 'Ship a package' },
			{
				name: 'Ship Many',
				value: 'batchShipPackages',
				description: 'Ship the packages of all input items in batches, with a result per package',
				action: 'Ship many packages',
			},
			{
				name: 'Update Shipping Info',
				value: 'updatePackageShippingInfo',
				description: 'Correct the carrier or tracking number of a shipped package',
				action: 'Update shipping info of a package',
			},
		],
		default: 'searchPackage',
	},
	{ ...shopLocator, displayOptions: { show: { resource: ['package'] } } },
	...searchPackage.description,
	...getPackageDetail.description,
	...shipPackage.description,
	...batchShipPackages.description,
	...getPackageShippingDocument.description,
	...markPackageAsShipped.description,
	...updatePackageShippingInfo.description,
	...getTracking.description,
];
