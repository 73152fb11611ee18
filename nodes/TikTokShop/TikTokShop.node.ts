import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as logistics from './actions/logistics';
import * as order from './actions/order';
import * as packageResource from './actions/package';
import { router } from './actions/router';
import * as shop from './actions/shop';
import { listSearch } from './methods';

export class TikTokShop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TikTok Shop',
		name: 'tikTokShop',
		icon: { light: 'file:../../icons/tiktokshop.svg', dark: 'file:../../icons/tiktokshop.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Orders, fulfilment, shipping labels and logistics of TikTok Shop (incl. Tokopedia shops on the TikTok Shop API)',
		defaults: { name: 'TikTok Shop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tikTokShopApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Logistic', value: 'logistics' },
					{ name: 'Order', value: 'order' },
					{ name: 'Package', value: 'package' },
					{ name: 'Shop', value: 'shop' },
				],
				default: 'order',
			},
			...shop.description,
			...order.description,
			...packageResource.description,
			...logistics.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
