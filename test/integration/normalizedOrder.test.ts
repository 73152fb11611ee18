/**
 * One order, every path that can output it normalized: Get, Get Many, the webhook trigger (with
 * Fetch Full Order, and Tokopedia's new-order payload as it is) and the poll trigger. The sandbox
 * delivers the webhooks for real to a local receiver; the trigger then handles that delivery.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { router as tikTokShopRouter } from '../../nodes/TikTokShop/actions/router';
import { TikTokShopPollTrigger } from '../../nodes/TikTokShop/TikTokShopPollTrigger.node';
import { TikTokShopTrigger } from '../../nodes/TikTokShop/TikTokShopTrigger.node';
import { router as tokopediaRouter } from '../../nodes/Tokopedia/actions/router';
import { TokopediaPollTrigger } from '../../nodes/Tokopedia/TokopediaPollTrigger.node';
import { TokopediaTrigger } from '../../nodes/Tokopedia/TokopediaTrigger.node';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../../sandbox/tiktokshop/constants';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../../sandbox/tokopedia/constants';
import type { CredentialStore } from '../helpers/context';
import { credentialStore, fakeContext, rl } from '../helpers/context';
import type { Delivery } from '../helpers/triggerContext';
import { triggerContext } from '../helpers/triggerContext';

jest.setTimeout(120_000);

// The model as README "Normalized orders" documents it: these keys, no others, none missing.
const DOCUMENTED = {
	order: ['amounts', 'buyer', 'cancel_reason', 'created_at', 'invoice', 'is_cancelled', 'is_cod', 'line_items', 'marketplace', 'marketplace_status', 'order_id', 'paid_at', 'platform', 'recipient', 'shipping', 'shop_id', 'status', 'updated_at'],
	buyer: ['email', 'id', 'name', 'phone'],
	recipient: ['address', 'name', 'phone', 'postal_code', 'region'],
	line_item: ['discount', 'name', 'price', 'product_id', 'quantity', 'seller_sku', 'sku'],
	amounts: ['currency', 'discount', 'shipping', 'subtotal', 'tax', 'total'],
	shipping: ['package_ids', 'provider', 'service', 'tracking_number'],
};

function expectDocumentedShape(order: IDataObject) {
	const keys = (value: unknown) => Object.keys(value as IDataObject).sort();
	expect(keys(order)).toEqual(DOCUMENTED.order);
	expect(keys(order.buyer)).toEqual(DOCUMENTED.buyer);
	expect(keys(order.recipient)).toEqual(DOCUMENTED.recipient);
	expect(keys(order.amounts)).toEqual(DOCUMENTED.amounts);
	expect(keys(order.shipping)).toEqual(DOCUMENTED.shipping);
	for (const line of order.line_items as IDataObject[]) expect(keys(line)).toEqual(DOCUMENTED.line_item);
	for (const [, value] of Object.entries(order)) expect(value).not.toBeUndefined();
}

let sandbox: Sandbox;
let receiver: Server;
let receiverUrl: string;
const deliveries: Array<Delivery & { path: string }> = [];

beforeAll(async () => {
	sandbox = await startSandbox({ seed: 23, tikTokShop: { orderCount: 300, productCount: 120 } });
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://receiver');
			const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
			deliveries.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers, rawBody: Buffer.concat(chunks) });
			res.writeHead(200).end('{}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => receiver.close(resolve));
	await sandbox.close();
});

const control = async (method: string, path: string, data?: unknown) =>
	(await axios.request({ method, url: `${sandbox.url}/_sandbox${path}`, data })).data;

async function delivered(match: (body: IDataObject, delivery: Delivery & { path: string }) => boolean): Promise<Delivery> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const found = deliveries.find((d) => match(JSON.parse(d.rawBody.toString()) as IDataObject, d));
		if (found) return found;
		if (Date.now() > deadline) throw new Error('the sandbox delivered no matching webhook within 60 s');
		await new Promise((resolve) => setImmediate(resolve));
	}
}

const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
const isoSeconds = (unix: number) => new Date(unix * 1000).toISOString();

describe('normalized orders are the same on every path', () => {
	test('TikTok Shop: Get, Get Many, webhook trigger (Fetch Full Order) and poll trigger', async () => {
		const credentials: CredentialStore = credentialStore({
			appKey: SANDBOX_APP_KEY,
			appSecret: SANDBOX_APP_SECRET,
			refreshToken: SANDBOX_REFRESH_TOKEN,
			authCode: '',
			shopCipher: '',
			apiBaseUrl: sandbox.url,
			authBaseUrl: sandbox.url,
		});
		const shop = (await control('GET', '/tiktokshop/shops')).shops[0] as { id: string; cipher: string };
		const triggerParameters = { shop: rl(shop.cipher), events: ['ORDER_STATUS_CHANGE'], options: { fetchOrder: true, orderOutput: 'normalized' } };
		const trigger = new TikTokShopTrigger();
		await trigger.webhookMethods.default.create.call(triggerContext({ parameters: triggerParameters, credentials, webhookUrl: `${receiverUrl}/tiktokshop` }) as never);

		const before = Math.floor(Date.now() / 1000) - 1;
		const created = (await control('POST', '/tiktokshop/orders', { shop_id: shop.id })).orders[0].order as { id: string };
		const shipped = (await control('POST', `/tiktokshop/orders/${created.id}/advance`, { to: 'IN_TRANSIT' })).order as IDataObject & { update_time: number };

		const get = jsonOf((await tikTokShopRouter.call(fakeContext({ credentials, parameters: { resource: 'order', operation: 'getOrderDetail', shop: rl(shop.cipher), orderIds: created.id, orderOutput: 'normalized' } })))[0]);
		const many = jsonOf(
			(
				await tikTokShopRouter.call(
					fakeContext({
						credentials,
						parameters: { resource: 'order', operation: 'getOrderList', shop: rl(shop.cipher), returnAll: true, orderOutput: 'normalized', filters: { update_time_ge: isoSeconds(before) }, sort: {} },
					}),
				)
			)[0],
		).filter((order) => order.order_id === created.id);

		const delivery = await delivered((body, d) => d.path === '/tiktokshop' && (body.data as IDataObject)?.order_id === created.id && (body.data as IDataObject)?.order_status === 'IN_TRANSIT');
		const hook = triggerContext({ parameters: triggerParameters, credentials, delivery });
		const webhook = (await trigger.webhook.call(hook as never)).workflowData?.[0][0].json.order as IDataObject;

		const polled = (
			(await new TikTokShopPollTrigger().poll.call(
				triggerContext({ parameters: { event: 'orders', shop: rl(shop.cipher), options: { orderOutput: 'normalized', startFrom: isoSeconds(before), overlapSeconds: 0 } }, credentials }) as never,
			)) ?? [[]]
		)[0].map((item) => item.json).filter((order) => order.order_id === created.id);

		expect(get).toHaveLength(1);
		const [order] = get;
		expectDocumentedShape(order);
		expect(order).toMatchObject({
			marketplace: 'tiktokshop',
			shop_id: shop.id,
			order_id: created.id,
			status: 'shipped',
			updated_at: isoSeconds(shipped.update_time),
			buyer: { name: null, phone: null },
		});
		expect((order.shipping as IDataObject).tracking_number).toEqual(expect.any(String));
		expect(many).toEqual([order]);
		expect(webhook).toEqual(order);
		expect(polled).toEqual([order]);
	});

	test('Tokopedia: Get, Get Many, new-order webhook, status webhook (Fetch Full Order) and poll trigger', async () => {
		const credentials: CredentialStore = credentialStore(
			{
				fsId: String(TOKOPEDIA_FS_ID),
				clientId: TOKOPEDIA_CLIENT_ID,
				clientSecret: TOKOPEDIA_CLIENT_SECRET,
				shopId: '479066',
				webhookSecret: 'whsec-normalized',
				apiBaseUrl: sandbox.url,
				authBaseUrl: sandbox.url,
			},
			'tokopediaApi',
		);
		const triggerParameters = { events: ['order_notification', 'order_status'], options: { fetchOrder: true, orderOutput: 'normalized' } };
		const trigger = new TokopediaTrigger();
		await trigger.webhookMethods.default.create.call(triggerContext({ parameters: triggerParameters, credentials, webhookUrl: `${receiverUrl}/tokopedia` }) as never);
		const notificationParameters = { ...triggerParameters, options: { orderOutput: 'normalized' } };

		const paths = async (orderId: number, since: number) => {
			const get = jsonOf((await tokopediaRouter.call(fakeContext({ credentials, parameters: { resource: 'order', operation: 'getSingleOrder', findBy: 'orderId', orderId: String(orderId), orderOutput: 'normalized' } })))[0]);
			const many = jsonOf(
				(
					await tokopediaRouter.call(
						fakeContext({
							credentials,
							parameters: { resource: 'order', operation: 'getAllOrders', fromDate: isoSeconds(since), toDate: isoSeconds(since + 3600), scope: 'shop', shop: rl(''), returnAll: true, filters: {}, orderOutput: 'normalized' },
						}),
					)
				)[0],
			).filter((order) => order.order_id === String(orderId));
			const polled = (
				(await new TokopediaPollTrigger().poll.call(
					triggerContext({ parameters: { shopId: '', options: { orderOutput: 'normalized', startFrom: isoSeconds(since) } }, credentials }) as never,
				)) ?? [[]]
			)[0].map((item) => item.json).filter((order) => order.order_id === String(orderId));
			expect(get).toHaveLength(1);
			return { get: get[0], many, polled };
		};
		// What the order list (Get Many, poll trigger) does not carry: the payment and last-update times.
		const asInOrderList = (order: IDataObject) => ({ ...order, paid_at: null, updated_at: null });

		const since = Math.floor(Date.now() / 1000) - 5;
		const order = (await control('POST', '/tokopedia/orders', { shop_id: 479066 })).orders[0] as { order_id: number };
		const newOrder = await paths(order.order_id, since);
		expectDocumentedShape(newOrder.get);
		expect(newOrder.get).toMatchObject({ shop_id: '479066', order_id: String(order.order_id), status: 'new', marketplace_status: '220', shipping: { tracking_number: null } });
		expect(newOrder.get.paid_at).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/));
		expect(newOrder.many).toEqual([asInOrderList(newOrder.get)]);
		expect(newOrder.polled).toEqual([asInOrderList(newOrder.get)]);
		const notification = await delivered((body, d) => d.path === '/tokopedia' && d.query.event === 'order_notification' && body.order_id === order.order_id);
		const fromPayload = (await trigger.webhook.call(triggerContext({ parameters: notificationParameters, credentials, delivery: notification }) as never)).workflowData?.[0][0].json.order;
		// The new-order payload is a copy of the order-list item, plus the payment time.
		expect(fromPayload).toEqual({ ...newOrder.get, updated_at: null });

		// A voucher and a shipped AWB, so discount and tracking number are compared with values in them.
		sandbox.tokopedia.state.orders.get(order.order_id)!.voucher_amount = 7000;
		await control('POST', `/tokopedia/orders/${order.order_id}/advance`, { to: 500 });
		const shipped = await paths(order.order_id, since);
		expectDocumentedShape(shipped.get);
		expect(shipped.get).toMatchObject({ status: 'shipped', amounts: { discount: '7000' }, shipping: { tracking_number: expect.any(String) }, paid_at: newOrder.get.paid_at });
		expect(shipped.many).toEqual([asInOrderList(shipped.get)]);
		expect(shipped.polled).toEqual([asInOrderList(shipped.get)]);
		const statusChange = await delivered((body, d) => d.path === '/tokopedia' && d.query.event === 'order_status' && body.order_id === order.order_id && body.order_status === 500);
		const fetched = (await trigger.webhook.call(triggerContext({ parameters: triggerParameters, credentials, delivery: statusChange }) as never)).workflowData?.[0][0].json.order;
		expect(fetched).toEqual(shipped.get);
	});
});
