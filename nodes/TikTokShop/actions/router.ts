import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveShopCipher } from '../transport/shop';
import * as logistics from './logistics';
import * as order from './order';
import * as packageResource from './package';
import * as shop from './shop';
import type { ShopResolver, TikTokShopOperation } from './types';

const resources: Record<string, Record<string, unknown>> = {
	logistics,
	order,
	package: packageResource,
	shop,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation] as TikTokShopOperation | undefined;
	if (!handler || typeof handler.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}

	// The Shop field may be an expression; each distinct value is resolved (and validated) once.
	const ciphers = new Map<string, Promise<string>>();
	const shopFor: ShopResolver = async (itemIndex) => {
		const chosen = String(this.getNodeParameter('shop', itemIndex, '', { extractValue: true }) ?? '').trim();
		let cipher = ciphers.get(chosen);
		if (!cipher) {
			cipher = resolveShopCipher.call(this, chosen, itemIndex);
			ciphers.set(chosen, cipher);
		}
		return await cipher;
	};

	return [await handler.execute.call(this, items, shopFor)];
}
