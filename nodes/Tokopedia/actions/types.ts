import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Resolves the shop id for an item; the router builds it once per execution. */
export type ShopResolver = (itemIndex: number) => Promise<string>;

export interface TokopediaOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[], shop: ShopResolver): Promise<INodeExecutionData[]>;
}
