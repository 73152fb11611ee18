import type { Sandbox } from '../../../sandbox/server';
import { ctl, setup, TtsClient } from './helpers';

describe('sandbox: orders and cancellations', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	beforeAll(async () => {
		({ sbx, client, shops } = await setup());
	});
	afterAll(() => sbx.close());

	test('search paginates over several pages: no duplicates, total_count consistent, sorted DESC', async () => {
		const first = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 100 }, body: {} });
		expect(first.data.code).toBe(0);
		const total = first.data.data.total_count;
		expect(total).toBeGreaterThan(300);
		const seen = new Set<string>();
		let token = '';
		let pages = 0;
		let prev = Infinity;
		let sawPlusSlash = false;
		do {
			const r = await client.call('POST', '/order/202309/orders/search', {
				query: token ? { page_size: 100, page_token: token } : { page_size: 100 },
				body: {},
			});
			expect(r.data.code).toBe(0);
			expect(r.data.data.total_count).toBe(total);
			for (const o of r.data.data.orders) {
				expect(seen.has(o.id)).toBe(false);
				seen.add(o.id);
				expect(o.create_time).toBeLessThanOrEqual(prev);
				prev = o.create_time;
			}
			token = r.data.data.next_page_token;
			if (/[+/]/.test(token)) sawPlusSlash = true;
			pages++;
		} while (token);
		expect(pages).toBeGreaterThan(3);
		expect(seen.size).toBe(total);
		expect(sawPlusSlash).toBe(true);
	});

	test('filters and order shape; all statuses present across shops', async () => {
		const statuses = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'];
		for (const st of statuses) {
			let count = 0;
			for (const s of shops) {
				const r = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 20, sort_field: 'update_time', sort_order: 'ASC' }, body: { order_status: st }, cipher: s.cipher });
				expect(r.data.code).toBe(0);
				count += r.data.data.total_count;
				for (const o of r.data.data.orders) {
					expect(o.status).toBe(st);
					expect(o.update_time).toBeGreaterThanOrEqual(o.create_time);
					expect(o.commerce_platform).toBe(s.name.includes('Tokopedia') ? 'TOKOPEDIA' : 'TIKTOK_SHOP');
					expect(o.payment.currency).toBe('IDR');
					expect(typeof o.payment.total_amount).toBe('string');
					expect(o.recipient_address.phone_number).toMatch(/\*/);
					for (const li of o.line_items) expect(li).toEqual(expect.objectContaining({ id: expect.any(String), sku_id: expect.any(String), seller_sku: expect.any(String), display_status: expect.any(String) }));
					if (st !== 'UNPAID' && !(st === 'CANCELLED' && !o.paid_time)) expect(o.packages.length).toBeGreaterThan(0);
					if (['AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED'].includes(st)) expect(o.tracking_number).toBeTruthy();
					if (st === 'CANCELLED') expect(o.cancellation_initiator).toBeTruthy();
				}
			}
			expect(count).toBeGreaterThan(0);
		}
		const now = Math.floor(Date.now() / 1000);
		const r = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 50 }, body: { create_time_ge: now - 3 * 86400, create_time_lt: now } });
		for (const o of r.data.data.orders) expect(o.create_time).toBeGreaterThanOrEqual(now - 3 * 86400);
	});

	test('page_size validation and bad page_token', async () => {
		const none = await client.call('POST', '/order/202309/orders/search', { body: {} });
		expect(none.status).toBe(400);
		expect(none.data.code).toBe(36009004);
		const big = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 101 }, body: {} });
		expect(big.data.code).toBe(36009004);
		const bad = await client.call('POST', '/order/202309/orders/search', { query: { page_size: 10, page_token: 'garbage' }, body: {} });
		expect(bad.data.code).toBe(36009004);
		expect(bad.data.message).toMatch(/page_token/);
	});

	test('order detail by ids (max 50, unknown omitted)', async () => {
		const list = (await client.call('POST', '/order/202309/orders/search', { query: { page_size: 3 }, body: {} })).data.data.orders;
		const r = await client.call('GET', '/order/202309/orders', { query: { ids: [...list.map((o: any) => o.id), '999'].join(',') } });
		expect(r.data.code).toBe(0);
		expect(r.data.data.orders.map((o: any) => o.id)).toEqual(list.map((o: any) => o.id));
		const many = await client.call('GET', '/order/202309/orders', { query: { ids: Array.from({ length: 51 }, (_, i) => String(i)).join(',') } });
		expect(many.data.code).toBe(36009004);
		// another shop's order is not visible
		const other = await client.call('GET', '/order/202309/orders', { query: { ids: list[0].id }, cipher: shops[1].cipher });
		expect(other.data.data.orders).toHaveLength(0);
	});

	test('seller cancel: state, packages and stock restored; refused when shipped', async () => {
		const sku = (await ctl(sbx.url, 'GET', `/tiktokshop/skus?shop_id=${shops[0].id}`)).data.skus.find((s: any) => s.inventory.some((i: any) => i.quantity > 10));
		const stockOf = async () => {
			const s = (await ctl(sbx.url, 'GET', `/tiktokshop/skus?seller_sku=${encodeURIComponent(sku.seller_sku)}`)).data.skus[0];
			return s.inventory.reduce((a: number, i: any) => a + i.quantity, 0);
		};
		const s0 = await stockOf();
		const created = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', { skus: [{ seller_sku: sku.seller_sku, quantity: 3 }] })).data.orders[0];
		expect(created.order.status).toBe('AWAITING_SHIPMENT');
		expect(created.order.line_items).toHaveLength(3);
		expect(await stockOf()).toBe(s0 - 3);
		const orderId = created.order.id;

		// partial cancel of one line item
		const partial = await client.call('POST', '/return_refund/202309/cancellations', {
			body: { order_id: orderId, cancel_reason: 'Stok habis', order_line_item_ids: [created.order.line_items[0].id] },
		});
		expect(partial.data.code).toBe(0);
		expect(await stockOf()).toBe(s0 - 2);
		let o = (await client.call('GET', '/order/202309/orders', { query: { ids: orderId } })).data.data.orders[0];
		expect(o.status).toBe('AWAITING_SHIPMENT');
		expect(o.line_items.filter((li: any) => li.display_status === 'CANCELLED')).toHaveLength(1);

		const full = await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: orderId, cancel_reason: 'Stok habis' } });
		expect(full.data.code).toBe(0);
		expect(full.data.data).toEqual({ cancel_id: expect.any(String), cancel_status: 'CANCELLATION_REQUEST_COMPLETE' });
		expect(await stockOf()).toBe(s0);
		o = (await client.call('GET', '/order/202309/orders', { query: { ids: orderId } })).data.data.orders[0];
		expect(o).toMatchObject({ status: 'CANCELLED', cancellation_initiator: 'SELLER', cancel_reason: 'Stok habis' });
		expect(o.cancel_time).toBeGreaterThan(0);
		const pkg = (await ctl(sbx.url, 'GET', `/tiktokshop/packages/${o.packages[0].id}`)).data;
		expect(pkg.status).toBe('CANCELLED');

		const again = await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: orderId, cancel_reason: 'x' } });
		expect(again.status).toBe(200);
		expect(again.data.code).not.toBe(0);

		const transit = (await client.call('POST', '/order/202309/orders/search', { query: { page_size: 1 }, body: { order_status: 'IN_TRANSIT' } })).data.data.orders[0];
		const refused = await client.call('POST', '/return_refund/202309/cancellations', { body: { order_id: transit.id, cancel_reason: 'x' } });
		expect(refused.status).toBe(200);
		expect(refused.data.code).toBe(21011001);
		expect(refused.data.message).toMatch(/IN_TRANSIT/);
	});

	test('control API: advance through the lifecycle updates update_time and status', async () => {
		const o = (await ctl(sbx.url, 'POST', '/tiktokshop/orders', { status: 'UNPAID' })).data.orders[0].order;
		expect(o.packages).toBeUndefined();
		const seq: string[] = [];
		for (let i = 0; i < 5; i++) seq.push((await ctl(sbx.url, 'POST', `/tiktokshop/orders/${o.id}/advance`)).data.order.status);
		expect(seq).toEqual(['AWAITING_SHIPMENT', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED']);
		const fin = (await ctl(sbx.url, 'GET', `/tiktokshop/orders/${o.id}`)).data;
		expect(fin.history.map((h: any) => h.status)).toEqual(['UNPAID', ...seq]);
		expect((await ctl(sbx.url, 'POST', `/tiktokshop/orders/${o.id}/advance`)).status).toBe(409);
	});
});
