#!/usr/bin/env bash
# Dashboard counters (bench/results/2026-12-07-dashboards.md): the cost their triggers add to writes (rolled back),
# their rows and size, and their rebuild time, on a seeded PostgreSQL database migrated to DashboardCounters.
# Usage: bench/counters/dashboard.sh LABEL   (PGPORT, DB as in bench/run.sh; default 55470, athar_s003)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PGPORT=${PGPORT:-55470}
DB=${DB:-athar_s003}
OUT=${OUT:-/tmp/counters-bench/${1:-dashboard}}
mkdir -p "$OUT"
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -X -q "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# The dashboard counters' own triggers (StatsCounterSql, CounterGroup.Dashboard), disabled inside the rolled-back transactions.
DISABLE=$(psql_ -At -c "SELECT string_agg(format('ALTER TABLE %s DISABLE TRIGGER %I;', tgrelid::regclass, tgname), ' ')
  FROM pg_trigger WHERE tgname ~ '^athar_counters_(registrations|shift_seats|opportunity_seats|opportunity_publications|organization_dashboard)_'")
echo "load before: $(load)" | tee "$OUT/load.txt"
psql_ -v disable='SELECT 1;' -f "$HERE/dashboard-writes.sql" > "$OUT/writes.txt"
psql_ -v disable="$DISABLE" -f "$HERE/dashboard-writes.sql" > "$OUT/writes-no-triggers.txt"
echo "load after writes: $(load)" | tee -a "$OUT/load.txt"
psql_ -c "SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables
  WHERE relname IN ('StatsRegistrationCounts', 'StatsSeatCounts', 'StatsPublishedCounts') ORDER BY relname" > "$OUT/tables.txt"
grep -h -E '^==|Time:' "$OUT/writes.txt" "$OUT/writes-no-triggers.txt" > "$OUT/summary.txt" || true
echo "results in $OUT"
