-- After the write scenarios: the rules hold in the database, read straight from the rows of this run's bench data
-- (prepare.sql, tag :'tag'). One line per check: "ok|check|expected|found", "FAIL|..." or "info|..." (no rule: what the
-- run reached). The runner fails on any FAIL.
--
--   psql -v tag=RUN -v applied=N -v apply_in_flight=N -v checked_in=N -v checkin_in_flight=N -f verify.sql
--     applied            2xx answers to the apply POSTs (each must be one new application)
--     checked_in         2xx answers to the check-in POSTs that were not replays (each must be one new check-in)
--     *_in_flight        requests sent but not answered when wrk stopped: the server may have committed them after
--                        wrk closed the connection, so the rows may exceed the 2xx answers by at most this many
\set ON_ERROR_STOP on
\pset format unaligned
\pset tuples_only on
BEGIN ISOLATION LEVEL REPEATABLE READ;

CREATE TEMP TABLE run_opportunities ON COMMIT DROP AS
SELECT "Id", CASE WHEN "TitleEn" LIKE 'Bench data (write scenarios) ' || :'tag' || ' apply:%' THEN 'apply' ELSE 'checkin' END AS kind
FROM "Opportunities" WHERE "TitleEn" LIKE 'Bench data (write scenarios) ' || :'tag' || ' %';

CREATE TEMP TABLE run_shifts ON COMMIT DROP AS
SELECT s.*, o.kind FROM "Shifts" s JOIN run_opportunities o ON o."Id" = s."OpportunityId";

CREATE TEMP TABLE run_applications ON COMMIT DROP AS
SELECT a.*, s.kind FROM "Applications" a JOIN run_shifts s ON s."Id" = a."ShiftId";

CREATE TEMP TABLE run_attendance ON COMMIT DROP AS
SELECT t.* FROM "Attendance" t JOIN run_shifts s ON s."Id" = t."ShiftId" AND s.kind = 'checkin';

CREATE TEMP TABLE checks (name text, expected text, found text, ok boolean) ON COMMIT DROP;

-- Saudi calendar day (yyyymmdd) of an instant, as the counters key it.
CREATE FUNCTION pg_temp.saudi_day(t timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS
$$ SELECT CAST(to_char((t AT TIME ZONE 'UTC') + interval '3 hours', 'YYYYMMDD') AS integer) $$;

INSERT INTO checks
SELECT 'bench data of this run present (opportunities apply/checkin, shifts)', '20/20, 160',
       (SELECT count(*) FILTER (WHERE kind = 'apply') || '/' || count(*) FILTER (WHERE kind = 'checkin') FROM run_opportunities) || ', ' || (SELECT count(*) FROM run_shifts),
       (SELECT count(*) FILTER (WHERE kind = 'apply') = 20 AND count(*) FILTER (WHERE kind = 'checkin') = 20 FROM run_opportunities) AND (SELECT count(*) = 160 FROM run_shifts);

-- Apply
INSERT INTO checks
SELECT 'apply: applications created = 2xx answers (+ up to ' || :apply_in_flight || ' in flight at the end)', :'applied', count(*)::text,
       count(*) BETWEEN :applied AND :applied + :apply_in_flight
FROM run_applications WHERE kind = 'apply';
INSERT INTO checks
SELECT 'apply: no duplicate (volunteer, shift) application', '0', (count(*) - count(DISTINCT ("VolunteerId", "ShiftId")))::text, count(*) = count(DISTINCT ("VolunteerId", "ShiftId"))
FROM run_applications;
INSERT INTO checks
SELECT 'no shift over its seats', '0', count(*)::text, count(*) = 0 FROM run_shifts WHERE "Accepted" > "Seats";
INSERT INTO checks
SELECT 'every shift''s seat count = its accepted applications', '0 shifts differ', count(*) || ' shifts differ', count(*) = 0
FROM run_shifts s WHERE s."Accepted" <> (SELECT count(*) FROM run_applications a WHERE a."ShiftId" = s."Id" AND a."Status" = 2);
INSERT INTO checks
SELECT 'every opportunity''s seats taken = its shifts'' accepted', '0 differ', count(*) || ' differ', count(*) = 0
FROM "Opportunities" o JOIN run_opportunities r ON r."Id" = o."Id"
WHERE o."SeatsTaken" <> (SELECT sum("Accepted") FROM run_shifts s WHERE s."OpportunityId" = o."Id");
-- Not a rule but whether the run reached the seat limit at all (it needs about 5 × 10 = 50 applications per small shift).
INSERT INTO checks
SELECT 'apply (info): 5-seat shifts full, applications waitlisted', '12 full, waitlisted > 0',
       count(*) FILTER (WHERE "Accepted" = "Seats") || ' full, ' || (SELECT count(*) FROM run_applications WHERE kind = 'apply' AND "Status" = 4) || ' waitlisted',
       NULL
FROM run_shifts WHERE kind = 'apply' AND "Seats" = 5;

-- Check-in
INSERT INTO checks
SELECT 'check-in: check-ins recorded = 2xx answers that were not replays (+ up to ' || :checkin_in_flight || ' in flight at the end)', :'checked_in', count(*)::text,
       count(*) BETWEEN :checked_in AND :checked_in + :checkin_in_flight
FROM run_attendance;
INSERT INTO checks
SELECT 'check-in: at most one per volunteer and shift', '0', (count(*) - count(DISTINCT ("VolunteerId", "ShiftId")))::text, count(*) = count(DISTINCT ("VolunteerId", "ShiftId")) FROM run_attendance;
INSERT INTO checks
SELECT 'check-in: only accepted applications, of the same volunteer and shift', '0', count(*)::text, count(*) = 0
FROM run_attendance t LEFT JOIN run_applications a ON a."Id" = t."ApplicationId" AND a."VolunteerId" = t."VolunteerId" AND a."ShiftId" = t."ShiftId" AND a."Status" = 2
WHERE a."Id" IS NULL;
INSERT INTO checks
SELECT 'check-in: idempotency keys kept = check-ins recorded (every request carried a key)', (SELECT count(*) FROM run_attendance)::text, count(*)::text,
       count(*) = (SELECT count(*) FROM run_attendance)
FROM "IdempotentRequests" WHERE "Key" LIKE 'bench-' || :'tag' || '-%';
INSERT INTO checks
SELECT 'check-in: every key answered 200 and names a stored check-in of its caller, no two keys the same one', '0 keys otherwise',
       count(*) FILTER (WHERE t."Id" IS NULL OR r."StatusCode" <> 200) + (count(t."Id") - count(DISTINCT t."Id")) || ' keys otherwise',
       count(*) FILTER (WHERE t."Id" IS NULL OR r."StatusCode" <> 200) = 0 AND count(t."Id") = count(DISTINCT t."Id")
FROM "IdempotentRequests" r
LEFT JOIN run_attendance t ON r."StatusCode" = 200 AND t."Id" = (convert_from(r."Body", 'UTF8')::json ->> 'id')::uuid AND t."VolunteerId"::text = r."Scope"
WHERE r."Key" LIKE 'bench-' || :'tag' || '-%';

-- Counters (ADR 0017) = raw counts, national (Dim 0) and for the bench organisation (Dim 20), on every day this run's
-- rows count on: applications by the day they were made, attendance due/present by the day the shift ends.
CREATE TEMP TABLE application_days ON COMMIT DROP AS SELECT DISTINCT pg_temp.saudi_day("CreatedAt") AS day FROM run_applications;
CREATE TEMP TABLE shift_days ON COMMIT DROP AS SELECT DISTINCT pg_temp.saudi_day("EndsAt") AS day FROM run_shifts;
CREATE TEMP TABLE bench_org ON COMMIT DROP AS SELECT DISTINCT o."OrganizationId" AS id FROM "Opportunities" o JOIN run_opportunities r ON r."Id" = o."Id";

WITH raw AS (
    SELECT pg_temp.saudi_day(a."CreatedAt") AS day, d.dim, d.scope, a."Status", count(*) AS n
    FROM "Applications" a
    JOIN "Opportunities" o ON o."Id" = a."OpportunityId" JOIN "Volunteers" v ON v."UserId" = a."VolunteerId"
    CROSS JOIN LATERAL (VALUES (0, '00000000-0000-0000-0000-000000000000'::uuid), (20, o."OrganizationId")) d(dim, scope)
    WHERE a."CreatedAt" >= (SELECT to_date(min(day)::text, 'YYYYMMDD') - interval '1 day' FROM application_days)
      AND a."CreatedAt" < (SELECT to_date(max(day)::text, 'YYYYMMDD') + interval '1 day' FROM application_days)
      AND (d.dim = 0 OR o."OrganizationId" IN (SELECT id FROM bench_org))
    GROUP BY 1, 2, 3, 4),
kept AS (
    SELECT "Day" AS day, "Dim" AS dim, "ScopeId" AS scope, "Status", sum("Count") AS n FROM "StatsApplicationCounts"
    WHERE "Day" IN (SELECT day FROM application_days) AND ("Dim" = 0 OR ("Dim" = 20 AND "ScopeId" IN (SELECT id FROM bench_org)))
    GROUP BY 1, 2, 3, 4),
compared AS (
    SELECT coalesce(r.day, k.day) AS day, coalesce(r.n, 0) AS raw, coalesce(k.n, 0) AS kept
    FROM (SELECT * FROM raw WHERE day IN (SELECT day FROM application_days)) r
    FULL JOIN kept k ON k.day = r.day AND k.dim = r.dim AND k.scope = r.scope AND k."Status" = r."Status")
INSERT INTO checks
SELECT 'counters: StatsApplicationCounts = raw applications per status (national, bench organisation; ' || count(DISTINCT day) || ' day(s))',
       'raw ' || sum(raw), 'kept ' || sum(kept) || ', ' || count(*) FILTER (WHERE raw <> kept) || ' cells differ', count(*) FILTER (WHERE raw <> kept) = 0
FROM compared;

WITH raw AS (
    SELECT pg_temp.saudi_day(s."EndsAt") AS day, d.dim, d.scope, count(*) AS due,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Attendance" x WHERE x."ApplicationId" = a."Id")) AS present
    FROM "Shifts" s
    JOIN "Applications" a ON a."ShiftId" = s."Id" AND a."Status" = 2
    JOIN "Opportunities" o ON o."Id" = a."OpportunityId" JOIN "Volunteers" v ON v."UserId" = a."VolunteerId"
    CROSS JOIN LATERAL (VALUES (0, '00000000-0000-0000-0000-000000000000'::uuid), (20, o."OrganizationId")) d(dim, scope)
    WHERE s."EndsAt" >= (SELECT to_date(min(day)::text, 'YYYYMMDD') - interval '1 day' FROM shift_days)
      AND s."EndsAt" < (SELECT to_date(max(day)::text, 'YYYYMMDD') + interval '1 day' FROM shift_days)
      AND (d.dim = 0 OR o."OrganizationId" IN (SELECT id FROM bench_org))
    GROUP BY 1, 2, 3),
kept AS (
    SELECT "Day" AS day, "Dim" AS dim, "ScopeId" AS scope, sum("Due") AS due, sum("Present") AS present FROM "StatsAttendanceCounts"
    WHERE "Day" IN (SELECT day FROM shift_days) AND ("Dim" = 0 OR ("Dim" = 20 AND "ScopeId" IN (SELECT id FROM bench_org)))
    GROUP BY 1, 2, 3),
compared AS (
    SELECT coalesce(r.day, k.day) AS day, coalesce(r.due, 0) AS raw_due, coalesce(k.due, 0) AS kept_due,
           coalesce(r.present, 0) AS raw_present, coalesce(k.present, 0) AS kept_present
    FROM (SELECT * FROM raw WHERE day IN (SELECT day FROM shift_days)) r
    FULL JOIN kept k ON k.day = r.day AND k.dim = r.dim AND k.scope = r.scope)
INSERT INTO checks
SELECT 'counters: StatsAttendanceCounts = raw due and present (national, bench organisation; ' || count(DISTINCT day) || ' day(s))',
       'raw ' || sum(raw_due) || ' due, ' || sum(raw_present) || ' present',
       'kept ' || sum(kept_due) || ' due, ' || sum(kept_present) || ' present, ' || count(*) FILTER (WHERE raw_due <> kept_due OR raw_present <> kept_present) || ' cells differ',
       count(*) FILTER (WHERE raw_due <> kept_due OR raw_present <> kept_present) = 0
FROM compared;

SELECT CASE WHEN ok IS NULL THEN 'info' WHEN ok THEN 'ok' ELSE 'FAIL' END || '|' || name || '|' || expected || '|' || found FROM checks;
COMMIT;
