#!/usr/bin/env bash
# `npm run test:faults`: the fault suite (test/faults) in a real n8n against the sandbox injecting
# lost answers, dropped connections and 5xx on every write, push and pull route. Builds and packs
# the package once, like scripts/e2e.sh. Prints "faults injected / lost / duplicated / false failures".
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
t0=$SECONDS
bash scripts/install-n8n.sh
npm run build --silent
pack_dir="$repo/.e2e/pack/faults"
rm -rf "$pack_dir" && mkdir -p "$pack_dir"
packed="$(npm pack --silent --pack-destination "$pack_dir" | tail -1)"
export N8N_E2E_TARBALL="$pack_dir/$packed"
export FAULTS_FIGURES_FILE="$pack_dir/figures.txt"
rm -f "$FAULTS_FIGURES_FILE"
rc=0
npx jest -c jest.faults.config.js --runInBand "$@" || rc=$?
echo "== fault suite done in $((SECONDS - t0)) s"
if [ -f "$FAULTS_FIGURES_FILE" ]; then cat "$FAULTS_FIGURES_FILE"; fi
exit $rc
