-- One sample of what the platform's active sessions wait for, with the relation of each waiter's tuple lock (a
-- waiter on a row holds the tuple lock of that row's table; a unique-index or upsert wait holds none and shows "-").
-- Run it repeatedly during a write scenario and count the lines, e.g.:
--   while :; do psql -h 127.0.0.1 -p 55470 -U postgres -d athar_bench_s1 -At -f bench/writes/waits-by-relation.sql; sleep 0.3; done > waits.txt
--   sort waits.txt | uniq -c | sort -rn | head
-- (bench/results/2026-12-07-S1-late.md reads apply's waits this way.)
SELECT a.wait_event_type || ':' || coalesce(a.wait_event, 'cpu')
    || ' | ' || coalesce((SELECT string_agg(DISTINCT l.relation::regclass::text, ',') FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'tuple'), '-')
    || ' | ' || regexp_replace(left(a.query, 60), '\s+', ' ', 'g')
FROM pg_stat_activity a
WHERE a.datname = current_database() AND a.state = 'active' AND a.backend_type = 'client backend'
  AND a.pid <> pg_backend_pid() AND a.application_name NOT LIKE 'psql%';
