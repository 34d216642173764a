# Shell helpers shared by bench/run.sh and bench/cluster/run.sh (sourced, not run).
# The caller sets: BENCH (the bench/ directory), WORK (a scratch directory), RESULTS (the results file),
# THREADS, CONNECTIONS, DURATION (wrk), BASE_URL (where login and check send their requests), PASSWORD.

log() { printf '\n== %s\n' "$*" >&2; }

start_app() { # name port dll [env...]  -> starts a published app in the background (its pid appended to PIDS), waits until it answers
  local name=$1 port=$2 dll=$3; shift 3
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" DOTNET_gcServer=1 \
    dotnet "$dll" --contentRoot "$(dirname "$dll")" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.5; done
  echo "$name did not start; see $WORK/$name.log" >&2; exit 1
}

start_platform() { # port dll connection-string [env...]  -> the platform as the benchmarks run it (Release build given, PostgreSQL,
  # no migrations at start, warnings only, no rate limits) via start_app: its pid is the last of PIDS, its log $WORK/web.log
  local port=$1 dll=$2 cs=$3; shift 3
  start_app web "$port" "$dll" ASPNETCORE_ENVIRONMENT=Production Athar__Database__Provider=Postgres ConnectionStrings__Athar="$cs" \
    Athar__Database__MigrateOnStartup=false Logging__LogLevel__Default=Warning Athar__RateLimits__Enabled=false "$@"
}

largest_organizations() { # count -> "organisation-id admin-email" lines of the verified organisations with the most opportunities (psql_ and DB from the caller)
  psql_ -d "$DB" -c "SELECT o.\"Id\" || ' ' || u.\"Email\" FROM \"Organizations\" o JOIN \"OrganizationMembers\" m ON m.\"OrganizationId\" = o.\"Id\" AND m.\"Role\" = 1 JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" WHERE o.\"Status\" = 2 ORDER BY (SELECT count(*) FROM \"Opportunities\" p WHERE p.\"OrganizationId\" = o.\"Id\") DESC LIMIT $1"
}

need_tools() { # installs wrk and pgbench (and PostgreSQL 15) with apt when missing
  local need=()
  command -v wrk >/dev/null || need+=(wrk)
  command -v pgbench >/dev/null || need+=(postgresql-contrib)
  [ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)
  if [ ${#need[@]} -gt 0 ]; then log "apt-get install ${need[*]}"; apt-get install -y "${need[@]}" >/dev/null; fi
}

run_wrk() { # title script url [env...]  -> appends "title<TAB>requests rps p50 p90 p99 socket-errors http-errors" to RESULTS
  local title=$1 script=$2 url=$3; shift 3
  log "wrk: $title"
  env "$@" BENCH_WRK="$BENCH/wrk" WRK_OUT="$WORK/wrk.out" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$BENCH/wrk/$script" "$url" >"$WORK/wrk.txt" 2>&1 || { cat "$WORK/wrk.txt" >&2; return 1; }
  printf '%s\t%s\n' "$title" "$(cat "$WORK/wrk.out")" >> "$RESULTS"
}

form_token() { # cookie-jar url -> the antiforgery token of the form on that page (keeps the jar's cookies)
  curl -s -c "$1" -b "$1" "$2" | grep -o 'name="__RequestVerificationToken"[^>]*' | sed 's/.*value="\([^"]*\)".*/\1/' | head -1
}

login() { # email -> "Cookie" header value of a signed-in session (form post with the antiforgery token)
  local jar; jar=$(mktemp -p "$WORK")
  local token
  token=$(form_token "$jar" "$BASE_URL/account/login")
  local code answer
  answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "Input.Identifier=$1" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE_URL/account/login")
  code=${answer%% *}
  [ "$code" = "302" ] || { echo "login of $1 answered $code" >&2; return 1; }
  # Platform admins take the second step with the code an authenticator app shows for the published demo key.
  local second=${answer#* }
  if [[ "$second" == */account/login-2fa* ]]; then
    token=$(form_token "$jar" "$second")
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Code=$(totp "${AUTHENTICATOR_KEY:-ATHARDEMOPLATFORMADMINTOTPSECRET}")" \
      --data-urlencode "__RequestVerificationToken=$token" "$second")
    [ "$code" = "302" ] || { echo "second sign-in step of $1 answered $code" >&2; return 1; }
  fi
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
}

totp() { # base32 key -> the current six-digit authenticator code (RFC 6238), computed with Node.js (no extra package)
  node -e '
    const key = process.argv[1].replace(/=+$/, "").toUpperCase(); let bits = "";
    for (const c of key) bits += "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c).toString(2).padStart(5, "0");
    const secret = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
    const counter = Buffer.alloc(8); counter.writeBigInt64BE(BigInt(Math.floor(Date.now() / 30000)));
    const h = require("crypto").createHmac("sha1", secret).update(counter).digest(); const o = h[h.length - 1] & 15;
    console.log(String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0"));' "$1"
}

check() { # path cookie expected-status  -> the scenario answers as a person would see it before it is measured
  local code
  code=$(curl -s -o "$WORK/check.html" -w '%{http_code}' -H "Cookie: $2" "$BASE_URL$1")
  [ "$code" = "$3" ] || { echo "GET $1 answered $code, expected $3" >&2; head -c 600 "$WORK/check.html" >&2; exit 1; }
}

machine_description() { # markdown lines: CPU, memory, kernel, .NET
  echo "- CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GB; $(uname -sr); .NET $(dotnet --version)"
}

results_table() { # the RESULTS file as a markdown table
  echo "| Scenario | Requests/s | p50 ms | p90 ms | p99 ms | Socket errors | HTTP ≥ 400 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r title line; do
    read -r n rps p50 p90 p99 sock http <<< "$line"
    echo "| $title | $rps | $p50 | $p90 | $p99 | $sock | $http |"
  done < "$RESULTS"
}
