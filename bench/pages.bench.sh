#!/usr/bin/env bash
# Page-serving benchmark for Dateline ([Foundation]); see bench/README.md.
#
# Builds, starts the demo on a fresh temporary DATA_DIR, and loads it with wrk on loopback, printing
# in one run requests/s and p99 latency for:
#   1. a bare node:http server sending the article page's exact bytes (the ceiling),
#   2. the article page from the page cache,
#   3. the same article rendered from the database (a second server on the same DATA_DIR, PAGE_CACHE=0),
#   4. the home page from the page cache,
# each with its requests/s as a ratio to the ceiling.
#
# Environment (all optional):
#   BENCH_DURATION     wrk duration of each measured run (default 10s; wrk syntax: 10, 10s, 1m)
#   BENCH_WARMUP       wrk duration of the warm-up before each run (default 3s)
#   BENCH_CONNECTIONS  wrk connections (default 32); wrk always uses one thread (-t1)
#   BENCH_ROUNDS       rounds over the four targets, interleaved (default 1); with more, the table shows
#                      medians — use 3 or more on a machine where other work is running
#   BENCH_SERVER_CPU   core the server processes are pinned to (default 0)
#   BENCH_WRK_CPU      core wrk is pinned to (default 1)
#   BENCH_SKIP_BUILD=1 use the existing dist/ instead of running tsc
#   BENCH_VERBOSE=1    print wrk's full output for every run
#
# Every process it starts is stopped on exit (trap EXIT); every step is bounded in time. Only
# 127.0.0.1 is used.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SERVER_CPU=${BENCH_SERVER_CPU:-0}
WRK_CPU=${BENCH_WRK_CPU:-1}
STARTUP_TIMEOUT_S=180 # first start creates the demo: ~10-30 s, ~1 s once its illustrations are cached in the OS temp dir
HOST=127.0.0.1

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# "10" / "10s" / "2m" / "1h" -> whole seconds (wrk's duration syntax).
to_seconds() {
  local value=$1
  case $value in
    *h) echo $(( ${value%h} * 3600 )) ;;
    *m) echo $(( ${value%m} * 60 )) ;;
    *s) echo $(( ${value%s} )) ;;
    *) echo $(( value )) ;;
  esac
}
[[ $DURATION =~ ^[0-9]+[smh]?$ ]] || die "BENCH_DURATION must look like 10, 10s or 1m (got '$DURATION')"
[[ $WARMUP =~ ^[0-9]+[smh]?$ ]] || die "BENCH_WARMUP must look like 3, 3s or 1m (got '$WARMUP')"
[[ $CONNECTIONS =~ ^[0-9]+$ ]] || die "BENCH_CONNECTIONS must be a number (got '$CONNECTIONS')"
DURATION_S=$(to_seconds "$DURATION")
WARMUP_S=$(to_seconds "$WARMUP")

for tool in node wrk curl sha256sum timeout awk; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed (wrk: apt-get install wrk)"
done

# Pin servers and wrk to different cores so they do not compete (docs: /work/shared/stack.md).
CORES=$(nproc)
PIN=1
if ! command -v taskset >/dev/null; then
  log "WARNING: taskset not found; servers and wrk are NOT pinned to separate cores"
  PIN=0
elif (( CORES < 2 )); then
  log "WARNING: only $CORES core; servers and wrk share it"
  PIN=0
fi
on_wrk_core() { if (( PIN )); then taskset -c "$WRK_CPU" "$@"; else "$@"; fi; }
pin_to_server_core() { # pid: every thread of a running process onto the server core
  if (( PIN )); then taskset -a -p -c "$SERVER_CPU" "$1" >/dev/null || die "could not pin pid $1 to core $SERVER_CPU"; fi
}

# ---------------------------------------------------------------------------------------------
# Cleanup: stop every process this script started, remove the temporary directory.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench.XXXXXX")
PIDS=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid did not stop on SIGTERM within 10 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Three free loopback ports, all different (held open together while chosen).
read -r PORT_CACHED PORT_NOCACHE PORT_BARE < <(node -e '
  const net = require("node:net");
  const servers = [0, 1, 2].map(() => net.createServer());
  Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", ok)))).then(() => {
    console.log(servers.map((s) => s.address().port).join(" "));
    servers.forEach((s) => s.close());
  });')
[[ -n ${PORT_BARE:-} ]] || die "could not find free ports"

# http_get URL BODY_FILE HEADER_FILE -> prints the status code (000 when no answer).
http_get() {
  local code
  code=$(curl --silent --max-time 10 --output "$2" --dump-header "$3" --write-out '%{http_code}' "$1" || true)
  echo "${code:-000}"
}
header_value() { # header_file name -> value of the last such header (lower-cased name match)
  awk -v name="$2" '{ sub(/\r$/, "") } tolower($0) ~ "^" name ":" { sub(/^[^:]*:[ \t]*/, ""); v = $0 } END { print v }' "$1"
}

# wait_for_200 URL PID WHAT LOGFILE: polls until URL answers 200, the process dies, or the deadline.
wait_for_200() {
  local url=$1 pid=$2 what=$3 logfile=$4 deadline=$((SECONDS + STARTUP_TIMEOUT_S)) code
  while :; do
    code=$(curl --silent --max-time 2 --output /dev/null --write-out '%{http_code}' "$url" || true)
    [[ $code == 200 ]] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$what exited before answering; last lines of its log:"; tail -n 30 "$logfile" >&2 || true
      die "$what did not start"
    fi
    if (( SECONDS >= deadline )); then
      log "last lines of the $what log:"; tail -n 30 "$logfile" >&2 || true
      die "$what did not answer 200 at $url within ${STARTUP_TIMEOUT_S}s (last status: ${code:-none})"
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# Build.
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  log "building (tsc -p tsconfig.build.json)…"
  timeout 300 npx --no-install tsc -p tsconfig.build.json || die "the TypeScript build failed"
fi
[[ -f dist/main.js ]] || die "dist/main.js is missing; run the build"

DATA_DIR="$TMP/data"
mkdir -p "$DATA_DIR"
# Both servers get the same SITE_URL so their pages (canonical and share links) are byte-identical.
SITE_URL="http://$HOST:$PORT_CACHED"
CACHED_URL="http://$HOST:$PORT_CACHED"
NOCACHE_URL="http://$HOST:$PORT_NOCACHE"
BARE_URL="http://$HOST:$PORT_BARE"

# Server 1: page cache on. Its first start creates the demo publication, using both cores; it is
# pinned to the server core once it is up.
log "starting Dateline (page cache on) on $CACHED_URL with DATA_DIR=$DATA_DIR (first start creates the demo)…"
started=$SECONDS
PORT=$PORT_CACHED HOST=$HOST DATA_DIR=$DATA_DIR SITE_URL=$SITE_URL LOG_LEVEL=warn PAGE_CACHE=1 \
  node dist/main.js >"$TMP/cached.log" 2>&1 &
PID_CACHED=$!
PIDS+=("$PID_CACHED")
wait_for_200 "$CACHED_URL/healthz" "$PID_CACHED" "Dateline (cache on)" "$TMP/cached.log"
wait_for_200 "$CACHED_URL/" "$PID_CACHED" "Dateline (cache on) home page" "$TMP/cached.log"
log "ready after $((SECONDS - started)) s"
pin_to_server_core "$PID_CACHED"

# Server 2: same DATA_DIR (SQLite WAL lets two processes share it), page cache off.
log "starting Dateline (PAGE_CACHE=0) on $NOCACHE_URL, same DATA_DIR…"
PORT=$PORT_NOCACHE HOST=$HOST DATA_DIR=$DATA_DIR SITE_URL=$SITE_URL LOG_LEVEL=warn PAGE_CACHE=0 \
  node dist/main.js >"$TMP/nocache.log" 2>&1 &
PID_NOCACHE=$!
PIDS+=("$PID_NOCACHE")
wait_for_200 "$NOCACHE_URL/healthz" "$PID_NOCACHE" "Dateline (cache off)" "$TMP/nocache.log"
pin_to_server_core "$PID_NOCACHE"

# ---------------------------------------------------------------------------------------------
# Pick the article: the first /article/ link on the home page (the newest story leads it).
code=$(http_get "$CACHED_URL/" "$TMP/home.html" "$TMP/home.h1")
[[ $code == 200 ]] || die "GET / answered $code"
ARTICLE_PATH=$(grep -o 'href="/article/[^"?#]*"' "$TMP/home.html" | head -n 1 | sed -e 's/^href="//' -e 's/"$//' || true)
[[ -n $ARTICLE_PATH ]] || die "no /article/ link found on the home page"
log "article: $ARTICLE_PATH"

# Checks before measuring.
# Cache on: the second request for the article must be a cache hit.
http_get "$CACHED_URL$ARTICLE_PATH" "$TMP/a1.html" "$TMP/a1.h" >/dev/null
code=$(http_get "$CACHED_URL$ARTICLE_PATH" "$TMP/article.html" "$TMP/article.h")
[[ $code == 200 ]] || die "cache-on server answered $code for $ARTICLE_PATH"
hit=$(header_value "$TMP/article.h" x-page-cache)
[[ $hit == hit ]] || die "cache-on server: second request for $ARTICLE_PATH was not a cache hit (x-page-cache: '${hit}')"
# Cache off: 200 too, never a hit, and the same page.
http_get "$NOCACHE_URL$ARTICLE_PATH" "$TMP/n1.html" "$TMP/n1.h" >/dev/null
code=$(http_get "$NOCACHE_URL$ARTICLE_PATH" "$TMP/nocache.html" "$TMP/nocache.h")
[[ $code == 200 ]] || die "cache-off server answered $code for $ARTICLE_PATH"
hit=$(header_value "$TMP/nocache.h" x-page-cache)
[[ $hit != hit ]] || die "cache-off server (PAGE_CACHE=0) answered a cache hit"
ARTICLE_BYTES=$(stat -c %s "$TMP/article.html")
NOCACHE_BYTES=$(stat -c %s "$TMP/nocache.html")
[[ $ARTICLE_BYTES == "$NOCACHE_BYTES" ]] ||
  die "article body length differs: cache on $ARTICLE_BYTES B, cache off $NOCACHE_BYTES B (dynamic content in the page?)"
if ! cmp -s "$TMP/article.html" "$TMP/nocache.html"; then
  log "WARNING: the article bodies have the same length but different bytes (cache on vs off)"
fi
# Home page: the second request must be a hit as well.
code=$(http_get "$CACHED_URL/" "$TMP/home2.html" "$TMP/home2.h")
[[ $code == 200 ]] || die "GET / answered $code"
hit=$(header_value "$TMP/home2.h" x-page-cache)
[[ $hit == hit ]] || die "home page: second request was not a cache hit (x-page-cache: '${hit}')"
HOME_BYTES=$(stat -c %s "$TMP/home2.html")
CONTENT_TYPE=$(header_value "$TMP/article.h" content-type)
[[ -n $CONTENT_TYPE ]] || die "the article response has no content-type"

# Server 3: bare node:http with the article's exact bytes and content-type.
log "starting the bare node:http server on $BARE_URL ($ARTICLE_BYTES B, $CONTENT_TYPE)…"
node bench/bare-server.mjs "$PORT_BARE" "$TMP/article.html" "$CONTENT_TYPE" >"$TMP/bare.log" 2>&1 &
PID_BARE=$!
PIDS+=("$PID_BARE")
wait_for_200 "$BARE_URL$ARTICLE_PATH" "$PID_BARE" "bare node:http server" "$TMP/bare.log"
pin_to_server_core "$PID_BARE"
http_get "$BARE_URL$ARTICLE_PATH" "$TMP/bare.html" "$TMP/bare.h" >/dev/null
cmp -s "$TMP/article.html" "$TMP/bare.html" || die "the bare server's body differs from the article's"
log "checks passed: cache hit on, no hit off, same ${ARTICLE_BYTES} B article from both; bare server sends the same bytes"

# ---------------------------------------------------------------------------------------------
# Measure.
# Each target: a warm-up (first round only), then the measured wrk run. While wrk runs, the server's
# CPU time is sampled from /proc, giving "server CPU" (share of its core it got: ~100% means the
# server was the bottleneck and had its core to itself) and req/CPU-s (requests per second of
# server CPU, which moves far less than req/s when other work shares the core).
TARGETS=(bare cached database home)
declare -A URL_OF PID_OF LABEL R
URL_OF=([bare]="$BARE_URL$ARTICLE_PATH" [cached]="$CACHED_URL$ARTICLE_PATH" [database]="$NOCACHE_URL$ARTICLE_PATH" [home]="$CACHED_URL/")
PID_OF=([bare]=$PID_BARE [cached]=$PID_CACHED [database]=$PID_NOCACHE [home]=$PID_CACHED)
LABEL=([bare]="bare node:http, article bytes (ceiling)" [cached]="article, from page cache"
  [database]="article, rendered from database" [home]="home page, from page cache")
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # utime + stime; comm is "node", no spaces

# measure NAME ROUND -> R[NAME.ROUND.rps|p99|cpu|note]
measure() {
  local name=$1 round=$2 url=${URL_OF[$1]} pid=${PID_OF[$1]} out="$TMP/wrk-$1-$2.txt"
  if (( round == 1 )); then
    on_wrk_core timeout --foreground $((WARMUP_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null 2>&1 ||
      die "wrk warm-up failed for $url"
  fi
  local c0 c1 t0 t1
  c0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
  on_wrk_core timeout --foreground $((DURATION_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed for $url"; }
  c1=$(cpu_ticks "$pid"); t1=$(date +%s%N)
  if [[ ${BENCH_VERBOSE:-0} == 1 ]]; then printf '\n--- wrk: %s, round %s (%s)\n' "$name" "$round" "$url" >&2; cat "$out" >&2; fi
  local rps p99 cpu
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  # wrk prints latencies as 123.45us / 1.23ms / 1.23s / 1.23m.
  p99=$(awk '$1 == "99%" {
      v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
      if (f < 0) print "?"; else printf "%.2f", v * f
    }' "$out")
  [[ -n $rps && -n $p99 ]] || { cat "$out" >&2; die "could not read wrk's output for $url"; }
  cpu=$(awk -v ticks=$((c1 - c0)) -v hz="$CLK_TCK" -v ns=$((t1 - t0)) 'BEGIN { printf "%.0f", 100 * (ticks / hz) / (ns / 1e9) }')
  local notes=() non2xx sockerr
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  if [[ -n $non2xx ]]; then notes+=("$non2xx non-2xx/3xx"); fi
  sockerr=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$out")
  if [[ -n $sockerr ]]; then notes+=("socket errors: $sockerr"); fi
  R[$name.$round.rps]=$rps R[$name.$round.p99]=$p99 R[$name.$round.cpu]=$cpu
  R[$name.$round.note]=$(IFS=';'; echo "${notes[*]:-}")
  log "$(printf 'round %s  %-9s %10s req/s  p99 %8s ms  server CPU %3s%%  %s' "$round" "$name" "$rps" "$p99" "$cpu" "${R[$name.$round.note]}")"
}

ROUNDS=${BENCH_ROUNDS:-1}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive number (got '$ROUNDS')"
# How busy the machine is right now (the load average lags by minutes): idle share of all cores
# over two seconds, from /proc/stat, while none of our servers is under load.
idle_percent() {
  local a b
  a=$(head -n 1 /proc/stat); sleep 2; b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); for (i = 2; i <= 9; i++) t += y[i] - x[i]; printf "%.0f", (t > 0 ? 100 * (y[5] - x[5]) / t : 0) }'
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent)
if (( IDLE_BEFORE < 90 )); then
  log "WARNING: the CPUs are only ${IDLE_BEFORE}% idle before measuring; something else is running and the figures will be low and noisy"
fi
log "measuring: wrk -t1 -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP), $ROUNDS round(s), servers on core $SERVER_CPU, wrk on core $WRK_CPU…"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${TARGETS[@]}"; do measure "$name" "$round"; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_AFTER=$(idle_percent)

# The servers must still be the ones we started (no crash during the load).
for pid in "$PID_CACHED" "$PID_NOCACHE" "$PID_BARE"; do
  kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"
done
if grep -qiE '"level":(50|60)|error' "$TMP/cached.log" "$TMP/nocache.log" 2>/dev/null; then
  log "WARNING: the servers logged errors during the run:"
  grep -hiE '"level":(50|60)|error' "$TMP/cached.log" "$TMP/nocache.log" | head -n 10 >&2
fi

# ---------------------------------------------------------------------------------------------
# Report: with several rounds, each figure is the median over rounds (the ratio is the median of
# each round's own ratio, so a slow round does not skew it).
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
column_of() { # name field [expression over rps cpu bare] -> the values over rounds, space-separated
  local name=$1 field=$2 round values=""
  for round in $(seq 1 "$ROUNDS"); do
    case $field in
      ratio) values+=$(awk -v a="${R[$name.$round.rps]}" -v b="${R[bare.$round.rps]}" 'BEGIN { if (b > 0) printf "%.4f ", a / b }') ;;
      per_cpu) values+=$(awk -v a="${R[$name.$round.rps]}" -v c="${R[$name.$round.cpu]}" 'BEGIN { if (c > 0) printf "%.0f ", a / (c / 100) }') ;;
      *) values+="${R[$name.$round.$field]} " ;;
    esac
  done
  echo "$values"
}

echo
echo "Dateline page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "node $(node --version), $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $CORES cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --timeout 10s --latency on 127.0.0.1, warm-up $WARMUP, $ROUNDS round(s)$( (( ROUNDS > 1 )) && echo ' (medians)' || true); servers pinned to core $SERVER_CPU, wrk to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)'; true)"
echo "article $ARTICLE_PATH ($ARTICLE_BYTES B), home page ($HOME_BYTES B)"
echo "CPUs idle before measuring ${IDLE_BEFORE}%, after ${IDLE_AFTER}% (load average before $LOAD_BEFORE, after $LOAD_AFTER)"
echo
printf '| %-40s | %9s | %8s | %5s | %10s | %9s | %s |\n' "target" "req/s" "p99 (ms)" "ratio" "server CPU" "req/CPU-s" "notes"
echo '|------------------------------------------|----------:|---------:|------:|-----------:|----------:|-------|'
for name in "${TARGETS[@]}"; do
  notes=""
  for round in $(seq 1 "$ROUNDS"); do
    if [[ -n ${R[$name.$round.note]} ]]; then
      if (( ROUNDS > 1 )); then notes+="round $round: "; fi
      notes+="${R[$name.$round.note]} "
    fi
  done
  printf '| %-40s | %9.0f | %8.2f | %5.2f | %9.0f%% | %9.0f | %s |\n' "${LABEL[$name]}" \
    "$(column_of "$name" rps | median)" "$(column_of "$name" p99 | median)" "$(column_of "$name" ratio | median)" \
    "$(column_of "$name" cpu | median)" "$(column_of "$name" per_cpu | median)" "${notes% }"
done
echo
echo "ratio = requests/s ÷ the bare node:http ceiling in this same run: compare ratios across runs, not raw req/s."
echo "server CPU = share of its core the server process used during its run (under ~95% = it was starved or wrk-bound);"
echo "req/CPU-s = requests per second of server CPU time, less sensitive than req/s to other work on the machine."
