// A throwaway community package with one trivial programmatic node, used by the harness smoke
// test to prove the npm-pack → `.n8n/nodes` loading path independently of the real nodes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packPackage } from './n8n';

export const PROBE_PACKAGE = 'n8n-nodes-e2e-harness-probe';
export const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.harnessProbe`;

const NODE_SOURCE = `'use strict';
class HarnessProbe {
	constructor() {
		this.description = {
			displayName: 'Harness Probe',
			name: 'harnessProbe',
			group: ['transform'],
			version: 1,
			description: 'Marks every item it sees (e2e harness)',
			defaults: { name: 'Harness Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [{ displayName: 'Tag', name: 'tag', type: 'string', default: 'probe' }],
		};
	}
	async execute() {
		const items = this.getInputData();
		return [items.map((item, i) => ({
			json: { ...item.json, probedBy: this.getNodeParameter('tag', i), probeIndex: i },
			pairedItem: { item: i },
		}))];
	}
}
exports.HarnessProbe = HarnessProbe;
`;

/** Writes the probe package to a temp dir and packs it; returns the tarball path. */
export function packProbePackage(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-probe-pkg-'));
	fs.mkdirSync(path.join(dir, 'dist/nodes/HarnessProbe'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'dist/nodes/HarnessProbe/HarnessProbe.node.js'), NODE_SOURCE);
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
		name: PROBE_PACKAGE,
		version: '0.0.1',
		keywords: ['n8n-community-node-package'],
		license: 'MIT',
		files: ['dist'],
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/HarnessProbe/HarnessProbe.node.js'], credentials: [] },
	}, null, 2));
	return packPackage(dir, { build: false });
}
