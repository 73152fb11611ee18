import { constants, createDecipheriv, createPrivateKey, createPublicKey, privateDecrypt, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

// Tokopedia's PII layout (reference §5): content = ciphertext ‖ 16-byte GCM tag ‖ 12-byte nonce,
// its AES key wrapped in `secret` with RSA-OAEP-SHA256 for the partner's registered public key.
const TAG_BYTES = 16;
const NONCE_BYTES = 12;

export interface EncryptedBlob {
	secret: string;
	content: string;
}

const PRIVATE_KEY_FIELD = '"Private Key (PEM)" of the Tokopedia credential';
const PUBLIC_KEY_FIELD = '"Tokopedia Public Key (PEM)" of the Tokopedia credential';

function keyError(message: string, field: string): ApplicationError {
	return new ApplicationError(`${message}: check the ${field}`);
}

function partnerPrivateKey(pem: string): KeyObject {
	try {
		return createPrivateKey(pem.trim());
	} catch {
		throw keyError('The partner private key is not a readable PEM private key', PRIVATE_KEY_FIELD);
	}
}

/** The public key to register with Tokopedia (Register Public Key), derived from the partner's private key. */
export function partnerPublicKeyPem(pem: string): string {
	return createPublicKey(partnerPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();
}

function isEncryptedBlob(value: unknown): value is EncryptedBlob {
	const blob = value as EncryptedBlob | undefined;
	return !!blob && typeof blob === 'object' && typeof blob.secret === 'string' && typeof blob.content === 'string';
}

/** Decrypts one `encryption {secret, content}` blob into the buyer fields it carries. */
function decryptBlob(key: KeyObject, blob: EncryptedBlob): IDataObject {
	let aesKey: Buffer;
	try {
		aesKey = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(blob.secret, 'base64'));
	} catch {
		throw keyError('The buyer data key could not be unwrapped: this order was encrypted for another public key', `${PRIVATE_KEY_FIELD} (its public key must be the one registered with Register Public Key)`);
	}
	const data = Buffer.from(blob.content, 'base64');
	if (data.length <= TAG_BYTES + NONCE_BYTES || ![16, 24, 32].includes(aesKey.length)) throw new ApplicationError('Tokopedia sent an encrypted buyer block that is too short or has an unexpected key size');
	const nonce = data.subarray(data.length - NONCE_BYTES);
	const tag = data.subarray(data.length - NONCE_BYTES - TAG_BYTES, data.length - NONCE_BYTES);
	const ciphertext = data.subarray(0, data.length - NONCE_BYTES - TAG_BYTES);
	let plain: string | undefined;
	try {
		const decipher = createDecipheriv(`aes-${aesKey.length * 8}-gcm` as 'aes-128-gcm', aesKey, nonce);
		decipher.setAuthTag(tag);
		plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
	} catch {
		plain = undefined;
	}
	if (plain === undefined) throw new ApplicationError('The encrypted buyer block failed its integrity check (it was altered or truncated in transit)');
	try {
		const parsed = JSON.parse(plain) as unknown;
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// reported below
	}
	throw new ApplicationError('The decrypted buyer block is not a JSON object');
}

function mergeInto(target: IDataObject, overlay: IDataObject): void {
	for (const [name, value] of Object.entries(overlay)) {
		const current = target[name];
		if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)) {
			mergeInto(current as IDataObject, value as IDataObject);
		} else {
			target[name] = value;
		}
	}
}

/**
 * An order (Get Order, Get Many, order notification) with its `encryption` blob decrypted and merged in:
 * the blob is a partial order carrying the buyer's e-mail, phone and address detail. The blob itself
 * never stays in the result.
 */
export function decryptOrder(order: IDataObject, privateKeyPem: string | undefined): IDataObject {
	const blob = order.encryption;
	if (!isEncryptedBlob(blob)) return order;
	if (!privateKeyPem?.trim()) throw keyError('This order carries encrypted buyer data and no private key is set to decrypt it', PRIVATE_KEY_FIELD);
	const decrypted = decryptBlob(partnerPrivateKey(privateKeyPem), blob);
	const result: IDataObject = { ...order };
	delete result.encryption;
	mergeInto(result, decrypted);
	return result;
}

/** `TKPD-Signature`: RSA-PSS SHA-256 over the raw body, base64, by Tokopedia's key (reference §4.2). */
export function verifyTkpdSignature(publicKeyPem: string, rawBody: Buffer, signature: string): boolean {
	let key: KeyObject;
	try {
		key = createPublicKey(publicKeyPem.trim());
	} catch {
		throw keyError('Tokopedia\'s public key is not a readable PEM public key', PUBLIC_KEY_FIELD);
	}
	try {
		return verify('sha256', rawBody, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}
