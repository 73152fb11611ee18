// Queue mode (scripts/queue.sh, `npm run test:queue`): Redis, PostgreSQL and five n8n processes.
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 600000,
	maxWorkers: 1,
};
