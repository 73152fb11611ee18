/**
 * What the editor shows, read the way n8n reads it: canvas subtitles (evaluated by n8n-workflow's
 * expression engine), the node picker entry n8n merges from "X" and "X Trigger", and the codex
 * files' categories and documentation links (README sections that exist).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TikTokShop } from '../../nodes/TikTokShop/TikTokShop.node';
import { TikTokShopTrigger } from '../../nodes/TikTokShop/TikTokShopTrigger.node';
import { Tokopedia } from '../../nodes/Tokopedia/Tokopedia.node';
import { TokopediaTrigger } from '../../nodes/Tokopedia/TokopediaTrigger.node';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function subtitle(nodeType: INodeType, parameters: Record<string, string>): unknown {
	const node = { id: '1', name: 'N', type: nodeType.description.name, typeVersion: 1, position: [0, 0] as [number, number], parameters };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes as never });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
}

function operations(nodeType: INodeType): Array<{ resource: string; operation: string; action: string }> {
	return nodeType.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			((p.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
				(p.options ?? []).map((o) => ({ resource, operation: String((o as { value: string }).value), action: String((o as { action?: string }).action) })),
			),
		);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function readmeAnchors(): Set<string> {
	const text = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	return new Set(
		[...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
			m[1].trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'),
		),
	);
}

describe('canvas subtitles', () => {
	test('TikTok Shop shows the action sentence, not internal names', () => {
		expect(subtitle(new TikTokShop(), { resource: 'package', operation: 'getPackageShippingDocument' })).not.toMatch(/getPackageShippingDocument|: package/);
	});

	test.each([
		['TikTok Shop', new TikTokShop()],
		['Tokopedia', new Tokopedia()],
	])('every %s operation has its own action sentence as subtitle', (_name, nodeType) => {
		const ops = operations(nodeType);
		expect(ops.length).toBeGreaterThan(10);
		for (const { resource, operation, action } of ops) expect(subtitle(nodeType, { resource, operation })).toBe(action);
	});
});

describe('node picker', () => {
	// n8n's node creator merges "<name>Trigger" into the "<name>" entry and shows the trigger's description there.
	test.each([
		[new TikTokShop(), new TikTokShopTrigger()],
		[new Tokopedia(), new TokopediaTrigger()],
	])('the merged entry describes the action node first', (action, trigger) => {
		expect(trigger.description.name.replace('Trigger', '')).toBe(action.description.name);
		const firstWords = action.description.description.split(' ').slice(0, 4).join(' ');
		expect(trigger.description.description.startsWith(firstWords)).toBe(true);
	});
});

describe('codex files', () => {
	const anchors = readmeAnchors();
	test.each(pkg.n8n.nodes as string[])('%s has a codex with a category and README links', (distFile) => {
		const source = path.join(root, distFile.replace(/^dist\//, '').replace(/\.js$/, '.json'));
		const codex = JSON.parse(fs.readFileSync(source, 'utf8'));
		const nodeName = path.basename(distFile, '.node.js');
		expect(codex.node).toBe(`${pkg.name}.${nodeName.charAt(0).toLowerCase()}${nodeName.slice(1)}`);
		expect(codex.categories.length).toBeGreaterThan(0);
		for (const kind of ['primaryDocumentation', 'credentialDocumentation']) {
			const [{ url }] = codex.resources[kind];
			const [base, anchor] = String(url).split('#');
			expect(base).toBe(pkg.homepage.replace(/#readme$/, ''));
			expect(anchors).toContain(anchor);
		}
	});
});
