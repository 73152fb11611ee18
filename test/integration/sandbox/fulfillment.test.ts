import axios from 'axios';
import type { Sandbox } from '../../../sandbox/server';
import { ctl, setup, TtsClient } from './helpers';

describe('sandbox: fulfillment and logistics', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	const newOrder = async (body: Record<string, unknown> = {}) => (await ctl(sbx.url, 'POST', '/tiktokshop/orders', body)).data.orders[0].order;

	beforeAll(async () => {
		({ sbx, client, shops } = await setup());
	});
	afterAll(() => sbx.close());

	test('logistics: warehouses, delivery options, shipping providers', async () => {
		const whs = (await client.call('GET', '/logistics/202309/warehouses')).data.data.warehouses;
		expect(whs.filter((w: any) => w.type === 'SALES_WAREHOUSE')).toHaveLength(2);
		expect(whs.filter((w: any) => w.type === 'RETURN_WAREHOUSE')).toHaveLength(1);
		expect(whs[0].address).toHaveProperty('distict');
		const opts = (await client.call('GET', `/logistics/202309/warehouses/${whs[0].id}/delivery_options`, { query: { scope: 'WAREHOUSE' } })).data.data.delivery_options;
		expect(opts.map((o: any) => o.type).sort()).toEqual(['ECONOMY', 'EXPRESS', 'SEND_BY_SELLER', 'STANDARD']);
		const prov = (await client.call('GET', `/logistics/202309/delivery_options/${opts[0].id}/shipping_providers`)).data.data.shipping_providers;
		expect(prov.map((p: any) => p.name)).toContain('J&T Express');
		// other shop's warehouse → business error
		const other = await client.call('GET', `/logistics/202309/warehouses/${whs[0].id}/delivery_options`, { cipher: shops[1].cipher });
		expect(other.data.code).not.toBe(0);
	});

	test('ship (TikTok shipping) → PROCESSING/AWAITING_COLLECTION → label PDF; document before ship refused', async () => {
		const o = await newOrder();
		const pkgId = o.packages[0].id;
		const early = await client.call('GET', `/fulfillment/202309/packages/${pkgId}/shipping_documents`, { query: { document_type: 'SHIPPING_LABEL' } });
		expect(early.status).toBe(200);
		expect(early.data.code).not.toBe(0);

		const r = await client.call('POST', `/fulfillment/202309/packages/${pkgId}/ship`, { body: { handover_method: 'DROP_OFF' } });
		expect(r.data).toMatchObject({ code: 0, data: {} });
		const det = (await client.call('GET', `/fulfillment/202309/packages/${pkgId}`)).data.data;
		expect(det).toMatchObject({ package_id: pkgId, package_status: 'PROCESSING', handover_method: 'DROP_OFF' });
		expect(det.tracking_number).toBeTruthy();
		const ord = (await client.call('GET', '/order/202309/orders', { query: { ids: o.id } })).data.data.orders[0];
		expect(ord.status).toBe('AWAITING_COLLECTION');
		expect(ord.update_time).toBeGreaterThanOrEqual(o.update_time);
		expect(ord.line_items[0].package_status).toBe('PROCESSING');

		const doc = await client.call('GET', `/fulfillment/202309/packages/${pkgId}/shipping_documents`, { query: { document_type: 'SHIPPING_LABEL', document_size: 'A6', document_format: 'PDF' } });
		expect(doc.data.code).toBe(0);
		expect(doc.data.data.tracking_number).toBe(det.tracking_number);
		expect(doc.data.data.doc_url).toContain('/_sandbox/tiktokshop/documents/');
		const pdf = await axios.get(doc.data.data.doc_url, { responseType: 'arraybuffer' });
		expect(pdf.headers['content-type']).toBe('application/pdf');
		const buf = Buffer.from(pdf.data);
		const text = buf.toString('latin1');
		expect(text.startsWith('%PDF-1.4')).toBe(true);
		expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
		// xref offsets point at "n 0 obj"
		const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
		expect(text.slice(startxref, startxref + 4)).toBe('xref');
		const offs = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
		expect(offs).toHaveLength(5);
		offs.forEach((off, i) => expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
		expect(text).toContain('/MediaBox [0 0 298 420]');
		expect(text).toContain(pkgId);
		expect(text).toContain(det.tracking_number);

		// shipping twice is refused
		const twice = await client.call('POST', `/fulfillment/202309/packages/${pkgId}/ship`, { body: { handover_method: 'PICKUP' } });
		expect(twice.status).toBe(200);
		expect(twice.data.code).toBe(21009001);

		// tracking events appear after collection
		await ctl(sbx.url, 'POST', `/tiktokshop/orders/${o.id}/advance`);
		const tr = (await client.call('GET', `/fulfillment/202309/orders/${o.id}/tracking`)).data.data.tracking;
		expect(tr.length).toBeGreaterThanOrEqual(2);
		expect(tr[0].update_time_millis).toBeGreaterThan(1e12);
	});

	test('SEND_BY_SELLER requires self_shipment; then FULFILLING / IN_TRANSIT; shipping_info/update', async () => {
		const o = await newOrder({ delivery_option: 'SEND_BY_SELLER' });
		expect(o.shipping_type).toBe('SELLER');
		const pkgId = o.packages[0].id;
		const no = await client.call('POST', `/fulfillment/202309/packages/${pkgId}/ship`, { body: { handover_method: 'DROP_OFF' } });
		expect(no.data.code).toBe(21009002);
		const provs = (await client.call('GET', `/logistics/202309/delivery_options/${o.delivery_option_id}/shipping_providers`)).data.data.shipping_providers;
		const ok = await client.call('POST', `/fulfillment/202309/packages/${pkgId}/ship`, {
			body: { handover_method: 'DROP_OFF', self_shipment: { shipping_provider_id: provs[0].id, tracking_number: 'CGK1234567890123' } },
		});
		expect(ok.data.code).toBe(0);
		let ord = (await client.call('GET', '/order/202309/orders', { query: { ids: o.id } })).data.data.orders[0];
		expect(ord.status).toBe('IN_TRANSIT');
		expect(ord.tracking_number).toBe('CGK1234567890123');
		const up = await client.call('POST', `/fulfillment/202309/packages/${pkgId}/shipping_info/update`, { body: { tracking_number: 'CGK999', shipping_provider_id: provs[1].id } });
		expect(up.data.code).toBe(0);
		ord = (await client.call('GET', '/order/202309/orders', { query: { ids: o.id } })).data.data.orders[0];
		expect(ord.tracking_number).toBe('CGK999');
		expect(ord.shipping_provider_id).toBe(provs[1].id);
		// documents are only for TikTok shipping
		const doc = await client.call('GET', `/fulfillment/202309/packages/${pkgId}/shipping_documents`, { query: { document_type: 'SHIPPING_LABEL' } });
		expect(doc.data.code).not.toBe(0);
		// shipping_info/update refused for an unshipped package
		const o2 = await newOrder();
		const up2 = await client.call('POST', `/fulfillment/202309/packages/${o2.packages[0].id}/shipping_info/update`, { body: { tracking_number: 'X', shipping_provider_id: provs[0].id } });
		expect(up2.data.code).toBe(21009005);
	});

	test('mark package as shipped: partial split then full', async () => {
		const sku = (await ctl(sbx.url, 'GET', `/tiktokshop/skus?shop_id=${shops[0].id}`)).data.skus.find((s: any) => s.inventory.some((i: any) => i.quantity > 10));
		const o = await newOrder({ skus: [{ seller_sku: sku.seller_sku, quantity: 2 }] });
		const [a, b] = o.line_items.map((li: any) => li.id);
		const r1 = await client.call('POST', `/fulfillment/202309/orders/${o.id}/packages`, { body: { order_line_item_ids: [a], tracking_number: 'JX0000000001', shipping_provider_id: '6925000000000000001' } });
		expect(r1.data.code).toBe(0);
		expect(r1.data.data).toMatchObject({ order_id: o.id, order_line_item_ids: [a] });
		let ord = (await client.call('GET', '/order/202309/orders', { query: { ids: o.id } })).data.data.orders[0];
		expect(ord.status).toBe('PARTIALLY_SHIPPING');
		const r2 = await client.call('POST', `/fulfillment/202309/orders/${o.id}/packages`, { body: { order_line_item_ids: [b], tracking_number: 'JX0000000002', shipping_provider_id: '6925000000000000001' } });
		expect(r2.data.code).toBe(0);
		ord = (await client.call('GET', '/order/202309/orders', { query: { ids: o.id } })).data.data.orders[0];
		expect(ord.status).toBe('IN_TRANSIT');
		const dup = await client.call('POST', `/fulfillment/202309/orders/${o.id}/packages`, { body: { order_line_item_ids: [b], tracking_number: 'JX3', shipping_provider_id: '6925000000000000001' } });
		expect(dup.data.code).not.toBe(0);
	});

	test('batch ship reports per-package errors, ships the rest', async () => {
		const o1 = await newOrder();
		const o2 = await newOrder();
		const shipped = await newOrder({ status: 'AWAITING_COLLECTION' });
		const r = await client.call('POST', '/fulfillment/202309/packages/ship', {
			body: {
				packages: [
					{ id: o1.packages[0].id, handover_method: 'PICKUP', pickup_slot: { start_time: 1700000000, end_time: 1700003600 } },
					{ id: shipped.packages[0].id, handover_method: 'PICKUP' },
					{ id: '999999', handover_method: 'PICKUP' },
					{ id: o2.packages[0].id, handover_method: 'DROP_OFF' },
				],
			},
		});
		expect(r.data.code).toBe(0);
		const errs = r.data.data.errors;
		expect(errs.map((e: any) => e.detail.package_id).sort()).toEqual([shipped.packages[0].id, '999999'].sort());
		for (const e of errs) {
			expect(e.code).not.toBe(0);
			expect(typeof e.message).toBe('string');
		}
		for (const o of [o1, o2]) {
			const p = (await client.call('GET', `/fulfillment/202309/packages/${o.packages[0].id}`)).data.data;
			expect(p.package_status).toBe('PROCESSING');
		}
	});

	test('packages search paginates with status filter', async () => {
		const seen = new Set<string>();
		let token = '';
		let total = -1;
		do {
			const r = await client.call('POST', '/fulfillment/202309/packages/search', { query: token ? { page_size: 50, page_token: token } : { page_size: 50 }, body: { package_status: 'COMPLETED' } });
			expect(r.data.code).toBe(0);
			total = r.data.data.total_count;
			for (const p of r.data.data.packages) {
				expect(p.status).toBe('COMPLETED');
				expect(seen.has(p.id)).toBe(false);
				seen.add(p.id);
				expect(p.orders[0].skus[0].quantity).toBeGreaterThan(0);
			}
			token = r.data.data.next_page_token;
		} while (token);
		expect(seen.size).toBe(total);
		expect(total).toBeGreaterThan(50);
		const bad = await client.call('POST', '/fulfillment/202309/packages/search', { query: { page_size: 51 }, body: {} });
		expect(bad.data.code).toBe(36009004);
	});
});
