#!/usr/bin/env bash
# Statistics counters benchmark (bench/results/2026-12-06-stats-counters.md): dashboard reads the raw way and from
# the counters, the triggers' cost on writes, the rebuild, and the counter tables' size, against a seeded PostgreSQL
# database. Usage: bench/counters/run.sh LABEL   (PGPORT, DB as in bench/run.sh; default 55470, athar_s003)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PGPORT=${PGPORT:-55470}
DB=${DB:-athar_s003}
LABEL=${1:-run}
OUT=${OUT:-/tmp/counters-bench/$LABEL}
mkdir -p "$OUT"
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -X -q "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "load before: $(load)" | tee "$OUT/load.txt"
# Reads: every query twice, the second (warm) EXPLAIN ANALYZE is the one reported.
psql_ -f "$HERE/queries.sql" >/dev/null
psql_ -f "$HERE/queries.sql" > "$OUT/queries.txt"
echo "load after reads: $(load)" | tee -a "$OUT/load.txt"
# Writes with the triggers, then the same with the three tables' user triggers disabled (rolled back either way).
psql_ -v disable='SELECT 1;' -f "$HERE/writes.sql" > "$OUT/writes.txt"
psql_ -v disable='ALTER TABLE "Applications" DISABLE TRIGGER USER; ALTER TABLE "VolunteerHours" DISABLE TRIGGER USER;' \
  -f "$HERE/writes.sql" > "$OUT/writes-no-triggers.txt"
echo "load after writes: $(load)" | tee -a "$OUT/load.txt"
psql_ -c "SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables WHERE relname LIKE 'Stats%Counts' ORDER BY relname" \
  -c "SELECT tgrelid::regclass, tgname, CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END FROM pg_trigger WHERE tgname LIKE 'athar_counters_%' ORDER BY 1, 2" > "$OUT/tables.txt"
grep -h -E '^==|Execution Time|Time:' "$OUT/queries.txt" "$OUT/writes.txt" "$OUT/writes-no-triggers.txt" > "$OUT/summary.txt" || true
echo "results in $OUT"
