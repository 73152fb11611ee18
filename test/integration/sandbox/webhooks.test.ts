import axios from 'axios';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID, TOKOPEDIA_LINKED_SHOP_IDS, TOKOPEDIA_WAREHOUSES } from '../../../sandbox/tokopedia/constants';
import { ctl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, setup, type TtsClient } from './helpers';

interface Hit {
	path: string;
	headers: IncomingHttpHeaders;
	raw: Buffer;
	json: any;
	at: number;
}

/** Local webhook receiver on 127.0.0.1:0. `plan(path)` decides status/delay per request (n = hits on that path so far, 0-based). */
class Receiver {
	hits: Hit[] = [];
	plans = new Map<string, (n: number) => { status: number; delayMs?: number }>();
	url = '';
	private server!: Server;
	private timers = new Set<NodeJS.Timeout>();

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks);
				const path = req.url ?? '/';
				const n = this.hits.filter((h) => h.path === path).length;
				this.hits.push({ path, headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')), at: Date.now() });
				const p = this.plans.get(path)?.(n) ?? { status: 200 };
				const answer = () => {
					res.writeHead(p.status, { 'Content-Type': 'text/plain' });
					res.end(p.status < 300 ? 'OK' : 'nope');
				};
				if (!p.delayMs) return answer();
				const t = setTimeout(() => {
					this.timers.delete(t);
					answer();
				}, p.delayMs);
				this.timers.add(t);
			});
		});
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	on(path: string): Hit[] {
		return this.hits.filter((h) => h.path === path);
	}

	async waitFor(pred: (h: Hit) => boolean, count = 1, timeoutMs = 5000): Promise<Hit[]> {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const got = this.hits.filter(pred);
			if (got.length >= count) return got;
			if (Date.now() > end) throw new Error(`timed out waiting for ${count} hit(s); got ${got.length}: ${JSON.stringify(this.hits.map((h) => [h.path, h.json?.type ?? h.json?.order_status]))}`);
			await sleep(20);
		}
	}

	close(): Promise<void> {
		for (const t of this.timers) clearTimeout(t);
		return new Promise((r) => {
			this.server.close(() => r());
			this.server.closeAllConnections();
		});
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ttsSig = (raw: Buffer) => createHmac('sha256', SANDBOX_APP_SECRET).update(Buffer.concat([Buffer.from(SANDBOX_APP_KEY), raw])).digest('hex');
const tkpdSig = (raw: Buffer, secret: string) => createHmac('sha256', secret).update(raw).digest('hex');

const TIMEOUT_MS = 300;
const RETRIES = [150, 300];
const SECRET = 'whsec_sbx_test';
const SHOP = TOKOPEDIA_LINKED_SHOP_IDS[0];

describe('sandbox: webhooks', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	let rx: Receiver;
	let tkpdToken: string;

	const tkpd = (method: string, url: string, data?: unknown) =>
		axios.request({ method, url: sbx.url + url, data, headers: { Authorization: `Bearer ${tkpdToken}` }, validateStatus: () => true });
	const deliveries = async (q: string) => (await ctl(sbx.url, 'GET', `/webhooks/deliveries?${q}`)).data;

	beforeAll(async () => {
		rx = new Receiver();
		await rx.start();
		({ sbx, client, shops } = await setup({ tokopedia: { orderCount: 60, productCount: 40 } }));
		const g = await axios.post(`${sbx.url}/token?grant_type=client_credentials`, null, {
			auth: { username: TOKOPEDIA_CLIENT_ID, password: TOKOPEDIA_CLIENT_SECRET },
		});
		tkpdToken = g.data.access_token;
	});
	afterAll(async () => {
		await sbx.close();
		await rx.close();
	});

	test('config: POST /_sandbox/config {webhooks} (validated), GET shows it; dedicated /_sandbox/webhooks/config', async () => {
		expect((await ctl(sbx.url, 'GET', '/config')).data.webhooks).toEqual({ timeoutMs: 5000, retryDelaysMs: [1000, 3000, 10000], duplicates: false, tokopediaAuthHeaderStyle: 'hmac' });
		expect((await ctl(sbx.url, 'POST', '/config', { webhooks: { retryDelaysMs: [-1] } })).status).toBe(400);
		expect((await ctl(sbx.url, 'POST', '/config', { tokopedia: { webhookAuthHeaderStyle: 'nope' } })).status).toBe(400);
		const r = await ctl(sbx.url, 'POST', '/config', { webhooks: { timeoutMs: TIMEOUT_MS, retryDelaysMs: RETRIES } });
		expect(r.data.webhooks).toMatchObject({ timeoutMs: TIMEOUT_MS, retryDelaysMs: RETRIES });
		expect((await ctl(sbx.url, 'GET', '/webhooks/config')).data).toEqual({ timeoutMs: TIMEOUT_MS, retryDelaysMs: RETRIES, duplicates: false });
	});

	describe('TikTok Shop', () => {
		test('PUT/GET/DELETE /event/202309/webhooks: signed + shop_cipher, validation', async () => {
			for (const [event_type, path] of [
				['ORDER_STATUS_CHANGE', '/tts/orders'],
				['CANCELLATION_STATUS_CHANGE', '/tts/cancellations'],
				['PACKAGE_UPDATE', '/tts/packages'],
			]) {
				const r = await client.call('PUT', '/event/202309/webhooks', { body: { address: rx.url + path, event_type } });
				expect(r.data).toMatchObject({ code: 0, data: {} });
			}
			// replace the address of one type
			await client.call('PUT', '/event/202309/webhooks', { body: { address: rx.url + '/old', event_type: 'RETURN_STATUS_CHANGE' } });
			expect((await client.call('PUT', '/event/202309/webhooks', { body: { address: rx.url + '/returns', event_type: 'RETURN_STATUS_CHANGE' } })).data.code).toBe(0);
			const g = await client.call('GET', '/event/202309/webhooks');
			expect(g.data.code).toBe(0);
			expect(g.data.data.total_count).toBe(4);
			expect(g.data.data.webhooks).toContainEqual({ address: rx.url + '/returns', event_type: 'RETURN_STATUS_CHANGE', create_time: expect.any(Number), update_time: expect.any(Number) });
			expect((await client.call('DELETE', '/event/202309/webhooks', { body: { event_type: 'RETURN_STATUS_CHANGE' } })).data.code).toBe(0);
			expect((await client.call('GET', '/event/202309/webhooks')).data.data.total_count).toBe(3);
			// other shop: its own (empty) set
			expect((await client.call('GET', '/event/202309/webhooks', { cipher: shops[1].cipher })).data.data).toEqual({ total_count: 0, webhooks: [] });

			const bad = await client.call('PUT', '/event/202309/webhooks', { body: { address: rx.url, event_type: 'ORDER_CREATED' } });
			expect({ status: bad.status, code: bad.data.code }).toEqual({ status: 400, code: 36009004 });
			const long = await client.call('PUT', '/event/202309/webhooks', { body: { address: 'https://x.example/' + 'a'.repeat(250), event_type: 'PACKAGE_UPDATE' } });
			expect(long.data.code).toBe(36009004);
			expect((await client.call('PUT', '/event/202309/webhooks', { body: { address: 'ftp://x', event_type: 'PACKAGE_UPDATE' } })).data.code).toBe(36009004);
			expect((await client.call('GET', '/event/202309/webhooks', { cipher: null })).data.code).toBe(106013);
			expect((await client.call('GET', '/event/202309/webhooks', { noSign: true })).data.code).toBe(106001);

			const all = (await ctl(sbx.url, 'GET', '/tiktokshop/webhooks')).data.shops;
			expect(all.find((s: any) => s.shop_id === shops[0].id).webhooks).toHaveLength(3);
		});

		test('order created/shipped/cancelled → type 1 / 4 / 11, signed with HMAC(app_secret, app_key + raw body)', async () => {
			const o = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', {})).data.orders[0].order;
			const created = await rx.waitFor((h) => h.path === '/tts/orders' && h.json.data.order_id === o.id, 2);
			expect(created.map((h) => h.json.data.order_status)).toEqual(['UNPAID', 'AWAITING_SHIPMENT']);
			for (const h of created) {
				expect(h.headers.authorization).toBe(ttsSig(h.raw));
				expect(h.headers['content-type']).toBe('application/json');
				expect(Object.keys(h.json)).toEqual(['type', 'tts_notification_id', 'shop_id', 'timestamp', 'data']);
				expect(h.json).toMatchObject({ type: 1, shop_id: shops[0].id, tts_notification_id: expect.stringMatching(/^\d{19}$/), timestamp: expect.any(Number) });
				expect(h.json.data).toEqual({ is_on_hold_order: false, order_id: o.id, order_status: expect.any(String), update_time: expect.any(Number) });
			}
			expect(created[0].json.tts_notification_id).not.toBe(created[1].json.tts_notification_id);

			// ship via the API → AWAITING_COLLECTION + PACKAGE_UPDATE
			const pkgId = o.packages[0].id;
			expect((await client.call('POST', `/fulfillment/202309/packages/${pkgId}/ship`, { body: { handover_method: 'DROP_OFF' } })).data.code).toBe(0);
			const [st] = await rx.waitFor((h) => h.path === '/tts/orders' && h.json.data.order_id === o.id && h.json.data.order_status === 'AWAITING_COLLECTION');
			expect(st.headers.authorization).toBe(ttsSig(st.raw));
			const [pk] = await rx.waitFor((h) => h.path === '/tts/packages' && h.json.data.package_list[0].package_id === pkgId);
			expect(pk.json).toMatchObject({ type: 4, data: { sc_type: 'SHIP', package_list: [{ package_id: pkgId, order_id_list: [o.id] }] } });
			expect(pk.headers.authorization).toBe(ttsSig(pk.raw));

			// seller cancel via the API → CANCELLED + CANCELLATION_STATUS_CHANGE
			const o2 = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', {})).data.orders[0].order;
			const c = await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: o2.id, cancel_reason: 'Out of stock' } });
			expect(c.data.code).toBe(0);
			await rx.waitFor((h) => h.path === '/tts/orders' && h.json.data.order_id === o2.id && h.json.data.order_status === 'CANCELLED');
			const [cx] = await rx.waitFor((h) => h.path === '/tts/cancellations' && h.json.data.order_id === o2.id);
			expect(cx.json).toMatchObject({ type: 11, shop_id: shops[0].id });
			expect(cx.json.data).toEqual({ order_id: o2.id, cancellations_role: 'SELLER', cancel_status: 'CANCELLATION_REQUEST_COMPLETE', cancel_id: c.data.data.cancel_id, create_time: expect.any(Number) });

			const log = await deliveries('marketplace=tiktokshop&limit=3');
			expect(log.deliveries).toHaveLength(3);
			expect(log.deliveries[0]).toMatchObject({ marketplace: 'tiktokshop', acknowledged: true, dropped: false, attempts: [{ status: 200 }] });
		});

		test('receiver answering 500 → redelivered per schedule with the same notification id and bytes, then dropped', async () => {
			const path = '/tts/fail';
			rx.plans.set(path, () => ({ status: 500 }));
			await client.call('PUT', '/event/202309/webhooks', { cipher: shops[1].cipher, body: { address: rx.url + path, event_type: 'ORDER_STATUS_CHANGE' } });
			const e = await ctl(sbx.url, 'POST', '/tiktokshop/events', { shop_id: shops[1].id, type: 'ORDER_STATUS_CHANGE', data: { order_id: '1', order_status: 'UNPAID', is_on_hold_order: false, update_time: 1 } });
			expect(e.status).toBe(200);
			const id = e.data.deliveries[0].id;
			const hits = await rx.waitFor((h) => h.path === path, 3);
			expect(new Set(hits.map((h) => h.json.tts_notification_id)).size).toBe(1);
			expect(hits[1].raw.equals(hits[0].raw) && hits[2].raw.equals(hits[0].raw)).toBe(true);
			expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(RETRIES[0] - 10);
			expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(RETRIES[1] - 10);
			expect(hits[0].headers.authorization).toBe(ttsSig(hits[0].raw));
			await sleep(100);
			const rec = (await ctl(sbx.url, 'GET', `/webhooks/deliveries/${id}`)).data;
			expect(rec).toMatchObject({ acknowledged: false, dropped: true, event: 'ORDER_STATUS_CHANGE', notificationId: hits[0].json.tts_notification_id, nextAttemptAt: null });
			expect(rec.attempts.map((a: any) => a.status)).toEqual([500, 500, 500]);
			expect(rx.on(path)).toHaveLength(3); // nothing after the schedule ran out
		});

		test('slow receiver (answers after timeoutMs) gets a redelivery although it processed the first one', async () => {
			const path = '/tts/slow';
			rx.plans.set(path, (n) => (n === 0 ? { status: 200, delayMs: TIMEOUT_MS + 300 } : { status: 200 }));
			await client.call('PUT', '/event/202309/webhooks', { cipher: shops[1].cipher, body: { address: rx.url + path, event_type: 'RECIPIENT_ADDRESS_UPDATE' } });
			const e = await ctl(sbx.url, 'POST', '/tiktokshop/events', { shop_id: shops[1].id, type: 3, data: { order_id: '42', update_time: 1 } });
			expect(e.data).toMatchObject({ type: 3, topic: 'RECIPIENT_ADDRESS_UPDATE' });
			const hits = await rx.waitFor((h) => h.path === path, 2);
			expect(hits[1].json.tts_notification_id).toBe(hits[0].json.tts_notification_id);
			await sleep(50);
			const rec = (await ctl(sbx.url, 'GET', `/webhooks/deliveries/${e.data.deliveries[0].id}`)).data;
			expect(rec.acknowledged).toBe(true);
			expect(rec.attempts[0].error).toMatch(/timeout/);
			expect(rec.attempts[1].status).toBe(200);
		});

		test('control events: unknown type → 400, unregistered → 409; duplicates mode sends an acknowledged one twice', async () => {
			expect((await ctl(sbx.url, 'POST', '/tiktokshop/events', { type: 'NOPE' })).status).toBe(400);
			expect((await ctl(sbx.url, 'POST', '/tiktokshop/events', { type: 'NEW_MESSAGE' })).status).toBe(409);
			await ctl(sbx.url, 'POST', '/webhooks/deliver-duplicates', { enabled: true });
			const e = await ctl(sbx.url, 'POST', '/tiktokshop/events', { type: 11, data: { order_id: 'dup' } });
			const hits = await rx.waitFor((h) => h.path === '/tts/cancellations' && h.json.data.order_id === 'dup', 2);
			expect(hits[0].raw.equals(hits[1].raw)).toBe(true);
			await ctl(sbx.url, 'POST', '/webhooks/deliver-duplicates', { enabled: false });
			expect(e.data.deliveries[0].notificationId).toBe(hits[0].json.tts_notification_id);
		});

		test('DELETE stops deliveries of that type only', async () => {
			const o = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', {})).data.orders[0].order;
			await rx.waitFor((h) => h.path === '/tts/orders' && h.json.data.order_id === o.id, 2);
			expect((await client.call('DELETE', '/event/202309/webhooks', { body: { event_type: 'ORDER_STATUS_CHANGE' } })).data.code).toBe(0);
			await ctl(sbx.url, 'POST', `/tiktokshop/orders/${o.id}/advance`, {}); // ships → AWAITING_COLLECTION + PACKAGE_UPDATE
			await rx.waitFor((h) => h.path === '/tts/packages' && h.json.data.package_list[0].order_id_list[0] === o.id);
			await sleep(150);
			expect(rx.hits.filter((h) => h.path === '/tts/orders' && h.json.data.order_id === o.id)).toHaveLength(2);
		});
	});

	test('TikTok buyer cancellation request → type 11 PENDING; return → type 12 RETURN_STATUS_CHANGE', async () => {
		await client.call('PUT', '/event/202309/webhooks', { body: { address: rx.url + '/tts/returns', event_type: 'RETURN_STATUS_CHANGE' } });
		const c = await ctl(sbx.url, 'POST', '/tiktokshop/cancellations', { shop_id: shops[0].id });
		expect(c.status).toBe(201);
		const [cx] = await rx.waitFor((h) => h.path === '/tts/cancellations' && h.json.data.order_id === c.data.order_id);
		expect(cx.json.data).toMatchObject({ cancellations_role: 'BUYER', cancel_status: 'CANCELLATION_REQUEST_PENDING', cancel_id: c.data.cancellation.cancel_id });
		const r = await ctl(sbx.url, 'POST', '/tiktokshop/returns', { shop_id: shops[0].id });
		expect(r.status).toBe(201);
		const [rt] = await rx.waitFor((h) => h.path === '/tts/returns' && h.json.data.order_id === r.data.order_id);
		expect(rt.json).toMatchObject({ type: 12, shop_id: shops[0].id });
		expect(rt.json.data).toEqual({
			order_id: r.data.order_id,
			return_role: 'BUYER',
			return_type: 'RETURN_AND_REFUND',
			return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
			return_id: r.data.return.return_id,
			create_time: expect.any(Number),
			update_time: expect.any(Number),
		});
		expect(rt.headers.authorization).toBe(ttsSig(rt.raw));
	});

	describe('Tokopedia', () => {
		const paths = {
			order_notification_url: '/tkpd/notification',
			order_status_url: '/tkpd/status',
			order_cancellation_url: '/tkpd/cancellation',
			order_request_cancellation_url: '/tkpd/request-cancel',
			product_changes_url: '/tkpd/product-changes',
		};
		const ord = (path: string, id: number) => (h: Hit) => h.path === path && h.json.order_id === id;

		beforeAll(async () => {
			const body: Record<string, unknown> = { fs_id: TOKOPEDIA_FS_ID, webhook_secret: SECRET };
			for (const [k, p] of Object.entries(paths)) body[k] = rx.url + p;
			const r = await tkpd('POST', `/v1/fs/${TOKOPEDIA_FS_ID}/register`, body);
			expect(r.data).toEqual({ data: 'success', status: '200 Ok', error_message: [] });
		});

		test('new 220 order → order_notification (§4.4) + order_status; Authorization-Hmac = HMAC(webhook_secret, raw)', async () => {
			const o = (await ctl(sbx.url, 'POST', '/tokopedia/orders', { shop_id: SHOP })).data.orders[0];
			const [n] = await rx.waitFor(ord(paths.order_notification_url, o.order_id));
			expect(n.headers['authorization-hmac']).toBe(tkpdSig(n.raw, SECRET));
			expect(n.headers.authorization).toBeUndefined();
			expect(n.json).toMatchObject({
				fs_id: TOKOPEDIA_FS_ID,
				order_id: o.order_id,
				invoice_ref_num: o.invoice,
				order_status: 220,
				shop_id: SHOP,
				warehouse_id: o.warehouse_id,
				create_time: o.create_time,
				customer: { id: o.buyer.id, Name: o.buyer.name },
				recipient: { Name: o.recipient.name, address: { postal_code: o.recipient.address.postal_code } },
			});
			expect(n.json.products[0]).toMatchObject({ id: o.items[0].product_id, Name: o.items[0].name, quantity: o.items[0].quantity, currency: 'Rp.' });
			const [s] = await rx.waitFor(ord(paths.order_status_url, o.order_id));
			expect(s.json).toEqual({ fs_id: TOKOPEDIA_FS_ID, order_status: 220, order_id: o.order_id, shop_id: SHOP, warehouse_id: o.warehouse_id, product_details: expect.any(Array) });
			expect(s.json.product_details[0]).toMatchObject({ id: o.items[0].product_id, Name: o.items[0].name, sku: o.items[0].sku });
			expect(s.headers['authorization-hmac']).toBe(tkpdSig(s.raw, SECRET));

			// ack via the API → 400
			expect((await tkpd('POST', `/v1/order/${o.order_id}/fs/${TOKOPEDIA_FS_ID}/ack`)).status).toBe(200);
			await rx.waitFor((h) => ord(paths.order_status_url, o.order_id)(h) && h.json.order_status === 400);
			// buyer cancellation request → order_request_cancellation_url
			await ctl(sbx.url, 'POST', `/tokopedia/orders/${o.order_id}/advance`, { buyer_cancel_request: true, reason: 'Salah alamat' });
			const [rc] = await rx.waitFor(ord(paths.order_request_cancellation_url, o.order_id));
			expect(rc.json).toMatchObject({ order_id: o.order_id, reason: 'Salah alamat' });
			expect(rc.headers['authorization-hmac']).toBe(tkpdSig(rc.raw, SECRET));
			// seller cancel (0) → order_status + order_cancellation
			await ctl(sbx.url, 'POST', `/tokopedia/orders/${o.order_id}/advance`, { to: 0 });
			const [cx] = await rx.waitFor(ord(paths.order_cancellation_url, o.order_id));
			expect(cx.json).toMatchObject({ order_status: 0, order_id: o.order_id });
			await rx.waitFor((h) => ord(paths.order_status_url, o.order_id)(h) && h.json.order_status === 0);
			expect(rx.hits.filter(ord(paths.order_cancellation_url, o.order_id))).toHaveLength(1);
		});

		test('bulk stock update → one product_changes payload; tkpd header style adds Authorization: TKPD Tokopedia:<hex>', async () => {
			const wh = TOKOPEDIA_WAREHOUSES[SHOP][0];
			const ps = sbx.tokopedia.state.productsByShop.get(SHOP)!.filter((p) => p.status === 1 && p.sku && !p.children.length).slice(0, 2);
			expect((await ctl(sbx.url, 'POST', '/config', { tokopedia: { webhookAuthHeaderStyle: 'tkpd' } })).data.webhooks.tokopediaAuthHeaderStyle).toBe('tkpd');
			const before = ps.map((p) => p.stock[wh] ?? 0);
			const r = await tkpd('POST', `/inventory/v1/fs/${TOKOPEDIA_FS_ID}/stock/update?shop_id=${SHOP}`, ps.map((p, i) => ({ sku: p.sku, new_stock: 70 + i })));
			expect(r.status).toBe(200);
			const [h] = await rx.waitFor((x) => x.path === paths.product_changes_url && x.json.product_changes_data.some((d: any) => d.product_id === ps[0].product_id));
			expect(h.json.fs_id).toBe(TOKOPEDIA_FS_ID);
			expect(h.json.product_changes_data).toEqual(
				ps.map((p, i) => ({
					action: 'stock_overwrite',
					product_id: p.product_id,
					shop_id: SHOP,
					warehouse_id: wh,
					value: String(70 + i),
					previous_value: String(before[i]),
					update_time: expect.any(Number),
					is_default_warehouse: true,
				})),
			);
			const sig = tkpdSig(h.raw, SECRET);
			expect(h.headers['authorization-hmac']).toBe(sig);
			expect(h.headers.authorization).toBe(`TKPD Tokopedia:${sig}`);
			await ctl(sbx.url, 'POST', '/config', { tokopedia: { webhookAuthHeaderStyle: 'hmac' } });
		});

		test('control events: order_status on demand; missing order → 404; unknown type → 400', async () => {
			const o = (await ctl(sbx.url, 'POST', '/tokopedia/orders', { shop_id: SHOP, status: 400 })).data.orders[0];
			const e = await ctl(sbx.url, 'POST', '/tokopedia/events', { type: 'order_status', order_id: o.order_id });
			expect(e.status).toBe(200);
			expect(JSON.parse(e.data.body)).toMatchObject({ order_id: o.order_id, order_status: 400 });
			await rx.waitFor(ord(paths.order_status_url, o.order_id), 3); // 220 and 400 from the state + the one on demand
			expect((await ctl(sbx.url, 'POST', '/tokopedia/events', { type: 'order_status', order_id: 1 })).status).toBe(404);
			expect((await ctl(sbx.url, 'POST', '/tokopedia/events', { type: 'chat' })).status).toBe(400);
			const log = await deliveries('marketplace=tokopedia&limit=500');
			expect(log.deliveries.every((d: any) => d.marketplace === 'tokopedia')).toBe(true);
			expect(log.stats).toMatchObject({ deliveries: expect.any(Number), redeliveries: expect.any(Number), acknowledged: expect.any(Number), dropped: expect.any(Number) });
		});
	});

	test('close() cancels pending redeliveries and leaves no timers', async () => {
		const r2 = new Receiver();
		await r2.start();
		r2.plans.set('/f', () => ({ status: 503 }));
		const s2 = await startSandbox({ tikTokShop: { orderCount: 20, productCount: 20 }, tokopedia: { orderCount: 10, productCount: 20 }, webhooks: { timeoutMs: 200, retryDelaysMs: [60_000] } });
		const g = await axios.post(`${s2.url}/token?grant_type=client_credentials`, null, { auth: { username: TOKOPEDIA_CLIENT_ID, password: TOKOPEDIA_CLIENT_SECRET } });
		await axios.post(`${s2.url}/v1/fs/${TOKOPEDIA_FS_ID}/register`, { order_status_url: r2.url + '/f', webhook_secret: 'x' }, { headers: { Authorization: `Bearer ${g.data.access_token}` } });
		await ctl(s2.url, 'POST', '/tokopedia/orders', {});
		await r2.waitFor((h) => h.path === '/f');
		for (let i = 0; i < 100 && s2.webhooks.engine.stats().pending !== 1; i++) await sleep(20); // the 503 answer is being processed
		expect(s2.webhooks.engine.stats()).toMatchObject({ pending: 1, timers: 1 }); // the 60 s redelivery timer
		await s2.close();
		expect(s2.webhooks.engine.stats()).toMatchObject({ pending: 0, inFlight: 0, timers: 0 });
		await r2.close();
	});
});
