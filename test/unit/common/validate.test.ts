import { shopCalendarDate, shopDateDdMmYyyy } from '../../../nodes/common/shopTime';
import {
	numericId,
	oneOf,
	optionalNumericId,
	positiveLimit,
	positivePrice,
	requiredId,
	timeSlot,
	wholeQuantity,
} from '../../../nodes/common/validate';
import { buildRejectBody } from '../../../nodes/Tokopedia/actions/order/rejectReason';

describe('input checks name the field and say what to do', () => {
	it('refuses empty IDs, including an expression that gave undefined', () => {
		expect(() => requiredId('', 'Package ID')).toThrow('"Package ID" is empty (got "")');
		expect(() => requiredId(undefined, 'Package ID')).toThrow('"Package ID" is empty (got nothing (the expression gave undefined))');
		expect(() => requiredId('undefined', 'Package ID')).toThrow('"Package ID" is empty');
		expect(() => requiredId('12/34', 'Package ID')).toThrow('"Package ID" must be one ID');
		expect(requiredId(' 1152921504832210000 ', 'Package ID')).toBe('1152921504832210000');
	});

	it('refuses non-numeric shop and warehouse IDs; an empty optional one means "not set"', () => {
		expect(() => numericId('Toko Makmur', 'Shop')).toThrow('"Shop" must be a numeric ID, got "Toko Makmur"');
		expect(() => optionalNumericId('WH-1', 'Warehouse ID')).toThrow('"Warehouse ID" must be a numeric ID');
		expect(optionalNumericId('  ', 'Warehouse ID')).toBeUndefined();
		expect(numericId(479066, 'Shop')).toBe('479066');
	});

	it('refuses negative, fractional and out-of-range quantities', () => {
		expect(() => wholeQuantity(-1, 'Quantity', { min: 0 })).toThrow('"Quantity" must be at least 0, got -1');
		expect(() => wholeQuantity(2.5, 'Quantity', { min: 0 })).toThrow('"Quantity" must be a whole number of units, got 2.5');
		expect(() => wholeQuantity(100000, 'Quantity', { min: 0, max: 99999 })).toThrow('"Quantity" must be at most 99999, got 100000');
		expect(() => wholeQuantity('', 'Quantity', { min: 0 })).toThrow('"Quantity" must be a number, got ""');
		expect(wholeQuantity('12', 'Quantity', { min: 0 })).toBe(12);
	});

	it('refuses prices of 0 or less and fractions the marketplace cannot take, tolerating float noise', () => {
		expect(() => positivePrice('0', 'New Price', 0)).toThrow('"New Price" must be above 0, got 0');
		expect(() => positivePrice(-5, 'Price', 2)).toThrow('"Price" must be above 0');
		expect(() => positivePrice(10001 * 1.15, 'New Price', 0)).toThrow('"New Price" must be a whole number of rupiah, got 11501.15');
		expect(() => positivePrice('19.999', 'Price', 2)).toThrow('"Price" may have at most 2 decimals');
		expect(positivePrice(11500 * 1.15, 'New Price', 0)).toBe(13225);
		expect(positivePrice(45000 * 1.15, 'Price', 2)).toBe(51750);
		expect(positivePrice('19.90', 'Price', 2)).toBe(19.9);
	});

	it('refuses a limit below 1, an unknown option and a slot that ends before it starts', () => {
		expect(() => positiveLimit(0)).toThrow('"Limit" must be a whole number of 1 or more, got 0');
		expect(positiveLimit('25')).toBe(25);
		expect(() => oneOf('seller_cancel_reason_typo', 'Cancel Reason', ['seller_cancel_reason_out_of_stock'])).toThrow(
			'"Cancel Reason" must be one of seller_cancel_reason_out_of_stock, got "seller_cancel_reason_typo"',
		);
		expect(oneOf(4, 'Reason Code', ['1', '4'])).toBe('4');
		expect(() => timeSlot(2000, 1000, ['Pickup Slot Start', 'Pickup Slot End'])).toThrow('"Pickup Slot End" must be after "Pickup Slot Start"');
		expect(() => timeSlot(1000, undefined, ['Pickup Slot Start', 'Pickup Slot End'])).toThrow('Give both');
		expect(() => timeSlot(1000, 2000, ['Pickup Slot Start', 'Pickup Slot End'])).not.toThrow();
	});
});

describe('dates Tokopedia reads as local dates are in Asia/Jakarta time', () => {
	const originalTz = process.env.TZ;
	afterEach(() => {
		process.env.TZ = originalTz;
	});

	it('converts an instant with an offset or Z to the Jakarta calendar date', () => {
		expect(shopDateDdMmYyyy('2026-12-06T01:00:00+07:00')).toBe('06/12/2026');
		expect(shopDateDdMmYyyy('2026-12-05T18:00:00Z')).toBe('06/12/2026');
		expect(shopDateDdMmYyyy('2026-12-05T16:59:59.000Z')).toBe('05/12/2026');
		expect(shopDateDdMmYyyy('Sun Dec 06 2026 01:00:00 GMT+0700 (Western Indonesia Time)')).toBe('06/12/2026');
	});

	it('takes a date or zone-less date-time as written, whatever time zone n8n runs in', () => {
		for (const tz of ['UTC', 'Asia/Jakarta', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
			process.env.TZ = tz;
			expect(shopDateDdMmYyyy('2026-12-06T00:00:00')).toBe('06/12/2026');
			expect(shopDateDdMmYyyy('2026-12-06')).toBe('06/12/2026');
			expect(shopDateDdMmYyyy('2026-12-06T01:00:00+07:00')).toBe('06/12/2026');
		}
		expect(shopDateDdMmYyyy('06/12/2026')).toBe('06/12/2026');
		expect(shopCalendarDate('2026-02-30')).toBeUndefined();
		expect(shopCalendarDate('next friday')).toBeUndefined();
	});

	it('Reject Order with reason "shop closed" sends the Jakarta date', () => {
		process.env.TZ = 'Asia/Jakarta';
		const { body } = buildRejectBody({ reasonCode: 4, reason: 'Libur', shopClosedUntil: '2026-12-06T01:00:00+07:00', shopClosedNote: 'Tutup' });
		expect(body?.shop_close_end_date).toBe('06/12/2026');
		expect(buildRejectBody({ reasonCode: 4, reason: 'Libur', shopClosedUntil: 'soon', shopClosedNote: 'Tutup' }).problems[0]).toMatch(
			/"Shop Closed Until" must be a date such as 2026-12-06/,
		);
	});
});
