import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import type { ShopResolver } from '../types';
import { activityIdField, activityPath } from './shared';
import { requiredId } from '../../../common/validate';

// At most 300 products per call (official SDK model UpdateActivityProductRequestBody).
const PRODUCTS_PER_REQUEST = 300;

const properties: INodeProperties[] = [
	activityIdField,
	{
		displayName: 'Products (JSON)',
		name: 'products',
		type: 'json',
		required: true,
		default: '[{"id": "", "activity_price_amount": "", "quantity_limit": -1, "quantity_per_user": -1}]',
		description:
			'Products to add or change, with the fields TikTok names: the product, its activity price or discount, quantity limits, and SKUs for variation-level activities',
	},
];

export const description = withDisplay({ resource: ['promotion'], operation: ['updateActivityProduct'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const activityId = requiredId(this.getNodeParameter('activityId', i), 'Activity ID');
		let products: unknown = this.getNodeParameter('products', i);
		if (typeof products === 'string') {
			try {
				products = JSON.parse(products);
			} catch {
				throw new NodeOperationError(this.getNode(), '"Products (JSON)" is not valid JSON', { itemIndex: i });
			}
		}
		if (!Array.isArray(products) || products.length === 0) {
			throw new NodeOperationError(this.getNode(), '"Products (JSON)" must be a non-empty array', { itemIndex: i });
		}
		const shopCipher = await shop(i);
		const results: IDataObject[] = [];
		for (const group of chunk(products as IDataObject[], PRODUCTS_PER_REQUEST)) {
			results.push(
				await tikTokShopApiRequest.call(this, 'PUT', `${activityPath(activityId)}/products`, {
					shopCipher,
					body: { activity_id: activityId, products: group },
					itemIndex: i,
				}),
			);
		}
		return { activity_id: activityId, products_sent: products.length, results };
	});
}
