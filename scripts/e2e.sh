#!/usr/bin/env bash
# `npm run test:e2e`: real-n8n end-to-end tests (jest.e2e.config.js, test/e2e). Installs the pinned
# n8n runtime if missing, builds and packs this package once, and hands the tarball to the tests
# (N8N_E2E_TARBALL, see test/e2e/lib/n8n.ts). Extra args go to jest, e.g. `-t webhook`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
t0=$SECONDS
# shellcheck source=scripts/lib/bootstrap.sh
source scripts/lib/bootstrap.sh
bootstrap_dev

echo "== n8n runtime"
bash scripts/install-n8n.sh

echo "== build + pack"
npm run build --silent
pack_dir="$repo/.e2e/pack/current"
rm -rf "$pack_dir" && mkdir -p "$pack_dir"
packed="$(npm pack --silent --pack-destination "$pack_dir" | tail -1)"
export N8N_E2E_TARBALL="$pack_dir/$packed"
echo "packed $N8N_E2E_TARBALL"

echo "== jest (e2e)"
npx jest -c jest.e2e.config.js --runInBand "$@"
echo "== e2e done in $((SECONDS - t0)) s"
