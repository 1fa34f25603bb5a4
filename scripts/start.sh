#!/usr/bin/env bash
# Installs everything and starts the demo portal on its embedded defaults:
# the app on http://localhost:3000, the backend on http://localhost:7007.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SP_ROOT"

yarn install --immutable
node scripts/seed-demo.mjs &
exec yarn start
