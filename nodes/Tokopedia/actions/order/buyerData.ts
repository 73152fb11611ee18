import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tokopediaCredentials } from '../../transport';
import { decryptOrder } from '../../transport/pii';

/** Decrypts an order's buyer data with the credential's private key (reference §5); errors name the key to check. */
export async function buyerDataDecrypter(this: IExecuteFunctions, itemIndex: number): Promise<(order: IDataObject) => IDataObject> {
	const credentials = await tokopediaCredentials.call(this);
	const privateKey = typeof credentials.privateKey === 'string' ? credentials.privateKey : '';
	return (order) => {
		try {
			return decryptOrder(order, privateKey);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Order ${String(order.order_id ?? '')}: ${(error as Error).message}`, {
				itemIndex,
				description: 'Tokopedia encrypts buyer e-mail, phone and address for partners; see the README section "Buyer data (PII) decryption"',
			});
		}
	};
}
