#!/usr/bin/env bash
# The write scenarios alone, on an already seeded database: publishes the platform in Release, starts it on DB,
# adds the run's bench data, signs volunteers in, runs apply and check-in with wrk (fresh volunteer × shift pairs),
# checks the seat, uniqueness, idempotency and counter rules in the database, and writes
# bench/results/<date>-writes-<DB>.md. Exits non-zero if any check fails (after writing the report).
#
#   bench/writes/run.sh DB          e.g. bench/writes/run.sh athar_bench_s0_3 (the database is written to)
#
# Environment: DURATION (s, default 20), WARMUP (s before each measured run, default 5), CONNECTIONS (64), THREADS (2), PGPORT (55470: a running server),
# WEB_PORT (5090), WRITES_VOLUNTEERS (400), PUBLISH=0 to reuse bench/.out/web, PG_LOG=1 to have PostgreSQL log
# every statement of DB over 5 ms during the runs (ALTER DATABASE; reset afterwards).
set -euo pipefail

DB=${1:?usage: bench/writes/run.sh DB}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PGPORT=${PGPORT:-55470}
WEB_PORT=${WEB_PORT:-5090}
PASSWORD=Athar-Bench-2026

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/.out
WORK=$(mktemp -d /tmp/athar-bench-writes.XXXXXX)
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Maximum Pool Size=64"
BASE_URL=http://127.0.0.1:$WEB_PORT
RESULTS=$WORK/results.tsv
: > "$RESULTS"
PIDS=()
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
# shellcheck source=bench/writes/lib.sh
. "$BENCH/writes/lib.sh"

pg_log_off() { [ "${PG_LOG:-0}" = 1 ] && writes_psql -c "ALTER DATABASE \"$DB\" RESET log_min_duration_statement" || true; }
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; pg_log_off; }
trap cleanup EXIT
need_tools
pg_isready -q -h 127.0.0.1 -p "$PGPORT" || { echo "no PostgreSQL on $PGPORT" >&2; exit 1; }

if [ "${PUBLISH:-1}" = 1 ]; then
  log "publishing the platform (Release)"
  dotnet publish "$ROOT/src/Athar.Web" -c Release -o "$OUT/web" -v quiet -nologo >/dev/null
fi

log "starting the platform (Release, PostgreSQL $DB)"
start_platform "$WEB_PORT" "$OUT/web/Athar.Web.dll" "$CS"
APP_PID=${PIDS[-1]}

writes_prepare
[ "${PG_LOG:-0}" = 1 ] && writes_psql -c "ALTER DATABASE \"$DB\" SET log_min_duration_statement = 5"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
writes_apply
LOAD_MID=$(cut -d' ' -f1-3 /proc/loadavg)
writes_checkin
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
pg_log_off
PEAK_MB=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$APP_PID/status")
writes_verify

mkdir -p "$BENCH/results"
REPORT=$BENCH/results/$(date -u +%Y-%m-%d)-writes-$DB.md
# A second run on one day writes beside the first, not over it.
[ -e "$REPORT" ] && REPORT=$BENCH/results/$(date -u +%Y-%m-%d-%H%M)-writes-$DB.md
{
  echo "# Write scenarios on \`$DB\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Produced by \`bench/writes/run.sh $DB\` at commit \`$(git -C "$ROOT" rev-parse --short HEAD)\` (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s over"
  echo "loopback after a ${WARMUP:-5} s warm-up on the same kind of input; the platform in Release on PostgreSQL 15)."
  echo
  echo "## Machine"
  echo
  machine_description
  echo "- Load average (1/5/15 min) before apply: $LOAD_BEFORE; between: $LOAD_MID; after check-in: $LOAD_AFTER. Other processes shared the cores when the load exceeds 2."
  echo "- PostgreSQL: $(writes_psql -c 'SHOW server_version'), fsync $(writes_psql -c 'SHOW fsync'), synchronous_commit $(writes_psql -c 'SHOW synchronous_commit') (the app sets it on), database size $(writes_psql -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"
  echo "- Platform peak resident memory: $PEAK_MB MB"
  echo
  echo "## Results"
  echo
  results_table
  echo
  writes_report
} > "$REPORT"
writes_finish "$REPORT"
