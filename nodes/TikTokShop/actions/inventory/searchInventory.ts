import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk, parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'productIds',
		options: [
			{ name: 'Product IDs', value: 'productIds' },
			{ name: 'SKU IDs', value: 'skuIds' },
		],
	},
	{
		displayName: 'IDs',
		name: 'ids',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated; split into requests of 100 product IDs or 600 SKU IDs',
	},
];

export const description = withDisplay({ resource: ['inventory'], operation: ['searchInventory'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const bySku = this.getNodeParameter('searchBy', i) === 'skuIds';
		const ids = parseIdList(this.getNodeParameter('ids', i));
		if (ids.length === 0) throw new NodeOperationError(this.getNode(), 'Enter at least one ID in "IDs"', { itemIndex: i });
		const out: IDataObject[] = [];
		for (const group of chunk(ids, bySku ? 600 : 100)) {
			const data = await tikTokShopApiRequest.call(this, 'POST', '/product/202309/inventory/search', {
				shopCipher: await shop(i),
				body: bySku ? { sku_ids: group } : { product_ids: group },
				itemIndex: i,
			});
			out.push(...((data.inventory as IDataObject[]) ?? []));
		}
		return out;
	});
}
