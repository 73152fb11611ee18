import { startSandbox } from './server';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_REFRESH_TOKEN } from './tiktokshop/constants';

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
		`  Control API:    ${sbx.url}/_sandbox/  (stats, requests, config, reset, tiktokshop/...)`,
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
