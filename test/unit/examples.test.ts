/**
 * What a user importing examples/ relies on: every workflow file imports into n8n 1.x and 2.x
 * (a versionId, unique ids) and is run end to end by some e2e test in a real n8n.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const workflows = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json')).sort();
const e2eSources = fs
	.readdirSync(path.join(root, 'test/e2e'))
	.filter((f) => f.endsWith('.test.ts'))
	.map((f) => fs.readFileSync(path.join(root, 'test/e2e', f), 'utf8'))
	.join('\n');

describe('examples/', () => {
	test('holds workflows', () => {
		expect(workflows.length).toBeGreaterThan(0);
	});

	test.each(workflows)('%s is run by an e2e test', (file) => {
		expect(e2eSources).toContain(`example('${file}')`);
	});

	test.each(workflows)('%s has an id, a name and a versionId (n8n 1.x import needs it)', (file) => {
		const wf = JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
		expect(wf).toMatchObject({ id: expect.any(String), name: expect.any(String) });
		expect(wf.versionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	test('ids and versionIds are unique across the examples', () => {
		const all = workflows.map((f) => JSON.parse(fs.readFileSync(path.join(root, 'examples', f), 'utf8')));
		expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
		expect(new Set(all.map((w) => w.versionId)).size).toBe(all.length);
	});
});
