#!/usr/bin/env bash
# The application INSERT alone, against the database: its counter triggers on, and the same session with triggers off
# (session_replication_role = replica), at 1 and 8 clients. Shows whether the triggers serialise writers (8 clients no
# faster than 1) or let them scale like the bare insert. Every inserted row is deleted afterwards in the mode it was
# inserted in, so the counters end as they began (the delete's triggers subtract what the insert's added).
#
#   bench/writes/pgbench.sh <database> [seconds per run, default 10]
#
# Environment: PGPORT (default 55470). Prints a markdown table.
set -euo pipefail
DB=$1
SECONDS_PER_RUN=${2:-10}
PGPORT=${PGPORT:-55470}
HERE=$(cd "$(dirname "$0")" && pwd)
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -Atq "$@"; }

# Fresh pairs: 2,000 shifts ahead (of published opportunities) × 60 volunteers each, none applied already.
psql_ <<'SQL'
DROP TABLE IF EXISTS bench_pgbench_pairs; DROP SEQUENCE IF EXISTS bench_pgbench_next;
CREATE SEQUENCE bench_pgbench_next;
CREATE TABLE bench_pgbench_pairs AS
SELECT row_number() OVER () AS n, s."OpportunityId" AS opportunity, s."Id" AS shift, v."UserId" AS volunteer
FROM (SELECT x."Id", x."OpportunityId" FROM "Shifts" x JOIN "Opportunities" o ON o."Id" = x."OpportunityId"
      WHERE x."StartsAt" > now() AND o."PublishedAt" IS NOT NULL ORDER BY x."Id" LIMIT 2000) s
CROSS JOIN LATERAL (SELECT "UserId" FROM "Volunteers" TABLESAMPLE SYSTEM (1) LIMIT 60) v
WHERE NOT EXISTS (SELECT 1 FROM "Applications" a WHERE a."ShiftId" = s."Id" AND a."VolunteerId" = v."UserId");
CREATE UNIQUE INDEX ON bench_pgbench_pairs (n);
ANALYZE bench_pgbench_pairs;
SQL

echo "| pgbench, ${SECONDS_PER_RUN} s | 1 client | 8 clients |"
echo "|---|---:|---:|"
for mode in on off; do
  options=""; [ "$mode" = off ] && options="-c session_replication_role=replica"
  row="| INSERT application, counter triggers $mode |"
  for clients in 1 8; do
    tps=$(PGOPTIONS="$options" pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -c "$clients" -j "$clients" -T "$SECONDS_PER_RUN" \
      -f "$HERE/pgbench-apply.sql" "$DB" 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    row="$row ${tps%.*} tps |"
  done
  echo "$row"
  PGOPTIONS="$options" psql_ -c "DELETE FROM \"Applications\" WHERE \"Reason\" = 'bench-pgbench'"
done
psql_ -c "DROP TABLE bench_pgbench_pairs; DROP SEQUENCE bench_pgbench_next;"
