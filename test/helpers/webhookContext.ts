/** A stand-in for IWebhookFunctions / IPollFunctions with what the triggers use. */
import type { IDataObject } from 'n8n-workflow';

export interface FakeResponse {
	statusCode?: number;
	sent?: unknown;
	ended: boolean;
}

export function fakeWebhookContext(options: {
	rawBody?: Buffer | string;
	headers?: Record<string, string>;
	query?: IDataObject;
	parameters: IDataObject;
	credentials: IDataObject;
	staticData?: IDataObject;
	workflowId?: string;
}) {
	const response: FakeResponse = { ended: false };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		send(body: unknown) {
			response.sent = body;
			return res;
		},
		json(body: unknown) {
			response.sent = body;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
	};
	const staticData = options.staticData ?? {};
	const raw = options.rawBody === undefined ? undefined : Buffer.isBuffer(options.rawBody) ? options.rawBody : Buffer.from(options.rawBody);
	const context = {
		response,
		staticData,
		getRequestObject: () => ({ rawBody: raw }),
		getResponseObject: () => res,
		getHeaderData: () => Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
		getBodyData: () => (raw ? JSON.parse(raw.toString()) : {}),
		getQueryData: () => options.query ?? {},
		getNodeParameter: (name: string, fallback?: unknown) => (name in options.parameters ? options.parameters[name] : fallback),
		getCredentials: async () => options.credentials,
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: options.workflowId ?? 'wf-1' }),
		getNode: () => ({ id: 'trigger-1', name: 'Trigger', type: 'trigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => 'trigger',
		helpers: { returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
	};
	return context;
}
