#!/usr/bin/env bash
# npm test: install, lint, type-check, unit tests, then e2e tests on a real PostgreSQL and Temporal dev server
# that the jest globalSetup starts on free ports and stops again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
started=$(date +%s)
step() { echo; echo "notaflow test | $1 ($(( $(date +%s) - started )) s)"; }

step "build"
node scripts/build.mjs
step "lint"
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn
step "type check"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json --noEmit
step "unit tests"
npx jest --selectProjects unit --ci
step "e2e tests (real PostgreSQL and Temporal)"
npx jest --selectProjects e2e --ci --runInBand
step "all green"
