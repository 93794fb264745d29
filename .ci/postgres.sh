#!/usr/bin/env bash
# Sourced by .ci/run (and usable by hand: `source .ci/postgres.sh`): throwaway PostgreSQL
# clusters for the storage tests, owned by the postgres user, listening on 127.0.0.1 only on
# free ports, their data under /tmp, stopped and removed when the sourcing shell exits.
#   TEST_DATABASE_URL        the cluster the shared storage suite runs against
#   TEST_FAULT_DATABASE_URL  a second cluster that test/process/feedback-faults.test.ts stops and
#   TEST_PG_STOP/START       starts again mid-test (its own, so the other suites running in
#                            parallel never see their database vanish)
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
PG_DIRS=()
trap 'for d in "${PG_DIRS[@]}"; do runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$d/data" -m immediate stop >/dev/null 2>&1; rm -rf "$d"; done' EXIT

# start_cluster: makes and starts one cluster; sets PG_URL, PG_STOP and PG_START.
start_cluster() {
  local dir port opts
  dir=$(mktemp -d /tmp/faq-pg.XXXXXX)
  PG_DIRS+=("$dir")
  chown postgres "$dir"
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  # Sockets in the cluster's own folder: nothing shared with a system cluster.
  opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/log" -w start >/dev/null
  runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres faq_test
  PG_URL="postgres://postgres@127.0.0.1:$port/faq_test"
  PG_STOP="runuser -u postgres -- $PG_BIN/pg_ctl -D $dir/data -m fast -w stop"
  PG_START="runuser -u postgres -- $PG_BIN/pg_ctl -D $dir/data -o '$opts' -l $dir/log -w start"
}

start_cluster
export TEST_DATABASE_URL=$PG_URL
start_cluster
export TEST_FAULT_DATABASE_URL=$PG_URL TEST_PG_STOP=$PG_STOP TEST_PG_START=$PG_START
