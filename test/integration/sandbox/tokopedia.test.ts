import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import {
	TOKOPEDIA_CLIENT_ID,
	TOKOPEDIA_CLIENT_SECRET,
	TOKOPEDIA_FS_ID,
	TOKOPEDIA_LINKED_SHOP_IDS,
	TOKOPEDIA_UNLINKED_SHOP_ID,
	TOKOPEDIA_WAREHOUSES,
} from '../../../sandbox/tokopedia/constants';

const FS = TOKOPEDIA_FS_ID;
const SHOP = TOKOPEDIA_LINKED_SHOP_IDS[0];
const SHOP2 = TOKOPEDIA_LINKED_SHOP_IDS[1];
const MSG_4XX = 'We could not process your request due to malformed request, please check again';

describe('sandbox: Tokopedia', () => {
	let sbx: Sandbox;
	let http: AxiosInstance;
	let token: string;

	const grant = (id = TOKOPEDIA_CLIENT_ID, secret = TOKOPEDIA_CLIENT_SECRET, qs = '?grant_type=client_credentials') =>
		http.post(`/token${qs}`, null, { auth: { username: id, password: secret } });
	const api = (method: string, url: string, data?: unknown, tok: string | null = token): Promise<AxiosResponse<any>> =>
		http.request({ method, url, data, headers: tok ? { Authorization: `Bearer ${tok}` } : {} });
	const ctl = (method: string, path: string, data?: unknown) => http.request({ method, url: `/_sandbox${path}`, data });
	const expectError = (r: AxiosResponse<any>, status: number, code: string) => {
		expect({ status: r.status, code: r.data?.header?.error_code }).toEqual({ status, code });
		expect(r.data.data).toBeNull();
		expect(typeof r.data.header.reason).toBe('string');
		expect(typeof r.data.header.process_time).toBe('number');
	};
	const rawProduct = async (sku: string) => (await ctl('GET', `/tokopedia/products?shop_id=${SHOP}&sku=${encodeURIComponent(sku)}`)).data.products[0];
	/** A fresh 220 order for `sku` (control API decrements stock). */
	const newOrder = async (skus: Array<{ sku: string; quantity: number }>, status?: number) => {
		const r = await ctl('POST', '/tokopedia/orders', { shop_id: SHOP, skus, status });
		expect(r.status).toBe(201);
		return r.data.orders[0];
	};
	/** Active, non-variant products of SHOP with stock ≥ min in the default warehouse. */
	const stockedSkus = (min: number) =>
		sbx.tokopedia.state.productsByShop
			.get(SHOP)!
			.filter((p) => p.status === 1 && p.sku && !p.children.length && (p.stock[TOKOPEDIA_WAREHOUSES[SHOP][0]] ?? 0) >= min)
			.map((p) => p.sku);

	beforeAll(async () => {
		sbx = await startSandbox({ seed: 7, tikTokShop: { orderCount: 50, productCount: 20 }, tokopedia: { defaultQps: 1000, defaultBurst: 1000 } });
		http = axios.create({ baseURL: sbx.url, validateStatus: () => true });
		const r = await grant();
		token = r.data.access_token;
	});
	afterAll(() => sbx.close());

	describe('token host', () => {
		test('client_credentials grant: Basic auth, empty body → {access_token c:…, expires_in, token_type}', async () => {
			const r = await grant();
			expect(r.status).toBe(200);
			expect(r.data).toEqual({ access_token: expect.stringMatching(/^c:[A-Za-z0-9_-]{22}$/), expires_in: 1209600, token_type: 'Bearer' });
			expect(r.data.access_token).not.toBe(token);
			const stats = (await ctl('GET', '/stats')).data.tokopedia;
			expect(stats.tokenGrants).toBeGreaterThanOrEqual(2);
		});

		test('bad credentials → 401 invalid_client; wrong grant_type → 400', async () => {
			const r = await grant(TOKOPEDIA_CLIENT_ID, 'nope');
			expect(r.status).toBe(401);
			expect(r.data).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
			expect((await http.post('/token?grant_type=client_credentials')).status).toBe(401);
			const g = await grant(undefined, undefined, '?grant_type=password');
			expect(g.status).toBe(400);
			expect(g.data.error).toBe('unsupported_grant_type');
		});

		test('missing / unknown bearer → 401 UNAUTHORIZED envelope; expire control; TTL config', async () => {
			expectError(await api('GET', `/v1/shop/fs/${FS}/shop-info`, undefined, null), 401, 'UNAUTHORIZED');
			expectError(await api('GET', `/v1/shop/fs/${FS}/shop-info`, undefined, 'c:doesnotexist'), 401, 'UNAUTHORIZED');

			await ctl('POST', '/config', { tokopedia: { accessTokenTtlSeconds: 60 } });
			const short = (await grant()).data;
			expect(short.expires_in).toBe(60);
			expect((await api('GET', `/v1/shop/fs/${FS}/shop-info`, undefined, short.access_token)).status).toBe(200);
			await ctl('POST', '/config', { clockOffsetSeconds: 61 });
			const expired = await api('GET', `/v1/shop/fs/${FS}/shop-info`, undefined, short.access_token);
			expectError(expired, 401, 'UNAUTHORIZED');
			expect(expired.data.header.reason).toMatch(/unauthorized/);
			expect((await api('GET', `/v1/shop/fs/${FS}/shop-info`)).status).toBe(200); // the long-lived token still works
			await ctl('POST', '/config', { clockOffsetSeconds: 0, tokopedia: { accessTokenTtlSeconds: 1209600 } });

			const victim = (await grant()).data.access_token;
			const ex = await ctl('POST', '/tokopedia/tokens/expire');
			expect(ex.data.expired).toBeGreaterThan(0);
			expectError(await api('GET', `/v1/shop/fs/${FS}/shop-info`, undefined, victim), 401, 'UNAUTHORIZED');
			token = (await grant()).data.access_token;
		});
	});

	describe('envelopes and quirks', () => {
		test('standard success / error envelopes; reason:"", error_code:0 on shop-info and logistic info', async () => {
			const ok = await api('GET', `/v1/shop/fs/${FS}/shop-info`);
			expect(ok.data.header).toEqual({ process_time: expect.any(Number), messages: 'Successfully get retrieved shop info data', reason: '', error_code: 0 });
			expect(ok.data.data.map((s: any) => s.shop_id).sort()).toEqual([...TOKOPEDIA_LINKED_SHOP_IDS].sort());
			expect(ok.data.data[0].warehouses.length).toBeGreaterThan(0);
			const one = await api('GET', `/v1/shop/fs/${FS}/shop-info?shop_id=${SHOP2}`);
			expect(one.data.data).toHaveLength(1);

			const lg = await api('GET', `/v2/logistic/fs/${FS}/info?shop_id=${SHOP}`);
			expect(lg.data.header).toMatchObject({ reason: '', error_code: 0 });
			expect(lg.data.data[0]).toMatchObject({ shipper_id: expect.any(Number), shipper_name: expect.any(String), services: expect.any(Array) });

			const err = await api('GET', `/v2/order/list?fs_id=${FS}&from_date=10&to_date=5&page=1&per_page=10`);
			expect(err.data.header.messages).toBe(MSG_4XX);
			expectError(err, 400, 'ORD_DLV_012');
		});

		test('capitalised keys: product info basic.Name / menu.Name / categoryTree[].Name; active-info Shops/ShopID; fs_id string in order list', async () => {
			const pi = await api('GET', `/inventory/v1/fs/${FS}/product/info?shop_id=${SHOP}&page=1&per_page=5`);
			expect(pi.status).toBe(200);
			expect(pi.data.data).toHaveLength(5);
			const p = pi.data.data[0];
			expect(p.basic).toMatchObject({ productID: expect.any(Number), shopID: SHOP, Name: expect.any(String) });
			expect(p.menu).toHaveProperty('Name');
			expect(p.categoryTree[0]).toHaveProperty('Name');
			expect(p.other.sku).toBeTruthy();

			const byId = await api('GET', `/inventory/v1/fs/${FS}/product/info?product=${p.basic.productID}`);
			expect(byId.data.data[0].basic.productID).toBe(p.basic.productID);
			const bySku = await api('GET', `/inventory/v1/fs/${FS}/product/info?sku=${encodeURIComponent(p.other.sku)}`);
			expect(bySku.data.data[0].basic.productID).toBe(p.basic.productID);
			expectError(await api('GET', `/inventory/v1/fs/${FS}/product/info?shop_id=${SHOP}`), 400, 'PRD_DLV_005');

			const ai = await api('GET', `/v1/logistic/fs/${FS}/active-info?shop_id=${SHOP}`);
			expect(ai.data.data.Shops[0]).toMatchObject({ ShopID: SHOP, ShipmentInfos: expect.any(Array) });
			expect(ai.data.data.Shops[0].ShipmentInfos[0].ShipmentPackages[0]).toHaveProperty('ShippingProductID');

			const cat = await api('GET', `/inventory/v1/fs/${FS}/product/category`);
			expect(typeof cat.data.data.categories[0].id).toBe('string');
			expect(cat.data.data.categories[0]).toHaveProperty('child');

			const parent = sbx.tokopedia.state.productsByShop.get(SHOP)!.find((x) => x.children.length)!;
			const v = await api('GET', `/inventory/v1/fs/${FS}/product/variant/${parent.product_id}`);
			expect(v.data.data.parent_id).toBe(parent.product_id);
			expect(v.data.data.children).toHaveLength(parent.children.length);

			const et = await api('GET', `/inventory/v1/fs/${FS}/product/etalase?shop_id=${SHOP}`);
			expect(et.data.data.etalase[0]).toMatchObject({ etalase_id: expect.any(Number), etalase_name: expect.any(String) });
			const sc = await api('GET', `/v1/showcase/fs/${FS}/get?shop_id=${SHOP}&page=1&page_count=2`);
			expect(sc.data.data.showcase).toHaveLength(2);
			expect(sc.data.data.next_link).not.toBe('');
		});

		test('webhooks: old envelope; register replaces the whole set; secret returned in clear', async () => {
			const reg = await api('POST', `/v1/fs/${FS}/register`, {
				fs_id: FS,
				order_notification_url: 'http://example.test/n',
				order_status_url: 'http://example.test/s',
				webhook_secret: 's3cret',
			});
			expect(reg.status).toBe(200);
			expect(reg.data).toEqual({ data: 'success', status: '200 Ok', error_message: [] });
			const reg2 = await api('POST', `/v1/fs/${FS}/register`, { order_status_url: 'http://example.test/s2', webhook_secret: 'other' });
			expect(reg2.data.data).toBe('success');
			const list = await api('GET', `/v1/fs/${FS}`);
			expect(list.data).toMatchObject({ status: '200 Ok', error_message: [] });
			expect(list.data.data).toMatchObject({ fs_id: FS, order_notification_url: '', order_status_url: 'http://example.test/s2', webhook_secret: 'other' });
			const bad = await api('POST', `/v1/fs/${FS}/register`, { order_status_url: 'not a url' });
			expect(bad.status).toBe(400);
			expect(bad.data).toMatchObject({ data: null, status: '400 Bad Request' });
		});
	});

	describe('RBAC', () => {
		test('shop not linked to the fs_id → 403 RBAC_MDLW_001 on any endpoint; foreign fs_id in path → 403', async () => {
			const U = TOKOPEDIA_UNLINKED_SHOP_ID;
			const now = Math.floor(Date.now() / 1000);
			expectError(await api('GET', `/v1/shop/fs/${FS}/shop-info?shop_id=${U}`), 403, 'RBAC_MDLW_001');
			expectError(await api('GET', `/inventory/v1/fs/${FS}/product/info?shop_id=${U}&page=1&per_page=5`), 403, 'RBAC_MDLW_001');
			expectError(await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${U}`, [{ sku: 'X', new_stock: 1 }]), 403, 'RBAC_MDLW_001');
			expectError(await api('GET', `/v2/order/list?fs_id=${FS}&shop_id=${U}&from_date=${now - 3600}&to_date=${now}&page=1&per_page=10`), 403, 'RBAC_MDLW_001');
			const foreignOrder = sbx.tokopedia.state.ordersByShop.get(U)![0];
			expectError(await api('GET', `/v2/fs/${FS}/order?order_id=${foreignOrder.order_id}`), 403, 'RBAC_MDLW_001');
			expectError(await api('GET', `/v1/shop/fs/99999/shop-info`), 403, 'RBAC_MDLW_001');
			expectError(await api('GET', `/v2/order/list?fs_id=99999&from_date=${now - 3600}&to_date=${now}&page=1&per_page=10`), 403, 'RBAC_MDLW_001');
			const wrongWh = TOKOPEDIA_WAREHOUSES[SHOP2][0];
			expectError(await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${SHOP}&warehouse_id=${wrongWh}`, [{ sku: 'X', new_stock: 1 }]), 403, 'RBAC_MDLW_001');
		});
	});

	describe('orders', () => {
		const list = (q: string) => api('GET', `/v2/order/list?fs_id=${FS}&${q}`);

		test('window must be < 3 days (exactly 259200 s → ORD_DLV_013); paging/per_page/shop+warehouse validation', async () => {
			const to = Math.floor(Date.now() / 1000);
			const r = await list(`from_date=${to - 259200}&to_date=${to}&page=1&per_page=10`);
			expectError(r, 400, 'ORD_DLV_013');
			expect(r.data.header.reason).toBe('Date Range must be less than 3 days');
			expect((await list(`from_date=${to - 259199}&to_date=${to}&page=1&per_page=10`)).status).toBe(200);
			expectError(await list(`from_date=${to - 3600}&to_date=${to}&per_page=10`), 400, 'ORD_DLV_014');
			expectError(await list(`from_date=${to - 3600}&to_date=${to}&page=0&per_page=10`), 400, 'ORD_DLV_015');
			expectError(await list(`from_date=${to - 3600}&to_date=${to}&page=1`), 400, 'ORD_DLV_016');
			expectError(await list(`from_date=${to - 3600}&to_date=${to}&page=1&per_page=101`), 400, 'ORD_DLV_017');
			expectError(await list(`to_date=${to}&page=1&per_page=10`), 400, 'ORD_DLV_009');
			expectError(await list(`from_date=${to - 3600}&to_date=${to}&page=1&per_page=10&shop_id=${SHOP}&warehouse_id=${TOKOPEDIA_WAREHOUSES[SHOP][0]}`), 400, 'ORD_DLV_008');
			expectError(await api('GET', `/v2/order/list?from_date=${to - 3600}&to_date=${to}&page=1&per_page=10`), 400, 'ORD_DLV_001');
		});

		test('pagination until data is [] returns every paid order in the window exactly once, create_time ascending', async () => {
			const to = Math.floor(Date.now() / 1000);
			const from = to - 259199;
			const seen: any[] = [];
			for (let page = 1; page < 50; page++) {
				const r = await list(`from_date=${from}&to_date=${to}&page=${page}&per_page=40&shop_id=${SHOP}`);
				expect(r.status).toBe(200);
				if (!r.data.data.length) {
					expect(r.data.data).toEqual([]);
					break;
				}
				seen.push(...r.data.data);
			}
			const expected = sbx.tokopedia.state.ordersByShop.get(SHOP)!.filter((o) => o.paid_at !== null && o.create_time >= from && o.create_time <= to);
			expect(seen.length).toBe(expected.length);
			expect(seen.length).toBeGreaterThan(40);
			expect(new Set(seen.map((o) => o.order_id)).size).toBe(seen.length);
			for (let i = 1; i < seen.length; i++) expect(seen[i].create_time).toBeGreaterThanOrEqual(seen[i - 1].create_time);
			expect(seen.every((o) => o.order_status >= 220 || [0, 10, 15].includes(o.order_status))).toBe(true);
			const item = seen[0];
			expect(item.fs_id).toBe(String(FS));
			expect(item).toMatchObject({ shop_id: SHOP, invoice_ref_num: expect.stringMatching(/^INV\//), products: expect.any(Array), recipient: { address: expect.any(Object) }, amt: expect.any(Object), logistics: expect.any(Object) });
			// status filter + warehouse filter
			const wh = TOKOPEDIA_WAREHOUSES[SHOP][1];
			const byWh = await list(`from_date=${from}&to_date=${to}&page=1&per_page=100&warehouse_id=${wh}`);
			expect(byWh.data.data.every((o: any) => o.warehouse_id === wh)).toBe(true);
			const byStatus = await list(`from_date=${from}&to_date=${to}&page=1&per_page=100&status=220`);
			expect(byStatus.data.data.every((o: any) => o.order_status === 220)).toBe(true);
		});

		test('single order by order_id / invoice_num (RFC3339 times); both/neither/not found errors', async () => {
			const o = sbx.tokopedia.state.ordersByShop.get(SHOP)!.find((x) => x.status === 700)!;
			const a = await api('GET', `/v2/fs/${FS}/order?order_id=${o.order_id}`);
			expect(a.data.data).toMatchObject({ order_id: o.order_id, invoice_number: o.invoice, order_status: 700 });
			expect(a.data.data.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
			expect(a.data.data.order_info.order_detail[0]).toHaveProperty('order_detail_id');
			expect(a.data.data.order_info.shipping_info.awb).toBeTruthy();
			const b = await api('GET', `/v2/fs/${FS}/order?invoice_num=${encodeURIComponent(o.invoice)}`);
			expect(b.data.data.order_id).toBe(o.order_id);
			expectError(await api('GET', `/v2/fs/${FS}/order`), 400, 'ORD_DLV_003');
			expectError(await api('GET', `/v2/fs/${FS}/order?order_id=1&invoice_num=x`), 400, 'ORD_DLV_004');
			expectError(await api('GET', `/v2/fs/${FS}/order?order_id=1`), 400, 'ORD_API_008');
		});

		test('ack: full accept → 400; partial accept records products_fulfilled and returns rejected quantity to stock; second ack → ORD_USC_001', async () => {
			const [sku] = stockedSkus(10);
			const before = (await rawProduct(sku)).total_stock;
			const o = await newOrder([{ sku, quantity: 3 }]);
			expect(o.status).toBe(220);
			expect((await rawProduct(sku)).total_stock).toBe(before - 3);
			const pid = o.items[0].product_id;
			const r = await api('POST', `/v1/order/${o.order_id}/fs/${FS}/ack`, { products: [{ product_id: pid, quantity_deliver: 1, quantity_reject: 2 }] });
			expect(r.status).toBe(200);
			expect(r.data.data).toBe('success');
			const raw = (await ctl('GET', `/tokopedia/orders/${o.order_id}`)).data;
			expect(raw.status).toBe(400);
			expect(raw.accept_partial).toBe(true);
			expect(raw.products_fulfilled).toEqual([{ product_id: pid, quantity_deliver: 1, quantity_reject: 2 }]);
			expect((await rawProduct(sku)).total_stock).toBe(before - 1);
			expectError(await api('POST', `/v1/order/${o.order_id}/fs/${FS}/ack`), 400, 'ORD_USC_001');

			const o2 = await newOrder([{ sku, quantity: 1 }]);
			expect((await api('POST', `/v1/order/${o2.order_id}/fs/${FS}/ack`)).data.data).toBe('success');
			const single = await api('GET', `/v2/fs/${FS}/order?order_id=${o2.order_id}`);
			expect(single.data.data.order_status).toBe(400);
			expectError(await api('POST', `/v1/order/${o2.order_id}/fs/${FS}/ack`, { products: [{ product_id: 1, quantity_deliver: 1, quantity_reject: 0 }] }), 400, 'ORD_USC_001');
		});

		test('nack validation per reason code; valid nack → 10 and stock returned', async () => {
			const [sku] = stockedSkus(5);
			const o = await newOrder([{ sku, quantity: 2 }]);
			const nack = (b: unknown) => api('POST', `/v1/order/${o.order_id}/fs/${FS}/nack`, b);
			expectError(await nack({}), 400, 'ORD_DLV_020');
			expectError(await nack({ reason_code: 6, reason: 'x' }), 400, 'ORD_DLV_020');
			for (const code of [0, 7, 8]) expectError(await nack({ reason_code: code }), 400, 'ORD_USC_009');
			expectError(await nack({ reason_code: 4, shop_close_note: 'libur' }), 400, 'ORD_USC_012');
			expectError(await nack({ reason_code: 4, shop_close_end_date: '2030-01-01', shop_close_note: 'libur' }), 400, 'ORD_USC_012');
			expectError(await nack({ reason_code: 4, shop_close_end_date: '17/05/2030' }), 400, 'ORD_USC_013');
			const before = (await rawProduct(sku)).total_stock;
			const ok = await nack({ reason_code: 1, reason: 'out of stock', empty_products: [o.items[0].product_id] });
			expect(ok.status).toBe(200);
			expect(ok.data.data).toBe('success');
			expect((await ctl('GET', `/tokopedia/orders/${o.order_id}`)).data.status).toBe(10);
			expect((await rawProduct(sku)).total_stock).toBe(before + 2);
			expectError(await nack({ reason_code: 5 }), 400, 'ORD_USC_008');

			const o4 = await newOrder([{ sku, quantity: 1 }]);
			const closed = await api('POST', `/v1/order/${o4.order_id}/fs/${FS}/nack`, { reason_code: 4, reason: '', shop_close_end_date: '17/05/2030', shop_close_note: 'libur' });
			expect(closed.data.data).toBe('success');
		});

		test('pickup (400 → 450), confirm shipping (AWB required, 400/450 → 500, data "Success")', async () => {
			const [sku] = stockedSkus(5);
			const o = await newOrder([{ sku, quantity: 1 }]);
			const ship = (b: unknown) => api('POST', `/v1/order/${o.order_id}/fs/${FS}/status`, b);
			const pickup = () => api('POST', `/inventory/v1/fs/${FS}/pick-up`, { order_id: o.order_id, shop_id: SHOP });
			expectError(await ship({ order_status: 500, shipping_ref_num: 'RESI1' }), 400, 'LGS_USC_006');
			expectError(await pickup(), 400, 'ORD_USC_017');
			await api('POST', `/v1/order/${o.order_id}/fs/${FS}/ack`);
			expectError(await pickup(), 400, 'ORD_USC_025'); // ≥ 5 s after ACK (reference O3)
			await ctl('POST', '/config', { tokopedia: { pickupAfterAckSeconds: 0 } });
			const pu = await pickup();
			await ctl('POST', '/config', { tokopedia: { pickupAfterAckSeconds: 5 } });
			expect(pu.status).toBe(200);
			expect(pu.data.data).toEqual({ order_id: o.order_id, shop_id: SHOP, request_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), result: 'Terima kasih telah melakukan pengiriman.' });
			expect((await ctl('GET', `/tokopedia/orders/${o.order_id}`)).data.status).toBe(450);
			expectError(await ship({ order_status: 500 }), 400, 'ORD_DLV_021');
			expectError(await ship({ order_status: 600, shipping_ref_num: 'X' }), 400, 'ORD_DLV_023');
			const ok = await ship({ order_status: 500, shipping_ref_num: 'RESIM4NT413' });
			expect(ok.data.data).toBe('Success');
			const single = await api('GET', `/v2/fs/${FS}/order?order_id=${o.order_id}`);
			expect(single.data.data.order_status).toBe(500);
			expect(single.data.data.order_info.shipping_info.awb).toBe('RESIM4NT413');

			// direct 400 → 500 also allowed
			const o2 = await newOrder([{ sku, quantity: 1 }], 400);
			expect((await api('POST', `/v1/order/${o2.order_id}/fs/${FS}/status`, { order_status: 500, shipping_ref_num: 'R2' })).data.data).toBe('Success');
		});

		test('shipping label: HTML from status 400 with invoice, order id, courier, booking code; printed flag', async () => {
			const [sku] = stockedSkus(5);
			const o = await newOrder([{ sku, quantity: 1 }]);
			expectError(await api('GET', `/v1/order/${o.order_id}/fs/${FS}/shipping-label`), 400, 'ORD_API_008');
			await api('POST', `/v1/order/${o.order_id}/fs/${FS}/ack`);
			const peek = await api('GET', `/v1/order/${o.order_id}/fs/${FS}/shipping-label?printed=0`);
			expect(peek.status).toBe(200);
			expect(peek.headers['content-type']).toMatch(/^text\/html/);
			const raw = (await ctl('GET', `/tokopedia/orders/${o.order_id}`)).data;
			expect(raw.printed).toBe(false);
			expect(peek.data).toContain(raw.invoice);
			expect(peek.data).toContain(String(o.order_id));
			expect(peek.data).toContain(raw.logistics.shipping_agency.replace('&', '&amp;'));
			expect(raw.booking_code).toBeTruthy();
			expect(peek.data).toContain(raw.booking_code);
			await api('GET', `/v1/order/${o.order_id}/fs/${FS}/shipping-label`);
			expect((await ctl('GET', `/tokopedia/orders/${o.order_id}`)).data).toMatchObject({ printed: true, print_count: 1 });
		});

		test('reject-cancel only after a buyer cancellation request; POF request', async () => {
			const [sku] = stockedSkus(5);
			const o = await newOrder([{ sku, quantity: 1 }], 400);
			const rc = () => api('POST', `/v1/order/${o.order_id}/fs/${FS}/reject-cancel?shop_id=${SHOP}`);
			expectError(await rc(), 400, 'ORD_USC_019');
			await ctl('POST', `/tokopedia/orders/${o.order_id}/advance`, { buyer_cancel_request: true });
			const ok = await rc();
			expect(ok.data.data).toEqual({ success: true });
			expectError(await rc(), 400, 'ORD_USC_019');

			const p = await newOrder([{ sku, quantity: 3 }]);
			const detail = p.items[0].order_detail_id;
			const pof = await api('POST', `/v1/order/${p.order_id}/fs/${FS}/pof/request`, { pof_detail: [{ order_dtl_id: detail, quantity_request: 2 }] });
			expect(pof.data.data).toEqual({ success: true });
			expectError(await api('POST', `/v1/order/${p.order_id}/fs/${FS}/pof/request`, { pof_detail: [{ order_dtl_id: 1, quantity_request: 1 }] }), 400, 'ORD_API_013');
		});

		test('control: advance to 600 / 700', async () => {
			const [sku] = stockedSkus(5);
			const o = await newOrder([{ sku, quantity: 1 }], 500);
			expect((await ctl('POST', `/tokopedia/orders/${o.order_id}/advance`, {})).data.status).toBe(600);
			const done = (await ctl('POST', `/tokopedia/orders/${o.order_id}/advance`, { to: 700 })).data;
			expect(done.status).toBe(700);
			expect(done.history.map((h: any) => h.status)).toEqual([100, 220, 400, 450, 500, 600, 700]);
			expect((await ctl('POST', `/tokopedia/orders/${o.order_id}/advance`, {})).status).toBe(409);
		});
	});

	describe('products and stock', () => {
		const stockUpdate = '/inventory/v1/fs/{fs_id}/stock/update';

		test('bulk stock update: rows beyond the quota fail individually with ERR_TOO_MANY_REQUEST (not applied); invalid SKU rows; then 429', async () => {
			await ctl('POST', '/config', { routes: { [`POST ${stockUpdate}`]: { qps: 0.001, burst: 5 } } });
			try {
				const skus = stockedSkus(1).slice(0, 7);
				const rows = [
					{ sku: skus[0], new_stock: 11 },
					{ sku: 'NO-SUCH-SKU', new_stock: 12 },
					{ product_id: 1, new_stock: 13 },
					{ sku: skus[1], product_id: 1, new_stock: 14 }, // sku wins over product_id
					{ sku: skus[2], new_stock: 15 },
					{ sku: skus[3], new_stock: 16 },
					{ sku: skus[4], new_stock: 17 },
				];
				const before5 = (await rawProduct(skus[3])).stock;
				const r = await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${SHOP}`, rows);
				expect(r.status).toBe(200);
				expect(r.headers['x-ratelimit-limit']).toBe('0.001 req/s (burst 5)');
				expect(r.headers['x-ratelimit-remaining']).toBe('0');
				expect(r.headers).toHaveProperty('x-ratelimit-reset-after');
				expect(r.headers).toHaveProperty('x-ratelimit-full-reset-after');
				const d = r.data.data;
				expect(d).toMatchObject({ total_data: 7, succeed_rows: 3, failed_rows: 4 });
				expect(d.failed_rows_data.map((f: any) => f.message)).toEqual(['Invalid SKU.', 'Invalid Product ID.', 'ERR_TOO_MANY_REQUEST', 'ERR_TOO_MANY_REQUEST']);
				expect(d.failed_rows_data[2]).toMatchObject({ sku: skus[3], new_stock: 16, product_url: '' });
				expect(d.succeed_rows_data[0]).toMatchObject({ productID: expect.any(Number), warehouseID: TOKOPEDIA_WAREHOUSES[SHOP][0], shopID: SHOP, stock: 11, price: expect.any(Number) });
				const wh = TOKOPEDIA_WAREHOUSES[SHOP][0];
				expect((await rawProduct(skus[0])).stock[wh]).toBe(11);
				expect((await rawProduct(skus[1])).stock[wh]).toBe(14);
				expect((await rawProduct(skus[3])).stock).toEqual(before5); // throttled → not applied
				const again = await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${SHOP}`, [{ sku: skus[5], new_stock: 1 }]);
				expectError(again, 429, 'ERR_TOO_MANY_REQUEST');
				expect(again.headers['x-ratelimit-remaining']).toBe('0');
				expect(Number(again.headers['x-ratelimit-reset-after'])).toBeGreaterThan(0);
				expect((await ctl('GET', '/stats')).data.tokopedia.throttledBulkRows).toBeGreaterThanOrEqual(2);
			} finally {
				await ctl('POST', '/config', { routes: { [`POST ${stockUpdate}`]: null } });
			}
			// warehouse_id targets the second warehouse; > 100 rows → PRD_DLV_018
			const [sku] = stockedSkus(1);
			const wh2 = TOKOPEDIA_WAREHOUSES[SHOP][1];
			const r2 = await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${SHOP}&warehouse_id=${wh2}`, [{ sku, new_stock: 42 }]);
			expect(r2.data.data.succeed_rows_data[0].warehouseID).toBe(wh2);
			expect((await rawProduct(sku)).stock[wh2]).toBe(42);
			const many = Array.from({ length: 101 }, () => ({ sku, new_stock: 1 }));
			expectError(await api('POST', `/inventory/v1/fs/${FS}/stock/update?shop_id=${SHOP}`, many), 400, 'PRD_DLV_018');
		});

		test('plain route rate limit → 429 with X-Ratelimit-* headers', async () => {
			const key = 'GET /v1/showcase/fs/{fs_id}/get';
			await ctl('POST', '/config', { routes: { [key]: { qps: 0.001, burst: 2 } } });
			try {
				const call = () => api('GET', `/v1/showcase/fs/${FS}/get?shop_id=${SHOP}`);
				const a = await call();
				expect(a.status).toBe(200);
				expect(a.headers['x-ratelimit-remaining']).toBe('1');
				expect(a.headers['x-ratelimit-reset-after']).toBe('-0.000000');
				expect((await call()).status).toBe(200);
				const c = await call();
				expectError(c, 429, 'ERR_TOO_MANY_REQUEST');
				expect(c.headers['x-ratelimit-limit']).toBe('0.001 req/s (burst 2)');
			} finally {
				await ctl('POST', '/config', { routes: { [key]: null } });
			}
		});

		test('shared traffic config: injected fault → 5xx envelope; per-route latency', async () => {
			const key = 'GET /v1/shop/fs/{fs_id}/shop-info';
			await ctl('POST', '/config', { routes: { [key]: { fault: { status: 503, count: 1 }, latencyMs: 120 } } });
			try {
				const t0 = Date.now();
				const f = await api('GET', `/v1/shop/fs/${FS}/shop-info`);
				expectError(f, 503, 'SERVICE_UNAVAILABLE');
				expect(f.data.header.messages).toBe('Our server encounters an error, please try again later');
				expect((await api('GET', `/v1/shop/fs/${FS}/shop-info`)).status).toBe(200);
				expect(Date.now() - t0).toBeGreaterThanOrEqual(230);
			} finally {
				await ctl('POST', '/config', { routes: { [key]: null } });
			}
			const cfg = (await ctl('GET', '/config')).data;
			expect(cfg.tokopedia).toEqual({ accessTokenTtlSeconds: 1209600, defaultQps: 1000, defaultBurst: 1000, pickupAfterAckSeconds: 5 });
		});

		test('a page-scoped fault fails only that page of the route, and only those requests use up its count', async () => {
			const key = 'GET /v2/order/list';
			const now = Math.floor(Date.now() / 1000);
			const list = (page: number) => api('GET', `/v2/order/list?fs_id=${FS}&from_date=${now - 86400}&to_date=${now}&page=${page}&per_page=1&shop_id=${SHOP}`);
			await ctl('POST', '/config', { routes: { [key]: { fault: { status: 500, count: 2, page: 2 } } } });
			try {
				expect((await list(1)).status).toBe(200);
				expectError(await list(2), 500, 'INTERNAL_SERVER_ERROR');
				expect((await list(3)).status).toBe(200);
				expectError(await list(2), 500, 'INTERNAL_SERVER_ERROR');
				expect((await list(2)).status).toBe(200);
			} finally {
				await ctl('POST', '/config', { routes: { [key]: null } });
			}
		});

		test('increment/decrement (v1 and v2) with request_id: a replay is not applied again and returns the first result', async () => {
			const [a, b] = stockedSkus(3);
			const wh = TOKOPEDIA_WAREHOUSES[SHOP][0];
			const sa = (await rawProduct(a)).stock[wh];
			const sb = (await rawProduct(b)).stock[wh];
			const rows = [
				{ sku: a, stock_value: 5 },
				{ sku: b, stock_value: 2 },
				{ sku: 'NOPE', stock_value: 1 },
			];
			const first = await api('POST', `/inventory/v1/fs/${FS}/stock/increment?shop_id=${SHOP}&request_id=inc-001`, rows);
			expect(first.data.data).toMatchObject({ total_data: 3, succeed_rows: 2, failed_rows: 1 });
			const replay = await api('POST', `/inventory/v2/fs/${FS}/stock/increment?shop_id=${SHOP}&request_id=inc-001`, rows);
			expect(replay.status).toBe(200);
			expect(replay.data.data).toEqual(first.data.data);
			expect((await rawProduct(a)).stock[wh]).toBe(sa + 5);
			const entries = (await ctl('GET', `/tokopedia/stock-log?shop_id=${SHOP}&request_id=inc-001`)).data.entries;
			expect(entries).toHaveLength(2);
			expect(entries.map((e: any) => e.op)).toEqual(['increment', 'increment']);

			const dec = await api('POST', `/inventory/v2/fs/${FS}/stock/decrement?shop_id=${SHOP}&request_id=dec_001`, [
				{ sku: b, stock_value: 1 },
				{ sku: a, stock_value: 1_000_000 - 1 },
			]);
			expect(dec.data.data).toMatchObject({ succeed_rows: 1, failed_rows: 1 });
			expect(dec.data.data.failed_rows_data[0]).toMatchObject({ sku: a, stock_value: 999999, message: 'Stock is not enough.' });
			expect((await rawProduct(b)).stock[wh]).toBe(sb + 2 - 1);
			expect((await rawProduct(a)).stock[wh]).toBe(sa + 5);
			// same request_id reused on another endpoint of the same fs/shop is also a replay
			const dup = await api('POST', `/inventory/v1/fs/${FS}/stock/decrement?shop_id=${SHOP}&request_id=inc-001`, [{ sku: b, stock_value: 1 }]);
			expect(dup.data.data).toEqual(first.data.data);
			expect((await rawProduct(b)).stock[wh]).toBe(sb + 1);
			expectError(await api('POST', `/inventory/v1/fs/${FS}/stock/increment?shop_id=${SHOP}&request_id=${'x'.repeat(21)}`, rows), 400, 'PRD_DLV_042');
		});

		test('price update; set active/inactive (≤25, per-row string failures); delete', async () => {
			const [sku] = stockedSkus(1);
			const pr = await api('POST', `/inventory/v1/fs/${FS}/price/update?shop_id=${SHOP}`, [
				{ sku, new_price: 12000 },
				{ sku, new_price: 5 },
			]);
			expect(pr.data.data).toMatchObject({ succeed_rows: 1, failed_rows: 1 });
			expect(pr.data.data.failed_rows_data[0]).toMatchObject({ new_price: 5, message: 'Invalid price value.' });
			expect((await rawProduct(sku)).price).toBe(12000);

			const pid = (await rawProduct(sku)).product_id;
			const tooMany = Array.from({ length: 26 }, (_, i) => pid + i);
			expectError(await api('POST', `/v1/products/fs/${FS}/active?shop_id=${SHOP}`, { product_id: tooMany }), 400, 'PRD_DLV_018');
			const inact = await api('POST', `/v1/products/fs/${FS}/inactive?shop_id=${SHOP}`, { product_id: [pid, 123] });
			expect(inact.data.data).toEqual({
				total_data: 2,
				succeed_rows: 1,
				failed_rows: 1,
				failed_rows_data: ['Error Product ID [123] : There are some problem when retrieve product info'],
			});
			expect((await rawProduct(sku)).status).toBe(3);
			const act = await api('POST', `/v1/products/fs/${FS}/active?shop_id=${SHOP}`, { product_id: [pid] });
			expect(act.data.data).toEqual({ total_data: 1, succeed_rows: 1, failed_rows: 0, failed_rows_data: null });
			expect((await rawProduct(sku)).status).toBe(1);
		});

		test('create (validation, failed_rows_data) / edit / delete', async () => {
			const good = { name: 'Kaos Sandbox Test', category_id: 1808, price_currency: 'IDR', price: 50000, status: 'LIMITED', min_order: 1, weight: 200, weight_unit: 'GR', condition: 'NEW', stock: 7, sku: 'TEST-NEW-1' };
			const r = await api('POST', `/v3/products/fs/${FS}/create?shop_id=${SHOP}`, {
				products: [good, { ...good, name: 'x'.repeat(71), sku: 'TEST-NEW-2', price: 50 }],
			});
			expect(r.status).toBe(200);
			expect(r.data.data).toMatchObject({ total_data: 2, success_data: 1, fail_data: 1 });
			expect(r.data.data.failed_rows_data[0].error).toEqual(expect.arrayContaining([expect.stringMatching(/name/), expect.stringMatching(/price/)]));
			const id = r.data.data.success_rows_data[0].product_id;
			expect((await rawProduct('TEST-NEW-1')).total_stock).toBe(7);
			const ed = await api('PATCH', `/v3/products/fs/${FS}/edit?shop_id=${SHOP}`, { products: [{ id, sku: 'TEST-NEW-1', status: 'LIMITED', price: 65000 }, { id: 1, sku: 'x', status: 'LIMITED' }] });
			expect(ed.data.data).toMatchObject({ success_data: 1, fail_data: 1, success_rows_data: [{ product_id: id, product_sku: 'TEST-NEW-1' }] });
			expect((await rawProduct('TEST-NEW-1')).price).toBe(65000);
			const del = await api('POST', `/v3/products/fs/${FS}/delete?shop_id=${SHOP}`, { product_id: [id] });
			expect(del.data.data).toMatchObject({ succeed_rows: 1, failed_rows: 0 });
			const info = await api('GET', `/inventory/v1/fs/${FS}/product/info?product_id=${id}`);
			expect(info.data.data).toEqual([]);
		});
	});
});
