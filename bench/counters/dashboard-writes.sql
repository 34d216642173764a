-- The cost the dashboard counters' triggers (migration DashboardCounters: registrations, seats, publications) add to
-- the writes that feed them, each in a rolled-back transaction. bench/counters/dashboard.sh runs this file with the
-- triggers as installed and once with the dashboard triggers disabled inside the transaction (:disable).
-- A decision on an application also updates its shift's Accepted (the seat taken): that update is what the seats
-- counter adds to every decision (the application's own counters are measured by writes.sql).
\timing on
-- The rows are chosen first (\gset), so that finding them is not in the timed statements.
SELECT "Id" AS opportunity FROM "Opportunities" WHERE "PublishedAt" IS NOT NULL LIMIT 1 OFFSET 100 \gset
SELECT "Id" AS shift FROM "Shifts" LIMIT 1 OFFSET 100 \gset
\echo == one shift: a seat taken (what every accepted application adds), three times (the first in a session also plans)
BEGIN;
:disable
UPDATE "Shifts" SET "Accepted" = "Accepted" + 1 WHERE "Id" = :'shift';
UPDATE "Shifts" SET "Accepted" = "Accepted" + 1 WHERE "Id" = :'shift';
UPDATE "Shifts" SET "Accepted" = "Accepted" + 1 WHERE "Id" = :'shift';
ROLLBACK;
\echo == one opportunity re-dated (PublishedAt), three times
BEGIN;
:disable
UPDATE "Opportunities" SET "PublishedAt" = "PublishedAt" + interval '1 day' WHERE "Id" = :'opportunity';
UPDATE "Opportunities" SET "PublishedAt" = "PublishedAt" + interval '1 day' WHERE "Id" = :'opportunity';
UPDATE "Opportunities" SET "PublishedAt" = "PublishedAt" + interval '1 day' WHERE "Id" = :'opportunity';
ROLLBACK;
\echo == 2,000 shifts: a seat taken on each, one statement
BEGIN;
:disable
UPDATE "Shifts" SET "Accepted" = "Accepted" + 1 WHERE "Id" IN (SELECT "Id" FROM "Shifts" ORDER BY "Id" LIMIT 2000);
ROLLBACK;
\echo == 2,000 volunteers: registration moved a day, one statement
BEGIN;
:disable
UPDATE "Volunteers" SET "RegisteredAt" = "RegisteredAt" + interval '1 day' WHERE "UserId" IN (SELECT "UserId" FROM "Volunteers" ORDER BY "UserId" LIMIT 2000);
ROLLBACK;
\echo == 2,000 opportunities re-dated (PublishedAt), one statement
BEGIN;
:disable
UPDATE "Opportunities" SET "PublishedAt" = "PublishedAt" + interval '1 day' WHERE "Id" IN (SELECT "Id" FROM "Opportunities" WHERE "PublishedAt" IS NOT NULL ORDER BY "Id" LIMIT 2000);
ROLLBACK;
