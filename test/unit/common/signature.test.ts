import { createHmac } from 'node:crypto';

import { hmacHexMatches } from '../../../nodes/common/signature';

// Official TikTok Shop webhook vector (reference §7.5).
const BODY =
	'{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
const SIGNATURE = '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05';

describe('hmacHexMatches', () => {
	it('reproduces the official TikTok webhook vector: HMAC(app_secret, app_key + raw body)', () => {
		expect(hmacHexMatches('123', Buffer.from('abcdef' + BODY), SIGNATURE)).toBe(true);
		expect(hmacHexMatches('123', Buffer.from('abcdef' + BODY), SIGNATURE.toUpperCase())).toBe(true);
	});

	it('fails closed on a tampered body, a wrong secret, a missing signature or secret', () => {
		expect(hmacHexMatches('123', Buffer.from('abcdef' + BODY.replace('UNPAID', 'PAID__')), SIGNATURE)).toBe(false);
		expect(hmacHexMatches('124', Buffer.from('abcdef' + BODY), SIGNATURE)).toBe(false);
		expect(hmacHexMatches('123', Buffer.from('abcdef' + BODY), undefined)).toBe(false);
		expect(hmacHexMatches('', Buffer.from(BODY), createHmac('sha256', '').update(BODY).digest('hex'))).toBe(false);
		expect(hmacHexMatches('123', Buffer.from(BODY), 'short')).toBe(false);
	});
});
