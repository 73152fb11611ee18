/**
 * The editor as a user sees it, in headless Chromium (Debian's chromium, driven by playwright-core):
 * the demo's n8n with the packed package, the example credentials and workflows, the sandbox.
 * Logs in, opens both action nodes in the node details view, loads their Shop pickers from the
 * sandbox, runs an example workflow from the editor and reads its output panel. Screenshots go to
 * .e2e/editor-screenshots (git-ignored). Every wait is on a selector or a condition, never a sleep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import axios from 'axios';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { CredentialInput, N8nInstance, RunningN8n } from '../e2e/lib/n8n';
import { DEMO_LOGIN, REPO_ROOT, prepareMarketplaceFiles, prepareN8n } from '../e2e/lib/n8n';
import { example } from '../e2e/lib/workflow';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, '.e2e/editor-screenshots');
// A loaded 2-core machine renders the editor slowly: waits are long, but they are waits for a condition.
const UI_TIMEOUT = 120_000;
const DAY = 86_400;
// Set-up seeds the sandbox, installs the package, imports, starts n8n (up to 8 min) and Chromium.
const SETUP_TIMEOUT = 1_200_000;

let sandbox: Sandbox;
let n8n: N8nInstance;
let server: RunningN8n;
let browser: Browser;
let page: Page;
const workflowIds: Record<string, string> = {};

async function shot(name: string) {
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
	fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	sandbox = await startSandbox({ port: 0 });
	prepareMarketplaceFiles();
	n8n = await prepareN8n();
	const credentials = [...example('credentials/tiktokshop-sandbox.json'), ...example('credentials/tokopedia-sandbox.json')];
	await n8n.importCredentials(credentials.map((c: CredentialInput) => ({ ...c, data: { ...c.data, apiBaseUrl: sandbox.url, authBaseUrl: sandbox.url } })));
	for (const file of ['tiktokshop-pull-orders.json', 'tokopedia-pull-orders.json']) workflowIds[file] = await n8n.importWorkflow(example(file));
	server = await n8n.start({ timeoutMs: 480_000 });
	browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
	page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
	page.setDefaultTimeout(UI_TIMEOUT);
	page.setDefaultNavigationTimeout(UI_TIMEOUT);
}, SETUP_TIMEOUT);

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
	await sandbox?.close();
}, 120_000);

afterEach(async () => {
	const state = expect.getState();
	if (page && state.currentTestName) await shot(`last-${state.currentTestName.replace(/\W+/g, '-')}`).catch(() => undefined);
});

const byTestId = (id: string, root: Page | Locator = page) => root.locator(`[data-test-id="${id}"]`);
const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

async function openWorkflow(file: string) {
	await page.goto(`${server.url}/workflow/${workflowIds[file]}`, { waitUntil: 'domcontentloaded' });
	await byTestId('canvas-node').first().waitFor();
}

async function openNode(name: string) {
	await canvasNode(name).dblclick();
	await byTestId('ndv').waitFor();
	await byTestId('node-parameters').waitFor();
}

async function closeNode() {
	await byTestId('ndv-close-button').click();
	await byTestId('ndv').waitFor({ state: 'hidden' });
}

/** What a field shows: the text of a select, or the value of an input. */
async function shown(testId: string): Promise<string> {
	const field = byTestId(testId).first();
	await field.waitFor();
	return await field.evaluate((el) => [el.textContent ?? '', ...[...el.querySelectorAll('input')].map((input) => input.value)].join(' '));
}

/** Opens the node's Shop resource locator and returns the entries its list search loaded from the sandbox. */
async function shopPickerEntries(): Promise<string[]> {
	const locator = byTestId('resource-locator-shop');
	await byTestId('rlc-input', locator).click();
	const items = byTestId('rlc-item');
	await items.first().waitFor();
	await shot(`picker-${(await page.locator('[data-test-id="node-title-container"]').innerText()).replace(/\W+/g, '-')}`);
	const entries = (await items.allInnerTexts()).map((text) => text.trim());
	await page.keyboard.press('Escape');
	return entries;
}

describe('the editor in headless Chromium', () => {
	test('logs in as the demo owner', async () => {
		await page.goto(`${server.url}/signin`, { waitUntil: 'domcontentloaded' });
		await page.locator('input[name="emailOrLdapLoginId"]').fill(DEMO_LOGIN.email);
		await page.locator('input[name="password"]').fill(DEMO_LOGIN.password);
		await shot('01-signin');
		await byTestId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await byTestId('main-sidebar-settings').waitFor();
		await shot('02-home');
	});

	test('opens the TikTok Shop node and loads its Shop picker from the sandbox', async () => {
		await openWorkflow('tiktokshop-pull-orders.json');
		await shot('03-tiktokshop-canvas');
		await openNode('All Orders Updated in 30 Days');
		expect(await shown('node-credentials-select')).toContain('TikTok Shop (local sandbox)');
		expect(await shown('parameter-input-resource')).toContain('Order');
		expect(await shown('parameter-input-operation')).toContain('Get Many');
		await shot('04-tiktokshop-ndv');
		const expected = sandbox.tikTokShop.state.shops.map((shop) => `${shop.name} (${shop.region}, ${shop.id})`);
		expect((await shopPickerEntries()).sort()).toEqual(expected.sort());
		await closeNode();
	});

	test('opens the Tokopedia node, loads its Shop picker, runs the example and shows its orders in the output panel', async () => {
		// A new order the run must return, so the output panel is checked for a known row.
		const created = (await axios.post(`${sandbox.url}/_sandbox/tokopedia/orders`, { shop_id: 479066 })).data.orders[0] as { order_id: number };
		const invoice = sandbox.tokopedia.state.orders.get(created.order_id)!.invoice;
		await openWorkflow('tokopedia-pull-orders.json');
		await shot('05-tokopedia-canvas');
		await openNode('Orders of the Last 14 Days');
		expect(await shown('parameter-input-operation')).toContain('Get Many');
		const expected = sandbox.tokopedia.state.linkedShops().map((shop) => `${shop.shop_name} (${shop.shop_id})`);
		expect((await shopPickerEntries()).sort()).toEqual(expected.sort());
		await closeNode();

		const paidSince = (from: number) =>
			[...sandbox.tokopedia.state.orders.values()].filter((o) => o.shop_id === 479066 && o.paid_at !== null && o.create_time >= from).length;
		const before = Math.floor(Date.now() / 1000);
		await byTestId('execute-workflow-button').click();
		await canvasNode('Orders of the Last 14 Days').locator('[data-test-id="canvas-node-status-success"]').waitFor();
		const after = Math.floor(Date.now() / 1000);
		await shot('06-tokopedia-run');

		await openNode('Orders of the Last 14 Days');
		const output = byTestId('output-panel');
		await byTestId('node-run-status-success', output).waitFor();
		const count = Number((await byTestId('ndv-items-count', output).innerText()).match(/(\d+) items?/)?.[1]);
		// The window is "the last 14 days" at the moment n8n ran it, somewhere between before and after.
		expect(count).toBeGreaterThanOrEqual(paidSince(before - 14 * DAY));
		expect(count).toBeLessThanOrEqual(paidSince(after - 14 * DAY));
		await shot('07-tokopedia-output');
		await byTestId('ndv-search', output).fill(invoice);
		await byTestId('ndv-data-container', output).getByText(invoice).first().waitFor();
		await expect(byTestId('ndv-data-container', output).innerText()).resolves.toContain(String(created.order_id));
		expect(await byTestId('ndv-items-count', output).innerText()).toMatch(new RegExp(`\\b1 of ${count} items`));
		await shot('08-tokopedia-output-search');
		await closeNode();
	});
});
