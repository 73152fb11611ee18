/**
 * A stand-in for the IExecuteFunctions / ILoadOptionsFunctions n8n hands a node, faithful where
 * our code depends on it: parameters (with resource-locator extractValue), continueOnFail, the
 * credential store, and httpRequestWithAuthentication run the way n8n core runs it
 * (preAuthentication when the expirable field is empty or a 401 came back, output persisted into
 * the stored credential, function authenticate, one retry after a 401). HTTP goes out for real
 * through axios, so integration tests hit the sandbox as n8n would.
 */
import axios from 'axios';
import type { AxiosRequestConfig } from 'axios';
import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { TikTokShopApi } from '../../credentials/TikTokShopApi.credentials';
import { TokopediaApi } from '../../credentials/TokopediaApi.credentials';

function get(source: IDataObject, path: string, fallback: unknown): unknown {
	let current: unknown = source;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object' || !(key in (current as object))) return fallback;
		current = (current as IDataObject)[key];
	}
	return current;
}

export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, unknown>;
	body?: unknown;
}

export interface CredentialStore {
	type: string;
	data: ICredentialDataDecryptedObject;
	preAuthenticationCalls: number;
}

export function credentialStore(data: ICredentialDataDecryptedObject, type = 'tikTokShopApi'): CredentialStore {
	return { type, data: { accessToken: '', ...data }, preAuthenticationCalls: 0 };
}

interface CredentialTypeLike {
	preAuthentication: (this: never, data: ICredentialDataDecryptedObject) => Promise<IDataObject>;
	authenticate: unknown;
}

const credentialTypes: Record<string, CredentialTypeLike> = {
	tikTokShopApi: new TikTokShopApi() as unknown as CredentialTypeLike,
	tokopediaApi: new TokopediaApi() as unknown as CredentialTypeLike,
};

/** n8n's `authenticate`: a function, or a generic object whose `{{$credentials.x}}` expressions are filled in. */
async function authenticate(type: CredentialTypeLike, data: ICredentialDataDecryptedObject, request: IHttpRequestOptions) {
	if (typeof type.authenticate === 'function') return await type.authenticate(data, request);
	const generic = type.authenticate as { properties: { headers?: Record<string, string> } };
	const fill = (text: string) => text.replace(/^=/, '').replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) => String(data[key] ?? ''));
	const headers = { ...(request.headers as Record<string, string>) };
	for (const [key, value] of Object.entries(generic.properties.headers ?? {})) headers[key] = fill(value);
	return { ...request, headers };
}

export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const config: AxiosRequestConfig = {
		method: options.method ?? 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		headers: { ...(options.headers as Record<string, string>) },
		data: options.body,
		timeout: options.timeout,
		responseType: options.encoding === 'arraybuffer' ? 'arraybuffer' : 'json',
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
	};
	const response = await axios.request(config);
	if (options.returnFullResponse) {
		return { body: response.data, headers: response.headers, statusCode: response.status };
	}
	return response.data;
}

export interface FakeContextOptions {
	parameters?: IDataObject | ((itemIndex: number) => IDataObject);
	items?: INodeExecutionData[];
	credentials?: CredentialStore;
	continueOnFail?: boolean;
	/** Every request as it left "n8n", after signing. */
	sent?: SentRequest[];
	/** Replace the network (unit tests); default sends for real. */
	transport?: (options: IHttpRequestOptions) => Promise<unknown>;
}

export function fakeContext(options: FakeContextOptions = {}): IExecuteFunctions & { sent: SentRequest[] } {
	const sent = options.sent ?? [];
	const store = options.credentials;
	const nodeType = store?.type === 'tokopediaApi' ? 'tokopedia' : 'tikTokShop';
	const node: INode = {
		id: 'node-1',
		name: nodeType,
		type: `n8n-nodes-tokopedia-tiktokshop.${nodeType}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: store ? { [store.type]: { id: 'cred-1', name: 'Sandbox' } } : undefined,
	};
	const transport = options.transport ?? httpRequest;
	const parametersFor = (i: number): IDataObject =>
		typeof options.parameters === 'function' ? options.parameters(i) : (options.parameters ?? {});

	const send = async (request: IHttpRequestOptions) => {
		sent.push({
			method: String(request.method ?? 'GET'),
			url: request.url,
			headers: { ...(request.headers as Record<string, unknown>) },
			body: request.body,
		});
		return await transport(request);
	};

	async function preAuthenticate(data: ICredentialDataDecryptedObject, force: boolean) {
		const type = credentialTypes[store!.type];
		if (data.accessToken !== '' && !force) return;
		store!.preAuthenticationCalls++;
		const output = await type.preAuthentication.call({ helpers: { httpRequest: transport } } as never, data);
		if (!output) return;
		Object.assign(store!.data, output);
		Object.assign(data, output);
	}

	const context = {
		sent,
		getNode: () => node,
		getExecutionId: () => 'exec-1',
		getWorkflow: () => ({ id: 'wf-test', name: 'test', active: false }),
		getInputData: () => options.items ?? [{ json: {} }],
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) {
			let value = get(parametersFor(itemIndex), name, fallback);
			if (value === undefined) throw new Error(`Test gave no value for parameter "${name}"`);
			if (extra?.extractValue && value && typeof value === 'object' && '__rl' in (value as object)) {
				value = (value as { value: unknown }).value;
			}
			return value;
		},
		getCurrentNodeParameter(name: string, extra?: { extractValue?: boolean }) {
			return context.getNodeParameter(name, 0, undefined, extra);
		},
		async getCredentials(type: string) {
			if (!store || store.type !== type) throw new Error(`No credential of type ${type}`);
			return { ...store.data };
		},
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			httpRequest: send,
			async httpRequestWithAuthentication(
				type: string,
				request: IHttpRequestOptions,
				additional?: IAdditionalCredentialOptions,
			) {
				if (!store) throw new Error('no credential');
				// n8n signs with (and renews into) the very object it is handed.
				const data = additional?.credentialsDecrypted
					? (additional.credentialsDecrypted.data as ICredentialDataDecryptedObject)
					: { ...store.data };
				const credentialType = credentialTypes[type];
				await preAuthenticate(data, false);
				let signed = await authenticate(credentialType, data, { ...request });
				try {
					return await send(signed);
				} catch (error) {
					if ((error as { response?: { status?: number } }).response?.status !== 401) throw error;
					await preAuthenticate(data, true);
					signed = await authenticate(credentialType, data, { ...request });
					return await send(signed);
				}
			},
			async prepareBinaryData(buffer: Buffer, fileName?: string, mimeType?: string) {
				return {
					data: buffer.toString('base64'),
					fileName,
					mimeType: mimeType ?? 'application/octet-stream',
					fileSize: String(buffer.length),
				};
			},
			assertBinaryData(itemIndex: number, field: string) {
				const binary = (options.items ?? [])[itemIndex]?.binary?.[field];
				if (!binary) throw new Error(`input item ${itemIndex} has no binary field "${field}"`);
				return binary;
			},
			async getBinaryDataBuffer(itemIndex: number, field: string) {
				return Buffer.from(context.helpers.assertBinaryData(itemIndex, field).data, 'base64');
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return context as unknown as IExecuteFunctions & { sent: SentRequest[] };
}

/** A resource-locator value as the editor stores it. */
export function rl(value: string, mode = 'list') {
	return { __rl: true, mode, value };
}
