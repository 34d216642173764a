#!/usr/bin/env bash
# Import benchmark: N volunteers, then 200 opportunities, then N hours rows, through `athar import`, on SQLite
# and on a private PostgreSQL 15 (durable settings). Writes results/import-<date>.md (import-<date>-<HHMM>.md when that exists). Usage: bench/import/run.sh [N]
# PROVIDERS="sqlite" or "postgres" runs one database only (default: both).
set -euo pipefail
N=${1:-100000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/athar-bench-import}
PGPORT=${PGPORT:-55471}
PGDIR=${PGDIR:-/tmp/athar-bench-import/pg}
PGBIN=/usr/lib/postgresql/15/bin
TODAY=$(TZ=Asia/Riyadh date +%F)
# A second run on one day writes beside the first, not over it.
REPORT="$ROOT/bench/results/import-$(date +%F).md"
[ -e "$REPORT" ] && REPORT="$ROOT/bench/results/import-$(date +%F-%H%M).md"
log() { echo "[import-bench] $*" >&2; }

mkdir -p "$OUT/files"
log "publishing the CLI (Release)"
dotnet publish "$ROOT/src/Athar.Cli" -c Release -o "$OUT/cli" -v quiet -nologo >/dev/null
log "generating $N rows per file"
python3 "$ROOT/bench/import/generate.py" "$N" "$OUT/files" "$TODAY"

if [[ " ${PROVIDERS:-postgres} " == *" postgres "* ]] && ! pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
  log "starting PostgreSQL on $PGPORT"
  rm -rf "$PGDIR"; mkdir -p "$PGDIR"; chown postgres:postgres "$PGDIR" "$(dirname "$PGDIR")"
  runuser -u postgres -- $PGBIN/initdb -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
  runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR -c shared_buffers=1GB -c max_wal_size=8GB" start >/dev/null
  STARTED_PG=1
fi

athar() { dotnet "$OUT/cli/athar.dll" "$@"; }
timed() { local start end; start=$(date +%s.%N); "$@" >"$OUT/last.log" 2>"$OUT/last.err"; end=$(date +%s.%N); echo "$end - $start" | bc; }

{
  echo "# Import benchmark, $(date +%F)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB memory, load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Files: $N volunteers (CSV UTF-8 with BOM, Arabic headers), 200 opportunities, $N hours rows within the approval window (all verified: the statistics triggers run for each)."
  echo "Command: \`bench/import/run.sh $N\` (Release build of the CLI; times include starting the CLI, reading, checking and the one-transaction write)."
  echo
  echo "| database | volunteers (dry run) | volunteers | opportunities | hours | hours again (already imported) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} >"$REPORT"

for provider in ${PROVIDERS:-sqlite postgres}; do
  if [ $provider = sqlite ]; then
    rm -f "$OUT/bench.db"*; export Athar__Database__Provider=Sqlite ConnectionStrings__Athar="Data Source=$OUT/bench.db"
  else
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS athar_import_bench" >/dev/null
    export Athar__Database__Provider=Postgres ConnectionStrings__Athar="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=athar_import_bench"
  fi
  log "$provider: migrate and demo organisations"
  athar migrate >/dev/null; athar seed demo >/dev/null
  org=(--organization DEMO-makkah-centres)
  dry=$(timed athar import volunteers "$OUT/files/volunteers.csv" "${org[@]}" --dry-run); cat "$OUT/last.log" >&2
  vol=$(timed athar import volunteers "$OUT/files/volunteers.csv" "${org[@]}"); cat "$OUT/last.log" >&2
  opp=$(timed athar import opportunities "$OUT/files/opportunities.csv" "${org[@]}"); cat "$OUT/last.log" >&2
  hrs=$(timed athar import hours "$OUT/files/hours.csv" "${org[@]}"); cat "$OUT/last.log" >&2
  again=$(timed athar import hours "$OUT/files/hours.csv" "${org[@]}"); cat "$OUT/last.log" >&2
  printf '| %s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s |\n' "$provider" "$dry" "$vol" "$opp" "$hrs" "$again" >>"$REPORT"
done
echo >>"$REPORT"; echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)." >>"$REPORT"
[ -n "${STARTED_PG:-}" ] && runuser -u postgres -- $PGBIN/pg_ctl -D "$PGDIR/data" -m fast -w stop >/dev/null
log "report: $REPORT"; cat "$REPORT"
