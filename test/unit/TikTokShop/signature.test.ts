import CryptoJS from 'crypto-js';
import FormData from 'form-data';

import { signTikTokShopRequest, tikTokShopSign } from '../../../nodes/TikTokShop/transport/signature';

/** An independent implementation of reference §2.1 on crypto-js, to cross-check ours. */
function cryptoJsSign(secret: string, path: string, query: Record<string, string>, body = ''): string {
	const keys = Object.keys(query)
		.filter((key) => key !== 'sign' && key !== 'access_token')
		.sort();
	const base = secret + path + keys.map((key) => `${key}${query[key]}`).join('') + body + secret;
	return CryptoJS.HmacSHA256(base, secret).toString(CryptoJS.enc.Hex);
}

function queryOf(url: string): Record<string, string> {
	return Object.fromEntries(new URL(url).searchParams.entries());
}

describe('TikTok Shop request signing', () => {
	it('reproduces the official worked example (reference §2.6 vector 1)', () => {
		const sign = tikTokShopSign('e59af819cc', '/authorization/202309/shops', {
			app_key: '29a39d',
			timestamp: '1623812664',
		});
		expect(sign).toBe('b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8');
		expect(
			cryptoJsSign('e59af819cc', '/authorization/202309/shops', { app_key: '29a39d', timestamp: '1623812664' }),
		).toBe(sign);
	});

	it('reproduces the base string with a body (reference §2.6 vector 2)', () => {
		const body = '{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}';
		const query = { app_key: '68xu9ks5p4i8', shop_cipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIK', timestamp: '1696909648' };
		const sign = tikTokShopSign('e59af819cc', '/event/202309/webhooks', query, body);
		expect(sign).toBe('cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a');
		expect(cryptoJsSign('e59af819cc', '/event/202309/webhooks', query, body)).toBe(sign);
	});

	it('agrees with crypto-js on varied inputs, leaving sign and access_token out', () => {
		const query = { b: '2', a: '1', Z: 'upper', sign: 'old', access_token: 'x', page_token: 'a+b/c==' };
		const expected = cryptoJsSign('s3cret', '/order/202309/orders/search', query, '{"x":1}');
		expect(tikTokShopSign('s3cret', '/order/202309/orders/search', query, '{"x":1}')).toBe(expected);
	});

	const auth = { appKey: 'key1', appSecret: 'secret1', accessToken: 'TTP_token' };

	it('signs a JSON body byte for byte as it is sent, and sends the decoded query it signed', () => {
		const signed = signTikTokShopRequest(
			{
				method: 'POST',
				baseURL: 'http://127.0.0.1:8787/',
				url: '/order/202309/orders/search',
				qs: { page_size: 10, page_token: 'a+b/c==', shop_cipher: 'ROW_1', ids: ['1', '2'], skip: undefined },
				body: { order_status: 'UNPAID', note: 'ü "quoted"' },
				headers: { 'Content-Type': 'application/json' },
			},
			auth,
			1700000000,
		);
		expect(typeof signed.body).toBe('string');
		expect(signed.body).toBe(JSON.stringify({ order_status: 'UNPAID', note: 'ü "quoted"' }));
		expect(signed.qs).toBeUndefined();
		const query = queryOf(signed.url);
		expect(query).toMatchObject({ page_token: 'a+b/c==', ids: '1,2', app_key: 'key1', timestamp: '1700000000' });
		expect(query).not.toHaveProperty('skip');
		const { sign, ...rest } = query;
		expect(sign).toBe(cryptoJsSign('secret1', '/order/202309/orders/search', rest, signed.body as string));
		expect(signed.headers?.['x-tts-access-token']).toBe('TTP_token');
	});

	it('does not sign the body of a GET', () => {
		const signed = signTikTokShopRequest({ method: 'GET', url: 'http://h/authorization/202309/shops' }, auth, 1700000000);
		const { sign, ...rest } = queryOf(signed.url);
		expect(sign).toBe(cryptoJsSign('secret1', '/authorization/202309/shops', rest));
	});

	it('leaves a multipart body out of the signature', () => {
		const form = new FormData();
		form.append('data', Buffer.from('image-bytes'), 'a.png');
		const signed = signTikTokShopRequest(
			{ method: 'POST', url: 'http://h/product/202309/images/upload', body: form },
			auth,
			1700000000,
		);
		expect(signed.body).toBe(form);
		const { sign, ...rest } = queryOf(signed.url);
		expect(sign).toBe(cryptoJsSign('secret1', '/product/202309/images/upload', rest));

		const byHeader = signTikTokShopRequest(
			{
				method: 'POST',
				url: 'http://h/product/202309/images/upload',
				headers: { 'content-type': 'multipart/form-data; boundary=abc' },
				body: '--abc\r\n...',
			},
			auth,
			1700000000,
		);
		const q = queryOf(byHeader.url);
		expect(q.sign).toBe(cryptoJsSign('secret1', '/product/202309/images/upload', { app_key: 'key1', timestamp: '1700000000' }));
	});

	it('keeps a base URL path prefix in the signed path, as the server receives it', () => {
		const signed = signTikTokShopRequest({ method: 'GET', baseURL: 'http://h/tts', url: '/logistics/202309/warehouses' }, auth, 1);
		expect(new URL(signed.url).pathname).toBe('/tts/logistics/202309/warehouses');
		const { sign, ...rest } = queryOf(signed.url);
		expect(sign).toBe(cryptoJsSign('secret1', '/tts/logistics/202309/warehouses', rest));
	});
});

describe('TikTok Shop credential: authenticate', () => {
	afterEach(() => jest.useRealTimers());

	it('signs a request exactly as the official worked example when the clock reads its timestamp', async () => {
		jest.useFakeTimers({ now: 1623812664 * 1000 });
		const { TikTokShopApi } = await import('../../../credentials/TikTokShopApi.credentials');
		const signed = await new TikTokShopApi().authenticate(
			{ appKey: '29a39d', appSecret: 'e59af819cc', accessToken: 'TTP_example' },
			{ method: 'GET', baseURL: 'https://open-api.tiktokglobalshop.com', url: '/authorization/202309/shops' },
		);
		expect(signed.url).toBe(
			'https://open-api.tiktokglobalshop.com/authorization/202309/shops?app_key=29a39d&timestamp=1623812664&sign=b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8',
		);
		expect(signed.headers).toMatchObject({ 'x-tts-access-token': 'TTP_example' });
	});
});

describe('TikTok Shop image upload body', () => {
	it('is signed without its multipart body, sent byte for byte', async () => {
		const { multipartBody } = await import('../../../nodes/TikTokShop/transport/multipart');
		const upload = multipartBody({ use_case: 'MAIN_IMAGE' }, [{ name: 'data', fileName: 'a.png', contentType: 'image/png', data: Buffer.from([1, 2, 3]) }]);
		const signed = signTikTokShopRequest(
			{ method: 'POST', url: 'http://h/product/202309/images/upload', headers: { 'Content-Type': upload.contentType }, body: upload.body },
			{ appKey: 'key1', appSecret: 'secret1', accessToken: 't' },
			1700000000,
		);
		expect(signed.body).toBe(upload.body);
		expect(upload.body.toString('latin1')).toContain('name="data"; filename="a.png"');
		const { sign, ...rest } = queryOf(signed.url);
		expect(sign).toBe(cryptoJsSign('secret1', '/product/202309/images/upload', rest));
		expect(sign).not.toBe(cryptoJsSign('secret1', '/product/202309/images/upload', rest, upload.body.toString('latin1')));
	});
});

describe('TikTok Shop credential with n8n\'s HTTP Request node', () => {
	it('signs legacy request options (uri instead of url), so the credential works as a predefined credential type', () => {
		const signed = signTikTokShopRequest(
			{ method: 'POST', uri: 'http://h/product/202309/products/1/inventory/update', qs: { shop_cipher: 'C' }, body: { skus: [] } } as never,
			{ appKey: 'key1', appSecret: 'secret1', accessToken: 't' },
			1700000000,
		) as { uri?: string; url?: string; body?: unknown };
		expect(signed.url).toBeUndefined();
		expect((signed as { headers?: Record<string, string> }).headers?.['Content-Type']).toBe('application/json');
		const { sign, ...rest } = queryOf(signed.uri!);
		expect(rest).toMatchObject({ shop_cipher: 'C', app_key: 'key1' });
		expect(sign).toBe(cryptoJsSign('secret1', '/product/202309/products/1/inventory/update', rest, '{"skus":[]}'));
	});
});
