#!/usr/bin/env bash
# Activity-facts trigger benchmark (bench/results/2026-12-07-hours-trigger.md): bulk hours writes, rolled back, under
# several trigger setups applied inside the rolled-back transaction, so the seeded database is not changed.
# Usage: bench/counters/hours.sh NEW_TRIGGERS.sql   (the statement triggers' SQL: StatisticsSql.DropTriggers and
# Triggers for PostgreSQL, e.g. printed by bench/counters/hours-sql.fsx); PGPORT, DB as in run.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PGPORT=${PGPORT:-55470}
DB=${DB:-athar_s003}
NEW=$(realpath "$1")
OUT=${OUT:-/tmp/hours-bench}
mkdir -p "$OUT"
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -X -q "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo 'SELECT 1;' > "$OUT/as-installed.sql"
echo 'ALTER TABLE "VolunteerHours" DISABLE TRIGGER USER;' > "$OUT/no-hours-triggers.sql"
# The facts' triggers only (the counters' statement triggers on VolunteerHours disabled), with and without the rollups.
facts_only() { psql_ -At -c "SELECT format('ALTER TABLE \"VolunteerHours\" DISABLE TRIGGER %I;', tgname) FROM pg_trigger WHERE tgrelid = '\"VolunteerHours\"'::regclass AND tgname LIKE 'athar_counters_%'"; }
{ cat "$NEW"; facts_only; } > "$OUT/statement.sql"
{ cat "$NEW"; facts_only; echo 'ALTER TABLE "StatsActivity" DISABLE TRIGGER athar_stats_rollup;'; } > "$OUT/statement-no-rollup.sql"
{ facts_only; } > "$OUT/row.sql"
{ facts_only; echo 'ALTER TABLE "StatsActivity" DISABLE TRIGGER athar_stats_rollup;'; } > "$OUT/row-no-rollup.sql"
for setup in no-hours-triggers row row-no-rollup statement statement-no-rollup; do
  echo "== setup $setup, load $(load)" | tee -a "$OUT/summary.txt"
  psql_ -v setup="$OUT/$setup.sql" -f "$HERE/hours.sql" 2>&1 | grep -E '^==|Trigger|Execution Time|ERROR' | tee -a "$OUT/summary.txt"
done
echo "load after: $(load)" | tee -a "$OUT/summary.txt"
