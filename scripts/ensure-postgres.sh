# shellcheck shell=bash
# Sourced: starts the local PostgreSQL if it is down and exports the connection
# string that Backstage's TestDatabases reads for its major version.
sp_pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! sp_pg_ready; then
  echo "[system-product] PostgreSQL is down; starting it" >&2
  for cluster in /etc/postgresql/*/main; do
    version="$(basename "$(dirname "$cluster")")"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do sp_pg_ready && break; sleep 1; done
fi
sp_pg_ready || { echo "[system-product] PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }

SP_PG_MAJOR="$(psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SHOW server_version_num' | cut -c1-2)"
export "BACKSTAGE_TEST_DATABASE_POSTGRES${SP_PG_MAJOR}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432"
