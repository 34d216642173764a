-- BENCH DATA for the write scenarios (bench/writes): added to a seeded scale database, never to a real one.
-- Everything made here is marked: its opportunities' English title starts with 'Bench data (write scenarios)'
-- and names the run (:'tag'), so a run checks only its own rows and several runs can share a database.
--
--   psql -v tag=RUN -v org=ORGANISATION_ID -v volunteers=N -f prepare.sql
--
-- Makes, under one verified organisation (whose admin issues the check-in codes):
--   * apply: 20 published, auto-accepting opportunities with 6 future shifts each (120 shifts, three hours apart so
--     no two overlap for one volunteer, after every seeded shift); one shift in ten has only 5 seats, so the seat
--     limit is reached under contention; the others have more seats than there are volunteers;
--   * check-in: 20 opportunities with 2 shifts each that started 10 minutes ago and end in 4 hours (open for
--     check-in during the run), every chosen volunteer accepted on each (seats and counts kept as the app keeps them).
-- Volunteers: N adults without pending guardian consent, chosen afresh for each run (ordered by a hash of the tag).
-- Prints "volunteer EMAIL", "apply SHIFT_ID", "checkin SHIFT_ID" lines for the runner.
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
BEGIN;

CREATE TEMP TABLE bench_volunteers ON COMMIT DROP AS
SELECT v."UserId", u."Email"
FROM "Volunteers" v JOIN "AspNetUsers" u ON u."Id" = v."UserId"
WHERE v."BirthDate" < now() - interval '19 years' AND NOT v."GuardianConsentRequired" AND u."Email" LIKE '%@volunteers.athar.example'
ORDER BY md5(v."UserId"::text || :'tag')
LIMIT :volunteers;

-- Opportunity texts, fields and places are copied from published ones; organisation, dates, rules and titles are the bench's.
CREATE TEMP TABLE bench_opportunities ON COMMIT DROP AS
SELECT gen_random_uuid() AS "Id", CASE WHEN src.n <= 20 THEN 'apply' ELSE 'checkin' END AS kind, src.*
FROM (
    SELECT row_number() OVER (ORDER BY md5(o."Id"::text || :'tag')) AS n, o."FieldId", o."RegionId", o."CityId", o."Address", o."Type",
           o."DescriptionAr", o."DescriptionEn", o."TitleAr", o."TitleEn"
    FROM "Opportunities" o
    WHERE o."Status" = 2 AND o."RequiredLicense" = 0 AND NOT o."IsRemote"
    ORDER BY md5(o."Id"::text || :'tag')
    LIMIT 40) src;

CREATE TEMP TABLE bench_shifts ON COMMIT DROP AS
SELECT gen_random_uuid() AS "Id", o."Id" AS "OpportunityId", o.kind, starts AS "StartsAt",
       starts + CASE WHEN o.kind = 'apply' THEN interval '2 hours' ELSE interval '4 hours 10 minutes' END AS "EndsAt",
       CASE WHEN o.kind = 'checkin' THEN :volunteers WHEN slot % 10 = 0 THEN 5 ELSE 100000 END AS "Seats",
       CASE WHEN o.kind = 'checkin' THEN :volunteers ELSE 0 END AS "Accepted"
FROM bench_opportunities o
CROSS JOIN LATERAL (
    SELECT j, (o.n - 1) * 6 + j AS slot,
           CASE WHEN o.kind = 'apply'
                THEN date_trunc('day', (SELECT max("EndsAt") FROM "Shifts")) + interval '2 days' + ((o.n - 1) * 6 + j) * interval '3 hours'
                ELSE date_trunc('minute', now()) - interval '10 minutes' END AS starts
    FROM generate_series(0, CASE WHEN o.kind = 'apply' THEN 5 ELSE 1 END) j) s;

INSERT INTO "Opportunities" ("Id", "OrganizationId", "FieldId", "RegionId", "CityId", "Address", "IsRemote", "StartDate", "EndDate",
    "Gender", "MinimumAge", "AllowsMinors", "RequiredSkills", "RequiredLicense", "Type", "ExpectedBeneficiaries", "ProgramId", "AutoAccept",
    "Status", "CancellationReason", "CreatedAt", "PublishedAt", "SearchText", "SeatsTotal", "SeatsTaken", "NextShiftStartsAt",
    "DescriptionAr", "DescriptionEn", "TitleAr", "TitleEn")
SELECT o."Id", :'org', o."FieldId", o."RegionId", o."CityId", o."Address", false,
       (SELECT min(("StartsAt" AT TIME ZONE 'Asia/Riyadh')::date) FROM bench_shifts s WHERE s."OpportunityId" = o."Id"),
       (SELECT max(("EndsAt" AT TIME ZONE 'Asia/Riyadh')::date) FROM bench_shifts s WHERE s."OpportunityId" = o."Id"),
       0, NULL, false, NULL, 0, o."Type", NULL, NULL, true,
       2, NULL, now(), now(), 'bench ' || :'tag',
       (SELECT sum("Seats") FROM bench_shifts s WHERE s."OpportunityId" = o."Id"),
       (SELECT sum("Accepted") FROM bench_shifts s WHERE s."OpportunityId" = o."Id"),
       (SELECT min("StartsAt") FROM bench_shifts s WHERE s."OpportunityId" = o."Id" AND s."StartsAt" > now()),
       o."DescriptionAr", o."DescriptionEn",
       left('بيانات قياس (' || :'tag' || '): ' || o."TitleAr", 200),
       left('Bench data (write scenarios) ' || :'tag' || ' ' || o.kind || ': ' || coalesce(o."TitleEn", ''), 200)
FROM bench_opportunities o;

INSERT INTO "Shifts" ("Id", "OpportunityId", "Date", "StartTime", "EndTime", "StartsAt", "EndsAt", "Seats", "Accepted")
SELECT "Id", "OpportunityId", ("StartsAt" AT TIME ZONE 'Asia/Riyadh')::date, ("StartsAt" AT TIME ZONE 'Asia/Riyadh')::time,
       ("EndsAt" AT TIME ZONE 'Asia/Riyadh')::time, "StartsAt", "EndsAt", "Seats", "Accepted"
FROM bench_shifts;

-- The check-in shifts' accepted volunteers, as auto-accept would have made them an hour ago (one statement: the
-- counters' statement triggers count them once).
INSERT INTO "Applications" ("Id", "OpportunityId", "ShiftId", "VolunteerId", "Status", "CreatedAt", "DecidedAt")
SELECT gen_random_uuid(), s."OpportunityId", s."Id", v."UserId", 2, now() - interval '1 hour', now() - interval '1 hour'
FROM bench_shifts s CROSS JOIN bench_volunteers v
WHERE s.kind = 'checkin';

SELECT 'volunteer ' || "Email" FROM bench_volunteers ORDER BY "Email";
SELECT kind || ' ' || "Id" FROM bench_shifts ORDER BY kind, "StartsAt", "Id";
COMMIT;
