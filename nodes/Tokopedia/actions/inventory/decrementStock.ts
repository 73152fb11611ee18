import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import type { ShopResolver } from '../types';
import { inventoryFields, pushInventory, rateOption } from './shared';

const properties: INodeProperties[] = [
	...inventoryFields('quantity', 'Quantity', 'Units to take off the current stock, usually mapped from the input item'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [rateOption],
	},
];

export const description = withDisplay({ resource: ['inventory'], operation: ['decrementStock'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]> {
	return await pushInventory.call(this, items, shop, 'decrementStock', 'quantity');
}
