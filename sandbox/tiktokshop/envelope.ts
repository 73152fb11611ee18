import { randomBytes } from 'node:crypto';

export interface ApiResult {
	status: number;
	code: number;
	message: string;
	data: unknown;
}

/** Thrown by handlers/validators; turned into an envelope by the dispatcher. */
export class ApiError extends Error {
	constructor(
		public status: number,
		public code: number,
		message: string,
		public data: unknown = null,
	) {
		super(message);
	}
}

/** Business error: HTTP 200 with a non-zero code. */
export function bizError(code: number, message: string): ApiError {
	return new ApiError(200, code, message);
}

export function invalidParam(message: string): ApiError {
	return new ApiError(400, 36009004, `invalid param error: ${message}`);
}

export function ok(data: unknown, message = 'Success'): ApiResult {
	return { status: 200, code: 0, message, data };
}

let counter = 0;
/** TikTok-looking request id: yyyymmddHHMMSS + 18 upper hex chars; unique per process. */
export function newRequestId(nowMs: number = Date.now()): string {
	const d = new Date(nowMs);
	const p = (n: number, w = 2) => String(n).padStart(w, '0');
	const ts = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
	counter = (counter + 1) % 0xffffff;
	return ts + randomBytes(6).toString('hex').toUpperCase() + counter.toString(16).toUpperCase().padStart(6, '0');
}

export function envelope(r: ApiResult, requestId: string): Record<string, unknown> {
	return { code: r.code, message: r.message, request_id: requestId, data: r.data };
}
