#!/usr/bin/env bash
# Multi-node benchmark for Dateline ([Scale-out]); see bench/README.md ("Multi-node benchmark").
#
# Builds, creates a throwaway PostgreSQL database, starts node 1 on it (the demo publication is
# created on its first start) and node 2, both in multi-node mode on one Redis (a key prefix of
# their own), puts bench/tcp-balancer.mjs (round robin over TCP connections) in front of them, and
# loads everything with wrk on loopback, printing in one run requests/s and p99 latency for:
#   1. a bare node:http server sending the article page's exact bytes (the ceiling),
#   2. the article page from the page cache, one node, direct,
#   3. POST /views (every request a new reader, so each is counted), one node, direct,
#   4. the article page through the balancer with ONE node behind it (what the balancer costs),
#   5. the article page through the balancer, two nodes,
#   6. POST /views through the balancer, two nodes,
# each with its requests/s as a ratio to the ceiling.
#
# Environment (all optional), as bench/pages.bench.sh — BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (32), BENCH_SERVER_CPU (0), BENCH_WRK_CPU (1), BENCH_SKIP_BUILD=1,
# BENCH_VERBOSE=1 — and:
#   BENCH_DATABASE_URL  a PostgreSQL server to create the database on (default
#                       postgres://postgres@127.0.0.1:5432/postgres); the database is dropped on exit
#   BENCH_REDIS_URL     Redis (default redis://127.0.0.1:6379); the run's keys are deleted on exit
#
# Every server process (nodes, balancer, bare server) is pinned to the server core: on a 2-core
# machine, with wrk on the other, two nodes SHARE one core and cannot beat one node (README).
# PostgreSQL and Redis are not pinned. Only 127.0.0.1 is used.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BENCH_DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379}
BEACON_LUA="$ROOT/bench/beacon.lua"
RUN_ID=$(node -e 'console.log(require("node:crypto").randomBytes(5).toString("hex"))')
DB_NAME="dateline_bench_$RUN_ID"
KEY_PREFIX="dateline-bench:$RUN_ID:"

# pg_admin SQL: one statement on the server's maintenance database, through the pg package.
pg_admin() {
  node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.argv[1] });
    await client.connect();
    try { await client.query(process.argv[2]); } finally { await client.end(); }' "$BENCH_DATABASE_URL" "$1"
}
# Our cleanup runs first (database and Redis keys), then lib.sh's (processes, temporary directory).
# DROP … WITH (FORCE) does not wait for the nodes to close their connections.
DB_CREATED=0
bench_cleanup() {
  local status=$?
  set +e # an exit trap must run to the end: lib.sh's cleanup stops the processes
  if (( DB_CREATED )); then
    pg_admin "drop database if exists $DB_NAME with (force)" || log "WARNING: could not drop database $DB_NAME"
    delete_redis_keys "$BENCH_REDIS_URL" "$KEY_PREFIX" || log "WARNING: could not delete Redis keys $KEY_PREFIX*"
  fi
  (exit "$status")
  cleanup
}
trap bench_cleanup EXIT

read -r PORT_ONE PORT_TWO PORT_LB PORT_LB1 PORT_BARE < <(free_ports 5)
[[ -n ${PORT_BARE:-} ]] || die "could not find free ports"

build_dist

pg_admin "create database $DB_NAME" || die "could not create database $DB_NAME on $BENCH_DATABASE_URL"
DB_CREATED=1
DATABASE_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$BENCH_DATABASE_URL" "$DB_NAME")
# Same SITE_URL everywhere, so every node's pages are byte-identical; no beacon rate limit.
SITE_URL="http://$HOST:$PORT_LB"
COMMON_ENV=(HOST=$HOST SITE_URL=$SITE_URL LOG_LEVEL=warn PAGE_CACHE=1 VIEW_BEACON_LIMIT=0
  DATABASE_URL=$DATABASE_URL REDIS_URL=$BENCH_REDIS_URL REDIS_KEY_PREFIX=$KEY_PREFIX)
ONE_URL="http://$HOST:$PORT_ONE"
TWO_URL="http://$HOST:$PORT_TWO"
LB_URL="http://$HOST:$PORT_LB"
LB1_URL="http://$HOST:$PORT_LB1"
BARE_URL="http://$HOST:$PORT_BARE"

log "starting node 1 on $ONE_URL (PostgreSQL $DB_NAME, Redis prefix $KEY_PREFIX; first start creates the demo)…"
started=$SECONDS
mkdir -p "$TMP/data1" "$TMP/data2"
env "${COMMON_ENV[@]}" PORT=$PORT_ONE DATA_DIR="$TMP/data1" DEMO=1 node dist/main.js >"$TMP/node1.log" 2>&1 &
PID_ONE=$!
PIDS+=("$PID_ONE")
wait_for_200 "$ONE_URL/healthz" "$PID_ONE" "node 1" "$TMP/node1.log"
wait_for_200 "$ONE_URL/" "$PID_ONE" "node 1 home page" "$TMP/node1.log"
log "ready after $((SECONDS - started)) s"
pin_to_server_core "$PID_ONE"

# The demo's media files live in node 1's DATA_DIR; node 2 gets a copy (production: a shared volume).
cp -r "$TMP/data1/." "$TMP/data2/"
log "starting node 2 on $TWO_URL…"
env "${COMMON_ENV[@]}" PORT=$PORT_TWO DATA_DIR="$TMP/data2" DEMO=0 node dist/main.js >"$TMP/node2.log" 2>&1 &
PID_TWO=$!
PIDS+=("$PID_TWO")
wait_for_200 "$TWO_URL/healthz" "$PID_TWO" "node 2" "$TMP/node2.log"
pin_to_server_core "$PID_TWO"

log "starting the round-robin balancer on $LB_URL (nodes 1 and 2) and $LB1_URL (node 1 only)…"
node bench/tcp-balancer.mjs "$PORT_LB" "$PORT_ONE" "$PORT_TWO" >"$TMP/lb.log" 2>&1 &
PID_LB=$!
PIDS+=("$PID_LB")
node bench/tcp-balancer.mjs "$PORT_LB1" "$PORT_ONE" >"$TMP/lb1.log" 2>&1 &
PID_LB1=$!
PIDS+=("$PID_LB1")
wait_for_200 "$LB_URL/healthz" "$PID_LB" "balancer" "$TMP/lb.log"
wait_for_200 "$LB1_URL/healthz" "$PID_LB1" "balancer (one node)" "$TMP/lb1.log"
pin_to_server_core "$PID_LB"
pin_to_server_core "$PID_LB1"

# ---------------------------------------------------------------------------------------------
# The article (the lead: first /article/ link on the home page) and its id, for the beacon.
code=$(http_get "$ONE_URL/" "$TMP/home.html" "$TMP/home.h")
[[ $code == 200 ]] || die "GET / answered $code"
ARTICLE_PATH=$(grep -o 'href="/article/[^"?#]*"' "$TMP/home.html" | head -n 1 | sed -e 's/^href="//' -e 's/"$//' || true)
[[ -n $ARTICLE_PATH ]] || die "no /article/ link found on the home page"
# Checks: each node answers the article from its page cache on the second request, same bytes.
for url in "$ONE_URL" "$TWO_URL"; do
  http_get "$url$ARTICLE_PATH" "$TMP/warm.html" "$TMP/warm.h" >/dev/null
  code=$(http_get "$url$ARTICLE_PATH" "$TMP/article-${url##*:}.html" "$TMP/article-${url##*:}.h")
  [[ $code == 200 ]] || die "$url answered $code for $ARTICLE_PATH"
  [[ $(header_value "$TMP/article-${url##*:}.h" x-page-cache) == hit ]] || die "$url: the second request for $ARTICLE_PATH was not a cache hit"
done
cmp -s "$TMP/article-$PORT_ONE.html" "$TMP/article-$PORT_TWO.html" || log "WARNING: the two nodes' article pages differ"
cp "$TMP/article-$PORT_ONE.html" "$TMP/article.html"
ARTICLE_BYTES=$(stat -c %s "$TMP/article.html")
ARTICLE_ID=$(grep -o 'data-article="[0-9a-f-]*"' "$TMP/article.html" | head -n 1 | sed -e 's/^data-article="//' -e 's/"$//' || true)
[[ $ARTICLE_ID =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "no article id (data-article) in $ARTICLE_PATH"
CONTENT_TYPE=$(header_value "$TMP/article-$PORT_ONE.h" content-type)
# The beacon answers 204 and counts through both the direct node and the balancer.
for url in "$ONE_URL" "$LB_URL"; do
  curl --silent --max-time 5 --output /dev/null --dump-header "$TMP/beacon.h" -X POST -H 'content-type: text/plain' \
    -A "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.$RANDOM.0 Safari/537.36" \
    --data "{\"article\":\"$ARTICLE_ID\"}" "$url/views" || die "the beacon did not answer at $url"
  [[ $(header_value "$TMP/beacon.h" x-view) == counted ]] || die "the beacon at $url did not count a new reader"
done

log "starting the bare node:http server on $BARE_URL ($ARTICLE_BYTES B)…"
node bench/bare-server.mjs "$PORT_BARE" "$TMP/article.html" "$CONTENT_TYPE" >"$TMP/bare.log" 2>&1 &
PID_BARE=$!
PIDS+=("$PID_BARE")
wait_for_200 "$BARE_URL$ARTICLE_PATH" "$PID_BARE" "bare node:http server" "$TMP/bare.log"
pin_to_server_core "$PID_BARE"
log "checks passed: article $ARTICLE_PATH ($ARTICLE_ID) cached on both nodes; the beacon counts direct and through the balancer"

# ---------------------------------------------------------------------------------------------
# Measure. The "server CPU" column samples one process: the node itself when direct, the balancer
# when through it (the nodes behind it share the same core).
TARGETS=(bare article1 beacon1 article_lb1 article2 beacon2)
declare -A URL_OF PID_OF LABEL LUA_OF
URL_OF=([bare]="$BARE_URL$ARTICLE_PATH" [article1]="$ONE_URL$ARTICLE_PATH" [beacon1]="$ONE_URL/views"
  [article_lb1]="$LB1_URL$ARTICLE_PATH" [article2]="$LB_URL$ARTICLE_PATH" [beacon2]="$LB_URL/views")
PID_OF=([bare]=$PID_BARE [article1]=$PID_ONE [beacon1]=$PID_ONE [article_lb1]=$PID_LB1 [article2]=$PID_LB [beacon2]=$PID_LB)
LABEL=([bare]="bare node:http, article bytes (ceiling)" [article1]="article (page cache), one node"
  [beacon1]="POST /views (counted), one node" [article_lb1]="article, balancer -> one node"
  [article2]="article, balancer -> two nodes" [beacon2]="POST /views, balancer -> two nodes")
LUA_OF=([beacon1]=1 [beacon2]=1)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent)
if (( IDLE_BEFORE < 90 )); then
  log "WARNING: the CPUs are only ${IDLE_BEFORE}% idle before measuring; something else is running and the figures will be low and noisy"
fi
log "measuring: wrk -t1 -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP), servers on core $SERVER_CPU, wrk on core $WRK_CPU…"
for name in "${TARGETS[@]}"; do
  if [[ -n ${LUA_OF[$name]:-} ]]; then
    wrk_measure "$name" 1 "${URL_OF[$name]}" "${PID_OF[$name]}" "$BEACON_LUA" "$ARTICLE_ID" unique
  else
    wrk_measure "$name" 1 "${URL_OF[$name]}" "${PID_OF[$name]}"
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_AFTER=$(idle_percent)

for pid in "$PID_ONE" "$PID_TWO" "$PID_LB" "$PID_LB1" "$PID_BARE"; do
  kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"
done
if grep -qiE '"level":(50|60)' "$TMP/node1.log" "$TMP/node2.log" 2>/dev/null; then
  log "WARNING: the nodes logged errors during the run:"
  grep -hiE '"level":(50|60)' "$TMP/node1.log" "$TMP/node2.log" | head -n 10 >&2
fi

# ---------------------------------------------------------------------------------------------
echo
echo "Dateline multi-node benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
machine_line
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --timeout 10s --latency on 127.0.0.1, warm-up $WARMUP; nodes, balancer and bare server pinned to core $SERVER_CPU, wrk to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)'; true); PostgreSQL and Redis unpinned"
echo "article $ARTICLE_PATH ($ARTICLE_BYTES B); beacon: every request a new reader (bench/beacon.lua unique)"
echo "CPUs idle before measuring ${IDLE_BEFORE}%, after ${IDLE_AFTER}% (load average before $LOAD_BEFORE, after $LOAD_AFTER)"
echo
printf '| %-40s | %9s | %8s | %5s | %10s | %s |\n' "target" "req/s" "p99 (ms)" "ratio" "server CPU" "notes"
echo '|------------------------------------------|----------:|---------:|------:|-----------:|-------|'
for name in "${TARGETS[@]}"; do
  ratio=$(awk -v a="${R[$name.1.rps]}" -v b="${R[bare.1.rps]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')
  printf '| %-40s | %9.0f | %8.2f | %5s | %9s%% | %s |\n' "${LABEL[$name]}" "${R[$name.1.rps]}" "${R[$name.1.p99]}" "$ratio" "${R[$name.1.cpu]}" "${R[$name.1.note]}"
done
echo
echo "ratio = requests/s ÷ the bare node:http ceiling in this same run. server CPU = the node (direct) or the balancer (through it)."
echo "All server processes share core $SERVER_CPU: two nodes split one core here, and the balancer takes its share of it too."
