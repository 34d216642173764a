#!/usr/bin/env bash
# Athar benchmark: one command. Starts PostgreSQL, seeds (or reuses) scale S, publishes and starts the platform
# in Release on it, measures the machine's ceilings (Kestrel plaintext, one indexed query as an HTML list, pgbench -S)
# and the platform's scenarios with wrk over loopback (the write scenarios on bench data made for the run, checked in
# the database afterwards: bench/writes), and writes bench/results/<date>-S<scale>.md; exits non-zero if a write check fails.
#
#   bench/run.sh [scale]            e.g. bench/run.sh 0.1
#
# Environment: DURATION (s per scenario, default 20), CONNECTIONS (default 64), THREADS (default 2),
# PGPORT (default 55470), PGDIR (default /tmp/athar-bench/pg), DB (default athar_bench_s<scale>),
# WEB_PORT (default 5080), APP_ENV (extra NAME=value settings for the platform, e.g. the caches off:
# "Athar__SearchCache__Seconds=0 Athar__DashboardCache__Seconds=0"), WARMUP_SEARCH (s per search target before the
# first measured scenario, default 30). An already running server on PGPORT and an already seeded DB are reused.
set -euo pipefail

SCALE=${1:-0.1}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PGPORT=${PGPORT:-55470}
PGDIR=${PGDIR:-/tmp/athar-bench/pg}
DB=${DB:-athar_bench_s${SCALE//./_}}
WEB_PORT=${WEB_PORT:-5080}
HELLO_PORT=$((WEB_PORT + 1))
LIST_PORT=$((WEB_PORT + 2))
PASSWORD=Athar-Bench-2026

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/.out
WORK=$(mktemp -d /tmp/athar-bench-run.XXXXXX)
export BENCH_WRK=$BENCH/wrk
PGBIN=/usr/lib/postgresql/15/bin
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Maximum Pool Size=64"
PIDS=()
BASE_URL=http://127.0.0.1:$WEB_PORT
RESULTS=$WORK/results.tsv
: > "$RESULTS"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
# shellcheck source=bench/writes/lib.sh
. "$BENCH/writes/lib.sh"

cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# ---------------------------------------------------------------- tools
need_tools

# ---------------------------------------------------------------- PostgreSQL (durable settings: fsync and synchronous_commit stay on)
if ! pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
  log "starting PostgreSQL on $PGPORT in $PGDIR"
  mkdir -p "$PGDIR"; chown postgres:postgres "$PGDIR" "$(dirname "$PGDIR")"
  [ -f "$PGDIR/data/PG_VERSION" ] || runuser -u postgres -- $PGBIN/initdb -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
  runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR -c shared_buffers=1GB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c work_mem=32MB -c max_connections=200" start >/dev/null
fi
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }

# ---------------------------------------------------------------- build (Release)
log "publishing the platform, the CLI and the two baseline apps (Release)"
dotnet publish "$ROOT/src/Athar.Cli" -c Release -o "$OUT/cli" -v quiet -nologo >/dev/null
dotnet publish "$ROOT/src/Athar.Web" -c Release -o "$OUT/web" -v quiet -nologo >/dev/null
dotnet publish "$BENCH/Baselines/Hello" -c Release -o "$OUT/hello" -v quiet -nologo >/dev/null
dotnet publish "$BENCH/Baselines/DbList" -c Release -o "$OUT/dblist" -v quiet -nologo >/dev/null

# ---------------------------------------------------------------- data: seed scale S, or reuse it
SEED_LOG=$WORK/seed.log
if [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = "1" ] && \
   [ "$(psql_ -d "$DB" -c 'SELECT count(*) > 0 FROM "Volunteers"' 2>/dev/null)" = "t" ]; then
  # A reused database is brought to this build's schema: migrations apply forward (and backfill what they add, e.g. the statistics rollups).
  log "reusing $DB (migrating it forward)"
  dotnet "$OUT/cli/athar.dll" migrate --provider postgres --connection "$CS" >/dev/null
  echo "(reused an existing database, migrated forward)" > "$SEED_LOG"
else
  log "seeding scale $SCALE into $DB"
  dotnet "$OUT/cli/athar.dll" migrate --provider postgres --connection "$CS" >/dev/null
  dotnet "$OUT/cli/athar.dll" seed --scale "$SCALE" --provider postgres --connection "$CS" | tee "$SEED_LOG"
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- ceilings of this machine
log "baselines"
start_app hello "$HELLO_PORT" "$OUT/hello/Hello.dll"
run_wrk "Baseline: Kestrel plaintext (hello)" plain.lua "http://127.0.0.1:$HELLO_PORT/plaintext"
kill "${PIDS[-1]}"; unset 'PIDS[-1]'
start_app dblist "$LIST_PORT" "$OUT/dblist/DbList.dll" ConnectionStrings__Athar="$CS"
run_wrk "Baseline: one indexed query as an HTML list" plain.lua "http://127.0.0.1:$LIST_PORT/list"
kill "${PIDS[-1]}"; unset 'PIDS[-1]'

log "pgbench -S (scale 10, 8 clients)"
if [ "$(psql_ -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'pgbench'")" != "1" ]; then
  psql_ -d postgres -c "CREATE DATABASE pgbench"
  pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
fi
PGBENCH_TPS=$(pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -S -c 8 -j 2 -T "$DURATION" pgbench 2>/dev/null | awk '/^tps/ {print $3; exit}')

# ---------------------------------------------------------------- the platform
log "starting the platform (Release, PostgreSQL $DB)"
# shellcheck disable=SC2086 # APP_ENV holds several NAME=value words
start_platform "$WEB_PORT" "$OUT/web/Athar.Web.dll" "$CS" ${APP_ENV:-}
WEB_PID=${PIDS[-1]}

# Inputs: upcoming opportunities and shifts, and signed-in sessions of many people.
psql_ -d "$DB" -c "SELECT '/opportunities/' || \"Id\" FROM \"Opportunities\" WHERE \"Status\" = 2 AND \"NextShiftStartsAt\" IS NOT NULL ORDER BY md5(\"Id\"::text) LIMIT 2000" > "$WORK/details.txt"
VOLUNTEERS=$(psql_ -d "$DB" -c "SELECT u.\"Email\" FROM \"AspNetUsers\" u JOIN \"Volunteers\" v ON v.\"UserId\" = u.\"Id\" WHERE EXISTS (SELECT 1 FROM \"VolunteerHours\" h WHERE h.\"VolunteerId\" = v.\"UserId\") AND v.\"BirthDate\" < now() - interval '19 years' ORDER BY u.\"Email\" LIMIT 40")
ORGS=$(largest_organizations 10)
ADMIN_COOKIE=$(login admin@athar.example)
: > "$WORK/record.txt"
for email in $VOLUNTEERS; do
  printf '/record\t%s\n' "$(login "$email")" >> "$WORK/record.txt"
done
: > "$WORK/orgs.txt"
while read -r org email; do
  printf '/org/%s/dashboard\t%s\n' "$org" "$(login "$email")" >> "$WORK/orgs.txt"
done <<< "$ORGS"
printf '/statistics/dashboard\t%s\n' "$ADMIN_COOKIE" > "$WORK/national.txt"
printf '/statistics\t\n' > "$WORK/public.txt"

check "/opportunities?q=%D8%B1%D9%85%D8%B6%D8%A7%D9%86" "" 200
check "$(head -1 "$WORK/details.txt")" "" 200
check /record "$(head -1 "$WORK/record.txt" | cut -f2)" 200
check "$(head -1 "$WORK/orgs.txt" | cut -f1)" "$(head -1 "$WORK/orgs.txt" | cut -f2)" 200
check /statistics/dashboard "$ADMIN_COOKIE" 200
check /statistics "" 200

# Warm-up: JIT, EF query caches, PostgreSQL buffers. Tiered compilation keeps promoting the platform's methods for
# about a minute under load (the search's CPU per request fell from 5.0 to 1.3 ms over its first 60 s at scale 1:
# results/2026-12-07-search-profile.md), so both search targets are warmed for WARMUP_SEARCH seconds each first.
for base in /api/v1/opportunities /opportunities; do
  DURATION=${WARMUP_SEARCH:-30} run_wrk warmup search.lua "http://127.0.0.1:$WEB_PORT" SEARCH_BASE=$base; sed -i '$d' "$RESULTS"
done

# search.lua draws from ~300k (words, filter, sort) keys: almost every request misses the search cache, so these two
# rows are the cost of a miss. search-popular.lua is the peak-day crowd (32 words, no filter): the cache's path.
run_wrk "Search API (Arabic text + filters)" search.lua "http://127.0.0.1:$WEB_PORT" SEARCH_BASE=/api/v1/opportunities
run_wrk "Search page (HTML)" search.lua "http://127.0.0.1:$WEB_PORT" SEARCH_BASE=/opportunities
run_wrk "Search API, popular words (cache)" search-popular.lua "http://127.0.0.1:$WEB_PORT" SEARCH_BASE=/api/v1/opportunities
run_wrk "Opportunity detail page" paths.lua "http://127.0.0.1:$WEB_PORT" PATHS="$WORK/details.txt"
run_wrk "Volunteer record page (40 volunteers)" paths.lua "http://127.0.0.1:$WEB_PORT" PATHS="$WORK/record.txt"
run_wrk "Organisation dashboard (10 largest)" paths.lua "http://127.0.0.1:$WEB_PORT" PATHS="$WORK/orgs.txt"
run_wrk "National dashboard (platform admin)" paths.lua "http://127.0.0.1:$WEB_PORT" PATHS="$WORK/national.txt"
run_wrk "Public statistics page" paths.lua "http://127.0.0.1:$WEB_PORT" PATHS="$WORK/public.txt"
# Writes with fresh volunteer × shift pairs on bench data made for this run, then the rules checked in the database.
writes_prepare
writes_apply
writes_checkin
writes_verify

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# The platform's peak resident memory over the whole run (the kernel's high-water mark of the process).
PEAK_RSS_MB=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$WEB_PID/status") / 1024 ))

# ---------------------------------------------------------------- report
mkdir -p "$BENCH/results"
REPORT=$BENCH/results/$(date -u +%Y-%m-%d)-S$SCALE.md
# A second run on one day writes beside the first, not over it.
[ -e "$REPORT" ] && REPORT=$BENCH/results/$(date -u +%Y-%m-%d-%H%M)-S$SCALE.md
{
  echo "# Benchmark at scale $SCALE ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Produced by \`bench/run.sh $SCALE\` (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s over loopback; the platform in Release on PostgreSQL 15, database \`$DB\`)."
  if [ -n "${APP_ENV:-}" ]; then echo; echo "Platform settings added (APP_ENV): \`$APP_ENV\`."; fi
  echo
  echo "## Machine"
  echo
  machine_description
  echo "- Platform process: peak resident memory over the whole run (VmHWM) $PEAK_RSS_MB MB (server GC)."
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Other processes shared the cores when the load exceeds 2."
  echo "- PostgreSQL: $(psql_ -d postgres -c 'SHOW server_version'), fsync $(psql_ -d postgres -c 'SHOW fsync'), synchronous_commit $(psql_ -d postgres -c 'SHOW synchronous_commit'), shared_buffers $(psql_ -d postgres -c 'SHOW shared_buffers'); database size $(psql_ -d postgres -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"
  echo
  echo "## Data"
  echo
  echo '```'
  grep -v '^\[' "$SEED_LOG" || true
  psql_ -d "$DB" -c "SELECT 'rows: volunteers ' || (SELECT count(*) FROM \"Volunteers\") || ', opportunities ' || (SELECT count(*) FROM \"Opportunities\") || ', applications ' || (SELECT count(*) FROM \"Applications\") || ', attendance ' || (SELECT count(*) FROM \"Attendance\") || ', verified hours ' || (SELECT round(sum(\"CreditedMinutes\") / 60.0) FROM \"VolunteerHours\" WHERE \"Status\" = 2)"
  echo '```'
  echo
  echo "## Results"
  echo
  results_table
  echo "| Baseline: pgbench -S (scale 10, 8 clients), transactions/s | $PGBENCH_TPS | | | | | |"
  echo
  echo "## Write scenarios"
  echo
  writes_report
} > "$REPORT"
writes_finish "$REPORT"
