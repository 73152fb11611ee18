/**
 * The npm tarball users install: every node's codex file (categories, documentation links) sits
 * next to its compiled node, and a real n8n loaded from that tarball serves them to the editor.
 */
import axios from 'axios';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { N8nInstance, RunningN8n } from './lib/n8n';
import { DEMO_LOGIN, PACKAGE_NAME, REPO_ROOT, packPackage, prepareN8n } from './lib/n8n';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const codexPaths = (pkg.n8n.nodes as string[]).map((file) => file.replace(/\.js$/, '.json'));
let tarball: string;

beforeAll(() => {
	tarball = packPackage();
});

describe('packed tarball', () => {
	test('holds a codex file next to every node, as in the sources', () => {
		const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
		for (const file of codexPaths) {
			expect(listing).toContain(`package/${file}`);
			const packed = spawnSync('tar', ['-xzOf', tarball, `package/${file}`], { encoding: 'utf8' }).stdout;
			const source = fs.readFileSync(path.join(REPO_ROOT, file.replace(/^dist\//, '')), 'utf8');
			expect(JSON.parse(packed)).toEqual(JSON.parse(source));
		}
	});

	describe('in a real n8n', () => {
		let n8n: N8nInstance;
		let server: RunningN8n;
		beforeAll(async () => {
			n8n = await prepareN8n({ tarballs: [tarball] });
			server = await n8n.start({ timeoutMs: 300_000 });
		});
		afterAll(async () => {
			await server?.stop();
			await n8n?.dispose();
		});

		test('the editor gets each node with its categories and README documentation links', async () => {
			// n8n 2.41 serves the node types only to a logged-in editor (HTTP 401 otherwise).
			const login = await axios.post(`${server.url}/rest/login`, { emailOrLdapLoginId: DEMO_LOGIN.email, password: DEMO_LOGIN.password });
			const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
			const types = (await axios.get(`${server.url}/types/nodes.json`, { headers: { cookie } })).data as Array<{ name: string; codex?: { categories?: string[]; resources?: Record<string, Array<{ url: string }>> } }>;
			for (const file of codexPaths) {
				const codex = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file.replace(/^dist\//, '')), 'utf8'));
				const served = types.find((t) => t.name === codex.node);
				expect(served?.name.startsWith(`${PACKAGE_NAME}.`)).toBe(true);
				expect(served?.codex?.categories).toEqual(codex.categories);
				expect(served?.codex?.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\/github\.com\/.+#[a-z-]+$/);
			}
		});
	});
});
