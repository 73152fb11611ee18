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

	documentationUrl = 'https://github.com/n8n-nodes-tokopedia-tiktokshop/n8n-nodes-tokopedia-tiktokshop#tokopedia-api-tokopediaapi';

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
			displayName: 'Private Key (PEM)',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description: 'Your RSA private key, whose public key you registered with Tokopedia (Encryption → Register Public Key): decrypts buyer e-mail, phone and address in orders',
		},
		{
			displayName: 'Tokopedia Public Key (PEM)',
			name: 'tokopediaPublicKey',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Tokopedia\'s public key for webhooks signed with TKPD-Signature: when set, the trigger refuses deliveries whose signature does not verify',
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
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Tokopedia refused the access token (HTTP 401). Check that App ID, Client ID and Client Secret belong to the same app (Tokopedia Developer Console → your app).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Tokopedia denied access (HTTP 403): no shop is linked to this App ID, or the shop owner has not granted the app permission. Link the shop to the app in the Tokopedia Developer Console and have the owner grant it, then test again.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Tokopedia does not know this path (HTTP 404). Check "API Base URL" and "App ID" in the credential.',
				},
			},
		],
	};
}
