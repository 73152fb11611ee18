#!/usr/bin/env bash
# `npm test`: unit + integration tests (the nodes against the in-process sandbox). Installs the dev
# dependencies first when node_modules is missing or stale. Extra args go to jest.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bootstrap.sh
source scripts/lib/bootstrap.sh
bootstrap_dev
exec npx jest --runInBand "$@"
