/**
 * Indonesian marketplaces read calendar dates and zone-less times as Western Indonesia Time
 * (WIB, Asia/Jakarta): UTC+7 all year, no daylight saving since 1964, so a fixed offset is exact.
 */
export const INDONESIA_UTC_OFFSET_MINUTES = 7 * 60;

const ZONE_DESIGNATOR = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The calendar date of a date or date-time, as the shop sees it. A value that names its zone
 * (`2026-12-06T01:00:00+07:00`, `…Z`) is an instant, converted to the shop's offset. A value
 * without a zone (`2026-12-06`, or `2026-12-06T00:00:00` from n8n's date picker) already is the
 * shop's wall time: its date is taken as written, whatever the time zone n8n runs in.
 */
export function shopCalendarDate(
	value: string,
	offsetMinutes = INDONESIA_UTC_OFFSET_MINUTES,
): { year: number; month: number; day: number } | undefined {
	const text = value.trim();
	const written = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
	if (written) {
		const [year, month, day] = [Number(written[1]), Number(written[2]), Number(written[3])];
		const check = new Date(Date.UTC(year, month - 1, day));
		if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
		return { year, month, day };
	}
	// JavaScript's Date#toString ("… GMT+0700 (Western Indonesia Time)") names its zone too.
	if (!ZONE_DESIGNATOR.test(text) && !/\bGMT[+-]\d{4}\b/.test(text)) return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) return undefined;
	const local = new Date(ms + offsetMinutes * 60_000);
	return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** DD/MM/YYYY in the shop's calendar (Tokopedia's Shop Closed Until). */
export function shopDateDdMmYyyy(value: string, offsetMinutes = INDONESIA_UTC_OFFSET_MINUTES): string | undefined {
	const text = value.trim();
	if (/^\d{2}\/\d{2}\/\d{4}$/.test(text)) return text;
	const date = shopCalendarDate(text, offsetMinutes);
	if (!date) return undefined;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

/** A Unix time as the shop's wall time with its offset, e.g. 2026-12-01T07:00:00+07:00. */
export function shopTimeText(unixSeconds: number, offsetMinutes = INDONESIA_UTC_OFFSET_MINUTES): string {
	const local = new Date((unixSeconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const minutes = Math.abs(offsetMinutes);
	return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
