import type { IDataObject } from 'n8n-workflow';

import { router } from '../../../nodes/TikTokShop/actions/router';
import { fakeContext, rl } from '../../helpers/context';
import { fakeTikTok, testCredentials } from '../../helpers/fakeTikTok';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

function orders(from: number, count: number) {
	return Array.from({ length: count }, (_, k) => ({ id: String(from + k), status: 'AWAITING_SHIPMENT' }));
}

async function run(parameters: IDataObject | ((i: number) => IDataObject), tiktok: ReturnType<typeof fakeTikTok>, extra: Record<string, unknown> = {}) {
	const ctx = fakeContext({ parameters, credentials: testCredentials(), transport: tiktok.transport, ...extra });
	return (await router.call(ctx))[0];
}

describe('Order → Get Many', () => {
	const pagesOf = (total: number) =>
		fakeTikTok({
			'POST /order/202309/orders/search': ({ query }) => {
				const offset = Number(query.page_token ?? 0);
				const size = Number(query.page_size);
				const next = offset + size < total ? String(offset + size) : '';
				return { data: { orders: orders(offset, Math.min(size, total - offset)), next_page_token: next, total_count: total } };
			},
		});

	it('follows every page with Return All and sends the filters as TikTok expects them', async () => {
		const tiktok = pagesOf(250);
		const out = await run(
			{
				resource: 'order',
				operation: 'getOrderList',
				shop: rl(''),
				returnAll: true,
				filters: { order_status: 'AWAITING_SHIPMENT', create_time_ge: '2026-11-01T00:00:00Z', warehouse_ids: 'W1, W2' },
				sort: { sort_field: 'update_time', sort_order: 'ASC' },
			},
			tiktok,
		);
		expect(out).toHaveLength(250);
		expect(new Set(out.map((item) => item.json.id)).size).toBe(250);
		expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(tiktok.calls).toHaveLength(3);
		expect(tiktok.calls[0].query).toMatchObject({ page_size: '100', shop_cipher: 'ROW_default', sort_field: 'update_time', sort_order: 'ASC' });
		expect(tiktok.calls[1].query.page_token).toBe('100');
		expect(tiktok.calls[0].body).toEqual({
			order_status: 'AWAITING_SHIPMENT',
			create_time_ge: 1793491200, // 2026-11-01T00:00:00Z
			warehouse_ids: ['W1', 'W2'],
		});
	});

	it('stops at the limit without fetching more pages than needed', async () => {
		const tiktok = pagesOf(500);
		const out = await run({ resource: 'order', operation: 'getOrderList', shop: rl('ROW_picked'), returnAll: false, limit: 30 }, tiktok);
		expect(out).toHaveLength(30);
		expect(tiktok.calls).toHaveLength(1);
		expect(tiktok.calls[0].query).toMatchObject({ page_size: '30', shop_cipher: 'ROW_picked' });
	});

	it('names the field when a date filter is not a date', async () => {
		const tiktok = pagesOf(1);
		await expect(
			run({ resource: 'order', operation: 'getOrderList', shop: rl(''), returnAll: true, filters: { update_time_lt: 'yesterday-ish' } }, tiktok),
		).rejects.toThrow('"Filters → Updated Before" must be a date');
	});
});

describe('Order → Get', () => {
	it('splits more than 50 ids into requests of 50 and returns one item per order', async () => {
		const tiktok = fakeTikTok({
			'GET /order/202309/orders': ({ query }) => ({ data: { orders: query.ids.split(',').map((id) => ({ id })) } }),
		});
		const ids = Array.from({ length: 120 }, (_, k) => String(1000 + k)).join(',');
		const out = await run({ resource: 'order', operation: 'getOrderDetail', shop: rl(''), orderIds: ids }, tiktok);
		expect(tiktok.calls.map((c) => c.query.ids.split(',').length)).toEqual([50, 50, 20]);
		expect(out).toHaveLength(120);
	});

	it('says which ids the shop does not know', async () => {
		const tiktok = fakeTikTok({ 'GET /order/202309/orders': () => ({ data: { orders: [{ id: '1' }] } }) });
		await expect(run({ resource: 'order', operation: 'getOrderDetail', shop: rl(''), orderIds: '1, 2' }, tiktok)).rejects.toThrow(
			'TikTok Shop returned no order for ID 2 in this shop',
		);
	});
});

describe('Order → Cancel', () => {
	it('sends the seller cancellation with the chosen line items', async () => {
		const tiktok = fakeTikTok({
			'POST /return_refund/202309/cancellations': () => ({ data: { cancel_id: 'C1', cancel_status: 'CANCELLATION_REQUEST_COMPLETE' } }),
		});
		const out = await run(
			{
				resource: 'order',
				operation: 'cancelOrder',
				shop: rl(''),
				orderId: ' 555 ',
				cancelReason: 'seller_cancel_reason_out_of_stock',
				orderLineItemIds: 'L1,L2',
			},
			tiktok,
		);
		expect(tiktok.calls[0].body).toEqual({ order_id: '555', cancel_reason: 'seller_cancel_reason_out_of_stock', order_line_item_ids: ['L1', 'L2'] });
		expect(out[0].json).toEqual({ order_id: '555', cancel_id: 'C1', cancel_status: 'CANCELLATION_REQUEST_COMPLETE' });
	});

	it('puts a business error on the failing item under Continue On Fail', async () => {
		const tiktok = fakeTikTok({
			'POST /return_refund/202309/cancellations': ({ body }) =>
				(body as IDataObject).order_id === 'bad' ? { code: 21008111, message: 'Order does not belong to seller' } : { data: { cancel_id: 'ok' } },
		});
		const out = await run(
			(i) => ({ resource: 'order', operation: 'cancelOrder', shop: rl(''), orderId: i === 0 ? 'bad' : 'good', cancelReason: 'seller_cancel_reason_out_of_stock', orderLineItemIds: '' }),
			tiktok,
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(out[0]).toMatchObject({ pairedItem: { item: 0 }, json: { error: 'TikTok Shop error 21008111: Order does not belong to seller', marketplaceCode: 21008111 } });
		expect(out[1]).toMatchObject({ pairedItem: { item: 1 }, json: { cancel_id: 'ok' } });
	});
});

describe('Package → Ship Many', () => {
	const tiktok = () =>
		fakeTikTok({
			'POST /fulfillment/202309/packages/ship': ({ body }) => ({
				data: {
					errors: ((body as { packages: IDataObject[] }).packages)
						.filter((p) => String(p.id).startsWith('frozen'))
						.map((p) => ({ code: 10007014, message: 'package in freeze status', detail: { package_id: p.id } })),
				},
			}),
		});
	const items = Array.from({ length: 60 }, () => ({ json: {} }));
	const params = (i: number) => ({
		resource: 'package',
		operation: 'batchShipPackages',
		shop: rl(''),
		packageId: i % 20 === 7 ? `frozen-${i}` : `P${i}`,
		shippingMode: 'tiktok',
		handoverMethod: 'DROP_OFF',
	});

	it('ships in batches and gives every input item its own result', async () => {
		const api = tiktok();
		const out = await run(params, api, { items, continueOnFail: true });
		expect(api.calls.map((c) => (c.body as { packages: unknown[] }).packages.length)).toEqual([50, 10]);
		expect((api.calls[0].body as { packages: IDataObject[] }).packages[0]).toEqual({ id: 'P0', handover_method: 'DROP_OFF' });
		expect(out).toHaveLength(60);
		expect(out[7]).toMatchObject({ pairedItem: { item: 7 }, json: { package_id: 'frozen-7', shipped: false, code: 10007014 } });
		expect(out[8]).toMatchObject({ pairedItem: { item: 8 }, json: { package_id: 'P8', shipped: true, handover_method: 'DROP_OFF' } });
	});

	it('without Continue On Fail, fails listing each failed package after applying the others', async () => {
		const api = tiktok();
		await expect(run(params, api, { items })).rejects.toThrow(
			/3 of 60 packages failed \(57 applied\): item 7: package frozen-7: package in freeze status \(code 10007014\); item 27/,
		);
		expect(api.calls).toHaveLength(2);
	});
});

describe('Package → Ship', () => {
	it('sends a self-shipment with carrier and tracking', async () => {
		const api = fakeTikTok({ 'POST /fulfillment/202309/packages/PKG1/ship': () => ({ data: {} }) });
		await run(
			{ resource: 'package', operation: 'shipPackage', shop: rl(''), packageId: 'PKG1', shippingMode: 'selfShipment', shippingProvider: rl('SP1', 'id'), trackingNumber: 'JX1' },
			api,
		);
		expect(api.calls[0].body).toEqual({ self_shipment: { shipping_provider_id: 'SP1', tracking_number: 'JX1' } });
	});

	it('refuses a self-shipment without a tracking number before calling TikTok', async () => {
		const api = fakeTikTok({});
		await expect(
			run({ resource: 'package', operation: 'shipPackage', shop: rl(''), packageId: 'PKG1', shippingMode: 'selfShipment', shippingProvider: rl('SP1', 'id'), trackingNumber: '' }, api),
		).rejects.toThrow('Self-shipment needs both "Shipping Provider" and "Tracking Number"');
		expect(api.calls).toHaveLength(0);
	});
});

describe('Package → Get Shipping Document', () => {
	it('returns the label as binary PDF data for the next node', async () => {
		const api = fakeTikTok({
			'GET /fulfillment/202309/packages/PKG9/shipping_documents': () => ({
				data: { doc_url: 'http://api.test/docs/label-PKG9.pdf', tracking_number: 'TRK9' },
			}),
		});
		const out = await run(
			{ resource: 'package', operation: 'getPackageShippingDocument', shop: rl(''), packageId: 'PKG9', documentType: 'SHIPPING_LABEL', documentSize: 'A6', documentFormat: 'PDF', binaryPropertyName: 'label' },
			api,
		);
		expect(api.calls[0].query).toMatchObject({ document_type: 'SHIPPING_LABEL', document_size: 'A6', document_format: 'PDF' });
		expect(out[0].json).toMatchObject({ package_id: 'PKG9', tracking_number: 'TRK9', file_name: 'shipping-label-PKG9.pdf' });
		expect(out[0].binary?.label).toMatchObject({ mimeType: 'application/pdf', fileName: 'shipping-label-PKG9.pdf' });
		expect(Buffer.from(out[0].binary!.label.data, 'base64').toString()).toMatch(/^%PDF-/);
	});
});

describe('Shop resolution', () => {
	it('asks the user to pick a shop when the credential reaches several and has no default', async () => {
		const api = fakeTikTok({
			'GET /authorization/202309/shops': () => ({
				data: { shops: [{ name: 'A', cipher: 'C_A' }, { name: 'B', cipher: 'C_B' }] },
			}),
		});
		const ctx = fakeContext({
			parameters: { resource: 'logistics', operation: 'getWarehouseList', shop: rl('') },
			credentials: testCredentials({ shopCipher: '' }),
			transport: api.transport,
		});
		await expect(router.call(ctx)).rejects.toThrow('Pick a shop in the "Shop" field: this credential can reach 2 shops (A (C_A), B (C_B))');
	});

	it('uses the only authorized shop when nothing is chosen', async () => {
		const api = fakeTikTok({
			'GET /authorization/202309/shops': () => ({ data: { shops: [{ name: 'Only', cipher: 'C_ONLY' }] } }),
			'GET /logistics/202309/warehouses': () => ({ data: { warehouses: [{ id: 'W1' }] } }),
		});
		const ctx = fakeContext({
			parameters: { resource: 'logistics', operation: 'getWarehouseList', shop: rl('') },
			credentials: testCredentials({ shopCipher: '' }),
			transport: api.transport,
		});
		const out = (await router.call(ctx))[0];
		expect(api.calls[1].query.shop_cipher).toBe('C_ONLY');
		expect(out).toEqual([{ json: { id: 'W1' }, pairedItem: { item: 0 } }]);
	});
});
