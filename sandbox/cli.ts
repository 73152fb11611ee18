import { startSandbox } from './server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from './tiktokshop/constants';
import { TOKOPEDIA_CLIENT_ID, TOKOPEDIA_CLIENT_SECRET, TOKOPEDIA_FS_ID } from './tokopedia/constants';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? 8787);
	const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
	const seed = process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : 42;
	const sbx = await startSandbox({ port, host, seed });
	const { code } = sbx.tikTokShop.auth.mintAuthCode();
	const shops = sbx.tikTokShop.state.shops;
	const lines = [
		'TikTok Shop sandbox running',
		`  Base URL (API host and auth host): ${sbx.url}`,
		`  App key:        ${SANDBOX_APP_KEY}`,
		`  App secret:     ${SANDBOX_APP_SECRET}`,
		`  Refresh token:  ${SANDBOX_REFRESH_TOKEN}`,
		`  Auth code:      ${code}   (single use, valid 30 min; mint more: POST ${sbx.url}/_sandbox/tiktokshop/auth_codes)`,
		`  Shops:          ${shops.map((s) => `${s.name} id=${s.id} cipher=${s.cipher}`).join('\n                  ')}`,
		'Tokopedia sandbox running (same base URL serves fs.tokopedia.net and accounts.tokopedia.com)',
		`  Token URL:      POST ${sbx.url}/token?grant_type=client_credentials  (HTTP Basic client_id:client_secret)`,
		`  fs_id (App ID): ${TOKOPEDIA_FS_ID}`,
		`  Client ID:      ${TOKOPEDIA_CLIENT_ID}`,
		`  Client secret:  ${TOKOPEDIA_CLIENT_SECRET}`,
		`  Shops:          ${sbx.tokopedia.state.shops
			.map((s) => `${s.shop_name} shop_id=${s.shop_id}${s.linked ? '' : ' (NOT linked → 403)'} warehouses=${sbx.tokopedia.state.warehousesByShop.get(s.shop_id)!.map((w) => w.warehouse_id).join(',')}`)
			.join('\n                  ')}`,
		`  Control API:    ${sbx.url}/_sandbox/  (stats, requests, config, reset, tiktokshop/..., tokopedia/...)`,
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(lines.join('\n') + '\n');
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sbx.close().then(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(`sandbox failed to start: ${(e as Error)?.stack ?? e}\n`);
	process.exit(1);
});
