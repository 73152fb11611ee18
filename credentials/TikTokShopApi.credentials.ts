import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { signTikTokShopRequest } from '../nodes/TikTokShop/transport/signature';
import { renewTikTokShopToken } from '../nodes/TikTokShop/transport/token';

export class TikTokShopApi implements ICredentialType {
	name = 'tikTokShopApi';

	displayName = 'TikTok Shop API';

	icon: Icon = { light: 'file:../icons/tiktokshop.svg', dark: 'file:../icons/tiktokshop.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-tokopedia-tiktokshop/n8n-nodes-tokopedia-tiktokshop#tiktok-shop-api-tiktokshopapi';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'Access Token Issued At',
			name: 'accessTokenIssuedAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'Refresh Token Expires At',
			name: 'refreshTokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			required: true,
			description: 'Partner Center → App & Service → your app → App key',
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Partner Center → App & Service → your app → App secret',
		},
		{
			displayName: 'Authorization Code',
			name: 'authCode',
			type: 'string',
			default: '',
			description:
				'The code TikTok Shop appends to your redirect URL after a seller authorizes the app. It is single-use and valid for 30 minutes; n8n exchanges it once and keeps the refresh token. Leave empty when you paste a refresh token.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional instead of an authorization code. n8n stores the rotated refresh token here after every renewal.',
		},
		{
			displayName: 'Default Shop Cipher',
			name: 'shopCipher',
			type: 'string',
			default: '',
			description:
				'Shop used when a node does not pick one. Find it with the "Get Authorized Shops" operation (field cipher).',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://open-api.tiktokglobalshop.com',
			description: 'Change only to use the local sandbox (e.g. http://127.0.0.1:8787)',
		},
		{
			displayName: 'Auth Base URL',
			name: 'authBaseUrl',
			type: 'string',
			default: 'https://auth.tiktok-shops.com',
			description: 'Host of the token service. Change only to use the local sandbox.',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewTikTokShopToken.call(this, {
			appKey: String(credentials.appKey ?? '').trim(),
			appSecret: String(credentials.appSecret ?? '').trim(),
			authCode: String(credentials.authCode ?? '').trim(),
			refreshToken: String(credentials.refreshToken ?? '').trim(),
			authBaseUrl: String(credentials.authBaseUrl || 'https://auth.tiktok-shops.com'),
		});
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signTikTokShopRequest(requestOptions, {
			appKey: String(credentials.appKey ?? '').trim(),
			appSecret: String(credentials.appSecret ?? '').trim(),
			accessToken: String(credentials.accessToken ?? ''),
		});
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.apiBaseUrl}}',
			url: '/authorization/202309/shops',
			headers: { 'Content-Type': 'application/json' },
		},
		// n8n's type takes one kind of rule per list; its credential tester checks both kinds (HTTP status
		// first, then the body of a 2xx), and TikTok answers these codes with either.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'TikTok Shop refused the signature or the access token (HTTP 401). Check that App Key and App Secret belong to the same app (Partner Center → App & Service → your app); if they do, authorize the app again and paste the new authorization code.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'TikTok Shop denied access (HTTP 403): the app lacks the Authorization API package, or this n8n server\'s IP is not on the app\'s IP allow list. Add the API package in Partner Center → App & Service → Manage API (or the IP to the allow list), then have the seller re-authorize.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 106001,
					message: 'TikTok Shop rejected the request signature: check that App Key and App Secret belong to the same app (Partner Center → App & Service → your app).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 105005,
					message:
						'The app lacks the Authorization API package. Add it in Partner Center → App & Service → Manage API, then have the seller re-authorize.',
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}
