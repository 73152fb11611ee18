#!/usr/bin/env bash
# `npm run test:editor`: the editor test in headless Chromium (test/editor, jest.editor.config.js).
# Installs Debian's chromium if it is missing (CI's machine has only what the repo installs), the
# pinned n8n runtime, builds and packs this package, then runs jest. Screenshots land in
# .e2e/editor-screenshots. Extra args go to jest.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
t0=$SECONDS

echo "== chromium"
if [ -z "${CHROMIUM_BIN:-}" ]; then
	if ! command -v chromium >/dev/null 2>&1; then
		if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
			echo "chromium is not installed and this user cannot install it: run 'apt-get install -y chromium' as root, or set CHROMIUM_BIN." >&2
			exit 1
		fi
		sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
		echo "installing Debian's chromium (apt-get, about a minute)"
		$sudo_cmd apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium > /dev/null
	fi
	CHROMIUM_BIN="$(command -v chromium)"
fi
export CHROMIUM_BIN
"$CHROMIUM_BIN" --version 2>/dev/null || true

echo "== n8n runtime"
bash scripts/install-n8n.sh

echo "== build + pack"
npm run build --silent
pack_dir="$repo/.e2e/pack/current"
rm -rf "$pack_dir" && mkdir -p "$pack_dir"
packed="$(npm pack --silent --pack-destination "$pack_dir" | tail -1)"
export N8N_E2E_TARBALL="$pack_dir/$packed"
echo "packed $N8N_E2E_TARBALL"

echo "== jest (editor)"
npx jest -c jest.editor.config.js --runInBand "$@"
echo "== editor test done in $((SECONDS - t0)) s; screenshots in .e2e/editor-screenshots"
