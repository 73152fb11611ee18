import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { shipBody, shipFields } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [packageIdField, ...shipFields];

export const description = withDisplay({ resource: ['package'], operation: ['shipPackage'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const packageId = requiredId(this.getNodeParameter('packageId', i), 'Package ID');
		const body = shipBody.call(this, i);
		await tikTokShopApiRequest.call(this, 'POST', `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/ship`, {
			shopCipher: await shop(i),
			body,
			itemIndex: i,
		});
		return { package_id: packageId, shipped: true, ...body };
	});
}
