import { buildRejectBody } from '../../../nodes/Tokopedia/actions/order/rejectReason';

describe('rejecting an order (NACK) is validated before it is sent', () => {
	it('needs close date and note for reason 4 (shop closed), and formats the date as DD/MM/YYYY', () => {
		expect(buildRejectBody({ reasonCode: 4, reason: 'Libur', shopClosedUntil: '', shopClosedNote: '' }).problems).toEqual([
			'Reason "Shop Closed" needs "Shop Closed Until"',
			'Reason "Shop Closed" needs "Shop Closed Note"',
		]);
		expect(buildRejectBody({ reasonCode: 4, reason: 'Libur', shopClosedUntil: '2026-12-31T00:00:00Z', shopClosedNote: 'Tutup' }).body).toEqual({
			reason_code: 4,
			reason: 'Libur',
			shop_close_end_date: '31/12/2026',
			shop_close_note: 'Tutup',
		});
	});

	it('refuses code 6, which does not exist, and an empty reason', () => {
		expect(buildRejectBody({ reasonCode: 6, reason: 'x' }).problems[0]).toMatch(/"Reason Code" 6 does not exist/);
		expect(buildRejectBody({ reasonCode: 7, reason: '  ' }).problems).toEqual(['"Reason" is required: Tokopedia shows it to the buyer']);
	});

	it('sends the out-of-stock products with reason 1 only', () => {
		expect(buildRejectBody({ reasonCode: 1, reason: 'habis', emptyProducts: [2148038232] }).body).toEqual({
			reason_code: 1,
			reason: 'habis',
			empty_products: [2148038232],
		});
		expect(buildRejectBody({ reasonCode: 5, reason: 'lain', emptyProducts: [1] }).body).toEqual({ reason_code: 5, reason: 'lain' });
	});

	it('limits the reason to 200 characters', () => {
		expect(buildRejectBody({ reasonCode: 5, reason: 'x'.repeat(201) }).problems).toEqual(['"Reason" may have at most 200 characters (has 201)']);
	});
});
