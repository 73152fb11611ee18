import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField, shippingProviderLocator, trackingNumberField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [packageIdField, shippingProviderLocator, trackingNumberField];

export const description = withDisplay(
	{ resource: ['package'], operation: ['updatePackageShippingInfo'] },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const packageId = requiredId(this.getNodeParameter('packageId', i), 'Package ID');
		const body = {
			tracking_number: String(this.getNodeParameter('trackingNumber', i)).trim(),
			shipping_provider_id: String(this.getNodeParameter('shippingProvider', i, '', { extractValue: true })).trim(),
		};
		const data = await tikTokShopApiRequest.call(
			this,
			'POST',
			`/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_info/update`,
			{ shopCipher: await shop(i), body, itemIndex: i },
		);
		return { package_id: packageId, updated: true, ...body, ...data };
	});
}
