# Starts a throwaway PostgreSQL cluster on a loopback port and exports DATABASE_URL_TEST; the cluster is
# stopped and removed when the shell that sourced this file exits (or by `stop_throwaway_postgres`).
# Used by .ci/run and by developers (`source .ci/postgres.sh && start_throwaway_postgres`).

stop_throwaway_postgres() {
  [ -n "${REDLINE_PG_DIR:-}" ] || return 0
  local as=""
  [ "$(id -u)" = "0" ] && as="runuser -u postgres --"
  $as "$REDLINE_PG_BIN/pg_ctl" -D "$REDLINE_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$REDLINE_PG_DIR"
  unset REDLINE_PG_DIR DATABASE_URL_TEST
}

start_throwaway_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then echo "postgres not installed; PostgreSQL tests will be skipped" >&2; return 0; fi
  local dir port as=""
  dir=$(mktemp -d /tmp/redline-pg.XXXXXX)
  port=${REDLINE_PG_PORT:-54329}
  # A port already taken (another cluster, an earlier run) moves us to the next free one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  [ "$(id -u)" = "0" ] && as="runuser -u postgres --"
  chown postgres "$dir" 2>/dev/null || true
  $as "$bindir/initdb" -D "$dir/data" -U postgres -A trust >/dev/null || { echo "initdb failed" >&2; return 1; }
  if ! $as "$bindir/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -l "$dir/log" -w start >/dev/null; then
    echo "PostgreSQL did not start; its log:" >&2
    cat "$dir/log" >&2
    return 1
  fi
  export REDLINE_PG_DIR="$dir" REDLINE_PG_BIN="$bindir"
  export DATABASE_URL_TEST="postgres://postgres@127.0.0.1:$port/postgres"
  trap stop_throwaway_postgres EXIT
  echo "throwaway PostgreSQL on $DATABASE_URL_TEST" >&2
}
