#!/usr/bin/env bash
# Athar on 1, 2 and 3 app nodes behind nginx (deploy/cluster.sh: PostgreSQL primary + hot standby, Redis, nginx),
# on synthetic data of scale S: wrk runs the opportunity search and apply scenarios through nginx for each node
# count, and the CPU time each process group spent is read from /proc, so the report gives the cost of one
# request (the basis of docs/capacity-planning.md), not only the throughput of this machine.
#
#   bench/cluster/run.sh [scale]          default 0.03
#
# Environment: DURATION (s per scenario, default 20), CONNECTIONS (default 64), THREADS (default 2),
# NODE_COUNTS (default "1 2 3"), KEEP=1 leaves the cluster up afterwards (deploy/cluster.sh down to remove it).
# Ports 26120-26150 and /tmp/athar-bench-cluster, apart from the cluster tests (26020-26050).
set -euo pipefail

SCALE=${1:-0.03}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
NODE_COUNTS=${NODE_COUNTS:-"1 2 3"}
PASSWORD=Athar-Bench-2026

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/.out
WORK=$(mktemp -d /tmp/athar-cluster-bench.XXXXXX)
CLUSTER=$ROOT/deploy/cluster.sh
export ATHAR_CLUSTER_DIR=${ATHAR_CLUSTER_DIR:-/tmp/athar-bench-cluster}
export ATHAR_CLUSTER_PG_PRIMARY=26120 ATHAR_CLUSTER_PG_STANDBY=26121 ATHAR_CLUSTER_REDIS=26130
export ATHAR_CLUSTER_NODE_BASE=26140 ATHAR_CLUSTER_NGINX=26150 ATHAR_CLUSTER_NODES=1
# Synthetic data only (no demo accounts); wrk is one client address, which the abuse limits would refuse.
export Athar__SeedDemoData=false Athar__RateLimits__Enabled=false
BASE_URL=http://127.0.0.1:$ATHAR_CLUSTER_NGINX
RESULTS=$WORK/results.tsv
COSTS=$WORK/costs.tsv
: > "$RESULTS"; : > "$COSTS"
# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"

[ "${KEEP:-}" = 1 ] || trap '"$CLUSTER" down >/dev/null 2>&1 || true' EXIT
need_tools
psql_() { psql -h 127.0.0.1 -p "$ATHAR_CLUSTER_PG_PRIMARY" -U postgres -d athar -v ON_ERROR_STOP=1 -Atq "$@"; }

# ---------------------------------------------------------------- cluster with seeded data
log "publishing the CLI (Release)"
dotnet publish "$ROOT/src/Athar.Cli" -c Release -o "$OUT/cli" -v quiet -nologo >/dev/null
SEED_LOG=$WORK/seed.log
# The seed bulk-loads without indexes and keys, so it runs before any node starts (cluster.sh's prepare step).
export ATHAR_CLUSTER_PREPARE="dotnet '$OUT/cli/athar.dll' migrate --provider postgres --connection \"\$ATHAR_CLUSTER_CS\" >/dev/null && dotnet '$OUT/cli/athar.dll' seed --scale $SCALE --provider postgres --connection \"\$ATHAR_CLUSTER_CS\" | tee '$SEED_LOG' >&2"
"$CLUSTER" up
unset ATHAR_CLUSTER_PREPARE
# Let the standby replay the seed before anything reads from it.
for _ in $(seq 1 120); do
  lag=$(psql -h 127.0.0.1 -p "$ATHAR_CLUSTER_PG_PRIMARY" -U postgres -Atqc "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), -1) FROM pg_stat_replication")
  [ "$lag" = 0 ] && break; sleep 1
done

# ---------------------------------------------------------------- CPU accounting from /proc
TICK=$(getconf CLK_TCK)
proc_ticks() { # pid... -> utime+stime (+ reaped children's) in clock ticks, summed
  local t=0 pid
  for pid in "$@"; do
    # Fields after the command name (which may hold spaces): utime stime cutime cstime are 14-17. A process can
    # end between listing and reading (a PostgreSQL backend closing): it is skipped, not read as empty.
    local ticks
    ticks=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}') || continue
    [ -n "$ticks" ] || continue
    t=$((t + ticks))
  done
  echo "$t"
}
postgres_ticks() { # primary|standby -> the postmaster and all its processes (backends, WAL sender/receiver, startup)
  local pm; pm=$(head -1 "$ATHAR_CLUSTER_DIR/pg/$1/postmaster.pid")
  # shellcheck disable=SC2046
  proc_ticks "$pm" $(pgrep -P "$pm" || true)
}
node_ticks() { local pids=(); for f in "$ATHAR_CLUSTER_DIR"/node*.pid; do pids+=("$(cat "$f")"); done; proc_ticks "${pids[@]}"; }
nginx_ticks() { local m; m=$(cat "$ATHAR_CLUSTER_DIR/nginx/nginx.pid"); proc_ticks "$m" $(pgrep -P "$m" || true); }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
snapshot() { echo "$(node_ticks) $(postgres_ticks primary) $(postgres_ticks standby) $(nginx_ticks) $(machine_busy)"; }

measure() { # nodes title script [env...]: wrk through nginx; the CPU spent by each group, per request
  local nodes=$1 title=$2 script=$3; shift 3
  local before after
  before=$(snapshot)
  run_wrk "$nodes node(s): $title" "$script" "$BASE_URL" "$@"
  after=$(snapshot)
  local requests; requests=$(tail -1 "$RESULTS" | cut -f2 | cut -d' ' -f1)
  read -r n0 p0 s0 x0 b0 a0 <<< "$before"
  read -r n1 p1 s1 x1 b1 a1 <<< "$after"
  awk -v t="$TICK" -v r="$requests" -v n=$((n1 - n0)) -v p=$((p1 - p0)) -v s=$((s1 - s0)) -v x=$((x1 - x0)) -v b=$((b1 - b0)) -v a=$((a1 - a0)) \
    -v title="$nodes node(s): $title" -v d="$DURATION" 'BEGIN {
      ms = 1000 / t / (r > 0 ? r : 1)
      printf "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.2f\n", title, n * ms, p * ms, s * ms, x * ms, (n + p + s + x) * ms, 100 * b / (a > 0 ? a : 1), (n + p + s + x) / t / d
    }' >> "$COSTS"
}

# ---------------------------------------------------------------- inputs
# Volunteers of age with verified hours; upcoming shifts without a licence rule. Each node count gets its own
# 40 volunteers and 20 shifts, so every round starts with applications still to make.
psql_ -c "SELECT u.\"Email\" FROM \"AspNetUsers\" u JOIN \"Volunteers\" v ON v.\"UserId\" = u.\"Id\" WHERE EXISTS (SELECT 1 FROM \"VolunteerHours\" h WHERE h.\"VolunteerId\" = v.\"UserId\") AND v.\"BirthDate\" < now() - interval '19 years' ORDER BY u.\"Email\" LIMIT 120" > "$WORK/volunteers.txt"
psql_ -c "SELECT s.\"Id\" FROM \"Shifts\" s JOIN \"Opportunities\" o ON o.\"Id\" = s.\"OpportunityId\" WHERE o.\"Status\" = 2 AND s.\"StartsAt\" > now() + interval '1 day' AND o.\"RequiredLicense\" = 0 ORDER BY md5(s.\"Id\"::text) LIMIT 60" > "$WORK/shifts.txt"
[ "$(wc -l < "$WORK/volunteers.txt")" = 120 ] && [ "$(wc -l < "$WORK/shifts.txt")" = 60 ] || { echo "not enough volunteers or shifts at scale $SCALE" >&2; exit 1; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
APPLIED=()
round=0
for nodes in $NODE_COUNTS; do
  log "$nodes app node(s)"
  "$CLUSTER" nodes "$nodes" >/dev/null
  : > "$WORK/apply.txt"
  for email in $(sed -n "$((round * 40 + 1)),$((round * 40 + 40))p" "$WORK/volunteers.txt"); do
    cookie=$(login "$email")
    for shift in $(sed -n "$((round * 20 + 1)),$((round * 20 + 20))p" "$WORK/shifts.txt"); do printf '/api/v1/shifts/%s/applications\t%s\n' "$shift" "$cookie" >> "$WORK/apply.txt"; done
  done
  check "/api/v1/opportunities?q=%D8%B1%D9%85%D8%B6%D8%A7%D9%86" "" 200
  # Warm-up of every node (JIT, EF query caches), not measured.
  DURATION=5 run_wrk warmup search.lua "$BASE_URL" SEARCH_BASE=/api/v1/opportunities; sed -i '$d' "$RESULTS"
  measure "$nodes" "Search API (Arabic text + filters)" search.lua SEARCH_BASE=/api/v1/opportunities
  before=$(psql_ -c 'SELECT count(*) FROM "Applications"')
  measure "$nodes" "Apply to a shift (API POST, writes)" paths.lua PATHS="$WORK/apply.txt" METHOD=POST
  APPLIED+=("$nodes node(s): $(( $(psql_ -c 'SELECT count(*) FROM "Applications"') - before )) applications created")
  round=$((round + 1))
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
mkdir -p "$BENCH/results"
REPORT=$BENCH/results/$(date -u +%Y-%m-%d)-cluster.md
{
  echo "# Cluster benchmark: 1, 2 and 3 app nodes at scale $SCALE ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Produced by \`bench/cluster/run.sh $SCALE\` at commit \`$(git -C "$ROOT" rev-parse --short HEAD)\`: deploy/cluster.sh on this one machine"
  echo "(PostgreSQL 15 primary + streaming hot standby, Redis, N app nodes in Release, nginx), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
  echo "through nginx over loopback. Search reads from the standby (anonymous visitors); applying writes to the primary."
  echo
  echo "## Machine"
  echo
  machine_description
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Other processes shared the cores when the load exceeds 2."
  echo "- Everything (wrk, nginx, every app node, both PostgreSQL servers, Redis) shares these cores: more nodes cannot"
  echo "  add throughput here; they only split the same CPU. What carries over to other machines is the CPU cost per request."
  echo
  echo "## Data"
  echo
  echo '```'
  grep -v '^\[' "$SEED_LOG" || true
  echo '```'
  echo
  echo "## Throughput and latency"
  echo
  results_table
  echo
  for line in "${APPLIED[@]}"; do echo "- Apply, $line; the other POSTs were refusals (already applied, overlapping shift, full), counted under HTTP ≥ 400."; done
  echo
  echo "## CPU per request (from /proc: user + system time of each process group during the run, divided by the requests)"
  echo
  echo "| Scenario | App nodes ms | PostgreSQL primary ms | Standby ms | nginx ms | Total ms | Machine busy % | Cores used by the cluster |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r title n p s x total busy cores; do
    echo "| $title | $n | $p | $s | $x | $total | $busy | $cores |"
  done < "$COSTS"
  echo
  echo "\"Machine busy\" counts every process on the machine (other work and wrk included); \"cores used by the cluster\""
  echo "is the CPU time of the app nodes, PostgreSQL and nginx divided by the run's duration."
} > "$REPORT"
log "report: $REPORT"
cat "$REPORT"
