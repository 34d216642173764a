#!/usr/bin/env bash
# A whole Athar cluster on this one machine, over loopback, for tests and rehearsals:
#   PostgreSQL primary + streaming hot standby, Redis, three app nodes (Release build), nginx in front.
# Usage: deploy/cluster.sh up | down | status | nodes N | kill-node N | start-node N | promote
#   nodes N: run N app nodes (1-9) behind nginx from now on: starts the missing ones, stops (SIGTERM) the extra ones,
#            reloads nginx with the new upstream list. `up` starts ATHAR_CLUSTER_NODES (default 3).
# Every piece is the ordinary Debian package (postgresql, redis-server, nginx-light), installed when missing.
# Data, logs and pid files live under $ATHAR_CLUSTER_DIR (default /tmp/athar-cluster). Any Athar__* variable in
# the caller's environment reaches the app nodes (e.g. Athar__RateLimits__Enabled=false for a load test).
# ATHAR_CLUSTER_PREPARE, if set, is a shell command `up` runs once PostgreSQL is up and before any node starts
# (restore a backup, load synthetic data), with the owner role's connection string to the primary in $ATHAR_CLUSTER_CS.
# Database roles as in production (deploy/postgres-roles.sql, ASVS 13.2.2): the superuser only creates the database
# and the roles; athar_owner migrates (the app once with MigrateOnStartup=true) and runs the prepare step; the app
# nodes connect as athar_app, which cannot create, alter or drop a table. Loopback uses trust authentication.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${ATHAR_CLUSTER_DIR:-/tmp/athar-cluster}
# Ports below 32768, outside the ephemeral range, so no outgoing connection of the nodes can hold one first.
PRIMARY_PORT=${ATHAR_CLUSTER_PG_PRIMARY:-26020}
STANDBY_PORT=${ATHAR_CLUSTER_PG_STANDBY:-26021}
REDIS_PORT=${ATHAR_CLUSTER_REDIS:-26030}
NODE_BASE_PORT=${ATHAR_CLUSTER_NODE_BASE:-26040}   # node N listens on NODE_BASE_PORT + N
NGINX_PORT=${ATHAR_CLUSTER_NGINX:-26050}
NODES=${ATHAR_CLUSTER_NODES:-3}
# A running cluster remembers how many nodes it has (set by `up` and `nodes N`).
[ -f "$DIR/nodes" ] && NODES=$(cat "$DIR/nodes")
DB=athar
OWNER_ROLE=athar_owner
APP_ROLE=athar_app
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

log() { printf '== %s\n' "$*" >&2; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_packages() {
  local missing=()
  [ -n "$PGBIN" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
}

# Writes go to whichever host is the primary now; after a promotion Npgsql finds the new one by itself.
primary_cs() { # [role]
  echo "Host=127.0.0.1:$PRIMARY_PORT,127.0.0.1:$STANDBY_PORT;Target Session Attributes=read-write;Host Recheck Seconds=2;Username=${1:-$APP_ROLE};Database=$DB;Timeout=5;Maximum Pool Size=40"; }
# Lag-tolerant reads prefer the standby and fall back to the primary when none answers.
standby_cs() { echo "Host=127.0.0.1:$STANDBY_PORT,127.0.0.1:$PRIMARY_PORT;Target Session Attributes=prefer-standby;Host Recheck Seconds=2;Username=$APP_ROLE;Database=$DB;Timeout=5;Maximum Pool Size=20"; }

pg_up() {
  mkdir -p "$DIR/pg"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR/pg"
  log "PostgreSQL primary on $PRIMARY_PORT"
  as_pg "$PGBIN/initdb" -D "$DIR/pg/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/pg/initdb.log" 2>&1
  cat >>"$DIR/pg/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
max_connections = 200
shared_buffers = 256MB
CONF
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/primary" -l "$DIR/pg/primary.log" -w -t 60 -o "-p $PRIMARY_PORT -k $DIR/pg" start >/dev/null
  log "PostgreSQL hot standby on $STANDBY_PORT (pg_basebackup, streaming)"
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR/pg/standby" -R -X stream -c fast
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/standby" -l "$DIR/pg/standby.log" -w -t 60 -o "-p $STANDBY_PORT -k $DIR/pg" start >/dev/null
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qc "CREATE DATABASE $DB"
  roles_up
}

# The least-privilege roles, created by the superuser in the new database; the standby receives them by streaming.
roles_up() {
  log "roles $OWNER_ROLE (migrations) and $APP_ROLE (app nodes): deploy/postgres-roles.sql"
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -f "$ROOT/deploy/postgres-roles.sql" >/dev/null
}

redis_up() {
  log "Redis on $REDIS_PORT"
  mkdir -p "$DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$DIR/redis/redis.pid" --dir "$DIR/redis" --logfile "$DIR/redis/redis.log"
}

publish() {
  if [ -n "${ATHAR_CLUSTER_APP:-}" ]; then APP=$ATHAR_CLUSTER_APP; return; fi
  APP=$DIR/app
  log "publishing Athar.Web (Release) to $APP"
  dotnet publish "$ROOT/src/Athar.Web" -c Release -o "$APP" -v quiet -nologo >/dev/null
}

start_node() { # N [role]   (node 0 is the owner's one-off migration run)
  local n=$1 port=$((NODE_BASE_PORT + $1)) role=${2:-$APP_ROLE}
  APP=${APP:-$(cat "$DIR/app.path")}
  log "app node $n on $port as $role"
  # Its own line, so $! is the app's pid; output to a file, so the caller's pipes close when this script ends.
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" DOTNET_gcServer=0 \
    Athar__Database__Provider=Postgres ConnectionStrings__Athar="$(primary_cs "$role")" \
    Athar__Database__MigrateOnStartup="$([ "$role" = "$OWNER_ROLE" ] && echo true || echo false)" \
    Athar__Database__ReadOnlyConnectionString="$(standby_cs)" \
    Athar__Cluster__Redis="127.0.0.1:$REDIS_PORT" Athar__Cluster__KnownProxies__0=127.0.0.1 Athar__Cluster__NodeName="node$n" \
    Athar__SeedDemoData="${Athar__SeedDemoData:-true}" Logging__LogLevel__Default=Warning \
    dotnet "$APP/Athar.Web.dll" --contentRoot "$APP" </dev/null >>"$DIR/node$n.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
}

# Migrations (and the demo seed) as the owner, as `athar migrate` would in a deploy: the app once, on port
# NODE_BASE_PORT, stopped as soon as it answers; the app role could not create the tables.
migrate_as_owner() {
  start_node 0 "$OWNER_ROLE"; wait_node 0
  log "migrated as $OWNER_ROLE; stopping the migration run"
  stop_pid_file "$DIR/node0.pid"
}

wait_node() { # N
  local port=$((NODE_BASE_PORT + $1))
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health" && return 0
    kill -0 "$(cat "$DIR/node$1.pid")" 2>/dev/null || { tail -n 40 "$DIR/node$1.log" >&2; return 1; }
    sleep 0.5
  done
  echo "node $1 did not answer; see $DIR/node$1.log" >&2; return 1
}

nginx_conf() { # the upstream lists nodes 1..NODES
  mkdir -p "$DIR/nginx/tmp"
  local servers=""
  for n in $(seq 1 "$NODES"); do servers+="server 127.0.0.1:$((NODE_BASE_PORT + n)) max_fails=1 fail_timeout=3s; "; done
  sed -e "s|@SERVERS@|$servers|" -e "s|@PORT@|$NGINX_PORT|" -e "s|@DIR@|$DIR/nginx|g" "$ROOT/deploy/nginx/athar-cluster.conf" >"$DIR/nginx/nginx.conf"
}

nginx_up() {
  log "nginx on $NGINX_PORT"
  nginx_conf
  /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
}

node_alive() { [ -f "$DIR/node$1.pid" ] && kill -0 "$(cat "$DIR/node$1.pid")" 2>/dev/null; }

# Scale to N nodes: the new ones start (and answer /health) before nginx sends them traffic; the extra ones leave
# nginx's list first and then stop gracefully, so no request is cut off.
scale_nodes() { # N
  [[ "$1" =~ ^[1-9]$ ]] || { echo "nodes: N must be 1-9" >&2; exit 2; }
  local old=$NODES want=$1 started=()
  for n in $(seq 1 "$want"); do node_alive "$n" || { start_node "$n"; started+=("$n"); }; done
  for n in "${started[@]}"; do wait_node "$n"; done
  NODES=$want; echo "$NODES" >"$DIR/nodes"
  nginx_conf
  /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s reload
  for n in $(seq $((want + 1)) "$(( old > 9 ? 9 : old ))"); do log "stopping node $n"; stop_pid_file "$DIR/node$n.pid"; done
  # nginx's old worker finishes its requests before it exits; give it that moment before anyone measures.
  sleep 1
  status
}

up() {
  [ -e "$DIR" ] && down
  NODES=${ATHAR_CLUSTER_NODES:-3}
  install_packages
  mkdir -p "$DIR"
  publish
  echo "$APP" >"$DIR/app.path"
  echo "$NODES" >"$DIR/nodes"
  pg_up
  redis_up
  if [ -n "${ATHAR_CLUSTER_PREPARE:-}" ]; then
    log "prepare: $ATHAR_CLUSTER_PREPARE"
    ATHAR_CLUSTER_CS="Host=127.0.0.1;Port=$PRIMARY_PORT;Username=$OWNER_ROLE;Database=$DB" bash -c "$ATHAR_CLUSTER_PREPARE"
  fi
  migrate_as_owner
  for n in $(seq 1 "$NODES"); do start_node "$n"; done
  for n in $(seq 1 "$NODES"); do wait_node "$n"; done
  nginx_up
  status
}

stop_pid_file() { # file [signal]
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$1"
}

down() {
  log "tearing down $DIR"
  [ -f "$DIR/nginx/nginx.pid" ] && /usr/sbin/nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s stop 2>/dev/null || true
  for f in "$DIR"/node*.pid; do [ -e "$f" ] && stop_pid_file "$f"; done
  stop_pid_file "$DIR/redis/redis.pid"
  for d in primary standby; do
    [ -f "$DIR/pg/$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  # The logs outlive the cluster, for whoever reads a failed run.
  mkdir -p "$DIR.logs"; cp "$DIR"/*.log "$DIR"/pg/*.log "$DIR.logs/" 2>/dev/null || true
  rm -rf "$DIR"
}

status() {
  printf 'nginx        http://127.0.0.1:%s\n' "$NGINX_PORT"
  for d in primary:$PRIMARY_PORT standby:$STANDBY_PORT; do
    local port=${d#*:}
    printf 'postgres %-8s %s  in_recovery=%s\n' "${d%%:*}" "$port" "$(psql -h 127.0.0.1 -p "$port" -U postgres -Atqc 'SELECT pg_is_in_recovery()' 2>/dev/null || echo down)"
  done
  printf 'redis        %s  %s\n' "$REDIS_PORT" "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null || echo down)"
  for n in $(seq 1 "$NODES"); do
    printf 'node%s        %s  %s\n' "$n" "$((NODE_BASE_PORT + n))" "$(curl -fs "http://127.0.0.1:$((NODE_BASE_PORT + n))/health" 2>/dev/null || echo down)"
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  nodes) scale_nodes "${2:-}" ;;
  kill-node) kill -KILL "$(cat "$DIR/node$2.pid")"; rm -f "$DIR/node$2.pid" ;;
  start-node) start_node "$2"; wait_node "$2" ;;
  # Failover drill: the primary stops (as if its machine died); the standby is promoted and takes writes.
  promote)
    as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/primary" -m immediate -w stop >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/standby" -w promote >/dev/null ;;
  *) echo "usage: $0 up|down|status|nodes N|kill-node N|start-node N|promote" >&2; exit 2 ;;
esac
