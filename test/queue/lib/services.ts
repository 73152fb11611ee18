// Redis and PostgreSQL for queue mode, started from the Debian binaries (scripts/queue.sh installs
// them) on free local ports, with their data under the git-ignored .queue/ folder. No system
// service is used or touched.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { REPO_ROOT, freePort } from '../../e2e/lib/n8n';

export const QUEUE_DIR = path.join(REPO_ROOT, '.queue');

export interface Service {
	port: number;
	stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of started) {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns a long-running server in its own process group, output appended to `logFile`. */
function launch(cmd: string, args: string[], logFile: string): { child: ChildProcess; stop(): Promise<void> } {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	started.add(child);
	let exited = false;
	const gone = new Promise<void>((resolve) => child.on('exit', () => {
		exited = true;
		started.delete(child);
		resolve();
	}));
	return {
		child,
		stop: async () => {
			if (exited) return;
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				return;
			}
			const kill = setTimeout(() => {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {
					// already gone
				}
			}, 10_000);
			await gone;
			clearTimeout(kill);
		},
	};
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms`);
		await sleep(200);
	}
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			socket.destroy();
			resolve(d.toString().startsWith('+PONG'));
		});
		socket.on('error', () => resolve(false));
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** redis-server on a free port, no persistence. */
export async function startRedis(): Promise<Service> {
	const dir = path.join(QUEUE_DIR, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const server = launch('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], path.join(dir, 'redis.log'));
	await until(`redis on ${port}`, () => redisPing(port), 30_000);
	return { port, stop: server.stop };
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin/postgres'))) : [];
	if (versions.length === 0) throw new Error('PostgreSQL binaries not found in /usr/lib/postgresql/*/bin: run scripts/queue.sh (it installs them)');
	return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

/**
 * A throwaway PostgreSQL cluster (initdb) on a free port. postgres refuses to run as root, so as
 * root it runs as the `postgres` system user the Debian package creates, owning the data folder.
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const dir = path.join(QUEUE_DIR, 'postgres');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	const asUser = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
	if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
	const user = 'n8n';
	const password = 'n8n-queue-test';
	const pwFile = path.join(dir, 'pw');
	fs.writeFileSync(pwFile, password);
	if (asRoot) spawnSync('chown', ['postgres:postgres', pwFile]);
	const data = path.join(dir, 'data');
	const [initCmd, initArgs] = asUser(path.join(bin, 'initdb'), ['-D', data, '-U', user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync']);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${init.stdout}\n${init.stderr}`);
	const port = await freePort();
	const [cmd, args] = asUser(path.join(bin, 'postgres'), [
		'-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dir}`,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const server = launch(cmd, args, path.join(dir, 'postgres.log'));
	const env = { ...process.env, PGPASSWORD: password };
	const isReady = () => spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0;
	await until(`postgres on ${port}`, isReady, 60_000);
	const database = 'n8n';
	const created = spawnSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { env, encoding: 'utf8' });
	if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
	return { port, database, user, password, stop: server.stop };
}

/** The env every n8n process of one queue-mode deployment shares (README's docker-compose.yml has the same). */
export function queueEnv(opts: { redis: Service; postgres: Postgres; encryptionKey: string }): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(opts.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(opts.postgres.port),
		DB_POSTGRESDB_DATABASE: opts.postgres.database,
		DB_POSTGRESDB_USER: opts.postgres.user,
		DB_POSTGRESDB_PASSWORD: opts.postgres.password,
		N8N_ENCRYPTION_KEY: opts.encryptionKey,
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		DB_POSTGRESDB_POOL_SIZE: '10',
		DB_PING_TIMEOUT_MS: '15000',
		N8N_RUNNERS_GRANT_TOKEN_TTL: '300',
	};
}
