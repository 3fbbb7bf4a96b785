# Starts a throwaway PostgreSQL cluster on a loopback port and exports DATABASE_URL_TEST.
# Used by .ci/run and by developers (`source .ci/postgres.sh && start_throwaway_postgres`).
start_throwaway_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then echo "postgres not installed; PostgreSQL tests will be skipped" >&2; return 0; fi
  local dir port
  dir=$(mktemp -d /tmp/redline-pg.XXXXXX)
  port=${REDLINE_PG_PORT:-54329}
  chown postgres "$dir" 2>/dev/null || true
  local as=""
  [ "$(id -u)" = "0" ] && as="runuser -u postgres --"
  $as "$bindir/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
  $as "$bindir/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null
  export DATABASE_URL_TEST="postgres://postgres@127.0.0.1:$port/postgres"
  echo "throwaway PostgreSQL on $DATABASE_URL_TEST" >&2
}
