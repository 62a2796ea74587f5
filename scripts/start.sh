#!/usr/bin/env bash
# npm start: install, build, and run the whole product on embedded defaults;
# `start.sh cluster` (npm run start:cluster): the production topology on loopback instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/install.sh
node scripts/build.mjs
exec node --enable-source-maps "dist/scripts/${1:-stack}.js"
