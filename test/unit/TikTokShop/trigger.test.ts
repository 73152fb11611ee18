import { createHmac } from 'node:crypto';

import { TikTokShopTrigger } from '../../../nodes/TikTokShop/TikTokShopTrigger.node';
import { TIKTOK_WEBHOOK_EVENT_TYPES } from '../../../sandbox/tiktokshop/events';
import { fakeWebhookContext } from '../../helpers/webhookContext';

const credentials = { appKey: 'abcdef', appSecret: '123', apiBaseUrl: 'http://api.test', shopCipher: 'C' };
const BODY =
	'{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
const SIGNATURE = '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05';
const sign = (body: string) => createHmac('sha256', '123').update('abcdef' + body).digest('hex');
const trigger = new TikTokShopTrigger();
/** The delivery as TikTok would send it now (the official vector's timestamp is from 2024). */
const fresh = (body: string) => body.replace('1718305585,"data"', `${Math.floor(Date.now() / 1000)},"data"`);

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
		// The official vector is from 2024: only a maximum age longer than that accepts it.
		const { result } = deliver(BODY, { Authorization: SIGNATURE }, { options: { dedupeMinutes: 0, maxAgeMinutes: 100_000_000 } });
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
		const body = fresh(BODY);
		const first = await deliver(body, { Authorization: sign(body) }, {}, staticData, 'wf-dup').result;
		const second = await deliver(body, { Authorization: sign(body) }, {}, staticData, 'wf-dup').result;
		expect(first.workflowData).toHaveLength(1);
		expect(second).toEqual({});
		// A fresh process (no memory) still knows it from the static data.
		const third = await deliver(body, { Authorization: sign(body) }, {}, JSON.parse(JSON.stringify(staticData)), 'wf-other-process').result;
		expect(third).toEqual({});
	});

	it('answers the delivery itself with 200 so n8n saves the duplicate record before the run starts', async () => {
		const body = fresh(BODY);
		const { ctx, result } = deliver(body, { Authorization: sign(body) });
		const out = await result;
		expect(out.noWebhookResponse).toBe(true);
		expect(out.workflowData).toHaveLength(1);
		expect(ctx.response).toMatchObject({ statusCode: 200, ended: true });
		expect(Object.keys(ctx.staticData.deliveries as object)).toEqual(['7380066284010030890']);
	});

	it.each([
		['older than the maximum age', (now: number) => now - 13 * 3600 - 60, {}],
		['older than a shorter duplicate window', (now: number) => now - 3 * 3600, { dedupeMinutes: 120 }],
		['far in the future', (now: number) => now + 3600, {}],
	])('answers 400 and runs nothing for a signed delivery %s', async (_label, at, options) => {
		const body = BODY.replace('1718305585,"data"', `${at(Math.floor(Date.now() / 1000))},"data"`);
		const { ctx, result } = deliver(body, { Authorization: sign(body) }, { options });
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
		expect(JSON.stringify(ctx.response.sent)).toMatch(/Maximum Age/);
	});

	it('accepts a delivery 12 hours old (TikTok\'s last redelivery) by default', async () => {
		const body = BODY.replace('1718305585,"data"', `${Math.floor(Date.now() / 1000) - 12 * 3600},"data"`);
		expect((await deliver(body, { Authorization: sign(body) }).result).workflowData).toHaveLength(1);
	});

	it.each([
		['an empty body', ''],
		['a body that is not JSON', 'not json'],
		['a JSON array', '[1,2]'],
	])('answers 400 and runs nothing for %s with a valid signature', async (_label, body) => {
		const { ctx, result } = deliver(body, { Authorization: sign(body) });
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
	});

	it('ignores topics and order statuses that were not chosen, with a 200', async () => {
		const now = Math.floor(Date.now() / 1000);
		const cancel = JSON.stringify({ type: 11, tts_notification_id: 'n-11', shop_id: '1', timestamp: now, data: { order_id: '1' } });
		expect(await deliver(cancel, { Authorization: sign(cancel) }).result).toEqual({});
		const shipped = fresh(BODY).replace('UNPAID', 'IN_TRANSIT').replace('7380066284010030890', 'n-2');
		expect(await deliver(shipped, { Authorization: sign(shipped) }, { options: { orderStatuses: ['AWAITING_SHIPMENT'] } }).result).toEqual({});
		const awaiting = fresh(BODY).replace('UNPAID', 'AWAITING_SHIPMENT').replace('7380066284010030890', 'n-3');
		const out = await deliver(awaiting, { Authorization: sign(awaiting) }, { options: { orderStatuses: ['AWAITING_SHIPMENT'] } }).result;
		expect(out.workflowData).toHaveLength(1);
	});

	it('resolves unknown type codes without failing', async () => {
		const body = JSON.stringify({ type: 99, tts_notification_id: 'n-99', shop_id: '1', timestamp: Math.floor(Date.now() / 1000), data: {} });
		const out = await deliver(body, { Authorization: sign(body) }, { events: ['UNKNOWN_TYPE_99'] }).result;
		expect(out.workflowData?.[0][0].json.topic).toBe('UNKNOWN_TYPE_99');
	});

	it('offers exactly the 17 event types Update Shop Webhook accepts', () => {
		const events = trigger.description.properties.find((p) => p.name === 'events');
		const offered = (events?.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(offered).toEqual([...TIKTOK_WEBHOOK_EVENT_TYPES].sort());
		expect(offered).toHaveLength(17);
	});
});
