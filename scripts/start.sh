#!/usr/bin/env bash
# npm start: install, build, and run the whole product on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
node scripts/build.mjs
exec node --enable-source-maps dist/scripts/stack.js
