import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from './n8n';

export interface LineNode {
	name: string;
	/** Another node type (e.g. n8n-nodes-base.code, typeVersion 2); default: the marketplace node. */
	type?: string;
	parameters: Record<string, unknown>;
	onError?: string;
}

/** A workflow of a Manual Trigger followed by `nodes` in a line; marketplace nodes get `credentials`. */
export function lineWorkflow(id: string, marketplaceType: string, credentials: Record<string, unknown>, nodes: LineNode[]) {
	const all = [
		{ id: `${id}-0`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((node, k) => ({
			id: `${id}-${k + 1}`,
			name: node.name,
			type: node.type ?? marketplaceType,
			typeVersion: node.type ? 2 : 1,
			position: [220 * (k + 1), 0],
			parameters: node.parameters,
			...(node.type ? {} : { credentials }),
			...(node.onError ? { onError: node.onError } : {}),
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let k = 0; k < all.length - 1; k++) connections[all[k].name] = { main: [[{ node: all[k + 1].name, type: 'main', index: 0 }]] };
	return { id, name: id, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/** An example workflow or credential file, as users import it. */
export function example(file: string) {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));
}
