import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The outcome of one input row of a batch operation. */
export type RowResult =
	| { itemIndex: number; ok: true; json: IDataObject }
	| { itemIndex: number; ok: false; json: IDataObject; message: string };

/**
 * Turns per-row outcomes of a batch into output items, one per input item, each paired to it.
 * The successful rows are already applied at this point, so a failure never hides them: under
 * "Continue On Fail" failed rows come out as items with an `error`; otherwise the node fails with
 * a message that lists every failed row and says the others went through.
 */
export function batchOutput(this: IExecuteFunctions, rows: RowResult[], noun: string): INodeExecutionData[] {
	const sorted = [...rows].sort((a, b) => a.itemIndex - b.itemIndex);
	const failed = sorted.filter((row): row is Extract<RowResult, { ok: false }> => !row.ok);
	if (failed.length > 0 && !this.continueOnFail()) {
		const applied = sorted.length - failed.length;
		const list = failed
			.slice(0, 20)
			.map((row) => `item ${row.itemIndex}: ${row.message}`)
			.join('; ');
		const more = failed.length > 20 ? `; and ${failed.length - 20} more` : '';
		throw new NodeOperationError(
			this.getNode(),
			`${failed.length} of ${sorted.length} ${noun} failed (${applied} applied): ${list}${more}`,
			{
				itemIndex: failed[0].itemIndex,
				description:
					'The rows that succeeded were applied and are not undone. Fix the failed rows and run them again, or turn on "Continue On Fail" to get one result item per row.',
			},
		);
	}
	return sorted.map((row) => ({
		json: row.ok ? row.json : { ...row.json, error: row.message },
		pairedItem: { item: row.itemIndex },
	}));
}
