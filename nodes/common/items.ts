import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PullError } from './pull';

/** An operation's result for one input item: plain JSON rows, or one row with binary data. */
export type ItemResult = IDataObject | IDataObject[] | { json: IDataObject; binary: IBinaryKeyData };

function isBinaryResult(result: ItemResult): result is { json: IDataObject; binary: IBinaryKeyData } {
	return !Array.isArray(result) && 'binary' in result && 'json' in result && typeof result.binary === 'object';
}

/** The JSON an item gets under "Continue On Fail": what went wrong and the marketplace's own ids. */
export function errorToJson(error: unknown): IDataObject {
	const e = error as NodeApiError & { context?: IDataObject };
	const out: IDataObject = { error: e.message ?? String(error) };
	if (e.description) out.description = e.description;
	if (e.httpCode) out.httpCode = e.httpCode;
	const context = e.context ?? {};
	if (!out.httpCode && context.httpCode !== undefined) out.httpCode = context.httpCode;
	for (const key of ['marketplaceCode', 'requestId']) {
		if (context[key] !== undefined) out[key] = context[key];
	}
	if (error instanceof PullError) Object.assign(out, error.position);
	return out;
}

/** Attaches the failing item's index to an error, wrapping anything that is not an n8n error. */
export function toItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...error.context, itemIndex };
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Runs `run` for every input item. Owns what every per-item operation repeats: pairedItem on every
 * output row, "Continue On Fail" (the error becomes that item's output, after the rows a failed pull
 * had read), and the item index on errors.
 */
export async function forEachItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await run(i);
			if (isBinaryResult(result)) {
				out.push({ json: result.json, binary: result.binary, pairedItem: { item: i } });
			} else {
				for (const json of Array.isArray(result) ? result : [result]) {
					out.push({ json, pairedItem: { item: i } });
				}
			}
		} catch (error) {
			if (this.continueOnFail()) {
				// A pull that failed part-way hands on what it read, then the error, so the workflow can decide.
				if (error instanceof PullError) for (const json of error.read) out.push({ json, pairedItem: { item: i } });
				out.push({ json: errorToJson(error), pairedItem: { item: i } });
				continue;
			}
			throw toItemError(this, error, i);
		}
	}
	return out;
}
