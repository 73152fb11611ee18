import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { settlementOutputField } from '../../../common/normalizedSettlement';
import { tikTokShopApiRequest } from '../../transport';
import { orderIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { orderTransactionsToSettlement } from './shared';

const properties: INodeProperties[] = [{ ...orderIdField, description: 'The order whose settlement to get, per SKU' }, settlementOutputField];

export const description = withDisplay({ resource: ['finance'], operation: ['getOrderTransactions'] }, properties);

/** The settlement of one order per SKU (API 202501); an order not settled yet has no SKU transactions. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i, '')).trim();
		const data = await tikTokShopApiRequest.call(this, 'GET', `/finance/202501/orders/${encodeURIComponent(orderId)}/statement_transactions`, { shopCipher: await shop(i), itemIndex: i });
		if (this.getNodeParameter('settlementOutput', i, 'raw') === 'normalized') {
			return orderTransactionsToSettlement(data) ?? { order_id: orderId, status: 'not_settled' };
		}
		return data;
	});
}
