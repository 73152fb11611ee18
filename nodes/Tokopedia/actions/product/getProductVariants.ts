import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { fsId, tokopediaApiRequest } from '../../transport';
import { numericId } from '../../../common/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		required: true,
		description: 'ID of the parent product',
	},
];

export const description = withDisplay({ resource: ['product'], operation: ['getProductVariants'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const app = await fsId.call(this);
	return await forEachItem.call(this, items, async (i) => {
		const productId = Number(numericId(this.getNodeParameter('productId', i), 'Product ID'));
		const data = await tokopediaApiRequest.call(this, 'GET', `/inventory/v1/fs/${app}/product/variant/${productId}`, { itemIndex: i });
		return (data ?? {}) as IDataObject;
	});
}
