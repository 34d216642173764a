-- The cost the counter triggers add to writes: each write runs in a transaction that is rolled back, so every
-- run starts from the same data (the commit's fsync is therefore not in these times). bench/counters/run.sh
-- runs this file with the triggers as installed, and once with every user trigger of the three tables disabled
-- (inside the rolled-back transaction) as the baseline.
\timing on
\echo == one application decided (Pending -> Accepted), three times (the first in a session also plans the trigger queries)
BEGIN;
:disable
UPDATE "Applications" SET "Status" = 2 WHERE "Id" = (SELECT "Id" FROM "Applications" WHERE "Status" = 1 ORDER BY "Id" OFFSET 10 LIMIT 1);
UPDATE "Applications" SET "Status" = 2 WHERE "Id" = (SELECT "Id" FROM "Applications" WHERE "Status" = 1 ORDER BY "Id" OFFSET 20 LIMIT 1);
UPDATE "Applications" SET "Status" = 2 WHERE "Id" = (SELECT "Id" FROM "Applications" WHERE "Status" = 1 ORDER BY "Id" OFFSET 30 LIMIT 1);
ROLLBACK;
\echo == one application inserted, three times
BEGIN;
:disable
INSERT INTO "Applications" ("Id", "OpportunityId", "ShiftId", "VolunteerId", "Status", "CreatedAt")
SELECT gen_random_uuid(), s."OpportunityId", s."Id", v."UserId", 1, now() FROM (SELECT * FROM "Shifts" ORDER BY "Id" OFFSET 10 LIMIT 1) s,
  LATERAL (SELECT "UserId" FROM "Volunteers" w WHERE NOT EXISTS (SELECT 1 FROM "Applications" x WHERE x."ShiftId" = s."Id" AND x."VolunteerId" = w."UserId") ORDER BY "UserId" LIMIT 1) v;
INSERT INTO "Applications" ("Id", "OpportunityId", "ShiftId", "VolunteerId", "Status", "CreatedAt")
SELECT gen_random_uuid(), s."OpportunityId", s."Id", v."UserId", 1, now() FROM (SELECT * FROM "Shifts" ORDER BY "Id" OFFSET 20 LIMIT 1) s,
  LATERAL (SELECT "UserId" FROM "Volunteers" w WHERE NOT EXISTS (SELECT 1 FROM "Applications" x WHERE x."ShiftId" = s."Id" AND x."VolunteerId" = w."UserId") ORDER BY "UserId" LIMIT 1) v;
INSERT INTO "Applications" ("Id", "OpportunityId", "ShiftId", "VolunteerId", "Status", "CreatedAt")
SELECT gen_random_uuid(), s."OpportunityId", s."Id", v."UserId", 1, now() FROM (SELECT * FROM "Shifts" ORDER BY "Id" OFFSET 30 LIMIT 1) s,
  LATERAL (SELECT "UserId" FROM "Volunteers" w WHERE NOT EXISTS (SELECT 1 FROM "Applications" x WHERE x."ShiftId" = s."Id" AND x."VolunteerId" = w."UserId") ORDER BY "UserId" LIMIT 1) v;
ROLLBACK;
\echo == 2,000 applications decided in one statement (Pending -> Accepted)
BEGIN;
:disable
UPDATE "Applications" SET "Status" = 2 WHERE "Id" IN (SELECT "Id" FROM "Applications" WHERE "Status" = 1 ORDER BY "Id" LIMIT 2000);
ROLLBACK;
\echo == 2,000 hours records flagged in one statement
BEGIN;
:disable
UPDATE "VolunteerHours" SET "Concerns" = CASE WHEN "Concerns" = 0 THEN 1 ELSE 0 END WHERE "Id" IN (SELECT "Id" FROM "VolunteerHours" ORDER BY "Id" LIMIT 2000);
ROLLBACK;
\echo == an update of a column no counter reads, 2,000 applications (DecidedAt)
BEGIN;
:disable
UPDATE "Applications" SET "DecidedAt" = now() WHERE "Id" IN (SELECT "Id" FROM "Applications" ORDER BY "Id" LIMIT 2000);
ROLLBACK;
