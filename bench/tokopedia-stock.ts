/**
 * Pushes N stock rows through the Tokopedia node (Update Stock, its real execute path) to the
 * sandbox at a configured rate limit and latency, and prints the achieved rows/s next to the
 * limit's bound. Each row counts as one request against the limit (Tokopedia's bulk rule).
 */
import axios from 'axios';

import { router } from '../nodes/Tokopedia/actions/router';
import { startSandbox } from '../sandbox/server';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from '../sandbox/tokopedia/constants';
import { credentialStore, fakeContext } from '../test/helpers/context';

export async function tokopediaStockBench(options: { rows?: number; rate?: number; burst?: number; latencyMs?: number } = {}) {
	const rows = options.rows ?? 10_000;
	const rate = options.rate ?? 500;
	const burst = options.burst ?? 100;
	const latencyMs = options.latencyMs ?? 50;
	const shop = 479066;
	const sandbox = await startSandbox({ tokopedia: { productCount: Math.ceil(rows * 1.1) + 100, orderCount: 50 } });
	try {
		const control = `${sandbox.url}/_sandbox`;
		const products = (await axios.get(`${control}/tokopedia/products?shop_id=${shop}&limit=${rows + 500}`)).data.products.filter(
			(p: { sku: string; children: unknown[]; status: number }) => p.sku && p.children.length === 0 && p.status !== 0,
		);
		if (products.length < rows) throw new Error(`sandbox seeded only ${products.length} SKUs`);
		const input = products.slice(0, rows).map((p: { sku: string }, k: number) => ({ json: { sku: p.sku, stock: k % 300 } }));
		await axios.post(`${control}/config`, {
			routes: { 'POST /inventory/v1/fs/{fs_id}/stock/update': { qps: rate, burst, latencyMs } },
		});
		const credentials = credentialStore(
			{
				fsId: String(TOKOPEDIA_FS_ID),
				clientId: TOKOPEDIA_CLIENT_ID,
				clientSecret: TOKOPEDIA_CLIENT_SECRET,
				shopId: String(shop),
				apiBaseUrl: sandbox.url,
				authBaseUrl: sandbox.url,
			},
			'tokopediaApi',
		);
		const ctx = fakeContext({
			credentials,
			items: input,
			continueOnFail: true,
			parameters: (i) => ({
				resource: 'inventory',
				operation: 'updateStock',
				shop: { __rl: true, mode: 'list', value: '' },
				identifyBy: 'sku',
				sku: input[i].json.sku,
				newStock: input[i].json.stock,
				warehouseId: '',
				options: {},
			}),
		});
		// Warm the token so the measurement is the push alone.
		await axios.post(`${sandbox.url}/token?grant_type=client_credentials`, null, { auth: { username: TOKOPEDIA_CLIENT_ID, password: TOKOPEDIA_CLIENT_SECRET } });
		const started = process.hrtime.bigint();
		const out = (await router.call(ctx))[0];
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const applied = out.filter((item) => item.json.applied === true).length;
		const stats = (await axios.get(`${control}/stats`)).data;
		// Best possible: the burst goes at once, the rest at the rate.
		const boundSeconds = Math.max(0, rows - burst) / rate;
		const boundRowsPerSecond = rows / boundSeconds;
		const achieved = rows / seconds;
		return {
			rows,
			applied,
			throttledRows: stats.tokopedia.throttledBulkRows as number,
			requests: Object.entries(stats.requests.byRoute as Record<string, number>)
				.filter(([route]) => route.includes('stock/update'))
				.reduce((sum, [, count]) => sum + count, 0),
			seconds,
			achievedRowsPerSecond: achieved,
			limit: `${rate} rows/s (burst ${burst}), latency ${latencyMs} ms`,
			boundRowsPerSecond,
			ratio: achieved / boundRowsPerSecond,
		};
	} finally {
		await sandbox.close();
	}
}
