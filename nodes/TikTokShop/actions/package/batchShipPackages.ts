import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { errorToJson } from '../../../common/items';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { shipBody, shipFields } from './shared';
import { requiredId } from '../../../common/validate';

// Conservative batch size: the API reports per-package errors, and smaller batches keep a failed
// request from holding back many packages.
const PACKAGES_PER_REQUEST = 50;

const properties: INodeProperties[] = [
	{
		...packageIdField,
		description: 'ID of the package to ship. Map it from the input: every input item ships one package, sent in batches.',
	},
	...shipFields,
];

export const description = withDisplay({ resource: ['package'], operation: ['batchShipPackages'] }, properties);

interface BatchShipError {
	code?: number;
	message?: string;
	detail?: { package_id?: string };
}

function shippedRow({ id, ...howShipped }: IDataObject): IDataObject {
	return { package_id: id, shipped: true, ...howShipped };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	shop: ShopResolver,
): Promise<INodeExecutionData[]> {
	const rows: RowResult[] = [];
	const byShop = new Map<string, Array<{ itemIndex: number; entry: IDataObject }>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const packageId = requiredId(this.getNodeParameter('packageId', i), 'Package ID');
			const entry = { id: packageId, ...shipBody.call(this, i) };
			const cipher = await shop(i);
			if (!byShop.has(cipher)) byShop.set(cipher, []);
			byShop.get(cipher)!.push({ itemIndex: i, entry });
		} catch (error) {
			rows.push({ itemIndex: i, ok: false, json: {}, message: (error as Error).message });
		}
	}

	for (const [shopCipher, entries] of byShop) {
		for (const group of chunk(entries, PACKAGES_PER_REQUEST)) {
			try {
				const data = await tikTokShopApiRequest.call(this, 'POST', '/fulfillment/202309/packages/ship', {
					shopCipher,
					body: { packages: group.map(({ entry }) => entry) },
				});
				const errors = new Map<string, BatchShipError>();
				for (const error of (data.errors as BatchShipError[]) ?? []) {
					if (error.detail?.package_id) errors.set(String(error.detail.package_id), error);
				}
				for (const { itemIndex, entry } of group) {
					const failure = errors.get(String(entry.id));
					rows.push(
						failure
							? {
									itemIndex,
									ok: false,
									json: { package_id: entry.id, shipped: false, code: failure.code },
									message: `package ${entry.id}: ${failure.message ?? 'not shipped'} (code ${failure.code})`,
								}
							: { itemIndex, ok: true, json: shippedRow(entry) },
					);
				}
			} catch (error) {
				// The whole request failed (after retries): nothing in this group was shipped.
				for (const { itemIndex, entry } of group) {
					rows.push({
						itemIndex,
						ok: false,
						json: { package_id: entry.id, shipped: false, ...errorToJson(error) },
						message: `package ${entry.id}: ${(error as Error).message}`,
					});
				}
			}
		}
	}
	return batchOutput.call(this, rows, 'packages');
}
