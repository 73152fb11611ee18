/**
 * Checks of user input made before anything is sent, shared by both marketplaces. Each throws an
 * Error whose message names the field (as the editor labels it) and says what to do; the caller
 * adds the item index (forEachItem) or reports it on the row (bulk operations).
 */

function shown(value: unknown): string {
	if (value === undefined) return 'nothing (the expression gave undefined)';
	if (value === null) return 'null';
	if (typeof value === 'object') return JSON.stringify(value);
	return `"${String(value)}"`;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

function nonEmpty(value: unknown, field: string): string {
	const id = isBlank(value) ? '' : String(value).trim();
	if (!id || id === 'undefined' || id === 'null' || typeof value === 'object') {
		throw new Error(`"${field}" is empty (got ${shown(value)}): type the ID or map it from the input item, e.g. {{ $json.id }}`);
	}
	return id;
}

/** An ID that goes into a request path or body: never empty, never a stray "undefined". */
export function requiredId(value: unknown, field: string): string {
	const id = nonEmpty(value, field);
	if (/[/?#\s]/.test(id)) throw new Error(`"${field}" must be one ID, got ${shown(value)}: remove spaces and slashes`);
	return id;
}

/** A numeric ID (Tokopedia shop, order, product and warehouse IDs; TikTok SKU and warehouse IDs). */
export function numericId(value: unknown, field: string): string {
	const id = nonEmpty(value, field);
	if (!/^\d+$/.test(id)) throw new Error(`"${field}" must be a numeric ID, got ${shown(value)}: use the number, without prefix or name`);
	return id;
}

/** Like numericId, but an empty value means "not set". */
export function optionalNumericId(value: unknown, field: string): string | undefined {
	return isBlank(value) ? undefined : numericId(value, field);
}

/** A number given as a number or a numeric string; refuses "", null, NaN and text. */
export function numberOf(value: unknown, field: string): number {
	const number = typeof value === 'number' ? value : isBlank(value) ? Number.NaN : Number(String(value).trim());
	if (!Number.isFinite(number)) throw new Error(`"${field}" must be a number, got ${shown(value)}`);
	return number;
}

/** A count of units: a whole number within [min, max]. */
export function wholeQuantity(value: unknown, field: string, range: { min: number; max?: number }): number {
	const number = numberOf(value, field);
	if (!Number.isInteger(number)) {
		throw new Error(`"${field}" must be a whole number of units, got ${number}: round it, e.g. {{ Math.floor($json.quantity) }}`);
	}
	if (number < range.min) throw new Error(`"${field}" must be at least ${range.min}, got ${number}`);
	if (range.max !== undefined && number > range.max) {
		throw new Error(`"${field}" must be at most ${range.max}, got ${number}: the marketplace refuses larger values`);
	}
	return number;
}

/**
 * A price above 0. `decimals` is how many fraction digits the marketplace takes (0 for Tokopedia's
 * integer rupiah); more digits are refused rather than rounded, so the seller decides how to round.
 */
export function positivePrice(value: unknown, field: string, decimals: number): number {
	const number = numberOf(value, field);
	if (number <= 0) throw new Error(`"${field}" must be above 0, got ${number}: a price of 0 or less is refused by the marketplace`);
	const scaled = number * 10 ** decimals;
	// Tolerates float noise (11500 * 1.15 = 13224.999999999998), not a real fraction (11500.5).
	if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
		throw new Error(
			decimals === 0
				? `"${field}" must be a whole number of rupiah, got ${number}: round it, e.g. {{ Math.round($json.price * 1.15) }}`
				: `"${field}" may have at most ${decimals} decimals, got ${number}: round it, e.g. {{ ($json.price * 1.15).toFixed(${decimals}) }}`,
		);
	}
	return Math.round(scaled) / 10 ** decimals;
}

/** "Limit": a whole number of 1 or more. */
export function positiveLimit(value: unknown, field = 'Limit'): number {
	const number = numberOf(value, field);
	if (!Number.isInteger(number) || number < 1) throw new Error(`"${field}" must be a whole number of 1 or more, got ${number}; turn on "Return All" to get everything`);
	return number;
}

/** A value from a list of options, also when an expression produced it. */
export function oneOf<T extends string | number>(value: unknown, field: string, allowed: readonly T[]): T {
	const match = allowed.find((option) => String(option) === String(value ?? '').trim());
	if (match === undefined) throw new Error(`"${field}" must be one of ${allowed.join(', ')}, got ${shown(value)}`);
	return match;
}

/** A time slot: both ends or neither, and the end after the start (unix seconds). */
export function timeSlot(start: number | undefined, end: number | undefined, fields: [string, string]): void {
	if ((start === undefined) !== (end === undefined)) throw new Error(`Give both "${fields[0]}" and "${fields[1]}", or neither`);
	if (start !== undefined && end !== undefined && end <= start) {
		throw new Error(`"${fields[1]}" must be after "${fields[0]}": pick the slot's end time, not its start`);
	}
}
