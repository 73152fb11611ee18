import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as cancellation from './actions/cancellation';
import * as finance from './actions/finance';
import * as inventory from './actions/inventory';
import * as logistics from './actions/logistics';
import * as order from './actions/order';
import * as packageResource from './actions/package';
import * as price from './actions/price';
import * as product from './actions/product';
import * as promotion from './actions/promotion';
import * as returnResource from './actions/return';
import { router } from './actions/router';
import * as seller from './actions/seller';
import * as shop from './actions/shop';
import * as webhook from './actions/webhook';
import { operationSubtitle } from '../common/descriptions';
import { listSearch } from './methods';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cancellation', value: 'cancellation' },
			{ name: 'Finance', value: 'finance' },
			{ name: 'Inventory', value: 'inventory' },
			{ name: 'Logistic', value: 'logistics' },
			{ name: 'Order', value: 'order' },
			{ name: 'Package', value: 'package' },
			{ name: 'Price', value: 'price' },
			{ name: 'Product', value: 'product' },
			{ name: 'Promotion', value: 'promotion' },
			{ name: 'Return', value: 'return' },
			{ name: 'Seller', value: 'seller' },
			{ name: 'Shop', value: 'shop' },
			{ name: 'Webhook Subscription', value: 'webhook' },
		],
		default: 'order',
	},
	...shop.description,
	...order.description,
	...packageResource.description,
	...logistics.description,
	...product.description,
	...inventory.description,
	...price.description,
	...cancellation.description,
	...returnResource.description,
	...webhook.description,
	...promotion.description,
	...seller.description,
	...finance.description,
];

export class TikTokShop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TikTok Shop',
		name: 'tikTokShop',
		icon: { light: 'file:../../icons/tiktokshop.svg', dark: 'file:../../icons/tiktokshop.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Orders, fulfilment, labels, products, stock, prices, returns, promotions and finance of TikTok Shop (incl. Tokopedia shops on the TikTok Shop API)',
		defaults: { name: 'TikTok Shop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tikTokShopApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
