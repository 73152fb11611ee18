/**
 * `npm run bench [-- name ...]`: runs the benchmarks and prints their figures.
 * Benchmarks: tokopedia-stock, tiktokshop-stock (BENCH_BASELINE=0 skips its real-n8n baseline), reconcile,
 * ingest (webhook ingest in a running n8n, bench/ingest.ts; `npm run bench:ingest`),
 * adaptive-pacing (default pace against a limit 3× lower),
 * settlement-reconcile.
 */
import { adaptivePacingBench } from './adaptive-pacing';
import { ingestBench } from './ingest';
import { reconcileBench } from './reconcile';
import { settlementReconcileBench } from './settlement-reconcile';
import { tiktokshopStockBench } from './tiktokshop-stock';
import { tokopediaStockBench } from './tokopedia-stock';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
	'tokopedia-stock': async () => await tokopediaStockBench(),
	'tiktokshop-stock': async () => await tiktokshopStockBench(),
	reconcile: async () => await reconcileBench(),
	ingest: async () => await ingestBench(),
	'adaptive-pacing': async () => await adaptivePacingBench(),
	'settlement-reconcile': async () => await settlementReconcileBench(),
};

function format(value: unknown): string {
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
	return String(value);
}

// Summary columns: the first figure of a bench whose name matches, so benches keep their own wording
// (patterns in order of preference)
const summaryColumns: Array<[string, RegExp[]]> = [
	['rate', [/\/s|perSecond/i]],
	['bound', [/bound/i, /limit/i]],
	['ratio', [/ratio|÷/i]],
	['memory', [/heap|MB/]],
];

function printSummary(results: Array<[string, Record<string, unknown>]>) {
	const rows = results.map(([name, figures]) => [
		name,
		...summaryColumns.map(([, patterns]) => {
			const key = patterns
				.map((pattern) => Object.keys(figures).find((candidate) => pattern.test(candidate)))
				.find((found) => found !== undefined);
			return key === undefined ? '-' : format(figures[key]).slice(0, 40);
		}),
	]);
	const header = ['bench', ...summaryColumns.map(([column]) => column)];
	const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log('\n== summary');
	console.log(line(header));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const row of rows) console.log(line(row));
}

async function main() {
	const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
	// ingest starts a real n8n for minutes: it runs only when named
	const names = chosen.length ? chosen : Object.keys(benches).filter((name) => name !== 'ingest');
	const results: Array<[string, Record<string, unknown>]> = [];
	for (const name of names) {
		const bench = benches[name];
		if (!bench) throw new Error(`unknown benchmark "${name}" (known: ${Object.keys(benches).join(', ')})`);
		const figures = await bench();
		console.log(`\n== ${name}`);
		for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(24)} ${format(value)}`);
		results.push([name, figures]);
	}
	printSummary(results);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
