/**
 * TikTok Update Stock at its default pace (20 req/s) against a sandbox whose limit is 3× lower
 * (6.67 req/s on inventory/update AND on products/search, the SKU lookups), through the node's
 * real execute path over HTTP. Prints how many update requests went through the first time and
 * the update throughput next to the limit's bound. Targets: ≥ 90 % and ≥ 90 %.
 */
import axios from 'axios';

import { router } from '../nodes/TikTokShop/actions/router';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../sandbox/tiktokshop/constants';
import { credentialStore, fakeContext } from '../test/helpers/context';

const UPDATE_ROUTE = 'POST /product/202309/products/{product_id}/inventory/update';
const SEARCH_ROUTE = 'POST /product/202309/products/search';
const logKey = (route: string) => route.replace(/\{[^}/]*\}/g, '{}');

export async function adaptivePacingBench(options: { products?: number; defaultRate?: number; latencyMs?: number } = {}) {
	const defaultRate = options.defaultRate ?? 20;
	const limit = defaultRate / 3;
	const products = options.products ?? 300;
	// Products and SKUs are split over the 2 shops.
	const sandbox = await startSandbox({ tikTokShop: { productCount: products * 2, skuCount: products * 2 * 2 } });
	try {
		const state = sandbox.tikTokShop.state;
		const shop = state.shops[0];
		const skus = [...state.productById.values()]
			.filter((entry) => entry.shopId === shop.id)
			.flatMap(({ product }) => product.skus.map((sku) => ({ productId: product.id, sku })));
		const input = skus.map((s, k) => ({
			json: {
				sku: s.sku.seller_sku,
				stock: (k * 7) % 300,
				warehouse: s.sku.inventory.length === 2 ? s.sku.inventory[k % 2].warehouse_id : '',
			},
		}));
		const seen = new Map<string, { first: number; last: number; ok: number; throttled: number }>();
		const add = sandbox.log.add.bind(sandbox.log);
		sandbox.log.add = (entry) => {
			const now = Date.now();
			const key = entry.route ?? entry.path;
			const s = seen.get(key) ?? { first: now, last: now, ok: 0, throttled: 0 };
			s.last = now;
			if (entry.status === 429) s.throttled++;
			else if (entry.status === 200) s.ok++;
			seen.set(key, s);
			add(entry);
		};
		await axios.post(`${sandbox.url}/_sandbox/config`, {
			latencyMs: options.latencyMs ?? 30,
			routes: { [UPDATE_ROUTE]: { qps: limit, burst: Math.ceil(limit) }, [SEARCH_ROUTE]: { qps: limit, burst: Math.ceil(limit) } },
		});
		const ctx = fakeContext({
			credentials: credentialStore({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				refreshToken: SANDBOX_REFRESH_TOKEN,
				shopCipher: shop.cipher,
				apiBaseUrl: sandbox.url,
				authBaseUrl: sandbox.url,
			}),
			items: input,
			continueOnFail: true,
			parameters: (i) => ({
				resource: 'inventory',
				operation: 'updateInventory',
				shop: { __rl: true, mode: 'list', value: shop.cipher },
				identifyBy: 'sellerSku',
				sellerSku: input[i].json.sku,
				quantity: input[i].json.stock,
				warehouseId: input[i].json.warehouse,
				// the defaults: requestsPerSecond 20, concurrency 4
				options: {},
			}),
		});
		const started = Date.now();
		const out = (await router.call(ctx))[0];
		const seconds = (Date.now() - started) / 1000;
		const update = seen.get(logKey(UPDATE_ROUTE))!;
		const search = seen.get(logKey(SEARCH_ROUTE))!;
		const updateSeconds = (update.last - update.first) / 1000;
		const firstTime = (s: { ok: number; throttled: number }) => (s.ok - Math.min(s.ok, s.throttled)) / s.ok;
		const throughput = (update.ok - 1) / updateSeconds;
		return {
			limit: `${limit.toFixed(2)} req/s (burst ${Math.ceil(limit)}) on inventory/update and products/search; node pace ${defaultRate} req/s`,
			skus: skus.length,
			applied: out.filter((item) => item.json.applied === true).length,
			failed: out.filter((item) => item.json.applied !== true).length,
			seconds,
			'update requests ok': update.ok,
			'update 429s': update.throttled,
			'update first-time success': firstTime(update),
			'update req/s': throughput,
			'update req/s ÷ limit': throughput / limit,
			'lookup requests ok': search.ok,
			'lookup 429s': search.throttled,
			'lookup first-time success': firstTime(search),
		};
	} finally {
		await sandbox.close();
	}
}
