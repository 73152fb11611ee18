import { constants, createCipheriv, createHmac, generateKeyPairSync, publicEncrypt, randomBytes, sign } from 'node:crypto';

import { TokopediaTrigger } from '../../../nodes/Tokopedia/TokopediaTrigger.node';
import { fakeWebhookContext } from '../../helpers/webhookContext';

const SECRET = 'tkpd-secret';
const keys = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const partner = keys();
const tokopedia = keys();
const impostor = keys();
const trigger = new TokopediaTrigger();

function encrypted(overlay: object) {
	const key = randomBytes(16);
	const nonce = randomBytes(12);
	const cipher = createCipheriv('aes-128-gcm', key, nonce);
	const ciphertext = Buffer.concat([cipher.update(JSON.stringify(overlay)), cipher.final()]);
	return {
		secret: publicEncrypt({ key: partner.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key).toString('base64'),
		content: Buffer.concat([ciphertext, cipher.getAuthTag(), nonce]).toString('base64'),
	};
}

const notification = JSON.stringify({
	fs_id: 13004,
	order_id: 582220328,
	order_status: 220,
	shop_id: 8212734,
	products: [{ id: 1, Name: 'BAJU', quantity: 1 }],
	recipient: { Name: 'Budi', phone: '', address: { address_full: '', city: 'Jakarta Selatan' } },
	customer: { id: 8970588, Name: 'Budi', phone: '', email: '' },
	encryption: encrypted({ customer: { phone: '6281234567890', email: 'budi@example.com' }, recipient: { phone: '6281234567890', address: { address_full: 'Jl. Senopati No. 10' } } }),
});
const hmac = (body: string) => createHmac('sha256', SECRET).update(body).digest('hex');
const pss = (body: string, key = tokopedia.privateKey) => sign('sha256', Buffer.from(body), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }).toString('base64');

function deliver(headers: Record<string, string>, credentials: Record<string, unknown>) {
	const ctx = fakeWebhookContext({
		rawBody: notification,
		headers: { 'Authorization-Hmac': hmac(notification), ...headers },
		query: { event: 'order_notification' },
		credentials: { fsId: '13004', webhookSecret: SECRET, apiBaseUrl: 'http://api.test', privateKey: partner.privateKey, tokopediaPublicKey: tokopedia.publicKey, ...credentials },
		workflowId: `wf-${Math.random()}`,
		parameters: { events: ['order_notification'], options: {} },
	});
	return { ctx, result: trigger.webhook.call(ctx as never) };
}

describe('Tokopedia Trigger: encrypted order notifications', () => {
	it('verifies TKPD-Signature, then hands the next node the buyer phone and address in clear', async () => {
		const out = await deliver({ 'TKPD-Signature': pss(notification) }, {}).result;
		const item = out.workflowData?.[0][0].json as Record<string, any>;
		expect(item).not.toHaveProperty('encryption');
		expect(item.customer).toMatchObject({ phone: '6281234567890', email: 'budi@example.com' });
		expect(item.recipient).toMatchObject({ phone: '6281234567890', address: { address_full: 'Jl. Senopati No. 10', city: 'Jakarta Selatan' } });
	});

	it.each([
		['a forged signature', () => ({ 'TKPD-Signature': pss(notification, impostor.privateKey) })],
		['no TKPD-Signature', () => ({})],
	])('answers 401 and runs nothing for %s', async (_label, headers) => {
		const { ctx, result } = deliver(headers(), {});
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(401);
	});

	it('without a fitting private key still starts the run, with the blob removed and the reason given', async () => {
		const out = await deliver({ 'TKPD-Signature': pss(notification) }, { privateKey: impostor.privateKey }).result;
		const item = out.workflowData?.[0][0].json as Record<string, any>;
		expect(item).not.toHaveProperty('encryption');
		expect(item.buyer_data_error).toMatch(/Private Key \(PEM\)/);
		expect(JSON.stringify(item)).not.toContain('PRIVATE KEY');
	});
});
