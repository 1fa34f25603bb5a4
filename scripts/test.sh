#!/usr/bin/env bash
# Installs everything and runs every check: type check, lint, prettier, unit
# tests (storage on SQLite and PostgreSQL) and the end-to-end test in Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SP_ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "install"
yarn install --immutable

step "Backstage packages on one release"
yarn versions:check

step "generated API contract up to date with openapi.yaml"
node scripts/generate-openapi.mjs --check

step "type check"
yarn tsc

step "API reports of the published packages up to date (API Extractor)"
yarn api-reports:check

step "lint"
yarn lint

step "prettier"
yarn prettier:check

logs="$SP_TOOLS/logs"
mkdir -p "$logs"

step "unit and storage tests (SQLite and PostgreSQL, a real Prometheus)"
source scripts/ensure-postgres.sh
# The Prometheus module's tests run against a real Prometheus (Debian's).
bash scripts/prometheus.sh install
# Test databases come from the local server, never from containers.
CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 yarn test 2>&1 | tee "$logs/unit.log"

step "benchmark (small mode), load test and fault tests (short CI modes)"
# The benchmark proves it still works; its targets are for the full run
# (README, "Performance and reliability"). Load and fault tests assert.
yarn bench --small 2>&1 | tee "$logs/bench.log"
yarn workspace bench load --seconds 10 --clients 20 2>&1 | tee "$logs/load.log"
yarn workspace bench faults --seconds 10 --clients 20 2>&1 | tee "$logs/faults.log"

step "end-to-end test (headless Chromium)"
bash scripts/e2e.sh 2>&1 | tee "$logs/e2e.log"

step "adopter test: a stock create-app portal with the suite installed from the READMEs"
bash scripts/adopter-test.sh 2>&1 | tee "$logs/adopter.log"

# One closing line over every runner (each failed run has stopped the script).
unit="$(sed 's/\x1b\[[0-9;]*m//g' "$logs/unit.log" | sed -n 's/^Tests: *\([0-9]*\) passed.*/\1/p' | tail -1)"
e2e="$(sed 's/\x1b\[[0-9;]*m//g' "$logs/e2e.log" | sed -n 's/^ *\([0-9]*\) passed.*/\1/p' | tail -1)"
adopter="$(sed 's/\x1b\[[0-9;]*m//g' "$logs/adopter.log" | sed -n 's/^ *\([0-9]*\) passed.*/\1/p' | tail -1)"
# "bench checks: N passed, 0 failed", "load checks: …", "fault checks: …"
checks() { sed -n 's/^[a-z]* checks: \([0-9]*\) passed.*/\1/p' "$logs/$1.log" | tail -1; }
bench="$(checks bench)" load="$(checks load)" faults="$(checks faults)"
echo
echo "$(( ${unit:-0} + ${e2e:-0} + ${adopter:-0} + ${bench:-0} + ${load:-0} + ${faults:-0} )) passed, 0 failed"
