/**
 * Pushes the stock of 10,000 SKUs (2,500 products of one shop) through the TikTok Shop node's
 * Inventory → Update Stock (its real execute path, `fakeContext`, real HTTP) to the sandbox with a
 * QPS limit on the inventory update route and a latency on every route, and prints the achieved
 * update requests/s next to the limit, split into the SKU resolution (products/search) and the
 * updates (timed from the sandbox's own request log, see `phaseClock`).
 *
 * Baseline (`BENCH_BASELINE=0` skips it): the same push as a user without this pack would build it
 * in a REAL n8n (test/e2e/lib/n8n.ts): Manual Trigger → Code (one item per SKU, ids precomputed) →
 * HTTP Request v4.2 (one request per item, retry and batching at their defaults), run three ways:
 *   A. Authentication "Predefined Credential Type" = tikTokShopApi (this pack's credential signs);
 *   B. no authentication, the request signed per item beforehand (what a user with no TikTok
 *      credential has to do), at the same limit;
 *   C. B with the limit removed (its best case).
 */
import axios from 'axios';
import { createHmac } from 'node:crypto';

import { router } from '../nodes/TikTokShop/actions/router';
import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from '../sandbox/tiktokshop/constants';
import type { Sku } from '../sandbox/tiktokshop/types';
import { credentialStore, fakeContext } from '../test/helpers/context';

const UPDATE_ROUTE = 'POST /product/202309/products/{product_id}/inventory/update';
const SEARCH_ROUTE = 'POST /product/202309/products/search';
/** How the sandbox names a route in its stats and log (placeholders as `{}`). */
const logKey = (route: string) => route.replace(/\{[^}/]*\}/g, '{}');

interface ShopSku {
	productId: string;
	sku: Sku;
}

/** The SKUs of the first shop, in product order. */
function shopSkus(sandbox: Sandbox): { cipher: string; skus: ShopSku[]; products: number } {
	const state = sandbox.tikTokShop.state;
	const shop = state.shops[0];
	const skus: ShopSku[] = [];
	let products = 0;
	for (const { shopId, product } of state.productById.values()) {
		if (shopId !== shop.id) continue;
		products++;
		for (const sku of product.skus) skus.push({ productId: product.id, sku });
	}
	return { cipher: shop.cipher, skus, products };
}

/**
 * Wall-clock times of the first/last answered request per route, read off the sandbox's request
 * log as it records each answer (in process; the log API keeps only the last 2,000 entries).
 */
function phaseClock(sandbox: Sandbox) {
	const seen = new Map<string, { first: number; last: number; count: number }>();
	const log = sandbox.log;
	const add = log.add.bind(log);
	log.add = (entry) => {
		const now = Date.now();
		const key = entry.route ?? entry.path;
		const s = seen.get(key);
		if (s) {
			s.last = now;
			s.count++;
		} else seen.set(key, { first: now, last: now, count: 1 });
		add(entry);
	};
	return { get: (route: string) => seen.get(route), reset: () => seen.clear() };
}

const byRoute = async (url: string): Promise<Record<string, number>> => (await axios.get(`${url}/_sandbox/stats`)).data.requests.byRoute;

export async function tiktokshopStockBench(options: { rate?: number; burst?: number; latencyMs?: number; concurrency?: number; baselineSkus?: number } = {}) {
	const rate = options.rate ?? 50;
	const burst = options.burst ?? rate;
	const latencyMs = options.latencyMs ?? 50;
	const concurrency = options.concurrency ?? 8;
	const baselineSkus = options.baselineSkus ?? Number(process.env.BENCH_BASELINE_SKUS ?? 2000);
	// Products and SKUs are split over 2 shops: 5,000 / 20,000 puts 2,500 / 10,000 in the first.
	const seedStarted = Date.now();
	const sandbox = await startSandbox({ tikTokShop: { productCount: 5000, skuCount: 20000 } });
	const seedSeconds = (Date.now() - seedStarted) / 1000;
	const figures: Record<string, unknown> = {};
	try {
		const control = `${sandbox.url}/_sandbox`;
		const { cipher, skus, products } = shopSkus(sandbox);
		const twoWarehouse = skus.filter((s) => s.sku.inventory.length === 2).length;
		const input = skus.map((s, k) => ({
			json: {
				sku: s.sku.seller_sku,
				stock: (k * 7) % 300,
				// SKUs in 2 warehouses need the one to change; the others' only warehouse is implied.
				warehouse: s.sku.inventory.length === 2 ? s.sku.inventory[k % 2].warehouse_id : '',
			},
		}));
		await axios.post(`${control}/config`, { latencyMs, routes: { [UPDATE_ROUTE]: { qps: rate, burst } } });
		const credentials = credentialStore({
			appKey: SANDBOX_APP_KEY,
			appSecret: SANDBOX_APP_SECRET,
			refreshToken: SANDBOX_REFRESH_TOKEN,
			shopCipher: cipher,
			apiBaseUrl: sandbox.url,
			authBaseUrl: sandbox.url,
		});
		const ctx = fakeContext({
			credentials,
			items: input,
			continueOnFail: true,
			parameters: (i) => ({
				resource: 'inventory',
				operation: 'updateInventory',
				shop: { __rl: true, mode: 'list', value: cipher },
				identifyBy: 'sellerSku',
				sellerSku: input[i].json.sku,
				quantity: input[i].json.stock,
				warehouseId: input[i].json.warehouse,
				options: { concurrency, requestsPerSecond: rate },
			}),
		});
		const clock = phaseClock(sandbox);
		const started = Date.now();
		const out = (await router.call(ctx))[0];
		const ended = Date.now();
		const seconds = (ended - started) / 1000;
		const applied = out.filter((item) => item.json.applied === true).length;
		const routes = await byRoute(sandbox.url);
		const search = clock.get(logKey(SEARCH_ROUTE));
		const update = clock.get(logKey(UPDATE_ROUTE));
		if (!search || !update) throw new Error(`no search/update requests seen: ${JSON.stringify(routes)}`);
		const updates = routes[logKey(UPDATE_ROUTE)] ?? 0;
		// Resolution = until the last products/search answer; updates = from then to the end.
		const prepSeconds = (search.first - started) / 1000 - latencyMs / 1000;
		const resolveSeconds = (search.last - started) / 1000;
		const updateSeconds = (ended - search.last) / 1000;
		const achieved = updates / updateSeconds;
		const log = (await axios.get(`${control}/tiktokshop/inventory-log?source=api_update&shop_id=${sandbox.tikTokShop.state.shops[0].id}`)).data;
		Object.assign(figures, {
			seedSeconds,
			skus: skus.length,
			products,
			skusIn2Warehouses: twoWarehouse,
			applied,
			failed: out.length - applied,
			inventoryLogEntries: log.total,
			searchRequests: routes[logKey(SEARCH_ROUTE)] ?? 0,
			updateRequests: updates,
			rateLimited429: (await axios.get(`${control}/stats`)).data.rateLimited,
			limit: `${rate} qps (burst ${burst}) on inventory/update, latency ${latencyMs} ms on every route`,
			nodeOptions: `concurrency ${concurrency}, requestsPerSecond ${rate}`,
			seconds,
			'  before 1st search': Math.max(0, prepSeconds),
			'  resolution (search)': resolveSeconds,
			'  updates': updateSeconds,
			'  first update after': (update.first - search.last) / 1000,
			updateRequestsPerSecond: achieved,
			qpsBound: rate,
			ratioToBound: achieved / rate,
			skusPerSecondEndToEnd: skus.length / seconds,
			skusPerSecondUpdatePhase: skus.length / updateSeconds,
		});

		if (process.env.BENCH_BASELINE !== '0') Object.assign(figures, await baseline(sandbox, { rate, burst, latencyMs, count: baselineSkus, packSkusPerSecond: skus.length / seconds, packUpdateSkusPerSecond: skus.length / updateSeconds, packRequestsPerSecond: achieved }));
		return figures;
	} finally {
		await sandbox.close();
	}
}

// ---------------------------------------------------------------------------------------------
// baseline: n8n's HTTP Request node in a real n8n

interface BaselineItem {
	product_id: string;
	sku_id: string;
	shop_cipher: string;
	body: { skus: Array<{ id: string; inventory: Array<{ warehouse_id: string; quantity: number }> }> };
	app_key?: string;
	timestamp?: string;
	sign?: string;
	access_token?: string;
}

function sign(secret: string, path: string, query: Record<string, string>, body: string): string {
	const base = path + Object.keys(query).sort().map((k) => k + query[k]).join('') + body;
	return createHmac('sha256', secret).update(secret + base + secret).digest('hex');
}

/** One item per SKU: every warehouse of the SKU, the target one changed (partial lists are refused). */
function baselineItems(sandbox: Sandbox, count: number): BaselineItem[] {
	const { cipher, skus } = shopSkus(sandbox);
	return skus.slice(0, count).map((s, k) => {
		const target = s.sku.inventory[k % s.sku.inventory.length].warehouse_id;
		return {
			product_id: s.productId,
			sku_id: s.sku.id,
			shop_cipher: cipher,
			body: { skus: [{ id: s.sku.id, inventory: s.sku.inventory.map((w) => ({ warehouse_id: w.warehouse_id, quantity: w.warehouse_id === target ? (k * 11) % 300 : w.quantity })) }] },
		};
	});
}

function workflow(name: string, sandboxUrl: string, items: BaselineItem[], auth: { credentialId: string } | 'signed') {
	const query = [{ name: 'shop_cipher', value: '={{ $json.shop_cipher }}' }];
	const http: Record<string, unknown> = {
		method: 'POST',
		url: `=${sandboxUrl}/product/202309/products/{{ $json.product_id }}/inventory/update`,
		authentication: 'none',
		sendQuery: true,
		queryParameters: { parameters: query },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json.body) }}',
		options: {},
	};
	const node: Record<string, unknown> = {
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [440, 0],
		// only so failed items are counted instead of stopping the run at the first one
		onError: 'continueRegularOutput',
		parameters: http,
	};
	if (auth === 'signed') {
		query.push({ name: 'app_key', value: '={{ $json.app_key }}' }, { name: 'timestamp', value: '={{ $json.timestamp }}' }, { name: 'sign', value: '={{ $json.sign }}' });
		http.sendHeaders = true;
		http.headerParameters = { parameters: [{ name: 'x-tts-access-token', value: '={{ $json.access_token }}' }] };
	} else {
		http.authentication = 'predefinedCredentialType';
		http.nodeCredentialType = 'tikTokShopApi';
		node.credentials = { tikTokShopApi: { id: auth.credentialId, name: 'TTS bench' } };
	}
	return {
		name,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'code', name: 'SKUs', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` } },
			node,
		],
		connections: {
			Start: { main: [[{ node: 'SKUs', type: 'main', index: 0 }]] },
			SKUs: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] },
		},
	};
}

async function baseline(
	sandbox: Sandbox,
	o: { rate: number; burst: number; latencyMs: number; count: number; packSkusPerSecond: number; packUpdateSkusPerSecond: number; packRequestsPerSecond: number },
): Promise<Record<string, unknown>> {
	const { prepareN8n } = await import('../test/e2e/lib/n8n');
	const control = `${sandbox.url}/_sandbox`;
	const limited = { latencyMs: o.latencyMs, routes: { [UPDATE_ROUTE]: { qps: o.rate, burst: o.burst } } };
	const unlimited = { latencyMs: o.latencyMs, routes: { [UPDATE_ROUTE]: null } };
	// Same seed again (the pack's run rotated the demo refresh token); then one token for the signed runs.
	await axios.post(`${control}/reset`);
	const token = (await axios.get(`${sandbox.url}/api/v2/token/refresh`, {
		params: { app_key: SANDBOX_APP_KEY, app_secret: SANDBOX_APP_SECRET, refresh_token: SANDBOX_REFRESH_TOKEN, grant_type: 'refresh_token' },
	})).data.data as { access_token: string; refresh_token: string };

	const prepStarted = Date.now();
	const n8n = await prepareN8n();
	const figures: Record<string, unknown> = {};
	try {
		const [credentialId] = await n8n.importCredentials({
			name: 'TTS bench',
			type: 'tikTokShopApi',
			data: { appKey: SANDBOX_APP_KEY, appSecret: SANDBOX_APP_SECRET, authCode: '', refreshToken: token.refresh_token, shopCipher: '', apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url, accessToken: '' },
		});
		figures['baseline n8n setup s'] = (Date.now() - prepStarted) / 1000;

		const run = async (label: string, auth: { credentialId: string } | 'signed', config: object) => {
			await axios.post(`${control}/config`, config);
			const before = await axios.get(`${control}/stats`);
			let items = baselineItems(sandbox, o.count);
			if (auth === 'signed') {
				// signed just before the run: TikTok accepts a timestamp up to 300 s old
				const timestamp = String(Math.floor(Date.now() / 1000) + 10);
				items = items.map((item) => {
					const query = { shop_cipher: item.shop_cipher, app_key: SANDBOX_APP_KEY, timestamp };
					const path = `/product/202309/products/${item.product_id}/inventory/update`;
					return { ...item, app_key: SANDBOX_APP_KEY, timestamp, access_token: token.access_token, sign: sign(SANDBOX_APP_SECRET, path, query, JSON.stringify(item.body)) };
				});
			}
			const id = await n8n.importWorkflow(workflow(`bench ${label}`, sandbox.url, items, auth));
			const started = Date.now();
			const result = await n8n.executeWorkflow(id);
			const wall = (Date.now() - started) / 1000;
			const after = (await axios.get(`${control}/stats`)).data;
			const httpRun = result.run.data.resultData.runData['HTTP Request']?.[0];
			const outItems = result.output('HTTP Request');
			const failedItems = outItems.filter(
				(json) => json.error !== undefined || (typeof json.code === 'number' && json.code !== 0) || ((json.data as { errors?: unknown[] } | undefined)?.errors?.length ?? 0) > 0,
			);
			const errors = new Map<string, number>();
			for (const json of failedItems) {
				const error = json.error as { message?: string } | string | undefined;
				const message = (typeof error === 'string' ? error : error?.message ?? `code ${String(json.code)}`).slice(0, 90);
				errors.set(message, (errors.get(message) ?? 0) + 1);
			}
			const delta = (key: string) => (after.requests.byRoute[key] ?? 0) - (before.data.requests.byRoute[key] ?? 0);
			const nodeSeconds = (httpRun?.executionTime ?? 0) / 1000;
			const ok = outItems.length - failedItems.length;
			const requests = delta(logKey(UPDATE_ROUTE));
			figures[`${label} items`] = outItems.length;
			figures[`${label} ok / failed`] = `${ok} / ${failedItems.length}`;
			if (errors.size) figures[`${label} errors`] = [...errors].map(([m, n]) => `${n}× ${m}`).join(' | ');
			figures[`${label} update requests`] = requests;
			figures[`${label} 429s`] = after.rateLimited - before.data.rateLimited;
			figures[`${label} token refreshes`] = after.tiktokshop.tokenRefreshes - before.data.tiktokshop.tokenRefreshes;
			figures[`${label} node s (n8n s)`] = `${nodeSeconds.toFixed(2)} (${wall.toFixed(1)} for \`n8n execute\`)`;
			figures[`${label} ok SKUs/s`] = nodeSeconds ? ok / nodeSeconds : 0;
			figures[`${label} requests/s`] = nodeSeconds ? requests / nodeSeconds : 0;
			return { ok, nodeSeconds };
		};

		// Run order: the signed runs use the access token fetched above; A rotates tokens on every failure.
		const signedLimited = await run(`B signed @${o.rate}qps`, 'signed', limited);
		const signedFree = await run('C signed, no limit', 'signed', unlimited);
		await run(`A credential @${o.rate}qps`, { credentialId }, limited);
		figures['pack SKUs/s (end to end)'] = o.packSkusPerSecond;
		figures['pack update requests/s'] = o.packRequestsPerSecond;
		figures['ratio pack/B ok SKUs/s'] = signedLimited.ok ? o.packSkusPerSecond / (signedLimited.ok / signedLimited.nodeSeconds) : 'B applied nothing';
		figures['ratio pack/C ok SKUs/s'] = signedFree.ok ? o.packSkusPerSecond / (signedFree.ok / signedFree.nodeSeconds) : 'C applied nothing';
		// the baseline got its ids precomputed: compare with the pack's update phase alone too
		figures['ratio pack updates/B'] = signedLimited.ok ? o.packUpdateSkusPerSecond / (signedLimited.ok / signedLimited.nodeSeconds) : 'B applied nothing';
		figures['ratio pack updates/C'] = signedFree.ok ? o.packUpdateSkusPerSecond / (signedFree.ok / signedFree.nodeSeconds) : 'C applied nothing';
	} finally {
		await n8n.dispose();
	}
	return figures;
}
