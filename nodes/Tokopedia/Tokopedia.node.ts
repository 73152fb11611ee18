import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as category from './actions/category';
import * as finance from './actions/finance';
import * as inventory from './actions/inventory';
import * as logistic from './actions/logistic';
import * as order from './actions/order';
import * as product from './actions/product';
import { router } from './actions/router';
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
			{ name: 'Category', value: 'category' },
			{ name: 'Finance', value: 'finance' },
			{ name: 'Inventory', value: 'inventory' },
			{ name: 'Logistic', value: 'logistic' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
			{ name: 'Shop', value: 'shop' },
			{ name: 'Webhook', value: 'webhook' },
		],
		default: 'order',
	},
	...order.description,
	...product.description,
	...inventory.description,
	...category.description,
	...shop.description,
	...logistic.description,
	...webhook.description,
	...finance.description,
];

export class Tokopedia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tokopedia',
		name: 'tokopedia',
		icon: { light: 'file:../../icons/tokopedia.svg', dark: 'file:../../icons/tokopedia.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Orders, shipping, products and stock of Tokopedia shops on the Tokopedia Seller API (fs.tokopedia.net)',
		defaults: { name: 'Tokopedia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tokopediaApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
