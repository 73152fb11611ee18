/**
 * Reconcile Inventory at 50,000 SKUs: the TikTok Shop node's real execute path (`fakeContext`,
 * real HTTP to the in-process sandbox) reads the whole shop through products/search and compares
 * it with an ERP list equal to the marketplace stock of one warehouse, with drift injected in ~1 %
 * of the rows (dry run). Prints the node's own fetch/compare times, the wall time, the peak heap
 * and RSS (sampled every 50 ms; the sandbox shares the process, so its serving cost is included)
 * and checks that the mismatch count equals the injected drift. Then the engine alone
 * (`reconcile()` from nodes/common/reconcile.ts) on 50,000 synthetic rows.
 */
import axios from 'axios';

import { reconcile } from '../nodes/common/reconcile';
import type { ErpRow, MarketplaceRow } from '../nodes/common/reconcile';
import { router } from '../nodes/TikTokShop/actions/router';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../sandbox/tiktokshop/constants';
import { credentialStore, fakeContext } from '../test/helpers/context';

const MB = 1024 * 1024;

/** Samples heapUsed / rss every `everyMs` until stopped; returns the peaks. */
function memorySampler(everyMs = 50) {
	const peak = { heapUsed: 0, rss: 0 };
	const sample = () => {
		const m = process.memoryUsage();
		peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
		peak.rss = Math.max(peak.rss, m.rss);
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop: () => {
			sample();
			clearInterval(timer);
			return peak;
		},
	};
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function reconcileBench(options: { skus?: number; driftEvery?: number; latencyMs?: number } = {}) {
	const skus = options.skus ?? 50_000;
	const driftEvery = options.driftEvery ?? 100;
	const latencyMs = options.latencyMs ?? 50;
	// Products and SKUs are split over 2 shops: twice the count puts `skus` SKUs in the first shop.
	const seedStarted = Date.now();
	const sandbox = await startSandbox({ tikTokShop: { productCount: (skus / 4) * 2, skuCount: skus * 2 } });
	const seedSeconds = (Date.now() - seedStarted) / 1000;
	try {
		const state = sandbox.tikTokShop.state;
		const shop = state.shops[0];
		const warehouse = state.warehouses.get(shop.id)!.find((w) => w.type === 'SALES_WAREHOUSE' && w.is_default)!.id;
		let shopSkus = 0;
		let products = 0;
		const erp: Array<{ sku: string; qty: number }> = [];
		for (const { shopId, product } of state.productById.values()) {
			if (shopId !== shop.id) continue;
			products++;
			for (const sku of product.skus) {
				shopSkus++;
				const entry = sku.inventory.find((w) => w.warehouse_id === warehouse);
				if (entry) erp.push({ sku: sku.seller_sku, qty: entry.quantity });
			}
		}
		let injected = 0;
		erp.forEach((row, k) => {
			if (k % driftEvery === 0) {
				row.qty += 1 + (k % 7);
				injected++;
			}
		});
		const items = erp.map((row) => ({ json: { sku: row.sku, qty: row.qty } }));
		await axios.post(`${sandbox.url}/_sandbox/config`, { latencyMs });
		const ctx = fakeContext({
			credentials: credentialStore({
				appKey: SANDBOX_APP_KEY,
				appSecret: SANDBOX_APP_SECRET,
				refreshToken: SANDBOX_REFRESH_TOKEN,
				shopCipher: shop.cipher,
				apiBaseUrl: sandbox.url,
				authBaseUrl: sandbox.url,
			}),
			items,
			parameters: (i) => ({
				resource: 'inventory',
				operation: 'reconcileInventory',
				shop: { __rl: true, mode: 'list', value: shop.cipher },
				erpSku: items[i].json.sku,
				erpQuantity: items[i].json.qty,
				erpWarehouse: '',
				applyCorrections: false,
				options: { ignoreInactive: false, warehouse },
			}),
		});
		gc?.();
		const base = process.memoryUsage();
		const sampler = memorySampler();
		const started = Date.now();
		const out = (await router.call(ctx))[0];
		const seconds = (Date.now() - started) / 1000;
		const peak = sampler.stop();
		const summary = out[out.length - 1].json;
		const stats = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data;
		const searchPages = Object.entries(stats.requests.byRoute as Record<string, number>)
			.filter(([route]) => route.includes('/products/search'))
			.reduce((sum, [, n]) => sum + n, 0);
		const mismatch = Number(summary.mismatch);
		const figures: Record<string, unknown> = {
			seedSeconds,
			shopSkus,
			products,
			warehouse,
			erpRows: erp.length,
			injectedDrift: injected,
			latency: `${latencyMs} ms per request`,
			searchPages,
			marketplaceSkus: summary.marketplace_skus,
			outputItems: out.length,
			'fetch s (node fetch_ms)': Number(summary.fetch_ms) / 1000,
			'compare s (compare_ms)': Number(summary.compare_ms) / 1000,
			'total s (wall)': seconds,
			'other s (items, output)': seconds - (Number(summary.fetch_ms) + Number(summary.compare_ms)) / 1000,
			'heap MB base→peak': `${(base.heapUsed / MB).toFixed(0)} → ${(peak.heapUsed / MB).toFixed(0)} (+${((peak.heapUsed - base.heapUsed) / MB).toFixed(0)})`,
			'rss MB base→peak': `${(base.rss / MB).toFixed(0)} → ${(peak.rss / MB).toFixed(0)} (+${((peak.rss - base.rss) / MB).toFixed(0)})`,
			counts: `match ${summary.match}, mismatch ${summary.mismatch}, missingInErp ${summary.missingInErp}, missingOnMarketplace ${summary.missingOnMarketplace}`,
			mismatchEqualsDrift: mismatch === injected ? 'yes' : `NO (${mismatch} vs ${injected})`,
		};
		Object.assign(figures, engineAlone(skus, driftEvery));
		return figures;
	} finally {
		await sandbox.close();
	}
}

/** `reconcile()` alone on synthetic rows (one warehouse), drift every `driftEvery` rows. */
function engineAlone(count: number, driftEvery: number): Record<string, unknown> {
	const market: MarketplaceRow[] = [];
	const erp: ErpRow[] = [];
	for (let k = 0; k < count; k++) {
		const sku = `SKU-${String(k).padStart(6, '0')}`;
		const quantity = (k * 37) % 500;
		market.push({ sku, quantity, warehouse: 'W1', active: true, ref: { product_id: String(1e9 + Math.floor(k / 4)), sku_id: String(2e9 + k), warehouses: [{ warehouse_id: 'W1', quantity }] } });
		erp.push({ itemIndex: k, sku, quantity: k % driftEvery === 0 ? quantity + 3 : quantity });
	}
	gc?.();
	const before = process.memoryUsage().heapUsed;
	const started = process.hrtime.bigint();
	const result = reconcile(erp, market, { tolerance: 0, ignoreInactive: false, warehouse: 'W1' });
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const after = process.memoryUsage().heapUsed;
	return {
		'engine alone: rows': count,
		'engine alone: compare ms': ms,
		'engine alone: heap +MB': (after - before) / MB,
		'engine alone: mismatches': `${result.summary.mismatch} (expected ${Math.ceil(count / driftEvery)})`,
	};
}
