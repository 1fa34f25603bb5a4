#!/usr/bin/env bash
# The adopter test: installs the suite into a stock Backstage app the way an
# adopter does, from the READMEs alone, and uses it in Chromium.
#
#  1. builds and packs every publishable package, as a release would, and
#     checks each has a LICENSE and declares every package it imports;
#  2. serves the tarballs from a registry of the @system-product scope on
#     loopback (scripts/adopter/registry.mjs), standing in for the public
#     registry (the app's only change the READMEs do not make);
#  3. makes a stock app with the create-app of the release in backstage.json;
#  4. runs the marked blocks of the READMEs in order
#     (scripts/adopter/follow-readmes.mjs): aligning the app to the release
#     (offline, through BACKSTAGE_MANIFEST_FILE), adding the packages, the
#     backend lines, the permission policy, the configuration;
#  5. type-checks, lints and builds the app's backend;
#  6. starts it on free ports with two test systems and, in headless
#     Chromium, opens each tab, the survey card and the portfolio page,
#     saves a canvas as owner and is refused as non-owner
#     (e2e-tests/adopter/portal.spec.ts).
#
#   bash scripts/adopter-test.sh        # ADOPTER_DIR=<folder> keeps the app there
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$SP_ROOT"

# The create-app of Backstage 1.55.0; checked against backstage.json below.
CREATE_APP_VERSION=0.9.2
release="$(node -p "require('./backstage.json').version")"
work="${ADOPTER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/system-product-adopter.XXXXXX")}"
rm -rf "$work/app" "$work/packages"
mkdir -p "$work/packages"
app="$work/app"
started=$(date +%s)
step() { printf '\n\033[1m== adopter test, %s s: %s\033[0m\n' "$(($(date +%s) - started))" "$*"; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_for() { # url, seconds
  for _ in $(seq "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "[adopter] $1 did not answer within $2 s" >&2
  return 1
}

step "build and pack the publishable packages"
yarn tsc
yarn workspaces foreach --all --no-private --topological run build
yarn workspaces foreach --all --no-private pack --out "$work/packages/%s-%v.tgz"
node scripts/adopter/check-tarballs.mjs "$work/packages"

step "a registry of the @system-product scope on loopback"
rm -f "$work/registry.port"
set -m
node scripts/adopter/registry.mjs "$work/packages" "$work/registry.port" &
pids+=($!)
set +m
for _ in $(seq 50); do [ -s "$work/registry.port" ] && break; sleep 0.1; done
registry="http://127.0.0.1:$(cat "$work/registry.port")"

step "a stock app: @backstage/create-app@$CREATE_APP_VERSION"
(cd "$work" && BACKSTAGE_APP_NAME=adopter npx -y "@backstage/create-app@$CREATE_APP_VERSION" --path app --skip-install)
made="$(node -p "require('$app/backstage.json').version")"
if [ "$made" != "$release" ]; then
  echo "[adopter] create-app $CREATE_APP_VERSION makes apps of Backstage $made, the suite is on $release: set CREATE_APP_VERSION to the create-app of $release" >&2
  exit 1
fi
# The app is an adopter's, not this repository's: its installs change its
# lockfile, also where CI=true makes Yarn refuse that by default.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
# Where a release would come from the public registry.
(cd "$app" &&
  yarn config set npmScopes.system-product.npmRegistryServer "$registry" &&
  yarn config set unsafeHttpWhitelist --json '["127.0.0.1"]' &&
  yarn install)

step "follow the READMEs"
node scripts/adopter/release-manifest.mjs "$work/manifest.json"
BACKSTAGE_MANIFEST_FILE="$work/manifest.json" node scripts/adopter/follow-readmes.mjs "$app"

step "the app type-checks, lints and builds"
(cd "$app" && yarn install && yarn tsc && yarn lint:all && yarn workspace backend build)

step "start the app on free ports"
app_port="$(free_port)" backend_port="$(free_port)"
cp e2e-tests/adopter/entities.yaml "$app/examples/system-product-adopter.yaml"
cat > "$app/app-config.adopter.yaml" <<YAML
# The adopter test's ports, systems and guest (user:default/guest of the
# stock examples, so the guest belongs to guests).
app:
  baseUrl: http://localhost:$app_port
backend:
  baseUrl: http://localhost:$backend_port
  listen:
    port: $backend_port
  cors:
    origin: http://localhost:$app_port
auth:
  providers:
    guest:
      userEntityRef: user:default/guest
events:
  modules:
    github:
      webhookSecret: adopter-github-secret
    gitlab:
      webhookSecret: adopter-gitlab-token
systemProduct:
  pagerduty:
    webhookSecret: adopter-pagerduty-secret
catalog:
  locations:
    - type: file
      target: ../../examples/entities.yaml
    - type: file
      target: ../../examples/org.yaml
      rules:
        - allow: [User, Group]
    - type: file
      target: ../../examples/template/template.yaml
      rules:
        - allow: [Template]
    - type: file
      target: ../../examples/system-product-adopter.yaml
      rules:
        - allow: [System, Group]
YAML
config=(--config ../../app-config.yaml --config ../../app-config.adopter.yaml)
set -m
(cd "$app/packages/backend" && exec yarn start "${config[@]}") > "$work/backend.log" 2>&1 &
pids+=($!)
(cd "$app/packages/app" && exec yarn start "${config[@]}") > "$work/app.log" 2>&1 &
pids+=($!)
set +m
wait_for "http://localhost:$backend_port/api/system-product/health" 300 || { tail -50 "$work/backend.log"; exit 1; }
wait_for "http://localhost:$app_port" 600 || { tail -50 "$work/app.log"; exit 1; }

step "the webhook receivers check what they receive"
# Unsigned deliveries: each receiver the READMEs installed refuses them.
expect_status() { # expected status, topic, curl arguments…
  local want="$1" topic="$2" got
  shift 2
  got="$(curl -s -o /dev/null -w '%{http_code}' -X POST \
    "http://localhost:$backend_port/api/events/http/$topic" \
    -H 'content-type: application/json' "$@" -d '{}')"
  echo "[adopter] unsigned $topic webhook: $got"
  [ "$got" = "$want" ] || { echo "[adopter] expected $want" >&2; exit 1; }
}
expect_status 403 github -H 'x-github-event: push' -H 'x-hub-signature-256: sha256=0'
expect_status 403 gitlab -H 'x-gitlab-event: Pipeline Hook' -H 'x-gitlab-token: wrong'
expect_status 400 pagerduty

step "the portal in Chromium"
ADOPTER_APP_URL="http://localhost:$app_port" ADOPTER_BACKEND_URL="http://localhost:$backend_port" \
  yarn playwright test -c e2e-tests/adopter/playwright.config.ts
echo "adopter test: passed in $(($(date +%s) - started)) s (app in $app)"
