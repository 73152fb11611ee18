import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { safetyBufferOptions } from '../../../common/safetyBuffer';
import type { ShopResolver } from '../types';
import { inventoryFields, pushInventory, rateOption } from './shared';

const properties: INodeProperties[] = [
	...inventoryFields('newStock', 'New Stock', 'Stock to set (overwrites the current stock), usually mapped from the input item'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Keep Product Status',
				name: 'bypassUpdateProductStatus',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the product active or inactive as it is when stock goes to 0 or back up',
			},
			rateOption,
			...safetyBufferOptions,
		],
	},
];

export const description = withDisplay({ resource: ['inventory'], operation: ['updateStock'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await pushInventory.call(this, items, shop, 'updateStock', 'newStock');
}
