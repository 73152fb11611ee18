/**
 * docker-compose.yml (README "Queue mode") against what queue.test.ts proves: the same processes
 * and the same env. Docker itself is not run here (not available in CI); when a `docker` binary is
 * present, `docker compose config` must accept the file too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8N_VERSION, REPO_ROOT, RUNTIME_DIR } from '../e2e/lib/n8n';
import { queueEnv } from './lib/services';

// js-yaml ships with the pinned n8n runtime (no devDependency needed for one parse).
const yaml = require(path.join(RUNTIME_DIR, 'node_modules/js-yaml')) as { load(text: string): unknown };
const file = path.join(REPO_ROOT, 'docker-compose.yml');

interface Service {
	image?: string;
	command?: string;
	environment?: Record<string, string>;
	depends_on?: Record<string, unknown>;
	healthcheck?: unknown;
}
const compose = yaml.load(fs.readFileSync(file, 'utf8')) as { services: Record<string, Service> };
const n8nServices = { 'n8n-main': 'start', 'n8n-worker': 'worker', 'n8n-webhook': 'webhook' };

describe('docker-compose.yml', () => {
	test('has n8n main, worker and webhook processor on the tested n8n version, with Redis and PostgreSQL', () => {
		expect(Object.keys(compose.services).sort()).toEqual(['n8n-main', 'n8n-webhook', 'n8n-worker', 'postgres', 'redis']);
		for (const [name, command] of Object.entries(n8nServices)) {
			const service = compose.services[name];
			expect([name, service.image]).toEqual([name, `docker.n8n.io/n8nio/n8n:${N8N_VERSION}`]);
			expect([name, String(service.command).split(' ')[0]]).toEqual([name, command]);
		}
		expect(compose.services.postgres.healthcheck).toBeDefined();
		expect(compose.services.redis.healthcheck).toBeDefined();
	});

	test('every n8n process gets the env the queue-mode test runs with', () => {
		const tested = queueEnv({
			redis: { port: 6379, stop: async () => undefined },
			postgres: { port: 5432, database: 'n8n', user: 'n8n', password: 'x', stop: async () => undefined },
			encryptionKey: 'x',
		});
		const required = [...Object.keys(tested), 'N8N_WEBHOOK_URL', 'N8N_DISABLE_PRODUCTION_MAIN_PROCESS', 'N8N_COMMUNITY_PACKAGES_ENABLED'];
		for (const name of Object.keys(n8nServices)) {
			const env = compose.services[name].environment ?? {};
			expect([name, required.filter((key) => !(key in env))]).toEqual([name, []]);
			expect(env).toMatchObject({
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				QUEUE_BULL_REDIS_HOST: 'redis',
				QUEUE_BULL_REDIS_PORT: '6379',
				DB_POSTGRESDB_HOST: 'postgres',
				DB_POSTGRESDB_PORT: '5432',
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			});
			// one key for all processes, never a literal in the file
			expect(env.N8N_ENCRYPTION_KEY).toMatch(/^\$\{N8N_ENCRYPTION_KEY:\?/);
			expect(env.DB_POSTGRESDB_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
		}
		expect(compose.services.postgres.environment).toMatchObject({ POSTGRES_USER: 'n8n', POSTGRES_DB: 'n8n' });
	});

	test('docker compose accepts the file (only where docker is installed)', () => {
		const docker = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
		if (docker.status !== 0) {
			console.log('docker compose not available here: file checked by parsing only');
			return;
		}
		const r = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], {
			encoding: 'utf8',
			env: { ...process.env, N8N_ENCRYPTION_KEY: 'k', POSTGRES_PASSWORD: 'p', N8N_WEBHOOK_URL: 'https://hooks.example.com/' },
		});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
	});
});
