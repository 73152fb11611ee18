import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../../common/items';
import { getAuthorizedShops } from '../../transport/shop';

const properties: INodeProperties[] = [];

export const description = properties;

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	// Once per execution: the list does not depend on the input item.
	return await forEachItem.call(this, items.slice(0, 1), async () => await getAuthorizedShops.call(this));
}
