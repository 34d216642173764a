# The write scenarios (sourced by bench/run.sh and bench/writes/run.sh, after bench/lib.sh): apply and check-in with
# fresh volunteer × shift pairs on bench data made for the run (prepare.sql), then the database checks (verify.sql).
# The caller sets what bench/lib.sh needs, the platform answering at BASE_URL, and PGPORT and DB (the database
# the platform runs on). WRITES_VOLUNTEERS (default 400) volunteers are signed in before anything is measured.
# After writes_verify: WRITES_FAILED=1 when a check failed; writes_report prints the report's section.

WRITES_DIR=$BENCH/writes
WRITES_VOLUNTEERS=${WRITES_VOLUNTEERS:-400}
# A run's tag names its bench data and its idempotency keys.
WRITES_TAG=${WRITES_TAG:-w$(date -u +%Y%m%d%H%M%S)}
WRITES_FAILED=0

writes_psql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -Atq "$@"; }

writes_prepare() { # bench data, signed-in volunteers and the organisation admin's session
  log "write scenarios: bench data (tag $WRITES_TAG) and $WRITES_VOLUNTEERS volunteers signed in"
  local org admin
  read -r org admin <<< "$(writes_psql -F ' ' -c "SELECT o.\"Id\", u.\"Email\" FROM \"Organizations\" o JOIN \"OrganizationMembers\" m ON m.\"OrganizationId\" = o.\"Id\" AND m.\"Role\" = 1 JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" WHERE o.\"Status\" = 2 ORDER BY u.\"Email\" LIMIT 1")"
  writes_psql -v tag="$WRITES_TAG" -v org="$org" -v volunteers="$WRITES_VOLUNTEERS" -f "$WRITES_DIR/prepare.sql" > "$WORK/writes-prepared.txt"
  awk '$1 == "apply" { printf "/api/v1/shifts/%s/applications\n", $2 }' "$WORK/writes-prepared.txt" > "$WORK/writes-apply.txt"
  awk '$1 == "checkin" { print $2 }' "$WORK/writes-prepared.txt" > "$WORK/writes-checkin-shifts.txt"
  # Sign-ins (a password hash each) run four at a time and are not part of any measurement.
  mkdir -p "$WORK/writes-cookies"
  local i=0 email batch=()
  for email in $(awk '$1 == "volunteer" { print $2 }' "$WORK/writes-prepared.txt"); do
    i=$((i + 1))
    login "$email" > "$WORK/writes-cookies/$i" &
    batch+=($!)
    # Wait for these sign-ins only: a bare wait would also wait for the platform the caller started.
    if [ ${#batch[@]} = 4 ]; then wait "${batch[@]}" || true; batch=(); fi
  done
  [ ${#batch[@]} = 0 ] || wait "${batch[@]}" || true
  awk 'NF' "$WORK"/writes-cookies/* > "$WORK/writes-volunteers.txt"  # one line per file (no newline of their own)
  [ "$(wc -l < "$WORK/writes-volunteers.txt")" = "$WRITES_VOLUNTEERS" ] || { echo "only $(wc -l < "$WORK/writes-volunteers.txt") of $WRITES_VOLUNTEERS volunteers signed in" >&2; exit 1; }
  WRITES_ADMIN_COOKIE=$(login "$admin")
  check /api/v1/me/applications "$(head -1 "$WORK/writes-volunteers.txt")" 200
}

writes_wrk() { # title name targets [env...]: a warm-up (WARMUP s, default 5), then the measured run continuing with the next pairs
  local title=$1 name=$2 targets=$3; shift 3
  DURATION=${WARMUP:-5} run_wrk "warmup" pairs.lua "$BASE_URL" VOLUNTEERS="$WORK/writes-volunteers.txt" TARGETS="$targets" STRIDE="$THREADS" COUNTS="$WORK/$name-warmup.counts" "$@"
  sed -i '$d' "$RESULTS"
  local offset; offset=$(awk '{print $8}' "$WORK/$name-warmup.counts")
  # What the database sessions wait for during the measured run, sampled twice a second (the report lists it).
  ( while :; do
      writes_psql -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()" || true
      sleep 0.5
    done > "$WORK/$name.waits" ) &
  local sampler=$!
  run_wrk "$title" pairs.lua "$BASE_URL" VOLUNTEERS="$WORK/writes-volunteers.txt" TARGETS="$targets" STRIDE="$THREADS" COUNTS="$WORK/$name.counts" OFFSET="$offset" "$@"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
}

writes_apply() {
  writes_wrk "Apply to a shift (API POST, fresh volunteer × shift pairs)" apply "$WORK/writes-apply.txt"
}

writes_checkin() { # the volunteers scan each shift's code, as at the site; 10% of requests are re-sent with their key
  # Codes are fetched now (valid for this window and the next: CheckInCodeSeconds, 120 s by default).
  local shift code
  : > "$WORK/writes-checkin.txt"
  while read -r shift; do
    code=$(curl -s -H "Cookie: $WRITES_ADMIN_COOKIE" "$BASE_URL/api/v1/shifts/$shift/check-in-code" | sed -n 's/.*"code":"\([^"]*\)".*/\1/p')
    [ -n "$code" ] || { echo "no check-in code for shift $shift" >&2; exit 1; }
    printf '/api/v1/shifts/%s/scan\t{"code":"%s"}\n' "$shift" "$code" >> "$WORK/writes-checkin.txt"
  done < "$WORK/writes-checkin-shifts.txt"
  writes_wrk "Check in to a shift (API POST scan, fresh pairs, 10% re-sent with their Idempotency-Key)" checkin "$WORK/writes-checkin.txt" \
    KEY_PREFIX="bench-$WRITES_TAG" RESEND=0.1
}

writes_count() { # name field -> warm-up + measured run (fields: 1 2xx, 2 replayed 2xx, 3 in progress, 4 other 4xx, 5 5xx, 6 wrapped, 7 in flight)
  awk -v f="$2" '{ s += $f } END { print s + 0 }' "$WORK/$1-warmup.counts" "$WORK/$1.counts"
}

writes_settle() { # waits (up to 60 s) until the platform has finished the requests wrk left in flight and folded their seats
  local quiet=0
  for _ in $(seq 1 120); do
    # Idle sessions and an empty seat-count queue (the platform folds it every 2 s into the opportunities' seats taken).
    if [ "$(writes_psql -c "SELECT count(*) + (SELECT count(*) FROM \"SeatCountChanges\") FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()")" = 0 ]; then
      quiet=$((quiet + 1)); [ "$quiet" -ge 4 ] && return 0
    else
      quiet=0
    fi
    sleep 0.5
  done
  echo "the platform was still writing 60 s after the run" >&2
}

writes_verify() {
  log "write scenarios: database checks"
  writes_settle
  writes_psql -v tag="$WRITES_TAG" -v applied="$(writes_count apply 1)" -v apply_in_flight="$(writes_count apply 7)" \
    -v checked_in="$(writes_count checkin 1)" -v checkin_in_flight="$(writes_count checkin 7)" -f "$WRITES_DIR/verify.sql" > "$WORK/writes-checks.txt"
  cat "$WORK/writes-checks.txt" >&2
  # A 5xx, or pairs walked twice (the run outlasted its input), also fails the run.
  local bad=$(( $(writes_count apply 5) + $(writes_count checkin 5) + $(writes_count apply 6) + $(writes_count checkin 6) ))
  if grep -q '^FAIL' "$WORK/writes-checks.txt" || [ "$bad" != 0 ]; then WRITES_FAILED=1; fi
}

writes_report() { # markdown: what each write run answered, and the database checks
  local name
  echo "| Write run (warm-up ${WARMUP:-5} s + measured) | 2xx | 2xx replayed | 409 in progress | other 4xx | 5xx | pairs walked twice | in flight at the end |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in apply checkin; do
    echo "| $name | $(writes_count $name 1) | $(writes_count $name 2) | $(writes_count $name 3) | $(writes_count $name 4) | $(writes_count $name 5) | $(writes_count $name 6) | $(writes_count $name 7) |"
  done
  echo
  echo "What the platform's database sessions were doing during the measured runs (pg_stat_activity sampled every 0.5 s; share of active-session samples):"
  echo
  for name in apply checkin; do
    echo "- $name: $(sort "$WORK/$name.waits" | uniq -c | sort -rn | head -6 | awk -v n="$(wc -l < "$WORK/$name.waits")" '{ printf "%s%s %.0f%%", (i++ ? ", " : ""), $2, 100 * $1 / (n > 0 ? n : 1) }')"
  done
  echo
  echo "Database checks (bench/writes/verify.sql, bench data tag \`$WRITES_TAG\`, $WRITES_VOLUNTEERS volunteers):"
  echo
  echo "| | Check | Expected | Found |"
  echo "|---|---|---|---|"
  awk -F'|' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$WORK/writes-checks.txt"
  [ "$WRITES_FAILED" = 0 ] || { echo; echo "**A WRITE CHECK FAILED** (see FAIL above, or 5xx / pairs walked twice in the first table)."; }
}

writes_finish() { # report -> shows it; the run fails (after writing it) if a write check failed
  log "report: $1"
  cat "$1"
  [ "$WRITES_FAILED" = 0 ] || { echo "WRITE CHECKS FAILED" >&2; exit 1; }
}
