// The rulesets n8n's community package scanner runs: @n8n/eslint-plugin-community-nodes
// (recommended, Cloud restrictions included) and eslint-plugin-n8n-nodes-base
// (community, credentials, nodes), plus no-console.
import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const tsFiles = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test/**', 'sandbox/**', 'bench/**', 'scripts/**'] },
	{
		files: [...tsFiles, 'package.json'],
		languageOptions: {
			parser: tsParser,
			parserOptions: { sourceType: 'module', extraFileExtensions: ['.json'] },
		},
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
	},
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: [...tsFiles, 'package.json'] },
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// The rule's own docs: "Only applicable to nodes in the main repository" (a slug there, a URL here).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Asks for password masking on every name containing "key" or "code" (App Key, Authorization Code),
			// which @n8n/community-nodes/credential-unnecessary-password (the scanner's rule) flags as not
			// secret; @n8n/community-nodes/credential-password-field still requires masking real secrets.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Same overrides as n8n's node-cli: these two only fit nodes-base's own folder layout.
			'n8n-nodes-base/node-execute-block-wrong-error-thrown': 'off',
			'n8n-nodes-base/node-class-description-credentials-name-unsuffixed': 'off',
			// These two demand the literal 'main', which @n8n/community-nodes/node-connection-type-literal
			// (the newer ruleset) forbids in favour of NodeConnectionTypes.Main; the newer rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ files: tsFiles, rules: { 'no-console': 'error' } },
];
