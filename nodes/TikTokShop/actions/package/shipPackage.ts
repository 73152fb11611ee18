import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { recoveredMark, writeOnce } from '../../../common/exactlyOnce';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { packageShipped, shipBody, shipFields } from './shared';
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
		const shopCipher = await shop(i);
		const outcome = await writeOnce(this.getNode(), {
			what: `Ship Package ${packageId}`,
			check: `package ${packageId} in TikTok Shop Seller Center (shipped = no longer "To ship")`,
			send: async () =>
				await tikTokShopApiRequest.call(this, 'POST', `/fulfillment/202309/packages/${encodeURIComponent(packageId)}/ship`, {
					shopCipher,
					body,
					itemIndex: i,
					sendOnce: true,
				}),
			readBack: async () => await packageShipped.call(this, packageId, shopCipher, i),
		}, i);
		return { package_id: packageId, shipped: true, ...body, ...recoveredMark(outcome) };
	});
}
