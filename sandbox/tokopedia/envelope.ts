import { MSG_4XX, MSG_5XX, MSG_OK } from './constants';

/** Thrown by handlers/validators; becomes the standard error envelope. */
export class ApiError extends Error {
	constructor(
		public status: number,
		public errorCode: string,
		public reason: string,
	) {
		super(reason);
	}
}

/** 400 with the standard error envelope (every *_DLV_* / *_USC_* / *_API_* error of the simulator). */
export const bad = (code: string, reason: string): ApiError => new ApiError(400, code, reason);
/** 403 RBAC_MDLW_001: fs_id not associated with the shop / warehouse. */
export const rbac = (what: string): ApiError => new ApiError(403, 'RBAC_MDLW_001', `fs_id is not associated with ${what}`);

/** Process time as float seconds (like 0.018328845), never 0 so it always serialises as a float. */
export function processTime(startedAt: number): number {
	return Number(((Date.now() - startedAt) / 1000 + 0.000100001 + Math.random() * 0.0001).toFixed(9));
}

export interface OkOptions {
	messages?: string;
	/** add `reason:"", error_code:0` to the success header (logistic info, categories, shop info). */
	withCodes?: boolean;
}

export function okEnvelope(data: unknown, startedAt: number, o: OkOptions = {}): Record<string, unknown> {
	const header: Record<string, unknown> = { process_time: processTime(startedAt), messages: o.messages ?? MSG_OK };
	if (o.withCodes) {
		header.reason = '';
		header.error_code = 0;
	}
	return { header, data };
}

export function errorEnvelope(status: number, errorCode: string, reason: string, startedAt: number): Record<string, unknown> {
	return {
		header: { process_time: processTime(startedAt), messages: status >= 500 ? MSG_5XX : MSG_4XX, reason, error_code: errorCode },
		data: null,
	};
}

/** Older envelope used by webhook register / list (W1, W2). */
export function oldEnvelope(data: unknown): Record<string, unknown> {
	return { data, status: '200 Ok', error_message: [] };
}
export function oldErrorEnvelope(messages: string[]): Record<string, unknown> {
	return { data: null, status: '400 Bad Request', error_message: messages };
}
