import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { REPLACED_TOKEN_FIELD } from '../nodes/common/tokenRenewal';
import { requestTokopediaToken } from '../nodes/Tokopedia/transport/token';

export class TokopediaApi implements ICredentialType {
	name = 'tokopediaApi';

	displayName = 'Tokopedia API';

	icon: Icon = { light: 'file:../icons/tokopedia.svg', dark: 'file:../icons/tokopedia.dark.svg' };

	documentationUrl = 'https://developer.tokopedia.com/openapi/guide/#/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Issued At',
			name: 'accessTokenIssuedAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'App ID (FS ID)',
			name: 'fsId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 13004',
			description: 'Tokopedia Developer Console → your app → App ID, also called fs_id',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Default Shop ID',
			name: 'shopId',
			type: 'string',
			default: '',
			description: 'Shop used when a node does not pick one (Shop → Get Info lists the shops linked to the app)',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Secret Tokopedia signs webhooks with (set when registering webhooks)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://fs.tokopedia.net',
			description: 'Change only to use the local sandbox (e.g. http://127.0.0.1:8787)',
		},
		{
			displayName: 'Auth Base URL',
			name: 'authBaseUrl',
			type: 'string',
			default: 'https://accounts.tokopedia.com',
			description: 'Host of the token service. Change only to use the local sandbox.',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await requestTokopediaToken.call(this, {
			clientId: String(credentials.clientId ?? '').trim(),
			clientSecret: String(credentials.clientSecret ?? '').trim(),
			authBaseUrl: String(credentials.authBaseUrl || 'https://accounts.tokopedia.com'),
			replacedAccessToken: String(credentials[REPLACED_TOKEN_FIELD] ?? ''),
		});
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '=/v1/shop/fs/{{$credentials.fsId}}/shop-info',
		},
	};
}
