-- The activity-facts trigger's cost on bulk hours writes (bench/results/2026-12-07-hours-trigger.md). Every write runs
-- in a transaction that is rolled back, after the setup file :setup (psql -v setup=FILE) changed the triggers inside
-- that same transaction, so the database is left as it was. bench/counters/hours.sh runs it once per setup.

\echo == 2,000 pending hours records approved in one statement
BEGIN;
\i :setup
EXPLAIN (ANALYZE) UPDATE "VolunteerHours" SET "Status" = 2 WHERE "Id" IN (SELECT "Id" FROM "VolunteerHours" WHERE "Status" = 1 ORDER BY "Id" LIMIT 2000);
ROLLBACK;
\echo == 2,000 hours records flagged in one statement
BEGIN;
\i :setup
EXPLAIN (ANALYZE) UPDATE "VolunteerHours" SET "Concerns" = CASE WHEN "Concerns" = 0 THEN 1 ELSE 0 END WHERE "Id" IN (SELECT "Id" FROM "VolunteerHours" ORDER BY "Id" LIMIT 2000);
ROLLBACK;
\echo == 200 approved hours records un-approved in one statement
BEGIN;
\i :setup
EXPLAIN (ANALYZE) UPDATE "VolunteerHours" SET "Status" = 3 WHERE "Id" IN (SELECT "Id" FROM "VolunteerHours" WHERE "Status" = 2 ORDER BY "Id" LIMIT 200);
ROLLBACK;
