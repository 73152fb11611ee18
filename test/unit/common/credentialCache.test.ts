import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { verifyingCredentials } from '../../../nodes/common/credentialCache';

function context(store: { secret: string; reads: number }, credentialId = `cred-${Math.random()}`) {
	return {
		getNode: () => ({ credentials: { tikTokShopApi: { id: credentialId, name: 'TTS' } } }),
		getWorkflow: () => ({ id: 'wf-1' }),
		getCredentials: async () => {
			store.reads++;
			return { appSecret: store.secret } as ICredentialDataDecryptedObject;
		},
	} as never;
}

const signedWith = (secret: string) => (credentials: ICredentialDataDecryptedObject) => credentials.appSecret === secret;

describe('verifyingCredentials', () => {
	it('reads the credential once a minute while signatures match', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context(store);
		const t0 = 1_000_000;
		for (let k = 0; k < 5; k++) expect((await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), t0 + k * 1000)).accepted).toBe(true);
		expect(store.reads).toBe(1);
		await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), t0 + 61_000);
		expect(store.reads).toBe(2);
	});

	it('takes a changed secret at once and stops accepting the replaced one after the minute', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context(store);
		const t0 = 2_000_000;
		await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), t0);
		store.secret = 's2';
		expect((await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s2'), t0 + 1000)).accepted).toBe(true);
		expect((await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), t0 + 2000)).accepted).toBe(false);
		expect((await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), t0 + 62_000)).accepted).toBe(false);
	});

	it('refuses a wrong signature after reading the credential again', async () => {
		const store = { secret: 's1', reads: 0 };
		const ctx = context(store);
		await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('s1'), 3_000_000);
		expect((await verifyingCredentials.call(ctx, 'tikTokShopApi', signedWith('forged'), 3_001_000)).accepted).toBe(false);
		expect(store.reads).toBe(2);
	});
});
