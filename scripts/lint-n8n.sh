#!/usr/bin/env bash
# `n8n-node lint`, the linter of n8n's official node starter (@n8n/node-cli), in strict mode with its
# unmodified eslint.config.mjs, over what the package is made of: package.json, nodes/, credentials/,
# icons/. At the repository root it would also lint the sandbox, tests and benchmarks (node:http,
# process, timers), which are not part of the package; so it runs on a copy in .cache/n8n-lint.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/node_modules/@n8n/node-cli"
if [ ! -x "$root/node_modules/.bin/n8n-node" ]; then
	echo "lint-n8n: @n8n/node-cli is not installed; run 'npm ci' first." >&2
	exit 1
fi
stage="$root/.cache/n8n-lint"
rm -rf "$stage"
mkdir -p "$stage"
cp "$root/package.json" "$root/tsconfig.json" "$stage/"
cp -R "$root/nodes" "$root/credentials" "$root/icons" "$stage/"
cp "$cli/dist/template/templates/shared/default/eslint.config.mjs" "$stage/eslint.config.mjs"
ln -s "$root/node_modules" "$stage/node_modules"
cd "$stage"
echo "n8n-node lint (strict, official eslint.config.mjs) on a copy of the package in .cache/n8n-lint"
"$root/node_modules/.bin/n8n-node" lint
