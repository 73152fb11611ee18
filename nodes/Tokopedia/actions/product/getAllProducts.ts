import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { pages, take } from '../../../common/paginate';
import { fsId, tokopediaApiRequest } from '../../transport';
import { limitField, returnAllField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { positiveLimit } from '../../../common/validate';

// Product info by shop pages by at most 50 (reference §3.3 PR1).
const PER_PAGE = 50;

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = withDisplay({ resource: ['product'], operation: ['getAllProducts'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? Infinity : positiveLimit(this.getNodeParameter('limit', i));
		const shopId = await shop(i);
		const products = pages<IDataObject>(async (cursor) => {
			const page = Number(cursor ?? 1);
			const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/info`, {
				query: { shop_id: shopId, page, per_page: PER_PAGE },
				itemIndex: i,
			});
			const list = Array.isArray(data) ? (data as IDataObject[]) : [];
			return { items: list, next: list.length < PER_PAGE ? undefined : String(page + 1) };
		});
		return await take(products, limit);
	});
}
