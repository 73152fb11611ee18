import axios from 'axios';
import type { Sandbox } from '../../../sandbox/server';
import { encodePageToken } from '../../../sandbox/tiktokshop/routes/common';
import { ctl, SANDBOX_APP_KEY, SANDBOX_APP_SECRET, setup, signRequest, TtsClient } from './helpers';

/** 1×1 PNG header is enough for the sandbox (it reads the IHDR size). */
function png(width: number, height: number): Buffer {
	const b = Buffer.alloc(33);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
	b.writeUInt32BE(13, 8);
	b.write('IHDR', 12, 'ascii');
	b.writeUInt32BE(width, 16);
	b.writeUInt32BE(height, 20);
	return b;
}

function multipart(fields: Array<{ name: string; value: Buffer | string; filename?: string; type?: string }>): { body: Buffer; contentType: string } {
	const boundary = '----sbxBoundary7MA4YWxkTrZu0gW';
	const chunks: Buffer[] = [];
	for (const f of fields) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"`;
		if (f.filename) head += `; filename="${f.filename}"`;
		head += '\r\n';
		if (f.type) head += `Content-Type: ${f.type}\r\n`;
		chunks.push(Buffer.from(head + '\r\n'), Buffer.isBuffer(f.value) ? f.value : Buffer.from(f.value), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('sandbox: TikTok Shop products, inventory, price', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	let token: string;

	beforeAll(async () => {
		({ sbx, client, shops, accessToken: token } = await setup({ tikTokShop: { orderCount: 300, productCount: 240 } }));
	});
	afterAll(() => sbx.close());

	const search = (body: Record<string, unknown> = {}, query: Record<string, string | number> = { page_size: 50 }) =>
		client.call('POST', '/product/202309/products/search', { query, body });

	test('seed: configurable products/SKUs, 1-2 warehouses per SKU, unique seller_sku per shop', () => {
		const st = sbx.tikTokShop.state;
		const products = [...st.products.values()].flat();
		expect(products).toHaveLength(240);
		expect(products.reduce((n, p) => n + p.skus.length, 0)).toBe(960);
		for (const shop of st.shops) {
			const skus = st.products.get(shop.id)!.flatMap((p) => p.skus);
			expect(new Set(skus.map((s) => s.seller_sku)).size).toBe(skus.length);
			expect(skus.every((s) => s.inventory.length >= 1 && s.inventory.length <= 2)).toBe(true);
			expect(skus.some((s) => s.inventory.length === 2)).toBe(true);
		}
	});

	test('search: page_token chain, total_count, status and seller_skus filters, validation', async () => {
		const first = await search({}, { page_size: 100 });
		expect(first.data.code).toBe(0);
		const total = first.data.data.total_count;
		expect(total).toBeGreaterThan(100);
		const seen = new Set<string>(first.data.data.products.map((p: any) => p.id));
		let tok = first.data.data.next_page_token;
		expect(tok).toMatch(/[+/]/);
		while (tok) {
			const r = await search({}, { page_size: 100, page_token: tok });
			r.data.data.products.forEach((p: any) => seen.add(p.id));
			tok = r.data.data.next_page_token;
		}
		expect(seen.size).toBe(total);
		const p0 = first.data.data.products[0];
		expect(p0).toMatchObject({ id: expect.any(String), title: expect.any(String), sales_regions: ['ID'], listing_quality_tier: expect.any(String) });
		expect(p0.skus[0]).toMatchObject({ id: expect.any(String), seller_sku: expect.any(String), price: { currency: 'IDR' }, inventory: expect.any(Array) });

		const bySku = await search({ seller_skus: [p0.skus[0].seller_sku] });
		expect(bySku.data.data.products.map((p: any) => p.id)).toEqual([p0.id]);
		const active = await search({ status: 'ACTIVATE' });
		expect(active.data.data.products.every((p: any) => p.status === 'ACTIVATE')).toBe(true);
		expect((await search({ seller_skus: Array.from({ length: 11 }, (_, i) => `X${i}`) })).data.code).toBe(36009004);
		expect((await search({ status: 'LIVE' })).status).toBe(400);
		expect((await search({}, { page_size: 101 })).data.code).toBe(36009004);
		expect((await search({}, {} as any)).data.code).toBe(36009004);
		// filters changed → old token refused
		expect((await search({ status: 'ACTIVATE' }, { page_size: 100, page_token: first.data.data.next_page_token })).data.code).toBe(36009004);
		// migrated (Tokopedia) shop carries integrated_platform_statuses
		const toko = await client.call('POST', '/product/202309/products/search', { query: { page_size: 5 }, body: {}, cipher: shops[1].cipher });
		expect(toko.data.data.products[0].integrated_platform_statuses[0].platform).toBe('TOKOPEDIA');
	});

	test('detail, create (PENDING → ACTIVATE at the next request), edit, validation', async () => {
		const whs = (await client.call('GET', '/logistics/202309/warehouses')).data.data.warehouses.filter((w: any) => w.type === 'SALES_WAREHOUSE');
		const body = {
			title: 'Kaos Sandbox Uji Coba Premium Cotton',
			description: '<p>Kaos uji</p>',
			category_id: '601227',
			main_images: [{ uri: 'tos-alisg-i-aphluv4xwc-sg/abc' }],
			package_weight: { value: '250', unit: 'GRAM' },
			skus: [
				{ seller_sku: 'NEW-SKU-1', price: { amount: '59000', currency: 'IDR' }, inventory: [{ warehouse_id: whs[0].id, quantity: 10 }], sales_attributes: [{ name: 'Warna', value_name: 'Hitam' }] },
				{ seller_sku: 'NEW-SKU-2', price: { amount: '61000', currency: 'IDR' }, inventory: [{ warehouse_id: whs[0].id, quantity: 5 }, { warehouse_id: whs[1].id, quantity: 7 }], sales_attributes: [{ name: 'Warna', value_name: 'Putih' }] },
			],
		};
		const created = await client.call('POST', '/product/202309/products', { body });
		expect(created.data.code).toBe(0);
		expect(created.data.data).toMatchObject({ product_id: expect.any(String), warnings: [] });
		expect(created.data.data.skus.map((s: any) => s.seller_sku)).toEqual(['NEW-SKU-1', 'NEW-SKU-2']);
		const pid = created.data.data.product_id;
		expect((await ctl(sbx.url, 'GET', `/tiktokshop/products/${pid}`)).data.product.status).not.toBe('DELETED');
		const det = (await client.call('GET', `/product/202309/products/${pid}`)).data.data;
		expect(det).toMatchObject({ id: pid, status: 'ACTIVATE', audit: { status: 'APPROVED' }, category_chains: expect.any(Array), package_weight: { value: '250', unit: 'GRAM' } });
		expect(det.category_chains.at(-1)).toMatchObject({ id: '601227', is_leaf: true });
		expect(det.skus[1].inventory).toHaveLength(2);

		const dup = await client.call('POST', '/product/202309/products', { body: { ...body, title: 'Lain' } });
		expect(dup.data.code).toBe(12052004);
		expect((await client.call('POST', '/product/202309/products', { body: { ...body, category_id: '601152' } })).data.code).toBe(12052005);
		const noTitle = await client.call('POST', '/product/202309/products', { body: { ...body, title: undefined } });
		expect([noTitle.status, noTitle.data.code]).toEqual([400, 36009004]);

		const edit = await client.call('POST', `/product/202309/products/${pid}/partial_edit`, { body: { title: 'Kaos Sandbox (edit)' } });
		expect(edit.data.code).toBe(0);
		const afterEdit = (await ctl(sbx.url, 'GET', `/tiktokshop/products/${pid}`)).data;
		expect(afterEdit.product.title).toBe('Kaos Sandbox (edit)');
		const missing = await client.call('GET', '/product/202309/products/1729999999999999999');
		expect([missing.status, missing.data.code]).toEqual([200, 12052001]);
		// another shop's product is not visible
		expect((await client.call('GET', `/product/202309/products/${pid}`, { cipher: shops[1].cipher })).data.code).toBe(12052001);
	});

	test('inventory update: partial warehouse list → 12019028, unknown warehouse → 12052990/12052097, others applied once (log)', async () => {
		const st = sbx.tikTokShop.state;
		const shopId = shops[0].id;
		const product = st.products.get(shopId)!.find((p) => p.status === 'ACTIVATE' && p.skus.length >= 3 && p.skus.some((s) => s.inventory.length === 2) && p.skus.some((s) => s.inventory.length === 1))!;
		const multi = product.skus.find((s) => s.inventory.length === 2)!;
		const single = product.skus.find((s) => s.inventory.length === 1)!;
		const third = product.skus.find((s) => s !== multi && s !== single)!;
		const foreign = st.warehouses.get(shops[1].id)![0].id;
		const body = {
			skus: [
				{ id: multi.id, inventory: [{ warehouse_id: multi.inventory[0].warehouse_id, quantity: 11 }] },
				{ id: single.id, inventory: [{ quantity: 0 }] },
				{ id: third.id, inventory: [{ warehouse_id: foreign, quantity: 3 }] },
				{ id: '1739999999999999999', inventory: [{ quantity: 1 }] },
			],
		};
		const r = await client.call('POST', `/product/202309/products/${product.id}/inventory/update`, { body });
		expect(r.data.code).toBe(0);
		const errs = r.data.data.errors;
		expect(errs).toHaveLength(3);
		expect(errs[0]).toMatchObject({ code: 12019028, detail: { sku_id: multi.id } });
		expect(errs[1]).toMatchObject({ code: 12052990, message: 'Check failed', detail: { sku_id: third.id, extra_errors: [{ warehouse_id: foreign, code: 12052097, message: 'The warehouse does not exist' }] } });
		expect(errs[2]).toMatchObject({ code: 12052003, detail: { sku_id: '1739999999999999999' } });
		expect(single.inventory[0].quantity).toBe(0); // 0 accepted
		const log = (await ctl(sbx.url, 'GET', `/tiktokshop/inventory-log?sku_id=${single.id}`)).data;
		expect(log.total).toBe(1);
		expect(log.entries[0]).toMatchObject({ source: 'api_update', after: 0, request_id: r.data.request_id, route: 'POST /product/202309/products/{}/inventory/update' });
		expect((await ctl(sbx.url, 'GET', `/tiktokshop/inventory-log?sku_id=${multi.id}`)).data.total).toBe(0);

		// full warehouse list for the multi-warehouse SKU is applied
		const ok2 = await client.call('POST', `/product/202309/products/${product.id}/inventory/update`, {
			body: { skus: [{ id: multi.id, inventory: multi.inventory.map((i, k) => ({ warehouse_id: i.warehouse_id, quantity: 100 + k })) }] },
		});
		expect(ok2.data).toMatchObject({ code: 0, data: {} });
		expect(multi.inventory.map((i) => i.quantity)).toEqual([100, 101]);
		const inv = await client.call('POST', '/product/202309/inventory/search', { body: { sku_ids: [multi.id] } });
		expect(inv.data.data.inventory[0].skus[0]).toMatchObject({ id: multi.id, total_available_quantity: 201, warehouse_inventory: [{ available_quantity: 100 }, { available_quantity: 101 }] });
		expect((await ctl(sbx.url, 'GET', `/tiktokshop/inventory-log?sku_id=${multi.id}`)).data.total).toBe(2);

		expect((await client.call('POST', `/product/202309/products/${product.id}/inventory/update`, { body: { skus: [{ id: single.id, inventory: [{ quantity: 100000 }] }] } })).data.code).toBe(36009004);
		expect((await client.call('POST', '/product/202309/inventory/search', { body: { product_ids: Array.from({ length: 101 }, (_, i) => String(i)) } })).data.code).toBe(36009004);
		// FREEZE product → whole request refused
		await ctl(sbx.url, 'POST', `/tiktokshop/products/${product.id}/status`, { status: 'FREEZE' });
		const frozen = await client.call('POST', `/product/202309/products/${product.id}/inventory/update`, { body: { skus: [{ id: single.id, inventory: [{ quantity: 5 }] }] } });
		expect([frozen.status, frozen.data.code]).toEqual([200, 12052002]);
		await ctl(sbx.url, 'POST', `/tiktokshop/products/${product.id}/status`, { status: 'ACTIVATE' });
	});

	test('price update; price locked by an ongoing promotion → 12019045; non-ACTIVATE → 12052002', async () => {
		const st = sbx.tikTokShop.state;
		const promos = (await ctl(sbx.url, 'GET', `/tiktokshop/promotions?shop_id=${shops[0].id}`)).data.activities;
		const ongoing = promos.find((a: any) => a.status === 'ONGOING');
		const lockedId = ongoing.products[0].id;
		const locked = st.productById.get(lockedId)!.product;
		const r = await client.call('POST', `/product/202309/products/${lockedId}/prices/update`, { body: { skus: [{ id: locked.skus[0].id, price: { amount: '12000', currency: 'IDR' } }] } });
		expect([r.status, r.data.code]).toEqual([200, 12019045]);
		expect(r.data.message).toContain('price is locked by promotion');

		const free = st.products.get(shops[0].id)!.find((p) => p.status === 'ACTIVATE' && !promos.some((a: any) => a.products.some((x: any) => x.id === p.id)))!;
		const up = await client.call('POST', `/product/202309/products/${free.id}/prices/update`, { body: { skus: [{ id: free.skus[0].id, price: { amount: '77500', currency: 'IDR' } }] } });
		expect(up.data).toMatchObject({ code: 0, data: {} });
		expect(free.skus[0].price.sale_price).toBe('77500');
		expect((await client.call('POST', `/product/202309/products/${free.id}/prices/update`, { body: { skus: [{ id: free.skus[0].id, price: { amount: '1', currency: 'USD' } }] } })).data.code).toBe(36009004);
		const inactive = st.products.get(shops[0].id)!.find((p) => p.status === 'SELLER_DEACTIVATED' || p.status === 'DRAFT')!;
		expect((await client.call('POST', `/product/202309/products/${inactive.id}/prices/update`, { body: { skus: [{ id: inactive.skus[0].id, price: { amount: '1000', currency: 'IDR' } }] } })).data.code).toBe(12052002);
	});

	test('activate/deactivate/delete/recover: max 20 ids, per-item errors', async () => {
		const st = sbx.tikTokShop.state;
		const list = st.products.get(shops[0].id)!.filter((p) => p.status === 'ACTIVATE').slice(10, 13);
		const ids = list.map((p) => p.id);
		const tooMany = await client.call('POST', '/product/202309/products/deactivate', { body: { product_ids: Array.from({ length: 21 }, (_, i) => `17200000000000000${String(i).padStart(2, '0')}`) } });
		expect([tooMany.status, tooMany.data.code]).toEqual([400, 36009004]);
		const de = await client.call('POST', '/product/202309/products/deactivate', { body: { product_ids: [...ids, '1729999999999999999'] } });
		expect(de.data.code).toBe(0);
		expect(de.data.data.errors).toEqual([{ code: 12052001, message: expect.any(String), detail: { product_id: '1729999999999999999' } }]);
		expect(list.every((p) => p.status === 'SELLER_DEACTIVATED')).toBe(true);
		const del = await client.call('DELETE', '/product/202309/products', { body: { product_ids: [ids[0]] } });
		expect(del.data).toMatchObject({ code: 0, data: {} });
		expect((await search({ status: 'DELETED' })).data.data.products.map((p: any) => p.id)).toContain(ids[0]);
		expect((await search({})).data.data.products.map((p: any) => p.id)).not.toContain(ids[0]);
		const act = await client.call('POST', '/product/202309/products/activate', { body: { product_ids: ids } });
		expect(act.data.data.errors).toEqual([{ code: 12052002, message: expect.stringContaining('DELETED'), detail: { product_id: ids[0] } }]);
		expect(list[1].status).toBe('ACTIVATE');
		const rec = await client.call('POST', '/product/202309/products/recover', { body: { product_ids: [ids[0], ids[1]] } });
		expect(rec.data.data.errors).toHaveLength(1);
		expect(list[0].status).toBe('SELLER_DEACTIVATED');
	});

	test('categories, attributes, rules, brands', async () => {
		const cats = (await client.call('GET', '/product/202309/categories')).data.data.categories;
		expect(cats.find((c: any) => c.id === '601227')).toMatchObject({ parent_id: '601226', is_leaf: true, permission_statuses: ['AVAILABLE'] });
		expect(cats.find((c: any) => c.id === '601213')).toMatchObject({ parent_id: '0', is_leaf: false });
		const attrs = (await client.call('GET', '/product/202309/categories/601227/attributes')).data.data.attributes;
		expect(attrs.map((a: any) => a.type)).toContain('SALES_PROPERTY');
		expect(attrs.find((a: any) => a.id === '100392')).toMatchObject({ is_requried: true });
		expect((await client.call('GET', '/product/202309/categories/601213/attributes')).data.code).toBe(12052005);
		const rules = (await client.call('GET', '/product/202309/categories/700646/rules')).data.data;
		expect(rules.product_certifications[0]).toMatchObject({ name: 'BPOM', is_required: true });
		const brands = await client.call('GET', '/product/202309/brands', { query: { page_size: 2, category_id: '601227' } });
		expect(brands.data.data.brands).toHaveLength(2);
		expect(brands.data.data.total_count).toBeGreaterThan(2);
		expect(brands.data.data.next_page_token).toBeTruthy();
		expect((await client.call('GET', '/product/202309/brands', { query: { page_size: 10, brand_name: 'wardah' } })).data.data.brands.map((b: any) => b.name)).toEqual(['Wardah']);
	});

	test('images/upload: multipart signed WITHOUT the body; body-signed → 106001; JSON → 36009023; shop_cipher refused', async () => {
		const path = '/product/202309/images/upload';
		const { body, contentType } = multipart([
			{ name: 'data', value: png(640, 480), filename: 'a.png', type: 'image/png' },
			{ name: 'use_case', value: 'MAIN_IMAGE' },
		]);
		const send = (signedBody: string, opts: { cipher?: boolean; ct?: string; data?: Buffer | string } = {}) => {
			const q: Record<string, string> = { app_key: SANDBOX_APP_KEY, timestamp: String(Math.floor(Date.now() / 1000)) };
			if (opts.cipher) q.shop_cipher = shops[0].cipher;
			q.sign = signRequest(SANDBOX_APP_SECRET, path, q, signedBody);
			return axios.post(`${sbx.url}${path}?${new URLSearchParams(q)}`, opts.data ?? body, {
				headers: { 'content-type': opts.ct ?? contentType, 'x-tts-access-token': token },
				validateStatus: () => true,
				transformRequest: [(d) => d],
			});
		};
		const ok = await send('');
		expect(ok.data.code).toBe(0);
		expect(ok.data.data).toMatchObject({ uri: expect.stringMatching(/^tos-alisg-i-aphluv4xwc-sg\//), url: expect.stringMatching(/^https:\/\//), width: 640, height: 480, use_case: 'MAIN_IMAGE' });
		const bodySigned = await send(body.toString('latin1'));
		expect([bodySigned.status, bodySigned.data.code]).toEqual([401, 106001]);
		const json = await send('{"a":1}', { ct: 'application/json', data: '{"a":1}' });
		expect([json.status, json.data.code]).toEqual([400, 36009023]);
		const withCipher = await send('', { cipher: true });
		expect([withCipher.status, withCipher.data.code]).toEqual([400, 36009004]);
		expect(withCipher.data.message).toContain('Unexpected identifier');
	});

	test('seller: permissions + shops without shop_cipher; cipher refused', async () => {
		const perms = await client.call('GET', '/seller/202309/permissions', { cipher: null });
		expect(perms.data.data.permissions).toContain('seller.product.write');
		expect((await client.call('GET', '/seller/202309/shops', { cipher: null })).data.data.shops).toHaveLength(2);
		expect((await client.call('GET', '/seller/202309/permissions')).data.code).toBe(36009004);
	});

	test('per-route rate limit applies to new routes (429 / 36009002)', async () => {
		await ctl(sbx.url, 'POST', '/config', { routes: { 'POST /product/202309/inventory/search': { qps: 1, burst: 1 } } });
		const body = { product_ids: ['1'] };
		const a = await client.call('POST', '/product/202309/inventory/search', { body });
		const b = await client.call('POST', '/product/202309/inventory/search', { body });
		expect(a.status).toBe(200);
		expect([b.status, b.data.code]).toEqual([429, 36009002]);
		await ctl(sbx.url, 'POST', '/config', { routes: { 'POST /product/202309/inventory/search': null } });
	});
});

describe('sandbox: TikTok Shop product search 10,000-result cap', () => {
	let sbx: Sandbox;
	let client: TtsClient;
	let shops: any[];
	beforeAll(async () => {
		({ sbx, client, shops } = await setup({ tikTokShop: { orderCount: 0, productCount: 20100, skuCount: 20100 } }));
	});
	afterAll(() => sbx.close());

	test('offset + page_size past 10,000 → 12052180', async () => {
		const key = JSON.stringify(['products', shops[0].id, 'ALL', undefined, undefined, undefined, undefined, undefined]);
		const at9900 = await client.call('POST', '/product/202309/products/search', { query: { page_size: 100, page_token: encodePageToken(9900, key) }, body: {} });
		expect(at9900.data.code).toBe(0);
		expect(at9900.data.data.total_count).toBe(10050);
		expect(at9900.data.data.products).toHaveLength(100);
		const next = at9900.data.data.next_page_token;
		expect(next).toBeTruthy();
		const past = await client.call('POST', '/product/202309/products/search', { query: { page_size: 100, page_token: next }, body: {} });
		expect([past.status, past.data.code]).toEqual([200, 12052180]);
		expect(past.data.message).toContain('search total results cannot exceed 10000');
		const straddle = await client.call('POST', '/product/202309/products/search', { query: { page_size: 100, page_token: encodePageToken(9950, key) }, body: {} });
		expect(straddle.data.code).toBe(12052180);
		// a narrower filter stays under the cap
		const narrow = await client.call('POST', '/product/202309/products/search', { query: { page_size: 100 }, body: { status: 'SELLER_DEACTIVATED' } });
		expect(narrow.data.code).toBe(0);
	});
});
