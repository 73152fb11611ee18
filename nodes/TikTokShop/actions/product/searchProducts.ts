import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk, parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { searchAll } from '../../transport/search';
import { limitField, returnAllField } from '../common.descriptions';
import { filterBody, limitOf } from '../search';
import type { ShopResolver } from '../types';

// products/search never returns more than 10,000 results (12052180) and takes ≤ 10 seller SKUs (reference §8).
const RESULT_CAP = 10_000;
const SELLER_SKUS_PER_SEARCH = 10;

const TIME_FILTERS: Record<string, string> = {
	create_time_ge: 'Created After',
	create_time_le: 'Created Before',
	update_time_ge: 'Updated After',
	update_time_le: 'Updated Before',
};

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...Object.entries(TIME_FILTERS).map(([name, displayName]) => ({ displayName, name, type: 'dateTime' as const, default: '' })),
			{
				displayName: 'Seller SKUs',
				name: 'seller_skus',
				type: 'string',
				default: '',
				description: 'Comma-separated seller SKUs; more than 10 are searched 10 at a time',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'ACTIVATE',
				options: [
					{ name: 'Activated', value: 'ACTIVATE' },
					{ name: 'All', value: 'ALL' },
					{ name: 'Deleted', value: 'DELETED' },
					{ name: 'Draft', value: 'DRAFT' },
					{ name: 'Failed (Rejected)', value: 'FAILED' },
					{ name: 'Frozen', value: 'FREEZE' },
					{ name: 'Pending (In Review)', value: 'PENDING' },
					{ name: 'Platform Deactivated', value: 'PLATFORM_DEACTIVATED' },
					{ name: 'Seller Deactivated', value: 'SELLER_DEACTIVATED' },
				],
			},
		],
	},
];

export const description = withDisplay({ resource: ['product'], operation: ['searchProducts'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const limit = limitOf.call(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const body = filterBody({ ...filters, seller_skus: undefined }, TIME_FILTERS);
		const skuGroups = chunk(parseIdList(filters.seller_skus ?? ''), SELLER_SKUS_PER_SEARCH);
		const shopCipher = await shop(i);
		const out: IDataObject[] = [];
		for (const skus of skuGroups.length ? skuGroups : [[]]) {
			const products = await searchAll.call(this, 'POST', '/product/202309/products/search', 'products', {
				shopCipher,
				body: skus.length ? { ...body, seller_skus: skus } : body,
				maxPageSize: 100,
				limit: limit - out.length,
				itemIndex: i,
				onPage: (data) => {
					if (Number(data.total_count ?? 0) > RESULT_CAP && limit - out.length > RESULT_CAP) {
						throw new NodeOperationError(
							this.getNode(),
							`The search matches ${String(data.total_count)} products, but TikTok Shop returns at most ${RESULT_CAP} per search`,
							{
								itemIndex: i,
								description: 'Narrow it with Filters → Status or Updated After / Updated Before and run it in slices (e.g. one month per run), or set a Limit.',
							},
						);
					}
				},
			});
			out.push(...products);
			if (out.length >= limit) break;
		}
		return out;
	});
}
