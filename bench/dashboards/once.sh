#!/usr/bin/env bash
# One dashboard request at a time, with the figures caches off: what a cache miss costs on a seeded database (the
# national dashboard as the platform admin, the public statistics page, the three largest organisations' dashboards).
# Uses the Release build bench/run.sh published (bench/.out/web) and the bench's synthetic accounts.
#
#   bench/dashboards/once.sh <scale> [requests per page, default 5]
#
# Environment: PGPORT (default 55470), DB (default athar_bench_s<scale>), WEB_PORT (default 5090).
set -euo pipefail
SCALE=$1
REPEAT=${2:-5}
PGPORT=${PGPORT:-55470}
DB=${DB:-athar_bench_s${SCALE//./_}}
WEB_PORT=${WEB_PORT:-5090}
PASSWORD=Athar-Bench-2026
BENCH=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/athar-dashboards-once.XXXXXX)
BASE_URL=http://127.0.0.1:$WEB_PORT
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Maximum Pool Size=64"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

[ -f "$BENCH/.out/web/Athar.Web.dll" ] || { echo "run bench/run.sh first (it publishes bench/.out/web)" >&2; exit 1; }
start_platform "$WEB_PORT" "$BENCH/.out/web/Athar.Web.dll" "$CS" Athar__DashboardCache__Seconds=0 Athar__SearchCache__Seconds=0

time_page() { # label path cookie -> "label | t1 t2 … (s)"
  local times=()
  for _ in $(seq 1 "$REPEAT"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $3" "$BASE_URL$2")")
  done
  echo "| $1 | ${times[*]} |"
}

echo "Scale $SCALE, database $DB, $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page (caches off) | seconds per request, in order |"
echo "|---|---|"
ADMIN=$(login admin@athar.example)
time_page "National dashboard (platform admin)" /statistics/dashboard "$ADMIN"
time_page "Public statistics page" /statistics ""
largest_organizations 3 |
while read -r org email; do
  time_page "Organisation dashboard (${org:0:8}…)" "/org/$org/dashboard" "$(login "$email")"
done
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
