import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [packageIdField];

export const description = withDisplay({ resource: ['package'], operation: ['getPackageDetail'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const packageId = requiredId(this.getNodeParameter('packageId', i), 'Package ID');
		const data = await tikTokShopApiRequest.call(this, 'GET', `/fulfillment/202309/packages/${encodeURIComponent(packageId)}`, {
			shopCipher: await shop(i),
			itemIndex: i,
		});
		return { package_id: packageId, ...data };
	});
}
