-- Statistics counters (ADR 0017, "Counters"): the dashboard figures the counters replaced, read the raw way
-- (the SQL IndicatorQueries runs with the counters switched off) and from the counters, national and region 1,
-- for the Gregorian year 2026 (Saudi midnights: 2025-12-31 21:00 UTC to 2026-12-31 21:00 UTC), "now" = 2026-12-06.
-- Run by bench/counters/run.sh with psql \timing; each query runs twice and the second (warm) run is reported.
\set start '''2025-12-31 21:00:00+00'''
\set end '''2026-12-31 21:00:00+00'''
\set now '''2026-12-06 12:00:00+00'''
\set empty '''00000000-0000-0000-0000-000000000000'''

\echo == raw: applications by status, national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT a."Status", count(*) FROM "Applications" a WHERE a."CreatedAt" >= :start AND a."CreatedAt" < :end GROUP BY a."Status";
\echo == raw: applications by status, region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT a."Status", count(*) FROM "Applications" a WHERE EXISTS (SELECT 1 FROM "Opportunities" o WHERE o."Id" = a."OpportunityId" AND o."RegionId" = 1) AND a."CreatedAt" >= :start AND a."CreatedAt" < :end GROUP BY a."Status";
\echo == raw: no-show base and absent, national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."ApplicationId" = a."Id")) FROM "Applications" a WHERE a."Status" = 2 AND EXISTS (SELECT 1 FROM "Shifts" s WHERE s."Id" = a."ShiftId" AND s."EndsAt" >= :start AND s."EndsAt" < :end AND s."EndsAt" <= :now);
\echo == raw: no-show base and absent, region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."ApplicationId" = a."Id")) FROM "Applications" a WHERE EXISTS (SELECT 1 FROM "Opportunities" o WHERE o."Id" = a."OpportunityId" AND o."RegionId" = 1) AND a."Status" = 2 AND EXISTS (SELECT 1 FROM "Shifts" s WHERE s."Id" = a."ShiftId" AND s."EndsAt" >= :start AND s."EndsAt" < :end AND s."EndsAt" <= :now);
\echo == raw: hours records, national (the app runs this count and the next one)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM "VolunteerHours" h WHERE h."Date" >= '2026-01-01' AND h."Date" < '2027-01-01';
\echo == raw: flagged hours records, national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*) FROM "VolunteerHours" h WHERE h."Date" >= '2026-01-01' AND h."Date" < '2027-01-01' AND h."Concerns" <> 0;
\echo == raw: hours records and flagged, region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*), count(*) FILTER (WHERE h."Concerns" <> 0) FROM "VolunteerHours" h WHERE h."Date" >= '2026-01-01' AND h."Date" < '2027-01-01' AND h."RegionId" = 1;

\echo == counters: applications by status, national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT c."Status", sum(c."Count") FROM "StatsApplicationCounts" c WHERE c."Dim" = 0 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20270101 AND c."DimValue" = 0 GROUP BY c."Status";
\echo == counters: applications by status, region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT c."Status", sum(c."Count") FROM "StatsApplicationCounts" c WHERE c."Dim" = 1 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20270101 AND c."DimValue" = 1 GROUP BY c."Status";
\echo == counters: no-show (days before today), national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT sum(c."Due"), sum(c."Present") FROM "StatsAttendanceCounts" c WHERE c."Dim" = 0 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20261206 AND c."DimValue" = 0;
\echo == counters: no-show, the current day from the raw rows (what the app adds), national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."ApplicationId" = a."Id")) FROM "Applications" a WHERE a."Status" = 2 AND EXISTS (SELECT 1 FROM "Shifts" s WHERE s."Id" = a."ShiftId" AND s."EndsAt" >= '2026-12-05 21:00:00+00' AND s."EndsAt" < :end AND s."EndsAt" <= :now);
\echo == counters: no-show (days before today), region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT sum(c."Due"), sum(c."Present") FROM "StatsAttendanceCounts" c WHERE c."Dim" = 1 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20261206 AND c."DimValue" = 1;
\echo == counters: hours records and flagged, national
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT sum(c."Records"), sum(c."Flagged") FROM "StatsHoursCounts" c WHERE c."Dim" = 0 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20270101 AND c."DimValue" = 0;
\echo == counters: hours records and flagged, region 1
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) SELECT sum(c."Records"), sum(c."Flagged") FROM "StatsHoursCounts" c WHERE c."Dim" = 1 AND c."ScopeId" = :empty AND c."Day" >= 20260101 AND c."Day" < 20270101 AND c."DimValue" = 1;
