import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { activityIdField, activityPath } from './shared';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	activityIdField,
	{ displayName: 'Product IDs', name: 'productIds', type: 'string', default: '', description: 'Comma-separated' },
	{ displayName: 'SKU IDs', name: 'skuIds', type: 'string', default: '', description: 'Comma-separated (Variation-level activities)' },
];

export const description = withDisplay({ resource: ['promotion'], operation: ['removeActivityProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const activityId = requiredId(this.getNodeParameter('activityId', i), 'Activity ID');
		const body = { product_ids: parseIdList(this.getNodeParameter('productIds', i, '')), sku_ids: parseIdList(this.getNodeParameter('skuIds', i, '')) };
		if (body.product_ids.length + body.sku_ids.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Give "Product IDs" or "SKU IDs" to remove', { itemIndex: i });
		}
		const data = await tikTokShopApiRequest.call(this, 'DELETE', `${activityPath(activityId)}/products`, { shopCipher: await shop(i), body, itemIndex: i });
		return { activity_id: activityId, removed: true, ...body, ...data };
	});
}
