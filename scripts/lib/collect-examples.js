#!/usr/bin/env node
// Collects examples/*.json workflows and examples/credentials/*.json credentials into two import
// files for `n8n import:*`. Ids missing from a file are derived from its name, so importing again
// updates the same workflow instead of adding a copy. Prints the ids of workflows whose JSON says
// "active": true (the demo publishes those), one per line. With a sandbox URL, credential values
// pointing at the default sandbox (http://127.0.0.1:8787) point at that URL instead (SANDBOX_PORT).
//   node scripts/lib/collect-examples.js <examples-dir> <out-dir> [sandbox-url]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const [examplesDir, outDir, sandboxUrl] = process.argv.slice(2);
const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:8787';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function stableId(seed) {
	const bytes = crypto.createHash('sha256').update(seed).digest();
	return Array.from(bytes.subarray(0, 16), (b) => ALNUM[b % ALNUM.length]).join('');
}
function stableUuid(seed) {
	const h = crypto.createHash('sha256').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
function readDir(dir) {
	if (!fs.existsSync(dir)) return [];
	const out = [];
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		const value = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		(Array.isArray(value) ? value : [value]).forEach((entry, i) => out.push({ entry, seed: `${file}#${i}` }));
	}
	return out;
}

fs.mkdirSync(outDir, { recursive: true });
const workflows = readDir(examplesDir).map(({ entry, seed }) => ({
	settings: {},
	...entry,
	id: entry.id ?? stableId(`workflow:${seed}`),
	versionId: entry.versionId ?? stableUuid(`version:${seed}:${JSON.stringify(entry)}`),
	wantActive: entry.active === true,
}));
const atSandbox = (data) =>
	Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) =>
		[key, sandboxUrl && typeof value === 'string' && value.startsWith(DEFAULT_SANDBOX_URL) ? sandboxUrl + value.slice(DEFAULT_SANDBOX_URL.length) : value]));
const credentials = readDir(path.join(examplesDir, 'credentials')).map(({ entry, seed }) => ({
	...entry,
	id: entry.id ?? stableId(`credential:${seed}`),
	data: atSandbox(entry.data),
}));
fs.writeFileSync(path.join(outDir, 'workflows.json'),
	JSON.stringify(workflows.map(({ wantActive, ...w }) => ({ ...w, active: false })), null, 2));
fs.writeFileSync(path.join(outDir, 'credentials.json'), JSON.stringify(credentials, null, 2));
fs.writeFileSync(path.join(outDir, 'counts'), `${workflows.length} ${credentials.length}\n`);
for (const w of workflows) if (w.wantActive) console.log(w.id);
