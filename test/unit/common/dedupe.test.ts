import type { IDataObject } from 'n8n-workflow';

type IsFirst = typeof import('../../../nodes/common/dedupe').isFirstDelivery;

/** A fresh copy of the module: what a second n8n process (or a restarted one) has in memory. */
function newProcess(): IsFirst {
	let fn: IsFirst | undefined;
	jest.isolateModules(() => {
		fn = (require('../../../nodes/common/dedupe') as { isFirstDelivery: IsFirst }).isFirstDelivery;
	});
	return fn!;
}

/** The workflow's static data in the database: every delivery loads a copy and saves its copy back. */
class Database {
	document: IDataObject = {};
	load(): IDataObject {
		return JSON.parse(JSON.stringify(this.document)) as IDataObject;
	}
	save(copy: IDataObject): void {
		this.document = JSON.parse(JSON.stringify(copy)) as IDataObject;
	}
}

const WINDOW = 24 * 3600;

describe('isFirstDelivery', () => {
	it('knows a delivery after a restart from the saved static data alone', () => {
		const db = new Database();
		const before = newProcess();
		const copy = db.load();
		expect(before(copy, 'wf:n', 'n-1', WINDOW, 1_000)).toBe(true);
		db.save(copy);
		const after = newProcess();
		expect(after(db.load(), 'wf:n', 'n-1', WINDOW, 5_000)).toBe(false);
		expect(after(db.load(), 'wf:n', 'n-2', WINDOW, 6_000)).toBe(true);
	});

	it('puts back a record another process overwrote with its next save', () => {
		const db = new Database();
		const a = newProcess();
		const b = newProcess();
		// Both processes load the same document at the same moment; B saves last and drops A's record.
		const copyA = db.load();
		const copyB = db.load();
		expect(a(copyA, 'wf:n', 'x', WINDOW, 1_000)).toBe(true);
		expect(b(copyB, 'wf:n', 'y', WINDOW, 1_001)).toBe(true);
		db.save(copyA);
		db.save(copyB);
		expect(Object.keys(db.document.deliveries as object)).toEqual(['y']);
		// A's next delivery saves x again, so a redelivery of x to B is known.
		const next = db.load();
		expect(a(next, 'wf:n', 'z', WINDOW, 2_000)).toBe(true);
		db.save(next);
		expect(b(db.load(), 'wf:n', 'x', WINDOW, 3_000)).toBe(false);
	});

	it('runs a delivery again once the window has passed, and keeps at most 5,000 records', () => {
		const db = new Database();
		const one = newProcess();
		const copy = db.load();
		expect(one(copy, 'wf:n', 'old', 60, 0)).toBe(true);
		db.save(copy);
		const later = newProcess();
		expect(later(db.load(), 'wf:n', 'old', 60, 61_000)).toBe(true);
		const many = db.load();
		for (let k = 0; k < 5_100; k++) later(many, 'wf:n', `k-${k}`, WINDOW, 200_000 + k);
		later(many, 'wf:n', 'last', WINDOW, 400_000);
		expect(Object.keys(many.deliveries as object).length).toBeLessThanOrEqual(5_001);
	});
});
