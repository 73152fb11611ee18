import { constants, createCipheriv, generateKeyPairSync, publicEncrypt, randomBytes, sign } from 'node:crypto';

import { decryptOrder, partnerPublicKeyPem, verifyTkpdSignature } from '../../../nodes/Tokopedia/transport/pii';

const pem = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const partner = pem();
const other = pem();
const tokopedia = pem();

/** What Tokopedia sends: an AES-128 key wrapped with RSA-OAEP-SHA256, content = ciphertext ‖ tag ‖ nonce. */
function encrypt(publicKey: string, overlay: object) {
	const key = randomBytes(16);
	const nonce = randomBytes(12);
	const cipher = createCipheriv('aes-128-gcm', key, nonce);
	const ciphertext = Buffer.concat([cipher.update(JSON.stringify(overlay)), cipher.final()]);
	return {
		secret: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key).toString('base64'),
		content: Buffer.concat([ciphertext, cipher.getAuthTag(), nonce]).toString('base64'),
	};
}

const order = () => ({
	order_id: 582220328,
	buyer: { id: 8970588, name: 'Budi', phone: '', email: '' },
	recipient: { name: 'Budi', phone: '', address: { address_full: '', district: 'Kebayoran Baru', city: 'Jakarta Selatan' } },
	encryption: encrypt(partner.publicKey, { buyer: { phone: '6281234567890', email: 'budi@example.com' }, recipient: { phone: '6281234567890', address: { address_full: 'Jl. Senopati No. 10' } } }),
});

describe('Tokopedia buyer data decryption', () => {
	it('merges the decrypted buyer fields into the order and drops the blob', () => {
		const out = decryptOrder(order(), partner.privateKey);
		expect(out).not.toHaveProperty('encryption');
		expect(out.buyer).toEqual({ id: 8970588, name: 'Budi', phone: '6281234567890', email: 'budi@example.com' });
		expect(out.recipient).toEqual({ name: 'Budi', phone: '6281234567890', address: { address_full: 'Jl. Senopati No. 10', district: 'Kebayoran Baru', city: 'Jakarta Selatan' } });
	});

	it('leaves an order without encryption untouched, key or not', () => {
		const plain = { order_id: 1, buyer: { phone: '62811' } };
		expect(decryptOrder(plain, undefined)).toBe(plain);
	});

	it('names the credential field when no key is set or the key does not fit, without leaking either key', () => {
		expect(() => decryptOrder(order(), '')).toThrow(/no private key is set.*"Private Key \(PEM\)" of the Tokopedia credential/);
		let message = '';
		try {
			decryptOrder(order(), other.privateKey);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/encrypted for another public key.*Private Key \(PEM\).*Register Public Key/);
		expect(message).not.toMatch(/BEGIN|PRIVATE KEY-----/);
		expect(() => decryptOrder(order(), 'not a key')).toThrow(/not a readable PEM private key/);
	});

	it('refuses a block whose tag does not match', () => {
		const tampered = order();
		const bytes = Buffer.from(tampered.encryption.content, 'base64');
		bytes[0] ^= 0xff;
		tampered.encryption.content = bytes.toString('base64');
		expect(() => decryptOrder(tampered, partner.privateKey)).toThrow(/failed its integrity check/);
	});

	it('derives the public key to register from the private key', () => {
		const derived = partnerPublicKeyPem(partner.privateKey);
		expect(derived).toContain('BEGIN PUBLIC KEY');
		const blob = encrypt(derived, { buyer: { phone: '62899' } });
		expect((decryptOrder({ order_id: 2, encryption: blob }, partner.privateKey).buyer as { phone: string }).phone).toBe('62899');
	});
});

describe('TKPD-Signature', () => {
	const body = Buffer.from('{"fs_id":13000}');
	const signature = sign('sha256', body, { key: tokopedia.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }).toString('base64');

	it('accepts the body Tokopedia signed and refuses any other body or signer', () => {
		expect(verifyTkpdSignature(tokopedia.publicKey, body, signature)).toBe(true);
		expect(verifyTkpdSignature(tokopedia.publicKey, Buffer.from('{"fs_id":13001}'), signature)).toBe(false);
		const forged = sign('sha256', body, { key: other.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING }).toString('base64');
		expect(verifyTkpdSignature(tokopedia.publicKey, body, forged)).toBe(false);
		expect(verifyTkpdSignature(tokopedia.publicKey, body, 'garbage')).toBe(false);
	});

	it('names the credential field when the public key is unreadable', () => {
		expect(() => verifyTkpdSignature('nope', body, signature)).toThrow(/"Tokopedia Public Key \(PEM\)" of the Tokopedia credential/);
	});
});
