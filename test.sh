#!/usr/bin/env bash
# Installs what the tests need when it is missing (apt: PostgreSQL, Chromium, fonts, poppler-utils, zbar-tools; npm assets via the
# build), starts a private PostgreSQL server on a loopback port, runs every test project (unit,
# integration on SQLite and PostgreSQL, CLI, browser, then the loopback cluster, then the fault tests), stops the server, and ends with the line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts"
mkdir -p "$ARTIFACTS"

log() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
  # Athar.Documents.Tests read the rendered PDFs with pdftotext/pdftoppm/pdfinfo and decode QR codes with zbarimg.
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  # Shared rate limits (integration tests) and the loopback cluster (Athar.ClusterTests, via deploy/cluster.sh).
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Every fixed port the tests listen on (here, deploy/cluster.sh, the fault tests) lies below 32768, outside the
# kernel's ephemeral range (32768-60999): there an outgoing connection to PostgreSQL or Redis could take the port
# first, as one CI run saw when nginx found 56050 in use.
PG_DIR=${ATHAR_TEST_PG_DIR:-/tmp/athar-test-pg}
PG_PORT=${ATHAR_TEST_PG_PORT:-25432}
PGBIN=""

pg_run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_stop
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  pg_run "$PGBIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  # fsync off only here, for test speed; benchmarks and production keep durable settings.
  pg_run "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
}

pg_stop() {
  if [ -n "$PGBIN" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    pg_run "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

install_packages || exit 1

log "Building"
dotnet build Athar.slnx -c Release -nologo -clp:ErrorsOnly || exit 1

log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
pg_start || exit 1
trap pg_stop EXIT
# A longer pool wait than production's 5 s: dozens of test apps share two cores, and tests that fire 200 writes at once
# at one app queue for its 50 connections (the 503 at a full pool is proven by the fault tests, with their own settings).
export ATHAR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true;Maximum Pool Size=50;Timeout=30"

log "Running tests"
dotnet test Athar.slnx -c Release --no-build --nologo --results-directory "$ARTIFACTS/test-results" \
  --logger "trx" --filter "FullyQualifiedName!~Athar.ClusterTests&FullyQualifiedName!~Athar.FaultTests" 2>&1 | tee "$ARTIFACTS/test.log"
rc=${PIPESTATUS[0]}

# Last and alone: the cluster tests bring up PostgreSQL primary + standby, Redis, three app nodes and nginx
# (deploy/cluster.sh, ports 26020-26050) and tear them down at the end.
log "Running cluster tests"
dotnet test tests/Athar.ClusterTests -c Release --no-build --nologo --results-directory "$ARTIFACTS/test-results" \
  --logger "trx" 2>&1 | tee -a "$ARTIFACTS/test.log"
cluster_rc=${PIPESTATUS[0]}
cat "$ARTIFACTS/cluster-report.txt" 2>/dev/null
[ "$rc" -eq 0 ] && rc=$cluster_rc

# Then alone too: the fault tests run their own durable PostgreSQL (port 25480) and real Athar.Web processes
# (ports 29101-29104), kill a server with SIGKILL mid-burst, restart PostgreSQL under load and flood a tiny pool.
log "Running fault tests"
rm -f "$ARTIFACTS/fault-report.txt"
dotnet test tests/Athar.FaultTests -c Release --no-build --nologo --results-directory "$ARTIFACTS/test-results" \
  --logger "trx" 2>&1 | tee -a "$ARTIFACTS/test.log"
fault_rc=${PIPESTATUS[0]}
cat "$ARTIFACTS/fault-report.txt" 2>/dev/null
[ "$rc" -eq 0 ] && rc=$fault_rc

awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+/ {gsub(",",""); f+=$4; p+=$6}
     END {printf "%d passed, %d failed\n", p, f}' "$ARTIFACTS/test.log"
exit "$rc"
