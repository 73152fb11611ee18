import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type ShopResolver = (itemIndex: number) => Promise<string>;

export interface Operation {
	execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]>;
}

/**
 * Reads resource and operation once, resolves the Shop field per distinct value (it may be an
 * expression) with the marketplace's `resolveShop`, and runs the operation over all items.
 */
export async function route(
	this: IExecuteFunctions,
	resources: Record<string, Record<string, unknown>>,
	resolveShop: (this: IExecuteFunctions, chosen: string, itemIndex: number) => Promise<string>,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation] as Operation | undefined;
	if (!handler || typeof handler.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const resolved = new Map<string, Promise<string>>();
	const shop: ShopResolver = async (itemIndex) => {
		const chosen = String(this.getNodeParameter('shop', itemIndex, '', { extractValue: true }) ?? '').trim();
		let value = resolved.get(chosen);
		if (!value) {
			value = resolveShop.call(this, chosen, itemIndex);
			resolved.set(chosen, value);
		}
		return await value;
	};
	return [await handler.execute.call(this, this.getInputData(), shop)];
}
