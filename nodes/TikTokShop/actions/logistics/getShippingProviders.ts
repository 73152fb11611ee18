import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { deliveryOptionLocator, warehouseLocator } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	{ ...warehouseLocator, description: 'Warehouse whose delivery options the list below offers' },
	deliveryOptionLocator,
];

export const description = withDisplay({ resource: ['logistics'], operation: ['getShippingProviders'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const deliveryOptionId = requiredId(this.getNodeParameter('deliveryOption', i, '', { extractValue: true }), 'Delivery Option');
		const data = await tikTokShopApiRequest.call(
			this,
			'GET',
			`/logistics/202309/delivery_options/${encodeURIComponent(deliveryOptionId)}/shipping_providers`,
			{ shopCipher: await shop(i), itemIndex: i },
		);
		return ((data.shipping_providers as IDataObject[]) ?? []).map((provider) => ({
			delivery_option_id: deliveryOptionId,
			...provider,
		}));
	});
}
