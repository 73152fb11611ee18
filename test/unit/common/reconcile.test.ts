import type { MarketplaceRow } from '../../../nodes/common/reconcile';
import { reconcile } from '../../../nodes/common/reconcile';

const market = (sku: string, quantity: number, extra: Partial<MarketplaceRow> = {}): MarketplaceRow => ({ sku, quantity, active: true, ref: {}, ...extra });

describe('reconcile', () => {
	it('classifies every SKU and sums the drift', () => {
		const { rows, summary } = reconcile(
			[
				{ itemIndex: 0, sku: 'A', quantity: 10 },
				{ itemIndex: 1, sku: 'B', quantity: 5 },
				{ itemIndex: 2, sku: 'C', quantity: 7 },
			],
			[market('A', 10), market('B', 8), market('D', 3)],
			{ tolerance: 0, ignoreInactive: true },
		);
		expect(rows.map(({ row }) => [row.sku, row.status, row.difference])).toEqual([
			['A', 'match', 0],
			['B', 'mismatch', 3],
			['D', 'missingInErp', null],
			['C', 'missingOnMarketplace', null],
		]);
		expect(summary).toMatchObject({ match: 1, mismatch: 1, missingInErp: 1, missingOnMarketplace: 1, total_absolute_drift: 3 });
		expect(rows[1].erp?.itemIndex).toBe(1);
	});

	it('applies tolerance, the safety buffer before comparing, inactive and warehouse filters', () => {
		const erp = [
			{ itemIndex: 0, sku: 'A', quantity: 10 },
			{ itemIndex: 1, sku: 'B', quantity: 10 },
		];
		expect(reconcile(erp, [market('A', 9), market('B', 12)], { tolerance: 1, ignoreInactive: true }).summary).toMatchObject({ match: 1, mismatch: 1 });
		const buffered = reconcile(erp, [market('A', 8), market('B', 10)], { tolerance: 0, ignoreInactive: true, buffer: { mode: 'subtractUnits', value: 2 } });
		expect(buffered.rows.map(({ row }) => [row.sku, row.status, row.target_quantity])).toEqual([
			['A', 'match', 8],
			['B', 'mismatch', 8],
		]);
		const inactive = reconcile(erp, [market('A', 10), market('B', 0, { active: false })], { tolerance: 0, ignoreInactive: true });
		expect(inactive.summary).toMatchObject({ match: 1, missingOnMarketplace: 1 });
		const byWarehouse = reconcile(
			[{ itemIndex: 0, sku: 'A', quantity: 4, warehouse: 'W2' }],
			[market('A', 9, { warehouse: 'W1' }), market('A', 4, { warehouse: 'W2' })],
			{ tolerance: 0, ignoreInactive: true, warehouse: 'W2' },
		);
		expect(byWarehouse.rows.map(({ row }) => [row.warehouse, row.status])).toEqual([['W2', 'match']]);
	});

	it('finds the 1 % drift among 50,000 SKUs', () => {
		const n = 50_000;
		const erp = Array.from({ length: n }, (_, k) => ({ itemIndex: k, sku: `S${k}`, quantity: k % 100 }));
		const rows = Array.from({ length: n }, (_, k) => market(`S${k}`, k % 100 === 0 ? 1 : k % 100));
		const { summary } = reconcile(erp, rows, { tolerance: 0, ignoreInactive: true });
		expect(summary).toMatchObject({ match: n - n / 100, mismatch: n / 100 });
	});
});
