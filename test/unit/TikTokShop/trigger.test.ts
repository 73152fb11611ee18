import { createHmac } from 'node:crypto';

import { TikTokShopTrigger } from '../../../nodes/TikTokShop/TikTokShopTrigger.node';
import { fakeWebhookContext } from '../../helpers/webhookContext';

const credentials = { appKey: 'abcdef', appSecret: '123', apiBaseUrl: 'http://api.test', shopCipher: 'C' };
const BODY =
	'{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
const SIGNATURE = '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05';
const sign = (body: string) => createHmac('sha256', '123').update('abcdef' + body).digest('hex');
const trigger = new TikTokShopTrigger();

function deliver(body: string, headers: Record<string, string>, parameters: Record<string, unknown> = {}, staticData = {}, workflowId = `wf-${Math.random()}`) {
	const ctx = fakeWebhookContext({
		rawBody: body,
		headers,
		credentials,
		staticData,
		workflowId,
		parameters: { events: ['ORDER_STATUS_CHANGE'], options: {}, shop: { __rl: true, mode: 'list', value: 'C' }, ...parameters },
	});
	return { ctx, result: trigger.webhook.call(ctx as never) };
}

describe('TikTok Shop Trigger webhook', () => {
	it('accepts the official signed delivery and names its topic', async () => {
		const { result } = deliver(BODY, { Authorization: SIGNATURE });
		const out = await result;
		expect(out.workflowData?.[0][0].json).toMatchObject({
			topic: 'ORDER_STATUS_CHANGE',
			type: 1,
			tts_notification_id: '7380066284010030890',
			data: { order_id: '576653688135258178', order_status: 'UNPAID' },
			event_time: '2024-06-13T19:06:25.000Z',
		});
	});

	it.each([
		['a tampered body', BODY.replace('UNPAID', 'COMPLETED'), SIGNATURE],
		['a missing signature', BODY, undefined],
		['a signature of the body alone', BODY, createHmac('sha256', '123').update(BODY).digest('hex')],
	])('answers 401 and runs nothing for %s', async (_label, body, signature) => {
		const { ctx, result } = deliver(body, signature ? { Authorization: signature } : {});
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response).toMatchObject({ statusCode: 401, ended: true });
	});

	it('drops a redelivery of the same notification within the window', async () => {
		const staticData = {};
		const first = await deliver(BODY, { Authorization: SIGNATURE }, {}, staticData, 'wf-dup').result;
		const second = await deliver(BODY, { Authorization: SIGNATURE }, {}, staticData, 'wf-dup').result;
		expect(first.workflowData).toHaveLength(1);
		expect(second).toEqual({});
		// A fresh process (no memory) still knows it from the static data.
		const third = await deliver(BODY, { Authorization: SIGNATURE }, {}, JSON.parse(JSON.stringify(staticData)), 'wf-other-process').result;
		expect(third).toEqual({});
	});

	it('ignores topics and order statuses that were not chosen, with a 200', async () => {
		const cancel = JSON.stringify({ type: 11, tts_notification_id: 'n-11', shop_id: '1', timestamp: 1, data: { order_id: '1' } });
		expect(await deliver(cancel, { Authorization: sign(cancel) }).result).toEqual({});
		const shipped = BODY.replace('UNPAID', 'IN_TRANSIT').replace('7380066284010030890', 'n-2');
		expect(await deliver(shipped, { Authorization: sign(shipped) }, { options: { orderStatuses: ['AWAITING_SHIPMENT'] } }).result).toEqual({});
		const awaiting = BODY.replace('UNPAID', 'AWAITING_SHIPMENT').replace('7380066284010030890', 'n-3');
		const out = await deliver(awaiting, { Authorization: sign(awaiting) }, { options: { orderStatuses: ['AWAITING_SHIPMENT'] } }).result;
		expect(out.workflowData).toHaveLength(1);
	});

	it('resolves unknown type codes without failing', async () => {
		const body = JSON.stringify({ type: 99, tts_notification_id: 'n-99', shop_id: '1', timestamp: 1, data: {} });
		const out = await deliver(body, { Authorization: sign(body) }, { events: ['UNKNOWN_TYPE_99'] }).result;
		expect(out.workflowData?.[0][0].json.topic).toBe('UNKNOWN_TYPE_99');
	});
});
