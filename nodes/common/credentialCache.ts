import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

/** How long a credential read for signature checks is reused by the same process. */
const REUSE_MS = 60_000;
const MAX_ENTRIES = 200;

const reads = new Map<string, { credentials: ICredentialDataDecryptedObject; until: number }>();

/**
 * The credential a delivery is verified with, reusing this process's read of the last minute.
 * n8n decrypts a credential and resolves its expressions (an isolated VM by default) on every
 * read, which costs more than everything else a delivery does. `accepts` says whether the
 * delivery's signature matches a credential; on a mismatch the credential is read again before
 * the delivery is refused, so a changed secret takes effect at once for new signatures, and a
 * replaced secret stops being accepted within a minute.
 */
export async function verifyingCredentials(
	this: IWebhookFunctions,
	type: string,
	accepts: (credentials: ICredentialDataDecryptedObject) => boolean,
	now: number = Date.now(),
): Promise<{ credentials: ICredentialDataDecryptedObject; accepted: boolean }> {
	const id = this.getNode().credentials?.[type]?.id;
	const key = id ? `${this.getWorkflow().id ?? ''}:${type}:${id}` : undefined;
	const cached = key ? reads.get(key) : undefined;
	if (cached && cached.until > now && accepts(cached.credentials)) return { credentials: cached.credentials, accepted: true };
	const credentials = await this.getCredentials(type);
	if (key) {
		reads.delete(key);
		reads.set(key, { credentials, until: now + REUSE_MS });
		while (reads.size > MAX_ENTRIES) reads.delete(reads.keys().next().value as string);
	}
	return { credentials, accepted: accepts(credentials) };
}
