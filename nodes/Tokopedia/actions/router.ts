import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveShopId } from '../transport/shop';
import * as category from './category';
import * as inventory from './inventory';
import * as logistic from './logistic';
import * as order from './order';
import * as product from './product';
import * as shop from './shop';
import type { ShopResolver, TokopediaOperation } from './types';
import * as webhook from './webhook';

const resources: Record<string, Record<string, unknown>> = { category, inventory, logistic, order, product, shop, webhook };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation] as TokopediaOperation | undefined;
	if (!handler || typeof handler.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const shops = new Map<string, Promise<string>>();
	const shopFor: ShopResolver = async (itemIndex) => {
		const chosen = String(this.getNodeParameter('shop', itemIndex, '', { extractValue: true }) ?? '').trim();
		let id = shops.get(chosen);
		if (!id) {
			id = resolveShopId.call(this, chosen, itemIndex);
			shops.set(chosen, id);
		}
		return await id;
	};
	return [await handler.execute.call(this, items, shopFor)];
}
