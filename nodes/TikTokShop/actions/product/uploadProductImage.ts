import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { tikTokShopApiRequest } from '../../transport';
import { multipartBody } from '../../transport/multipart';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the image (JPG, PNG, WEBP…)',
	},
	{
		displayName: 'Use Case',
		name: 'useCase',
		type: 'options',
		default: 'MAIN_IMAGE',
		options: [
			{ name: 'Attribute Image', value: 'ATTRIBUTE_IMAGE' },
			{ name: 'Certification Image', value: 'CERTIFICATION_IMAGE' },
			{ name: 'Description Image', value: 'DESCRIPTION_IMAGE' },
			{ name: 'Main Image', value: 'MAIN_IMAGE' },
			{ name: 'Size Chart Image', value: 'SIZE_CHART_IMAGE' },
		],
	},
];

export const description = withDisplay({ resource: ['product'], operation: ['uploadProductImage'] }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const field = this.getNodeParameter('binaryPropertyName', i) as string;
		const binary = this.helpers.assertBinaryData(i, field);
		const data = await this.helpers.getBinaryDataBuffer(i, field);
		const useCase = this.getNodeParameter('useCase', i) as string;
		// images/upload refuses shop_cipher (reference §2.3); its multipart body is not signed (§2.1).
		return await tikTokShopApiRequest.call(this, 'POST', '/product/202309/images/upload', {
			multipart: multipartBody({ use_case: useCase }, [
				{ name: 'data', fileName: binary.fileName ?? 'image', contentType: binary.mimeType ?? 'application/octet-stream', data },
			]),
			itemIndex: i,
		});
	});
}
