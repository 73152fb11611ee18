import { createHmac } from 'node:crypto';

import { TokopediaTrigger } from '../../../nodes/Tokopedia/TokopediaTrigger.node';
import { fakeWebhookContext } from '../../helpers/webhookContext';

const SECRET = 'tkpd-secret';
const credentials = { fsId: '13004', webhookSecret: SECRET, apiBaseUrl: 'http://api.test' };
const status = (orderStatus: number) =>
	JSON.stringify({ fs_id: 13004, order_status: orderStatus, order_id: 582220328, shop_id: 8212734, warehouse_id: 8402620, product_details: [{ id: 1, Name: 'BAJU' }] });
const hmac = (body: string, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');
const trigger = new TokopediaTrigger();

function deliver(body: string, headers: Record<string, string>, event = 'order_status', extra: Record<string, unknown> = {}, staticData = {}) {
	const ctx = fakeWebhookContext({
		rawBody: body,
		headers,
		query: { event },
		credentials,
		staticData,
		workflowId: `wf-${Math.random()}`,
		parameters: { events: ['order_status', 'order_notification'], options: {}, ...extra },
	});
	return { ctx, result: trigger.webhook.call(ctx as never) };
}

describe('Tokopedia Trigger webhook', () => {
	it('accepts Authorization-Hmac over the raw body and says which event it was', async () => {
		const body = status(400);
		const out = await deliver(body, { 'Authorization-Hmac': hmac(body) }).result;
		expect(out.workflowData?.[0][0].json).toMatchObject({ event: 'order_status', order_id: 582220328, order_status: 400 });
	});

	it('accepts the "Authorization: TKPD Tokopedia:<hmac>" form', async () => {
		const body = status(450);
		const out = await deliver(body, { Authorization: `TKPD Tokopedia:${hmac(body)}` }).result;
		expect(out.workflowData).toHaveLength(1);
	});

	it.each([
		['a wrong secret', (body: string) => ({ 'Authorization-Hmac': hmac(body, 'other') })],
		['no signature', () => ({})],
		['a Bearer header', (body: string) => ({ Authorization: `Bearer ${hmac(body)}` })],
	])('answers 401 and runs nothing for %s', async (_label, headers) => {
		const body = status(500);
		const { ctx, result } = deliver(body, headers(body));
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(401);
	});

	it('drops a redelivery of the same order state and filters statuses', async () => {
		const staticData = {};
		const body = status(600);
		expect((await deliver(body, { 'Authorization-Hmac': hmac(body) }, 'order_status', {}, staticData).result).workflowData).toHaveLength(1);
		expect(await deliver(body, { 'Authorization-Hmac': hmac(body) }, 'order_status', {}, staticData).result).toEqual({});
		const other = status(700);
		expect(await deliver(other, { 'Authorization-Hmac': hmac(other) }, 'order_status', { options: { orderStatuses: [220] } }).result).toEqual({});
	});

	it('ignores events the node was not set up for', async () => {
		const body = JSON.stringify({ order_id: 1 });
		expect(await deliver(body, { 'Authorization-Hmac': hmac(body) }, 'order_request_cancellation').result).toEqual({});
	});

	it('refuses a signed order-status body replayed to the cancellation URL, and takes a real cancellation there', async () => {
		const shipped = status(500);
		const replay = deliver(shipped, { 'Authorization-Hmac': hmac(shipped) }, 'order_cancellation', { events: ['order_cancellation'] });
		expect(await replay.result).toEqual({ noWebhookResponse: true });
		expect(replay.ctx.response.statusCode).toBe(400);
		const cancelled = status(0);
		const out = await deliver(cancelled, { 'Authorization-Hmac': hmac(cancelled) }, 'order_cancellation', { events: ['order_cancellation'] }).result;
		expect(out.workflowData?.[0][0].json).toMatchObject({ event: 'order_cancellation', order_status: 0 });
	});

	it('refuses a new-order body sent to the status URL', async () => {
		const body = JSON.stringify({ fs_id: 13004, order_id: 1, order_status: 220, products: [{ id: 1 }], recipient: {} });
		const { ctx, result } = deliver(body, { 'Authorization-Hmac': hmac(body) }, 'order_status');
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
	});

	it('knows a body delivered to both the status and the cancellation URL as one delivery', async () => {
		const staticData = {};
		const cancelled = status(10);
		const both = { events: ['order_status', 'order_cancellation'] };
		expect((await deliver(cancelled, { 'Authorization-Hmac': hmac(cancelled) }, 'order_status', both, staticData).result).workflowData).toHaveLength(1);
		expect(await deliver(cancelled, { 'Authorization-Hmac': hmac(cancelled) }, 'order_cancellation', both, staticData).result).toEqual({});
	});

	it.each([
		['an empty body', ''],
		['a body that is not JSON', '<xml/>'],
	])('answers 400 and runs nothing for %s with a valid signature', async (_label, body) => {
		const { ctx, result } = deliver(body, { 'Authorization-Hmac': hmac(body) });
		expect(await result).toEqual({ noWebhookResponse: true });
		expect(ctx.response.statusCode).toBe(400);
	});
});
