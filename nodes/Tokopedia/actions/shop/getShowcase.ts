import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { pages, take } from '../../../common/paginate';
import { fsId, pick, tokopediaApiRequest } from '../../transport';
import type { ShopResolver } from '../types';

const PAGE_COUNT = 10;

const properties: INodeProperties[] = [
	{
		displayName: 'Hide Empty Showcases',
		name: 'hideZero',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out showcases without products',
	},
];

export const description = withDisplay({ resource: ['shop'], operation: ['getShowcase'] }, properties);

/** Every showcase (etalase) of a shop, following the pages. */
export async function allShowcases(this: IExecuteFunctions | ILoadOptionsFunctions, shopId: string, hideZero = false, itemIndex?: number) {
	const app = await fsId.call(this);
	return await take(
		pages<IDataObject>(async (cursor) => {
			const page = Number(cursor ?? 1);
			const data = await tokopediaApiRequest.call(this, 'GET', `/v1/showcase/fs/${app}/get`, {
				query: { shop_id: shopId, page, page_count: PAGE_COUNT, hide_zero: hideZero, display: 'showcase' },
				itemIndex,
			});
			const list = (pick(data, 'showcase') as IDataObject[] | null) ?? [];
			const more = Boolean(pick(data, 'next_link')) && list.length === PAGE_COUNT;
			return { items: list, next: more ? String(page + 1) : undefined };
		}),
	);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		return await allShowcases.call(this, await shop(i), this.getNodeParameter('hideZero', i) as boolean, i);
	});
}
