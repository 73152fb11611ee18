import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../common/batch';
import { withDisplay } from '../../../common/displayOptions';
import { writeBatchOnce } from '../../../common/exactlyOnce';
import { errorToJson } from '../../../common/items';
import type { RowResult } from '../../../common/rowResults';
import { batchOutput } from '../../../common/rowResults';
import { tikTokShopApiRequest } from '../../transport';
import { packageIdField } from '../common.descriptions';
import type { ShopResolver } from '../types';
import { packageShipped, shipBody, shipFields } from './shared';
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

type Entry = { itemIndex: number; entry: IDataObject };

async function shipGroup(this: IExecuteFunctions, shopCipher: string, group: Entry[]): Promise<RowResult[]> {
	const outcomes = await writeBatchOnce(group, {
		send: async (pending) => {
			const data = await tikTokShopApiRequest.call(this, 'POST', '/fulfillment/202309/packages/ship', {
				shopCipher,
				body: { packages: pending.map(({ entry }) => entry) },
				sendOnce: true,
			});
			const errors = new Map<string, BatchShipError>();
			for (const error of (data.errors as BatchShipError[]) ?? []) {
				if (error.detail?.package_id) errors.set(String(error.detail.package_id), error);
			}
			const refused = new Map<Entry, { message: string; detail: IDataObject }>();
			for (const item of pending) {
				const failure = errors.get(String(item.entry.id));
				if (failure) refused.set(item, { message: `${failure.message ?? 'not shipped'} (code ${failure.code})`, detail: { code: failure.code } });
			}
			return refused;
		},
		readBack: async ({ entry }) => await packageShipped.call(this, String(entry.id), shopCipher),
		name: ({ entry }) => `package ${String(entry.id)}`,
		check: ({ entry }) => `package ${String(entry.id)} in TikTok Shop Seller Center`,
	});
	return outcomes.map((outcome): RowResult => {
		const { itemIndex, entry } = outcome.entry;
		if (outcome.ok) return { itemIndex, ok: true, json: { ...shippedRow(entry), ...(outcome.recovered ? { recovered: true } : {}) } };
		return {
			itemIndex,
			ok: false,
			json: { package_id: entry.id, shipped: false, ...(outcome.unknown ? { outcome: 'unknown' } : {}), ...(outcome.error ? errorToJson(outcome.error) : {}), ...outcome.detail },
			message: outcome.message,
		};
	});
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
			rows.push(...(await shipGroup.call(this, shopCipher, group)));
		}
	}
	return batchOutput.call(this, rows, 'packages');
}
