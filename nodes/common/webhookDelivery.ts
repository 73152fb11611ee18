import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Answers the marketplace (200) and hands the item to n8n. n8n 2.41 saves the workflow's static
 * data (the duplicate record) before it starts the execution only when the node has answered
 * itself (`noWebhookResponse`); when n8n answers, starting the execution re-wraps the static data,
 * which clears its "changed" flag, and the record is never saved.
 */
export function startRun(this: IWebhookFunctions, item: IDataObject, alreadyAnswered = false): IWebhookResponseData {
	if (!alreadyAnswered) this.getResponseObject().status(200).json({ received: true }).end();
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
}

/** Answers with an error status and a message saying why, and runs nothing. */
export function refuse(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	this.getResponseObject().status(status).json({ error: message }).end();
	return { noWebhookResponse: true };
}

/** The delivery's raw body as a JSON object, or undefined when it is empty or not a JSON object. */
export function jsonObjectOf(raw: Buffer): IDataObject | undefined {
	if (raw.length === 0) return undefined;
	try {
		const value: unknown = JSON.parse(raw.toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}
