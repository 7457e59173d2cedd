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

# The shared helpers (settings, tool checks, pinning, cleanup trap, HTTP and wrk helpers).
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

read -r PORT_CACHED PORT_NOCACHE PORT_BARE < <(free_ports 3)
[[ -n ${PORT_BARE:-} ]] || die "could not find free ports"

# ---------------------------------------------------------------------------------------------
# Build.
build_dist

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
measure() { wrk_measure "$1" "$2" "${URL_OF[$1]}" "${PID_OF[$1]}"; } # NAME ROUND -> R[NAME.ROUND.*]

ROUNDS=${BENCH_ROUNDS:-1}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive number (got '$ROUNDS')"
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
machine_line
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
