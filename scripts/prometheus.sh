#!/usr/bin/env bash
# A real Prometheus for the tests of the Prometheus SLI source module, from
# Debian's package (no download of a release binary).
#
#   bash scripts/prometheus.sh install
#       installs Debian's `prometheus` (prometheus and promtool) when either is
#       missing; fails when it cannot. The package may start its own service:
#       nothing here uses it.
#   bash scripts/prometheus.sh serve <file.om> <workdir> [port]
#       backfills the OpenMetrics file into <workdir>/data (promtool tsdb
#       create-blocks-from openmetrics), starts Prometheus on 127.0.0.1:<port>
#       (a free one when not given) on that data with a minimal configuration
#       that scrapes nothing, waits for /-/ready and prints its URL as the
#       line `url=http://127.0.0.1:<port>` on stdout. It then keeps running
#       until Prometheus exits or it is sent SIGTERM/SIGINT, which stops
#       Prometheus too.
#
# Backfilled samples must be older than what Prometheus keeps in its head
# block: generate data ending a few hours before now.
set -euo pipefail

sp_prom_log() { printf '\033[1m[system-product]\033[0m %s\n' "$*" >&2; }

sp_prometheus_install() {
  if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
    return 0
  fi
  sp_prom_log "installing Debian's prometheus for the Prometheus SLI source tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  command -v prometheus >/dev/null && command -v promtool >/dev/null || {
    sp_prom_log "prometheus or promtool is still missing after apt-get install"
    return 1
  }
}

sp_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
    node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

sp_prometheus_serve() {
  local file="$1" work="$2" port="${3:-}"
  [ -n "$port" ] || port="$(sp_free_port)"
  mkdir -p "$work/data"
  promtool tsdb create-blocks-from openmetrics "$file" "$work/data" >"$work/backfill.log" 2>&1 || {
    cat "$work/backfill.log" >&2
    return 1
  }
  # No scrape jobs: the backfilled blocks are all the data there is.
  printf 'global:\n  evaluation_interval: 1m\nscrape_configs: []\n' >"$work/prometheus.yml"
  prometheus \
    --config.file="$work/prometheus.yml" \
    --storage.tsdb.path="$work/data" \
    --storage.tsdb.retention.time=10y \
    --web.listen-address="127.0.0.1:$port" \
    >"$work/prometheus.log" 2>&1 &
  local pid=$!
  trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 0' TERM INT
  local url="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$work/prometheus.log" >&2
      sp_prom_log "prometheus exited before it was ready"
      return 1
    fi
    if curl -fsS "$url/-/ready" >/dev/null 2>&1; then
      echo "url=$url"
      wait "$pid"
      return $?
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  cat "$work/prometheus.log" >&2
  sp_prom_log "prometheus was not ready on $url after 30 s"
  return 1
}

case "${1:-}" in
  install) sp_prometheus_install ;;
  serve)
    shift
    [ "$#" -ge 2 ] || { echo "usage: $0 serve <file.om> <workdir> [port]" >&2; exit 2; }
    sp_prometheus_serve "$@"
    ;;
  *)
    echo "usage: $0 install | serve <file.om> <workdir> [port]" >&2
    exit 2
    ;;
esac
