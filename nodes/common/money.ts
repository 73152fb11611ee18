import { ApplicationError } from 'n8n-workflow';

// Amounts travel as decimal strings (TikTok "-1234.50", Tokopedia numbers); sums are done in
// hundredths as integers so that adding thousands of rows never drifts like floats do.
const SCALE = 100;
const WHOLE = /^[+-]?\d{1,13}$/;

/** A decimal amount in hundredths; "" / null / undefined count as 0. `field` names the input in errors. */
export function toCents(value: unknown, field = 'amount'): number {
	if (value === undefined || value === null || value === '') return 0;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new ApplicationError(`"${field}" must be a number, got ${String(value)}`);
		return Math.round(value * SCALE);
	}
	let text = String(value).trim();
	if (text.includes(',')) text = text.replace(/,/g, '');
	// whole amounts (most IDR values) skip the regex match and its allocations
	if (WHOLE.test(text)) return Number(text) * SCALE;
	const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
	if (!match || (!match[2] && !match[3])) throw new ApplicationError(`"${field}" must be a decimal amount (e.g. 125000 or 12.50), got "${String(value)}"`);
	const whole = Number(match[2] || '0');
	const fraction = (match[3] ?? '').padEnd(3, '0');
	const cents = whole * SCALE + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
	return match[1] === '-' ? -cents : cents;
}

/** Hundredths back to a decimal string: "125000", "-12.5" → "-12.50". */
export function fromCents(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const whole = Math.floor(abs / SCALE);
	const rest = abs % SCALE;
	return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}

/** Adds decimal strings. */
export function addAmounts(...values: unknown[]): string {
	return fromCents(values.reduce<number>((sum, value) => sum + toCents(value), 0));
}
