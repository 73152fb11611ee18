import { parseRateLimit, pick, rateLimitWaitMs, readEnvelope } from '../../../nodes/Tokopedia/transport';

describe('Tokopedia envelopes', () => {
	it('reads the standard success envelope', () => {
		const body = { header: { process_time: 0.018, messages: 'Your request has been processed successfully' }, data: [{ order_id: 1 }] };
		expect(readEnvelope(body, 200)).toEqual({ data: [{ order_id: 1 }] });
	});

	it('treats reason:"" with error_code 0 or 200 as success (logistic info, shop status)', () => {
		expect(readEnvelope({ header: { reason: '', error_code: 0 }, data: 'x' }, 200).failure).toBeUndefined();
		expect(readEnvelope({ header: { Messages: null, reason: '', error_code: '200' }, data: 'y' }, 200).failure).toBeUndefined();
	});

	it('reads the standard error form (reference §1.3 ORD_DLV_013)', () => {
		const body = {
			header: {
				process_time: 0.018,
				messages: 'We could not process your request due to malformed request, please check again',
				reason: 'Date Range must be less than 3 days',
				error_code: 'ORD_DLV_013',
			},
			data: null,
		};
		expect(readEnvelope(body, 400).failure).toEqual({
			errorCode: 'ORD_DLV_013',
			reason: 'Date Range must be less than 3 days',
			messages: 'We could not process your request due to malformed request, please check again',
		});
	});

	it('reads the older {data, status, error_message} envelope both ways', () => {
		expect(readEnvelope({ data: 'success', status: '200 Ok', error_message: [] }, 200)).toEqual({ data: 'success' });
		expect(readEnvelope({ data: null, status: '400 Bad Request', error_message: ['bad input data'] }, 400).failure).toEqual({
			errorCode: '400 Bad Request',
			reason: 'bad input data',
		});
	});

	it('reads capitalised header keys and an OAuth-style error', () => {
		expect(readEnvelope({ Header: { Error_Code: 'RBAC_MDLW_001', Reason: 'not linked' }, Data: null }, 403).failure?.errorCode).toBe('RBAC_MDLW_001');
		expect(readEnvelope({ error: 'invalid_client', error_description: 'bad secret' }, 401).failure).toEqual({
			errorCode: 'invalid_client',
			reason: 'bad secret',
		});
	});

	it('picks keys case-insensitively (basic.Name, Shops, ShipmentInfos)', () => {
		expect(pick({ basic: { Name: 'Kaos' } }.basic, 'name')).toBe('Kaos');
		expect(pick({ Shops: [1] }, 'shops')).toEqual([1]);
		expect(pick(null, 'x')).toBeUndefined();
	});

	it('understands the rate-limit headers (reference §7.1)', () => {
		expect(parseRateLimit({ 'x-ratelimit-limit': '5 req/s (burst 5)' })).toEqual({ rate: 5, burst: 5 });
		expect(parseRateLimit({ 'x-ratelimit-limit': '200 req/s' })).toEqual({ rate: 200, burst: 200 });
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-after': '-0.000000', 'x-ratelimit-full-reset-after': '0.200000' })).toBe(200);
		expect(rateLimitWaitMs({ 'x-ratelimit-reset-after': '0.5' })).toBe(500);
	});
});
