/**
 * IHookFunctions / IWebhookFunctions / IPollFunctions for a trigger that also talks to the sandbox:
 * the HTTP helpers and credential handling of test/helpers/context, the request/response of
 * test/helpers/webhookContext, and n8n's trigger-style getNodeParameter(name, fallback, options).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CredentialStore } from './context';
import { fakeContext } from './context';
import type { FakeResponse } from './webhookContext';
import { fakeWebhookContext } from './webhookContext';

export interface Delivery {
	rawBody: Buffer;
	headers: Record<string, string>;
	query: IDataObject;
}

export function triggerContext(options: {
	parameters: IDataObject;
	credentials: CredentialStore;
	webhookUrl?: string;
	staticData?: IDataObject;
	delivery?: Delivery;
	mode?: 'trigger' | 'manual';
}): { response: FakeResponse } & Record<string, unknown> {
	const base = fakeContext({ parameters: options.parameters, credentials: options.credentials });
	const staticData = options.staticData ?? {};
	const web = fakeWebhookContext({
		rawBody: options.delivery?.rawBody,
		headers: options.delivery?.headers,
		query: options.delivery?.query,
		parameters: options.parameters,
		credentials: {},
		staticData,
	});
	return {
		...base,
		response: web.response,
		getRequestObject: web.getRequestObject,
		getResponseObject: web.getResponseObject,
		getHeaderData: web.getHeaderData,
		getBodyData: web.getBodyData,
		getQueryData: web.getQueryData,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => options.webhookUrl,
		getMode: () => options.mode ?? 'trigger',
		getNodeParameter: (name: string, fallback?: unknown, extra?: { extractValue?: boolean }) =>
			base.getNodeParameter(name, 0, fallback, extra),
	};
}
