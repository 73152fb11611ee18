import type { Sandbox } from '../../../sandbox/server';
import { ctl, setup, TtsClient } from './helpers';

describe('sandbox: TikTok Shop buyer cancellations, returns, promotions', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];

	beforeAll(async () => {
		({ sbx, client, shops } = await setup());
	});
	afterAll(() => sbx.close());

	const stockOf = (sellerSku: string, wh: string) => {
		const ref = sbx.tikTokShop.state.skuBySellerSku.get(shops[0].id)!.get(sellerSku)!;
		return ref.sku.inventory.find((i) => i.warehouse_id === wh)?.quantity ?? 0;
	};

	test('cancellations/search: seeded pending buyer requests, filters, pagination', async () => {
		const r = await client.call('POST', '/return_refund/202309/cancellations/search', {
			query: { page_size: 50 },
			body: { cancel_status: ['CANCELLATION_REQUEST_PENDING'], cancel_types: ['BUYER_CANCEL'] },
		});
		expect(r.data.code).toBe(0);
		expect(r.data.data.total_count).toBeGreaterThan(0);
		const c0 = r.data.data.cancellations[0];
		expect(c0).toMatchObject({ role: 'BUYER', cancel_type: 'BUYER_CANCEL', cancel_status: 'CANCELLATION_REQUEST_PENDING', refund_amount: { currency: 'IDR' } });
		expect(c0.seller_next_action_response[0]).toMatchObject({ action: 'SELLER_RESPOND_CANCEL', deadline: expect.any(Number) });
		expect(c0.cancel_line_items[0]).toMatchObject({ order_line_item_id: expect.any(String), seller_sku: expect.any(String) });
		const p1 = await client.call('POST', '/return_refund/202309/cancellations/search', { query: { page_size: 1 }, body: {} });
		expect(p1.data.data.cancellations).toHaveLength(1);
		expect(p1.data.data.next_page_token).toBeTruthy();
		expect((await client.call('POST', '/return_refund/202309/cancellations/search', { query: { page_size: 51 }, body: {} })).data.code).toBe(36009004);
		expect((await client.call('POST', '/return_refund/202309/cancellations/search', { body: { cancel_status: ['NOPE'] } })).data.code).toBe(36009004);
	});

	test('approve with idempotency_key: replay returns the first result and acts once; non-pending without key → error', async () => {
		const created = await ctl(sbx.url, 'POST', '/tiktokshop/cancellations', {});
		expect(created.status).toBe(201);
		const cancelId = created.data.cancellation.cancel_id;
		const orderId = created.data.order_id;
		const order = sbx.tikTokShop.state.orders.get(orderId)!;
		const li = order.line_items[0];
		const before = stockOf(li.seller_sku, order.warehouse_id);
		const units = order.line_items.filter((l) => l.sku_id === li.sku_id).length;
		expect(order.is_buyer_request_cancel).toBe(true);

		const path = `/return_refund/202309/cancellations/${cancelId}/approve`;
		const first = await client.call('POST', path, { query: { idempotency_key: 'approve-key-1' } });
		expect(first.data).toMatchObject({ code: 0, data: {} });
		expect(order.status).toBe('CANCELLED');
		expect(stockOf(li.seller_sku, order.warehouse_id)).toBe(before + units);
		const replay = await client.call('POST', path, { query: { idempotency_key: 'approve-key-1' } });
		expect(replay.data).toMatchObject({ code: 0, data: {} });
		expect(stockOf(li.seller_sku, order.warehouse_id)).toBe(before + units); // not restored twice
		const view = (await ctl(sbx.url, 'GET', `/tiktokshop/cancellations?order_id=${orderId}`)).data.cancellations;
		expect(view).toHaveLength(1); // the same record completed, no second one
		expect(view[0]).toMatchObject({ cancel_id: cancelId, cancel_status: 'CANCELLATION_REQUEST_COMPLETE' });

		const again = await client.call('POST', path, {});
		expect([again.status, again.data.code]).toEqual([200, 24001002]);
		const otherReq = await client.call('POST', `/return_refund/202309/cancellations/${cancelId}/reject`, {
			query: { idempotency_key: 'approve-key-1' },
			body: { reject_reason: 'seller_reject_apply_product_has_been_packed' },
		});
		expect(otherReq.data.code).toBe(24001003);
		expect((await client.call('POST', path, { query: { idempotency_key: 'x'.repeat(256) } })).data.code).toBe(36009004);
		expect((await client.call('POST', '/return_refund/202309/cancellations/4589999999999999999/approve', {})).data.code).toBe(24001001);
	});

	test('reject: CANCELLATION_REQUEST_CANCEL, order stays AWAITING_SHIPMENT; replayed reject is not an error', async () => {
		const created = await ctl(sbx.url, 'POST', '/tiktokshop/cancellations', {});
		const cancelId = created.data.cancellation.cancel_id;
		const order = sbx.tikTokShop.state.orders.get(created.data.order_id)!;
		const path = `/return_refund/202309/cancellations/${cancelId}/reject`;
		const body = { reject_reason: 'seller_reject_apply_product_has_been_packed', comment: 'Sudah dikemas' };
		expect((await client.call('POST', path, { query: { idempotency_key: 'rej-1' }, body: { comment: 'no reason' } })).data.code).toBe(36009004);
		const r1 = await client.call('POST', path, { query: { idempotency_key: 'rej-1' }, body });
		expect(r1.data.code).toBe(0);
		expect(order.status).toBe('AWAITING_SHIPMENT');
		expect(order.is_buyer_request_cancel).toBe(false);
		expect((await client.call('POST', path, { query: { idempotency_key: 'rej-1' }, body })).data.code).toBe(0);
		expect((await client.call('POST', path, { query: { idempotency_key: 'rej-2' }, body })).data.code).toBe(24001002);
		const s = await client.call('POST', '/return_refund/202309/cancellations/search', { query: { page_size: 5 }, body: { cancel_ids: [cancelId] } });
		expect(s.data.data.cancellations[0].cancel_status).toBe('CANCELLATION_REQUEST_CANCEL');
		// buyer request on a shipped order is refused by the control API
		const shipped = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', { status: 'IN_TRANSIT' })).data.orders[0].order;
		expect((await ctl(sbx.url, 'POST', '/tiktokshop/cancellations', { order_id: shipped.id })).status).toBe(409);
	});

	test('returns: search, APPROVE_RETURN → AWAITING_BUYER_SHIP → buyer ships → APPROVE_RECEIVED_PACKAGE → COMPLETE; reject + replay', async () => {
		const seeded = await client.call('POST', '/return_refund/202309/returns/search', { query: { page_size: 50 }, body: {} });
		expect(seeded.data.code).toBe(0);
		expect(seeded.data.data.total_count).toBeGreaterThan(0);
		expect(seeded.data.data.return_orders[0]).toMatchObject({ return_id: expect.any(String), return_type: expect.stringMatching(/REFUND/), role: 'BUYER' });

		const created = await ctl(sbx.url, 'POST', '/tiktokshop/returns', { return_type: 'RETURN_AND_REFUND' });
		expect(created.status).toBe(201);
		const id = created.data.return.return_id;
		expect(created.data.return).toMatchObject({ return_status: 'RETURN_OR_REFUND_REQUEST_PENDING', seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN' }] });
		const base = `/return_refund/202309/returns/${id}`;
		expect((await client.call('POST', `${base}/approve`, { body: { decision: 'APPROVE_EVERYTHING' } })).data.code).toBe(36009004);
		expect((await client.call('POST', `${base}/approve`, { body: { decision: 'APPROVE_RECEIVED_PACKAGE' } })).data.code).toBe(24001002);
		const a1 = await client.call('POST', `${base}/approve`, { query: { idempotency_key: 'ret-a1' }, body: { decision: 'APPROVE_RETURN' } });
		expect(a1.data).toMatchObject({ code: 0, data: {} });
		expect((await client.call('POST', `${base}/approve`, { query: { idempotency_key: 'ret-a1' }, body: { decision: 'APPROVE_RETURN' } })).data.code).toBe(0);
		const find = async () => (await client.call('POST', '/return_refund/202309/returns/search', { query: { page_size: 10 }, body: { return_ids: [id] } })).data.data.return_orders[0];
		expect((await find()).return_status).toBe('AWAITING_BUYER_SHIP');
		expect((await ctl(sbx.url, 'POST', `/tiktokshop/returns/${id}/advance`, { to: 'BUYER_SHIPPED_ITEM' })).status).toBe(200);
		const shipped = await find();
		expect(shipped).toMatchObject({ return_status: 'BUYER_SHIPPED_ITEM', return_tracking_number: expect.any(String) });
		const done = await client.call('POST', `${base}/approve`, { body: { decision: 'APPROVE_RECEIVED_PACKAGE' } });
		expect(done.data.code).toBe(0);
		expect((await find()).return_status).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
		const history = (await ctl(sbx.url, 'GET', `/tiktokshop/returns?order_id=${created.data.order_id}`)).data.returns[0].history;
		expect(history.map((h: any) => h.status)).toEqual(['RETURN_OR_REFUND_REQUEST_PENDING', 'AWAITING_BUYER_SHIP', 'BUYER_SHIPPED_ITEM', 'RETURN_OR_REFUND_REQUEST_COMPLETE']);

		const refund = (await ctl(sbx.url, 'POST', '/tiktokshop/returns', { return_type: 'REFUND' })).data.return;
		const rej = { decision: 'REJECT_REFUND', reject_reason: 'seller_reject_apply_package_has_not_exceeded_estimated_delivery_time', comment: 'x' };
		const r1 = await client.call('POST', `/return_refund/202309/returns/${refund.return_id}/reject`, { query: { idempotency_key: 'ret-r1' }, body: rej });
		expect(r1.data.code).toBe(0);
		expect((await client.call('POST', `/return_refund/202309/returns/${refund.return_id}/reject`, { query: { idempotency_key: 'ret-r1' }, body: rej })).data.code).toBe(0);
		expect((await client.call('POST', `/return_refund/202309/returns/${refund.return_id}/reject`, { body: rej })).data.code).toBe(24001002);
		const byStatus = await client.call('POST', '/return_refund/202309/returns/search', { query: { page_size: 50 }, body: { return_status: ['REFUND_OR_RETURN_REQUEST_REJECT'] } });
		expect(byStatus.data.data.return_orders.map((x: any) => x.return_id)).toContain(refund.return_id);
		expect((await client.call('POST', '/return_refund/202309/returns/search', { query: { page_size: 51 }, body: {} })).data.code).toBe(36009004);
	});

	test('promotions: create, update, products, search, ONGOING locks prices, remove, deactivate', async () => {
		const now = Math.floor(Date.now() / 1000);
		const st = sbx.tikTokShop.state;
		const product = st.products.get(shops[0].id)!.filter((p) => p.status === 'ACTIVATE').at(-40)!;
		const create = (body: Record<string, unknown>) => client.call('POST', '/promotion/202309/activities', { body });
		const base = { title: 'Promo Uji 1', activity_type: 'FIXED_PRICE', product_level: 'VARIATION', begin_time: now + 3600, end_time: now + 86400 };
		const c1 = await create(base);
		expect(c1.data.code).toBe(0);
		expect(c1.data.data).toMatchObject({ activity_id: expect.any(String), status: 'NOT_START' });
		const id = c1.data.data.activity_id;
		expect((await create(base)).data.code).toBe(17001002); // title unique
		expect((await create({ ...base, title: 'Promo Uji 2', begin_time: now - 10 })).data.code).toBe(36009004);
		expect((await create({ ...base, title: 'x'.repeat(51) })).data.code).toBe(36009004);
		expect((await create({ ...base, title: 'Promo Uji 3', activity_type: 'MEGA' })).data.code).toBe(36009004);

		const upd = await client.call('PUT', `/promotion/202309/activities/${id}`, { body: { title: 'Promo Uji 1 (edit)', begin_time: now + 1800, end_time: now + 7200 } });
		expect(upd.data.data).toMatchObject({ activity_id: id, title: 'Promo Uji 1 (edit)', update_time: expect.any(Number) });

		const sku = product.skus[0];
		const lower = String(Math.max(100, Number(sku.price.sale_price) - 100));
		const noPrice = await client.call('PUT', `/promotion/202309/activities/${id}/products`, { body: { activity_id: id, products: [{ id: product.id, skus: [{ id: sku.id }] }] } });
		expect(noPrice.data.code).toBe(36009004);
		const add = await client.call('PUT', `/promotion/202309/activities/${id}/products`, {
			body: { activity_id: id, products: [{ id: product.id, quantity_limit: -1, quantity_per_user: 2, skus: [{ id: sku.id, activity_price_amount: lower, quantity_limit: 10, quantity_per_user: 1 }] }] },
		});
		expect(add.data.data).toMatchObject({ activity_id: id, status: 'NOT_START', total_count: 1 });
		const tooMany = Array.from({ length: 301 }, (_, i) => ({ id: String(i) }));
		expect((await client.call('PUT', `/promotion/202309/activities/${id}/products`, { body: { products: tooMany } })).data.code).toBe(36009004);

		const got = (await client.call('GET', `/promotion/202309/activities/${id}`)).data.data;
		expect(got).toMatchObject({ activity_id: id, activity_type: 'FIXED_PRICE', product_level: 'VARIATION', status: 'NOT_START' });
		expect(got.products[0].skus[0]).toMatchObject({ id: sku.id, activity_price: { amount: lower, currency: 'IDR' }, quantity_limit: 10 });
		const found = await client.call('POST', '/promotion/202309/activities/search', { body: { status: 'NOT_START', activity_title: 'uji 1', page_size: 10 } });
		expect(found.data.data.activities.map((a: any) => a.id)).toEqual([id]);

		// not started yet → price still editable
		const priceBody = { skus: [{ id: sku.id, price: { amount: String(Number(sku.price.sale_price) + 500), currency: 'IDR' } }] };
		expect((await client.call('POST', `/product/202309/products/${product.id}/prices/update`, { body: priceBody })).data.code).toBe(0);
		expect((await ctl(sbx.url, 'POST', `/tiktokshop/promotions/${id}/advance`, { to: 'ONGOING' })).data.status).toBe('ONGOING');
		expect((await client.call('POST', `/product/202309/products/${product.id}/prices/update`, { body: priceBody })).data.code).toBe(12019045);
		// inventory is not locked
		expect((await client.call('POST', `/product/202309/products/${product.id}/inventory/update`, { body: { skus: [{ id: sku.id, inventory: sku.inventory.map((i) => ({ warehouse_id: i.warehouse_id, quantity: 5 })) }] } })).data.code).toBe(0);
		const rm = await client.call('DELETE', `/promotion/202309/activities/${id}/products`, { body: { product_ids: [], sku_ids: [sku.id] } });
		expect(rm.data.data.total_count).toBe(0);
		expect((await client.call('POST', `/product/202309/products/${product.id}/prices/update`, { body: priceBody })).data.code).toBe(0);

		const de = await client.call('POST', `/promotion/202309/activities/${id}/deactivate`, { body: {} });
		expect(de.data.data).toMatchObject({ activity_id: id, status: 'DEACTIVATED' });
		expect((await client.call('POST', `/promotion/202309/activities/${id}/deactivate`, { body: {} })).data.code).toBe(17001003);
		expect((await client.call('PUT', `/promotion/202309/activities/${id}`, { body: { title: 'again' } })).data.code).toBe(17001003);
		expect((await client.call('GET', '/promotion/202309/activities/7669999999999999999')).data.code).toBe(17001001);
		// another shop cannot see it
		expect((await client.call('GET', `/promotion/202309/activities/${id}`, { cipher: shops[1].cipher })).data.code).toBe(17001001);
	});
});
