import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withDisplay } from '../../../common/displayOptions';
import { forEachItem } from '../../../common/items';
import { downloadTikTokShopDocument, tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { requiredId } from '../../../common/validate';

const properties: INodeProperties[] = [
	packageIdField,
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		default: 'SHIPPING_LABEL',
		options: [
			{ name: 'Packing Slip', value: 'PACKING_SLIP' },
			{ name: 'Shipping Label', value: 'SHIPPING_LABEL' },
			{ name: 'Shipping Label and Packing Slip', value: 'SHIPPING_LABEL_AND_PACKING_SLIP' },
		],
	},
	{
		displayName: 'Document Size',
		name: 'documentSize',
		type: 'options',
		default: 'A6',
		options: [
			{ name: 'A5', value: 'A5' },
			{ name: 'A6', value: 'A6' },
		],
	},
	{
		displayName: 'Document Format',
		name: 'documentFormat',
		type: 'options',
		default: 'PDF',
		options: [
			{ name: 'PDF', value: 'PDF' },
			{ name: 'ZPL (Thermal Printers, BR and MX Only)', value: 'ZPL' },
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = withDisplay(
	{ resource: ['package'], operation: ['getPackageShippingDocument'] },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (i) => {
		const packageId = requiredId(this.getNodeParameter('packageId', i), 'Package ID');
		const documentType = this.getNodeParameter('documentType', i) as string;
		const documentFormat = this.getNodeParameter('documentFormat', i) as string;
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
		const data = await tikTokShopApiRequest.call(
			this,
			'GET',
			`/fulfillment/202309/packages/${encodeURIComponent(packageId)}/shipping_documents`,
			{
				shopCipher: await shop(i),
				query: {
					document_type: documentType,
					document_size: this.getNodeParameter('documentSize', i),
					document_format: documentFormat,
				},
				itemIndex: i,
			},
		);
		const docUrl = String(data.doc_url ?? '');
		if (!docUrl) {
			throw new NodeOperationError(this.getNode(), `TikTok Shop returned no document URL for package ${packageId}`, {
				itemIndex: i,
				description: 'Documents exist only after the package was shipped with TikTok Shipping (Ship operation).',
			});
		}
		const file = await downloadTikTokShopDocument.call(this, docUrl);
		const pdf = documentFormat === 'PDF';
		const fileName = `${documentType.toLowerCase().replace(/_/g, '-')}-${packageId}.${pdf ? 'pdf' : 'zpl'}`;
		const binary = await this.helpers.prepareBinaryData(file, fileName, pdf ? 'application/pdf' : 'text/plain');
		return {
			json: {
				package_id: packageId,
				document_type: documentType,
				tracking_number: data.tracking_number,
				doc_url: docUrl,
				file_name: fileName,
			},
			binary: { [binaryPropertyName]: binary },
		};
	});
}
