#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): a throwaway PostgreSQL
# cluster for the storage tests, owned by the postgres user, listening on 127.0.0.1 only on a
# free port, its data under /tmp, stopped and removed when the sourcing shell exits.
# Exports TEST_DATABASE_URL, and TEST_PG_STOP / TEST_PG_START for the fault test that stops
# the real server in the middle of a run.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
PG_DIR=$(mktemp -d /tmp/faq-pg.XXXXXX)
chown postgres "$PG_DIR"
PG_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# Sockets in the cluster's own folder: nothing shared with a system cluster.
PG_OPTS="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR"
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "$PG_OPTS" -l "$PG_DIR/log" -w start >/dev/null
trap 'runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DIR"' EXIT
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres faq_test
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/faq_test"
export TEST_PG_STOP="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop"
export TEST_PG_START="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DIR/data -o '$PG_OPTS' -l $PG_DIR/log -w start"
