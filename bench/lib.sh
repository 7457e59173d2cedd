# Shared helpers for bench/*.bench.sh (pages.bench.sh, audience.bench.sh); see bench/README.md.
# Source it right after `set -euo pipefail`. It cds to the repository root, reads the common
# BENCH_* settings, checks the tools, sets up core pinning, the temporary directory and the exit
# trap that stops every process listed in PIDS, and defines the helpers below.
#
# Common environment (all optional): BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS,
# BENCH_SERVER_CPU, BENCH_WRK_CPU, BENCH_SKIP_BUILD, BENCH_VERBOSE (see each script's header).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SERVER_CPU=${BENCH_SERVER_CPU:-0}
WRK_CPU=${BENCH_WRK_CPU:-1}
STARTUP_TIMEOUT_S=${STARTUP_TIMEOUT_S:-180} # a script may set it before sourcing; first start creates the demo: ~10-30 s, ~1 s once its illustrations are cached in the OS temp dir
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

# stop_pid PID: stops one process this script started (SIGTERM, SIGKILL after 10 s) and forgets it,
# for scripts that start and stop servers as they go (archive.bench.sh, one set per archive size).
stop_pid() {
  local pid=$1 kept=() p
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid did not stop on SIGTERM within 10 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
  PIDS=("${kept[@]}")
}

# free_ports N -> N free loopback ports, all different (held open together while chosen), on one line.
free_ports() {
  node -e '
  const net = require("node:net");
  const servers = Array.from({ length: Number(process.argv[1]) }, () => net.createServer());
  Promise.all(servers.map((s) => new Promise((ok) => s.listen(0, "127.0.0.1", ok)))).then(() => {
    console.log(servers.map((s) => s.address().port).join(" "));
    servers.forEach((s) => s.close());
  });' "$1"
}

# http_get URL BODY_FILE HEADER_FILE [curl args...] -> prints the status code (000 when no answer).
http_get() {
  local code url=$1 body=$2 headers=$3
  shift 3
  code=$(curl --silent --max-time 10 --output "$body" --dump-header "$headers" --write-out '%{http_code}' "$@" "$url" || true)
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

# build_dist: tsc -p tsconfig.build.json unless BENCH_SKIP_BUILD=1; dist/main.js must exist after.
build_dist() {
  if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "building (tsc -p tsconfig.build.json)…"
    timeout 300 npx --no-install tsc -p tsconfig.build.json || die "the TypeScript build failed"
  fi
  [[ -f dist/main.js ]] || die "dist/main.js is missing; run the build"
}

# ---------------------------------------------------------------------------------------------
# Measuring. While wrk runs, the server's CPU time is sampled from /proc, giving "server CPU"
# (share of its core it got: ~100% means the server was the bottleneck and had its core to itself)
# and req/CPU-s (requests per second of server CPU, which moves far less than req/s when other
# work shares the core).
declare -A R
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # utime + stime; comm is "node", no spaces
WRK_RUNS=0
# Extra wrk arguments for every run, set by a script before measuring, e.g. WRK_ARGS=(-H 'Accept-Encoding: br, gzip').
WRK_ARGS=()
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; } # pid -> resident memory, kB

# wrk_measure NAME ROUND URL PID [LUA_SCRIPT [SCRIPT_ARGS...]]
#   -> R[NAME.ROUND.rps|p99|cpu|note|requests|non2xx] and the output in $TMP/wrk-NAME-ROUND.txt.
# A warm-up run comes first in round 1; then $BEFORE_MEASURE_HOOK NAME ROUND, if set. Each wrk
# run gets its own BENCH_WRK_RUN number in its environment (a script can use it to make its
# requests unique across runs).
wrk_measure() {
  local name=$1 round=$2 url=$3 pid=$4 out="$TMP/wrk-$1-$2.txt"
  shift 4
  local before=() after=()
  if (( $# > 0 )); then before=(-s "$1"); shift; after=(-- "$@"); fi
  if (( round == 1 )); then
    export BENCH_WRK_RUN=$((++WRK_RUNS))
    on_wrk_core timeout --foreground $((WARMUP_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "${WRK_ARGS[@]}" "${before[@]}" "$url" "${after[@]}" >/dev/null 2>&1 ||
      die "wrk warm-up failed for $url"
  fi
  # A caller's hook (a function name) runs after the warm-up, right before the measured run.
  if [[ -n ${BEFORE_MEASURE_HOOK:-} ]]; then "$BEFORE_MEASURE_HOOK" "$name" "$round"; fi
  local c0 c1 t0 t1
  export BENCH_WRK_RUN=$((++WRK_RUNS))
  c0=$(cpu_ticks "$pid"); t0=$(date +%s%N)
  on_wrk_core timeout --foreground $((DURATION_S + 30)) wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${WRK_ARGS[@]}" "${before[@]}" "$url" "${after[@]}" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed for $url"; }
  c1=$(cpu_ticks "$pid"); t1=$(date +%s%N)
  if [[ ${BENCH_VERBOSE:-0} == 1 ]]; then printf '\n--- wrk: %s, round %s (%s)\n' "$name" "$round" "$url" >&2; cat "$out" >&2; fi
  local rps p99 cpu requests
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  requests=$(awk '/requests in/ { print $1 }' "$out")
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
  R[$name.$round.requests]=${requests:-0} R[$name.$round.non2xx]=${non2xx:-0}
  R[$name.$round.note]=$(IFS=';'; echo "${notes[*]:-}")
  log "$(printf 'round %s  %-9s %10s req/s  p99 %8s ms  server CPU %3s%%  %s' "$round" "$name" "$rps" "$p99" "$cpu" "${R[$name.$round.note]}")"
}

# How busy the machine is right now (the load average lags by minutes): idle share of all cores
# over two seconds, from /proc/stat, while none of our servers is under load.
idle_percent() {
  local a b
  a=$(head -n 1 /proc/stat); sleep 2; b=$(head -n 1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); for (i = 2; i <= 9; i++) t += y[i] - x[i]; printf "%.0f", (t > 0 ? 100 * (y[5] - x[5]) / t : 0) }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# The machine line of a report.
machine_line() {
  echo "node $(node --version), $(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $CORES cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), git $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}

delete_redis_keys() { # url prefix: every key under the prefix (a benchmark's nodes' shared state)
  node --input-type=module -e '
    import { Redis } from "ioredis";
    const redis = new Redis(process.argv[1], { maxRetriesPerRequest: 1 });
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${process.argv[2]}*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    redis.disconnect();' "$1" "$2"
}
