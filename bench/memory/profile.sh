#!/usr/bin/env bash
# Server memory per scenario: one fresh platform process (as bench/run.sh starts it), the scenarios one after another,
# its resident memory sampled twice a second (peak per scenario and the kernel's high-water mark so far), the .NET
# counters (GC heap size, working set) with dotnet-counters, and a dotnet-gcdump of the live heap near the end of
# each scenario, while it is still under load. Needs a published platform and a seeded database.
#
#   bench/memory/profile.sh [scenario...]     scenarios: search search-page popular record orgs national public apply
#                                             (default: all, in that order, as bench/run.sh runs them)
#
# Environment: DB (default athar_bench_s1), PGPORT (55470), WEB_PORT (5291), WEB (published dir, default bench/.out/web),
# DURATION (s per scenario, 20), CONNECTIONS (64), THREADS (2), WARMUP_SEARCH (s, 10), APP_ENV (extra NAME=value
# settings, e.g. "Athar__SearchCache__SizeLimitMegabytes=64"), OUT (where the samples and dumps go; default a new /tmp
# directory), GCDUMP (1; 0 takes no dumps: a dump's own buffers raise the process's resident memory and its high-water
# mark, so compare peaks from runs without dumps). Two runs on different WEB_PORTs at once share the machine's load.
# The apply scenario writes tagged bench rows (bench/writes/prepare.sql), as bench/run.sh does.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(dirname "$BENCH")
DB=${DB:-athar_bench_s1} PGPORT=${PGPORT:-55470} WEB_PORT=${WEB_PORT:-5291} WEB=${WEB:-$BENCH/.out/web}
DURATION=${DURATION:-20} CONNECTIONS=${CONNECTIONS:-64} THREADS=${THREADS:-2}
PASSWORD=Athar-Bench-2026
WORK=${OUT:-$(mktemp -d /tmp/athar-memory.XXXXXX)}; mkdir -p "$WORK"
RESULTS=$WORK/results.tsv; : > "$RESULTS"
BASE_URL=http://127.0.0.1:$WEB_PORT
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Maximum Pool Size=64"
export BENCH_WRK=$BENCH/wrk
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
# shellcheck source=bench/writes/lib.sh
. "$BENCH/writes/lib.sh"
PIDS=()
COUNTERS=
trap 'for pid in "${PIDS[@]}" $COUNTERS; do kill "$pid" 2>/dev/null || true; done' EXIT
SCENARIOS=("$@"); [ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(search search-page popular record orgs national public apply)

# shellcheck disable=SC2086 # APP_ENV holds several NAME=value words
start_platform "$WEB_PORT" "$WEB/Athar.Web.dll" "$CS" ${APP_ENV:-}
APP=${PIDS[-1]}
tool() { (cd "$ROOT" && dotnet tool run "$@"); }
# .NET counters every second for the whole run (CSV; the GC heap and working set columns are read afterwards).
tool dotnet-counters collect -p "$APP" --refresh-interval 1 --format csv -o "$WORK/counters.csv" \
  --counters System.Runtime >"$WORK/counters.log" 2>&1 &
COUNTERS=$!

rss_mb() { awk -v k="$1:" '$1 == k {print int($2 / 1024)}' "/proc/$APP/status"; }

# Inputs as bench/run.sh makes them.
VOLUNTEERS=$(psql_ -d "$DB" -c "SELECT u.\"Email\" FROM \"AspNetUsers\" u JOIN \"Volunteers\" v ON v.\"UserId\" = u.\"Id\" WHERE EXISTS (SELECT 1 FROM \"VolunteerHours\" h WHERE h.\"VolunteerId\" = v.\"UserId\") AND v.\"BirthDate\" < now() - interval '19 years' ORDER BY u.\"Email\" LIMIT 40")
: > "$WORK/record.txt"
for email in $VOLUNTEERS; do printf '/record\t%s\n' "$(login "$email")" >> "$WORK/record.txt"; done
: > "$WORK/orgs.txt"
while read -r org email; do printf '/org/%s/dashboard\t%s\n' "$org" "$(login "$email")" >> "$WORK/orgs.txt"; done <<< "$(largest_organizations 10)"
printf '/statistics/dashboard\t%s\n' "$(login admin@athar.example)" > "$WORK/national.txt"
printf '/statistics\t\n' > "$WORK/public.txt"
echo "after sign-ins: rss $(rss_mb VmRSS) MB, hwm $(rss_mb VmHWM) MB" >&2
if [ "${WARMUP_SEARCH:-10}" -gt 0 ]; then
  DURATION=${WARMUP_SEARCH:-10} run_wrk warmup search.lua "$BASE_URL" SEARCH_BASE=/api/v1/opportunities; sed -i '$d' "$RESULTS"
fi

scenario() { # name -> runs its wrk (in the background of the sampler) and appends one report line
  local name=$1 peak=0 rss
  local before; before=$(rss_mb VmRSS)
  case $name in
    search) run_wrk "$name" search.lua "$BASE_URL" SEARCH_BASE=/api/v1/opportunities & ;;
    search-page) run_wrk "$name" search.lua "$BASE_URL" SEARCH_BASE=/opportunities & ;;
    popular) run_wrk "$name" search-popular.lua "$BASE_URL" SEARCH_BASE=/api/v1/opportunities & ;;
    record|orgs|national|public) run_wrk "$name" paths.lua "$BASE_URL" PATHS="$WORK/$name.txt" & ;;
    apply) writes_prepare; before=$(rss_mb VmRSS)
      DURATION=$((DURATION + ${WARMUP:-5})) run_wrk "$name" pairs.lua "$BASE_URL" VOLUNTEERS="$WORK/writes-volunteers.txt" \
        TARGETS="$WORK/writes-apply.txt" STRIDE="$THREADS" COUNTS="$WORK/apply.counts" & ;;
    *) echo "unknown scenario $name" >&2; exit 2 ;;
  esac
  local wrk_pid=$! t=0 dump= start=$SECONDS
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(rss_mb VmRSS); [ "$rss" -gt "$peak" ] && peak=$rss
    echo "$name $t $rss" >> "$WORK/rss.txt"
    # The live heap under load, 5 s before the end (a gcdump runs a full collection, so it comes after the peak samples).
    if [ "${GCDUMP:-1}" = 1 ] && [ -z "$dump" ] && [ $((SECONDS - start)) -ge $((DURATION - 5)) ]; then
      tool dotnet-gcdump collect -p "$APP" -o "$WORK/$name.gcdump" >"$WORK/$name.gcdump.log" 2>&1 &
      dump=$!
    fi
    sleep 0.5; t=$((t + 1))
  done
  wait "$wrk_pid"
  [ -z "$dump" ] || wait "$dump" || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$before" "$peak" "$(rss_mb VmHWM)" "$(tail -1 "$RESULTS" | cut -f2 | cut -d' ' -f2)" "$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/memory.tsv"
}

: > "$WORK/memory.tsv"
for s in "${SCENARIOS[@]}"; do scenario "$s"; done
kill "$COUNTERS" 2>/dev/null || true; COUNTERS=

echo "| Scenario | RSS before MB | RSS peak during MB | VmHWM so far MB | Requests/s | load (1 min) |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$WORK/memory.tsv"
echo
echo "Samples, counters and gcdumps: $WORK (report a dump's top types with: dotnet tool run dotnet-gcdump report FILE)"
