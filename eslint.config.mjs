// The official config of n8n's node-cli (the one `n8n-node lint` runs unmodified in strict mode,
// see scripts/lint-n8n.sh), with this repository's stricter settings on top. Only the package's
// own files are linted: the sandbox, tests, benchmarks and scripts are not part of the package.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

const packageFiles = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

export default [
	globalIgnores(['dist/**', '.cache/**', 'test/**', 'sandbox/**', 'bench/**', 'scripts/**', 'examples/**', '*.js', '*.mjs']),
	...config,
	{ files: packageFiles, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	// The official config turns this one off; our numeric parameters all declare their maximum, and keep doing so.
	{ files: ['nodes/**/*.ts'], rules: { 'n8n-nodes-base/node-param-type-options-max-value-present': 'error' } },
];
