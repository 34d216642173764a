#!/usr/bin/env bash
# CPU per search request, app and database apart, over consecutive wrk slices of one fresh platform process (so the
# tiered JIT's warm-up shows). Needs a published platform (bench/run.sh leaves one in bench/.out/web) and a seeded DB.
#
#   bench/search/cpu.sh [slices] [seconds]       e.g. bench/search/cpu.sh 6 10
#
# Environment: DB (default athar_bench_s1), PGPORT (55470), WEB_PORT (5090), WEB (published dir), SCRIPT (search.lua),
# CONNECTIONS (64), APP_ENV (extra NAME=value settings; the search cache is off unless APP_ENV turns it on).
# The database column counts only the platform's own sessions (found by their application name), not other clients.
set -euo pipefail
SLICES=${1:-6} SECONDS_PER_SLICE=${2:-10}
BENCH=$(cd "$(dirname "$0")/.." && pwd)
DB=${DB:-athar_bench_s1} PGPORT=${PGPORT:-55470} WEB_PORT=${WEB_PORT:-5090} WEB=${WEB:-$BENCH/.out/web}
NAME=athar-search-cpu-$$
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Application Name=$NAME"
WORK=$(mktemp -d /tmp/athar-search-cpu.XXXXXX)
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
# shellcheck disable=SC2086 # APP_ENV holds several NAME=value words
start_platform "$WEB_PORT" "$WEB/Athar.Web.dll" "$CS" Athar__SearchCache__Seconds=0 ${APP_ENV:-}
APP=${PIDS[-1]}

HZ=$(getconf CLK_TCK)
jiffies() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
sessions() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE application_name = '$NAME'"; }
export BENCH_WRK=$BENCH/wrk SEARCH_BASE=/api/v1/opportunities WRK_OUT=$WORK/wrk.out
echo "| Slice | Requests/s | p50 ms | p99 ms | app CPU ms/request | database CPU ms/request | load (1 min) |"
echo "|---:|---:|---:|---:|---:|---:|---|"
for slice in $(seq 1 "$SLICES"); do
  # Sessions are listed before and after: one opened during the slice counts from its start (it has no "before");
  # one closed during the slice is lost (the pool keeps its connections, so there are few).
  pids=$(sessions); a0=$(jiffies $APP); d0=$(jiffies $pids); load=$(cut -d' ' -f1 /proc/loadavg)
  wrk -t2 -c"${CONNECTIONS:-64}" -d"${SECONDS_PER_SLICE}s" --timeout 10s -s "$BENCH/wrk/${SCRIPT:-search.lua}" "http://127.0.0.1:$WEB_PORT" >/dev/null
  a1=$(jiffies $APP); d1=$(jiffies $(sessions))
  read -r n rps p50 _ p99 _ _ < "$WRK_OUT"
  echo "| $slice | $rps | $p50 | $p99 | $(echo "scale=2; ($a1 - $a0) * 1000 / $HZ / $n" | bc) | $(echo "scale=2; ($d1 - $d0) * 1000 / $HZ / $n" | bc) | $load |"
done
