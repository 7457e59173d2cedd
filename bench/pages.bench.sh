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
STARTUP_TIMEOUT_S=180 # first start creates the demo publication (~10-15 s on 2 cores)
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
# run_wrk NAME URL -> fills RPS[NAME], P99[NAME] (ms), NOTE[NAME]
declare -A RPS P99 NOTE
run_wrk() {
  local name=$1 url=$2 out="$TMP/wrk-$1.txt"
  on_wrk_core timeout $((WARMUP_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null 2>&1 ||
    die "wrk warm-up failed for $url"
  on_wrk_core timeout $((DURATION_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed for $url"; }
  [[ ${BENCH_VERBOSE:-0} == 1 ]] && { printf '\n--- wrk: %s (%s)\n' "$name" "$url" >&2; cat "$out" >&2; }
  RPS[$name]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  # wrk prints latencies as 123.45us / 1.23ms / 1.23s / 1.23m.
  P99[$name]=$(awk '$1 == "99%" {
      v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
      if (f < 0) print "?"; else printf "%.2f", v * f
    }' "$out")
  [[ -n ${RPS[$name]} && -n ${P99[$name]} ]] || { cat "$out" >&2; die "could not read wrk's output for $url"; }
  local notes=() non2xx sockerr
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  [[ -n $non2xx ]] && notes+=("$non2xx non-2xx/3xx")
  sockerr=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$out")
  [[ -n $sockerr ]] && notes+=("socket errors: $sockerr")
  NOTE[$name]=$(IFS=';'; echo "${notes[*]:-}")
  log "$(printf '%-10s %10s req/s  p99 %8s ms  %s' "$name" "${RPS[$name]}" "${P99[$name]}" "${NOTE[$name]}")"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 0.5) }'; then
  log "WARNING: load average is $LOAD_BEFORE before measuring; something else is using the CPU and the figures will be low"
fi
log "measuring: wrk -t1 -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP each), servers on core $SERVER_CPU, wrk on core $WRK_CPU…"
run_wrk bare "$BARE_URL$ARTICLE_PATH"
run_wrk cached "$CACHED_URL$ARTICLE_PATH"
run_wrk database "$NOCACHE_URL$ARTICLE_PATH"
run_wrk home "$CACHED_URL/"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The servers must still be the ones we started (no crash during the load).
for pid in "$PID_CACHED" "$PID_NOCACHE" "$PID_BARE"; do
  kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"
done
if grep -qiE '"level":(50|60)|error' "$TMP/cached.log" "$TMP/nocache.log" 2>/dev/null; then
  log "WARNING: the servers logged errors during the run:"
  grep -hiE '"level":(50|60)|error' "$TMP/cached.log" "$TMP/nocache.log" | head -n 10 >&2
fi

# ---------------------------------------------------------------------------------------------
# Report.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
row() { printf '| %-40s | %10s | %9s | %8s | %s |\n' "$1" "$2" "$3" "$4" "$5"; }
label_bare="bare node:http, article bytes (ceiling)"
label_cached="article, from page cache"
label_database="article, rendered from database"
label_home="home page, from page cache"

echo
echo "Dateline page benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "node $(node --version), $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $CORES cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency on 127.0.0.1, warm-up $WARMUP; servers pinned to core $SERVER_CPU, wrk to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)')"
echo "article $ARTICLE_PATH ($ARTICLE_BYTES B), home page ($HOME_BYTES B); load average before $LOAD_BEFORE, after $LOAD_AFTER"
echo
printf '| %-40s | %10s | %9s | %8s | %s |\n' "target" "req/s" "p99 (ms)" "ratio" "notes"
echo '|------------------------------------------|-----------:|----------:|---------:|-------|'
for name in bare cached database home; do
  label_var="label_$name"
  row "${!label_var}" "${RPS[$name]}" "${P99[$name]}" "$(ratio "${RPS[$name]}" "${RPS[bare]}")" "${NOTE[$name]}"
done
echo
echo "ratio = requests/s ÷ the bare node:http ceiling in this same run; compare ratios across runs, not raw req/s."
