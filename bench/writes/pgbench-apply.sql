-- One application per transaction, as apply writes it: the next prepared (shift, volunteer) pair, status pending.
-- Prepared by bench/writes/pgbench.sh (table bench_pgbench_pairs, sequence bench_pgbench_next).
SELECT nextval('bench_pgbench_next') AS n \gset
INSERT INTO "Applications" ("Id", "OpportunityId", "ShiftId", "VolunteerId", "Status", "CreatedAt", "Reason")
SELECT gen_random_uuid(), p.opportunity, p.shift, p.volunteer, 0, now(), 'bench-pgbench' FROM bench_pgbench_pairs p WHERE p.n = :n;
