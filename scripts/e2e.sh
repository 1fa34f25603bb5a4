#!/usr/bin/env bash
# Runs the Playwright end-to-end tests against the demo portal in Debian's
# Chromium (Playwright cannot download browsers here). Playwright starts the
# backend and the app unless they already run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SP_ROOT"

if [ ! -x /usr/bin/chromium ]; then
  echo "[system-product] installing Debian's chromium for the end-to-end tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
yarn test:e2e "$@"
