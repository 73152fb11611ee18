import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { warehouseLocator } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { numericId } from '../../../common/validate';

const properties: INodeProperties[] = [warehouseLocator];

export const description = withDisplay(
	{ resource: ['logistics'], operation: ['getWarehouseDeliveryOptions'] },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const warehouseId = numericId(this.getNodeParameter('warehouse', i, '', { extractValue: true }), 'Warehouse');
		const data = await tikTokShopApiRequest.call(
			this,
			'GET',
			`/logistics/202309/warehouses/${encodeURIComponent(warehouseId)}/delivery_options`,
			{ shopCipher: await shop(i), itemIndex: i },
		);
		return ((data.delivery_options as IDataObject[]) ?? []).map((option) => ({ warehouse_id: warehouseId, ...option }));
	});
}
