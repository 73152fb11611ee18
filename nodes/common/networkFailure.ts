// Words rather than socket codes: n8n replaces any error message that contains a code such as
// ECONNREFUSED with its own generic sentence, which would drop the URL and the field to check.
const FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'connection timed out',
	ECONNABORTED: 'connection timed out',
	ESOCKETTIMEDOUT: 'connection timed out',
	ECONNRESET: 'connection closed by the server',
	CERT_HAS_EXPIRED: 'TLS certificate expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
};

/** A short description of why a request never got an answer, without the request's URL. */
export function describeNetworkFailure(error: unknown): string {
	const code = (error as { code?: unknown } | undefined)?.code;
	if (typeof code === 'string' && FAILURES[code]) return FAILURES[code];
	return 'no answer';
}

/** `text` with every socket code replaced by its words, so n8n keeps the message (see above). */
export function wordsForSocketCodes(text: string): string {
	return text.replace(/\b(E[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/g, (code) => FAILURES[code] ?? code);
}
