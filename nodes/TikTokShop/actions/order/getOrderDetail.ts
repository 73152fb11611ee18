import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk, parseIdList } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { normalizeTikTokShopOrder, orderOutputField } from '../../../common/normalizedOrder';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { shopIdOfCipher } from '../../transport/shop';
import type { ShopResolver } from '../types';

// GET /order/202309/orders takes at most 50 ids per call (reference §5.1).
const MAX_IDS_PER_REQUEST = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 576461413038785752, 576461413038785753',
		description: 'One or more order IDs, separated by commas. More than 50 are fetched in several requests.',
	},
	orderOutputField,
];

export const description = withDisplay({ resource: ['order'], operation: ['getOrderDetail'] }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const ids = parseIdList(this.getNodeParameter('orderIds', i));
		if (ids.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Enter at least one order ID in "Order IDs"', { itemIndex: i });
		}
		const shopCipher = await shop(i);
		const orders: IDataObject[] = [];
		for (const group of chunk(ids, MAX_IDS_PER_REQUEST)) {
			const data = await tikTokShopApiRequest.call(this, 'GET', '/order/202309/orders', {
				shopCipher,
				query: { ids: group.join(',') },
				itemIndex: i,
			});
			orders.push(...((data.orders as IDataObject[]) ?? []));
		}
		const found = new Set(orders.map((order) => String(order.id)));
		const missing = ids.filter((id) => !found.has(id));
		if (missing.length > 0) {
			throw new NodeOperationError(
				this.getNode(),
				`TikTok Shop returned no order for ID ${missing.join(', ')} in this shop`,
				{ itemIndex: i, description: 'Check the IDs and that the Shop field points at the shop that owns them.' },
			);
		}
		if (this.getNodeParameter('orderOutput', i, 'raw') !== 'normalized') return orders;
		const shopId = await shopIdOfCipher.call(this, shopCipher);
		return orders.map((order) => normalizeTikTokShopOrder(order, shopId));
	});
}
