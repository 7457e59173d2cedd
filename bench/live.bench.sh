#!/usr/bin/env bash
# Live coverage benchmark ([Live]); see bench/README.md ("Live benchmark").
#
# Builds, creates a throwaway PostgreSQL database, starts Dateline node A on it with Redis (the
# demo publication is created on its first start), creates an editor with the CLI, and through the
# newsroom a published story of type 'Live' (bench/live-setup.mjs, which also captures one real
# update frame). Then, for each row, it opens BENCH_READERS Server-Sent Events connections
# (bench/live-readers.mjs: raw sockets on loopback), measures the servers' memory before and after,
# and posts BENCH_POSTS updates one at a time, timing each from its POST to the LAST reader
# (bench/live-driver.mjs):
#   1. a bare node:http SSE fan-out sending frames of Dateline's size (bench/live-bare-server.mjs),
#      the ceiling,
#   2. Dateline, one node: every reader on node A, updates posted to node A,
#   3. Dateline, two nodes: node B (same PostgreSQL and Redis) started, readers split between A
#      and B, updates posted to node A, delay to the last reader on either,
# with memory per connection and the delays as ratios to the ceiling's, from the same run.
#
# Environment (all optional):
#   BENCH_READERS        SSE connections per row (default 10000)
#   BENCH_POSTS          measured updates per row (default 30), after BENCH_WARMUP_POSTS (default 3)
#   BENCH_POST_GAP_MS    pause after every reader has an update before the next post (default 250)
#   BENCH_READER_PROCS   reader processes sharing the connections (default 1)
#   BENCH_TWO_NODES=0    skip row 3 (then PostgreSQL is still used, Redis too)
#   BENCH_ROUNDS         rounds over the rows, interleaved (default 1); with more, every figure is
#                        the median over the rounds — use 3 when the machine is not quiet
#   BENCH_SERVER_CPU     core the servers are pinned to (default 0)
#   BENCH_WRK_CPU        core the readers and the driver are pinned to (default 1)
#   BENCH_SKIP_BUILD=1   use the existing dist/
#   BENCH_DATABASE_URL   PostgreSQL server to create the database on (default
#                        postgres://postgres@127.0.0.1:5432/postgres); dropped on exit
#   BENCH_REDIS_URL      Redis (default redis://127.0.0.1:6379); the run's keys are deleted on exit
#
# Servers (bare and both nodes) are pinned to the server core: the two nodes share it, as in
# bench/nodes.bench.sh. PostgreSQL and Redis are not pinned. Only 127.0.0.1 is used. Every process
# started is stopped on exit; every wait is bounded.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

READERS=${BENCH_READERS:-10000}
POSTS=${BENCH_POSTS:-30}
WARMUP_POSTS=${BENCH_WARMUP_POSTS:-3}
GAP_MS=${BENCH_POST_GAP_MS:-250}
READER_PROCS=${BENCH_READER_PROCS:-1}
TWO_NODES=${BENCH_TWO_NODES:-1}
ROUNDS=${BENCH_ROUNDS:-1}
for setting in READERS POSTS WARMUP_POSTS GAP_MS READER_PROCS ROUNDS; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || die "BENCH_$setting must be a whole number (got '${!setting}')"
done
(( READERS > 0 && POSTS > 0 && READER_PROCS > 0 && ROUNDS > 0 )) || die "BENCH_READERS, BENCH_POSTS, BENCH_READER_PROCS and BENCH_ROUNDS must be above 0"
BENCH_DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
BENCH_REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379}
RUN_ID=$(node -e 'console.log(require("node:crypto").randomBytes(5).toString("hex"))')
DB_NAME="dateline_bench_$RUN_ID"
KEY_PREFIX="dateline-bench:$RUN_ID:"
PROBE_URL="file://$ROOT/bench/live-memory-probe.mjs"

# Every connection is a file descriptor in a server and in a reader process.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) >= READERS + 1024 )) || die "open files limit $(ulimit -n) is too low for $READERS connections (ulimit -n; as root: ulimit -Hn)"

# pg_admin SQL: one statement on the server's maintenance database, through the pg package.
pg_admin() {
  node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.argv[1] });
    await client.connect();
    try { await client.query(process.argv[2]); } finally { await client.end(); }' "$BENCH_DATABASE_URL" "$1"
}
# Our cleanup first (database, Redis keys), then lib.sh's (processes, temporary directory).
DB_CREATED=0
bench_cleanup() {
  local status=$?
  set +e
  if (( DB_CREATED )); then
    pg_admin "drop database if exists $DB_NAME with (force)" || log "WARNING: could not drop database $DB_NAME"
    delete_redis_keys "$BENCH_REDIS_URL" "$KEY_PREFIX" || log "WARNING: could not delete Redis keys $KEY_PREFIX*"
  fi
  (exit "$status")
  cleanup
}
trap bench_cleanup EXIT

read -r PORT_A PORT_B PORT_BARE < <(free_ports 3)
[[ -n ${PORT_BARE:-} ]] || die "could not find free ports"
A_URL="http://$HOST:$PORT_A"
B_URL="http://$HOST:$PORT_B"
BARE_URL="http://$HOST:$PORT_BARE"

build_dist

pg_admin "create database $DB_NAME" || die "could not create database $DB_NAME on $BENCH_DATABASE_URL"
DB_CREATED=1
DATABASE_URL=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$BENCH_DATABASE_URL" "$DB_NAME")
COMMON_ENV=(HOST=$HOST SITE_URL=$A_URL LOG_LEVEL=warn PAGE_CACHE=1 DATABASE_URL=$DATABASE_URL REDIS_URL=$BENCH_REDIS_URL REDIS_KEY_PREFIX=$KEY_PREFIX)
# Room above the readers, should the default cap (20,000 a node) be too low for BENCH_READERS.
(( READERS < 19000 )) || COMMON_ENV+=(LIVE_MAX_CONNECTIONS=$((READERS + 1000)))

# start_node NAME PORT DEMO: Dateline from dist/ with the memory probe preloaded -> STARTED_PID.
start_node() {
  local name=$1 port=$2 demo=$3
  mkdir -p "$TMP/data-$name"
  env "${COMMON_ENV[@]}" PORT="$port" DATA_DIR="$TMP/data-$name" DEMO="$demo" LIVE_MEMORY_FILE="$TMP/memory-$name.json" \
    node --expose-gc --import "$PROBE_URL" dist/main.js >"$TMP/node-$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  wait_for_200 "http://$HOST:$port/healthz" "$STARTED_PID" "node $name" "$TMP/node-$name.log"
}

log "starting node A on $A_URL (PostgreSQL $DB_NAME, Redis prefix $KEY_PREFIX; first start creates the demo)…"
started=$SECONDS
start_node a "$PORT_A" 1
PID_A=$STARTED_PID
wait_for_200 "$A_URL/" "$PID_A" "node A home page" "$TMP/node-a.log"
log "ready after $((SECONDS - started)) s"
pin_to_server_core "$PID_A"

EMAIL="bench-live-$RUN_ID@dateline.local"
PASSWORD=$(node -e 'console.log(require("node:crypto").randomBytes(16).toString("hex"))')
env "${COMMON_ENV[@]}" DATA_DIR="$TMP/data-a" LOG_LEVEL=silent node dist/cli.js user create --role editor --email "$EMAIL" --name "Benchmark Editor" --password "$PASSWORD" >"$TMP/user.log" 2>&1 ||
  { cat "$TMP/user.log" >&2; die "could not create the benchmark editor with the CLI"; }

# ---------------------------------------------------------------------------------------------
# The live story, its stream, and one real frame; the checks are in live-setup.mjs.
log "creating a live story through the newsroom and capturing one update frame…"
SETUP=$(timeout 180 node bench/live-setup.mjs "$A_URL" "$EMAIL" "$PASSWORD" "$TMP/frame.txt") ||
  { log "last lines of node A's log:"; tail -n 20 "$TMP/node-a.log" >&2; die "bench/live-setup.mjs failed"; }
json_field() { node -e 'const v = JSON.parse(process.argv[1])[process.argv[2]]; console.log(v ?? "")' "$1" "$2"; }
ARTICLE_ID=$(json_field "$SETUP" articleId)
ARTICLE_PATH=$(json_field "$SETUP" articlePath)
STREAM_PATH=$(json_field "$SETUP" streamPath)
FRAME_BYTES=$(json_field "$SETUP" frameBytes)
log "live story $ARTICLE_PATH ($ARTICLE_ID), stream $STREAM_PATH, update frame $FRAME_BYTES B"

log "starting the bare SSE fan-out on $BARE_URL…"
LIVE_MEMORY_FILE="$TMP/memory-bare.json" node --expose-gc --import "$PROBE_URL" bench/live-bare-server.mjs "$PORT_BARE" "$TMP/frame.txt" >"$TMP/bare.log" 2>&1 &
PID_BARE=$!
PIDS+=("$PID_BARE")
wait_for_200 "$BARE_URL/healthz" "$PID_BARE" "bare SSE server" "$TMP/bare.log"
pin_to_server_core "$PID_BARE"

# drive NAME ROUND POST_BASE READER_PORTS PIDS MEMORY_FILES [driver args…] -> $TMP/result-NAME-ROUND.json
drive() {
  local name=$1 round=$2 post_base=$3 ports=$4 pids=$5 files=$6
  shift 6
  log "round $round, row '$name': $READERS readers on port(s) $ports, $WARMUP_POSTS warm-up + $POSTS measured posts…"
  on_wrk_core timeout --foreground 1800 node bench/live-driver.mjs --post-base "$post_base" --reader-ports "$ports" \
    --readers "$READERS" --reader-procs "$READER_PROCS" --posts "$POSTS" --warmup-posts "$WARMUP_POSTS" --gap-ms "$GAP_MS" \
    --server-pids "$pids" --memory-files "$files" --clk-tck "$CLK_TCK" "$@" >"$TMP/result-$name-$round.json" ||
    { log "last lines of the servers' logs:"; tail -n 10 "$TMP"/node-*.log "$TMP/bare.log" >&2; die "the '$name' row failed (bench/live-driver.mjs)"; }
  sleep 2 # the servers let go of the closed sockets
}
DATELINE_ARGS=(--target dateline --stream-path "$STREAM_PATH" --article-id "$ARTICLE_ID" --article-path "$ARTICLE_PATH" --email "$EMAIL" --password "$PASSWORD")

# Node A's first start leaves background work behind (the demo's search index, lists, images):
# up to 60 s for the CPUs to be mostly idle before measuring.
quiet_deadline=$((SECONDS + 60))
while IDLE_BEFORE=$(idle_percent) && (( IDLE_BEFORE < 85 && SECONDS < quiet_deadline )); do
  log "CPUs ${IDLE_BEFORE}% idle; waiting for node A's start-up work to finish…"
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if (( IDLE_BEFORE < 90 )); then
  log "WARNING: the CPUs are only ${IDLE_BEFORE}% idle before measuring; something else is running and the figures will be noisy"
fi

ROWS=(bare one)
[[ $TWO_NODES == 0 ]] || ROWS+=(two)
PID_B=
for round in $(seq 1 "$ROUNDS"); do
  drive bare "$round" "$BARE_URL" "$PORT_BARE" "$PID_BARE" "$TMP/memory-bare.json" --target bare --stream-path /events
  # Node B is started only before the first two-node row: the first one-node row has node A alone
  # (later rounds' one-node rows have B idle beside it: with no reader of the story, B reads nothing).
  drive one "$round" "$A_URL" "$PORT_A" "$PID_A" "$TMP/memory-a.json" "${DATELINE_ARGS[@]}"
  [[ $TWO_NODES != 0 ]] || continue
  if [[ -z $PID_B ]]; then
    # Node A's media live in its DATA_DIR; node B gets a copy (production: a shared volume).
    mkdir -p "$TMP/data-b"
    cp -r "$TMP/data-a/." "$TMP/data-b/"
    log "starting node B on $B_URL (same PostgreSQL and Redis)…"
    start_node b "$PORT_B" 0
    PID_B=$STARTED_PID
    pin_to_server_core "$PID_B"
  fi
  drive two "$round" "$A_URL" "$PORT_A,$PORT_B" "$PID_A,$PID_B" "$TMP/memory-a.json,$TMP/memory-b.json" "${DATELINE_ARGS[@]}"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_AFTER=$(idle_percent)

for pid in "$PID_A" "$PID_BARE" ${PID_B:+"$PID_B"}; do
  kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"
done
if grep -qiE '"level":(50|60)' "$TMP"/node-*.log 2>/dev/null; then
  log "WARNING: the nodes logged errors during the run:"
  grep -hiE '"level":(50|60)' "$TMP"/node-*.log | head -n 10 >&2
fi

# ---------------------------------------------------------------------------------------------
echo
echo "Dateline live benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
machine_line
echo "$READERS SSE readers a row ($READER_PROCS reader process(es), raw sockets) on 127.0.0.1; $WARMUP_POSTS warm-up + $POSTS measured posts, one at a time, $GAP_MS ms apart; $ROUNDS round(s)$( (( ROUNDS == 1 )) || echo ', medians'; true)"
echo "servers pinned to core $SERVER_CPU, readers and driver to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)'; true); PostgreSQL and Redis unpinned"
echo "live story $ARTICLE_PATH; update frame $FRAME_BYTES B (the bare server sends the same frame)"
echo "CPUs idle before measuring ${IDLE_BEFORE}%, after ${IDLE_AFTER}% (load average before $LOAD_BEFORE, after $LOAD_AFTER)"
echo
node - "$TMP" "$ROUNDS" "${ROWS[@]}" <<'JS'
const fs = require('node:fs');
const [dir, roundsArg, ...rows] = process.argv.slice(2);
const rounds = Array.from({ length: Number(roundsArg) }, (_, i) => i + 1);
// With several rounds, every number in the results is the median over the rounds (counts summed
// where a sum is what matters: refusals, missing posts, dropped readers).
const median = (list) => {
  const sorted = list.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const SUMMED = new Set(['failed', 'missing', 'closed']);
function merge(list, key = '') {
  const first = list[0];
  if (Array.isArray(first)) return first.map((_, i) => merge(list.map((item) => item?.[i]), key));
  if (first && typeof first === 'object') {
    const keys = new Set(list.flatMap((item) => Object.keys(item ?? {})));
    return Object.fromEntries([...keys].map((k) => [k, merge(list.map((item) => item?.[k]), k)]));
  }
  if (typeof first === 'number') return SUMMED.has(key) ? list.reduce((a, b) => a + (b ?? 0), 0) : median(list);
  return first;
}
const r = Object.fromEntries(rows.map((row) => [row, merge(rounds.map((round) => JSON.parse(fs.readFileSync(`${dir}/result-${row}-${round}.json`, 'utf8'))))]));
const label = { bare: 'bare node:http SSE fan-out (ceiling)', one: 'Dateline, one node', two: 'Dateline, two nodes (posts on A)' };
const bare = r.bare;
const ratio = (ceiling, value) => (value > 0 && ceiling > 0 ? (ceiling / value).toFixed(2) : '—');
const fixed = (value, digits = 1) => (value === null || value === undefined ? '—' : Number(value).toFixed(digits));
const head = ['row', 'readers', 'connect s', 'RSS KB/conn', 'heap KB/conn', 'RSS ratio', 'heap ratio', 'last p50 ms', 'last p99 ms', 'p50 ratio', 'p99 ratio', 'first p50 ms', 'POST ms p50', 'server CPU ms/post', 'reader CPU ms/post', 'notes'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map((_, i) => (i === 0 || i === head.length - 1 ? '---' : '---:')).join('|')}|`);
for (const row of rows) {
  const x = r[row];
  const notes = [];
  if (x.connections.failed) notes.push(`${x.connections.failed} refused ${JSON.stringify(x.connections.statuses)}`);
  if (x.posts.missing) notes.push(`${x.posts.missing} posts not at every reader in time`);
  if (x.readersAfter.closed) notes.push(`${x.readersAfter.closed} readers dropped`);
  if (!x.memory.gc) notes.push('no gc before memory samples');
  console.log(
    `| ${[
      label[row],
      `${x.connections.open}/${x.connections.asked}`,
      fixed(x.connections.connectMs / 1000),
      fixed(x.memory.rssKB),
      fixed(x.memory.heapUsedKB),
      ratio(bare.memory.rssKB, x.memory.rssKB),
      ratio(bare.memory.heapUsedKB, x.memory.heapUsedKB),
      fixed(x.delayMs.last.p50),
      fixed(x.delayMs.last.p99),
      ratio(bare.delayMs.last.p50, x.delayMs.last.p50),
      ratio(bare.delayMs.last.p99, x.delayMs.last.p99),
      fixed(x.delayMs.first.p50),
      fixed(x.delayMs.postAnswer.p50),
      fixed(x.cpu.serverMsPerPost),
      fixed(x.cpu.readerMsPerPost),
      notes.join('; '),
    ].join(' | ')} |`,
  );
}
console.log();
if (r.two) {
  const ports = Object.keys(r.two.delayMs.perPort);
  const servers = r.two.memory.servers;
  console.log(
    `two nodes, last reader per node: ${ports.map((port, i) => `${i === 0 ? 'A' : 'B'} (${r.two.connections.perPort[port]} readers) p50 ${fixed(r.two.delayMs.perPort[port].p50)} ms, p99 ${fixed(r.two.delayMs.perPort[port].p99)} ms`).join('; ')}`,
  );
  console.log(
    `two nodes, per node: server CPU ms/post ${r.two.cpu.serverMsPerPostEach.join(' (A), ')} (B); RSS MB before/after readers ${servers.map((s) => `${s.rssBeforeMB}/${s.rssAfterMB}`).join(' (A), ')} (B)`,
  );
}
for (const row of rows) {
  const s = r[row].memory.servers.map((m) => `RSS ${m.rssBeforeMB} -> ${m.rssAfterMB} MB, heap ${m.heapBeforeMB} -> ${m.heapAfterMB} MB`).join('; ');
  console.log(`${label[row]}: ${s}; server CPU ${r[row].cpu.serverShare}% of one core over the posting phase`);
}
console.log();
console.log('last/first = from sending the POST until the last/first reader parsed the frame (p50/p99 over the measured posts).');
console.log('ratio = the bare ceiling\'s figure ÷ this row\'s (1.00 = as good as the bare fan-out, lower = worse). KB/conn = (after − before) ÷ open readers, after a full GC.');
console.log('server CPU ms/post = server CPU time over the posting phase ÷ posts (both nodes summed for two nodes; includes the POST itself).');
JS
