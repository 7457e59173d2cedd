#!/usr/bin/env bash
# The [Findable] endpoints under load: the Google News sitemap, the site's RSS feed, the search page
# and its JSON (from the page cache, and searched afresh with the page cache off), and the Content
# API's article list. Each is measured beside its own ceiling in the same run: a bare node:http
# server sending exactly the same bytes (bench/bare-server.mjs). See bench/README.md.
#
#   bash bench/findable.bench.sh          # about 4 minutes
#
# Environment (all optional): BENCH_DURATION (10s), BENCH_WARMUP (3s), BENCH_CONNECTIONS (32),
# BENCH_SERVER_CPU (0), BENCH_WRK_CPU (1), BENCH_SKIP_BUILD=1, BENCH_VERBOSE=1, BENCH_QUERY (the
# search words, default "grain corridor").
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUERY=${BENCH_QUERY:-grain corridor}
QUERY_PARAM=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$QUERY")

read -r PORT_CACHED PORT_NOCACHE < <(free_ports 2)
[[ -n ${PORT_NOCACHE:-} ]] || die "could not find free ports"

build_dist

DATA_DIR="$TMP/data"
mkdir -p "$DATA_DIR"
SITE_URL="http://$HOST:$PORT_CACHED"
CACHED_URL="http://$HOST:$PORT_CACHED"
NOCACHE_URL="http://$HOST:$PORT_NOCACHE"

log "starting Dateline (page cache on) on $CACHED_URL (first start creates the demo)…"
# The API's per-key limit (600 a minute) would turn the run into 429s: raised for the benchmark only.
PORT=$PORT_CACHED HOST=$HOST DATA_DIR=$DATA_DIR SITE_URL=$SITE_URL LOG_LEVEL=warn PAGE_CACHE=1 API_RATE_LIMIT=10000000 \
  node dist/main.js >"$TMP/cached.log" 2>&1 &
PID_CACHED=$!
PIDS+=("$PID_CACHED")
wait_for_200 "$CACHED_URL/healthz" "$PID_CACHED" "Dateline (cache on)" "$TMP/cached.log"
wait_for_200 "$CACHED_URL/" "$PID_CACHED" "Dateline (cache on) home page" "$TMP/cached.log"
pin_to_server_core "$PID_CACHED"

log "starting Dateline (PAGE_CACHE=0) on $NOCACHE_URL, same DATA_DIR…"
PORT=$PORT_NOCACHE HOST=$HOST DATA_DIR=$DATA_DIR SITE_URL=$SITE_URL LOG_LEVEL=warn PAGE_CACHE=0 \
  node dist/main.js >"$TMP/nocache.log" 2>&1 &
PID_NOCACHE=$!
PIDS+=("$PID_NOCACHE")
wait_for_200 "$NOCACHE_URL/healthz" "$PID_NOCACHE" "Dateline (cache off)" "$TMP/nocache.log"
pin_to_server_core "$PID_NOCACHE"

# A Content API key, made the way an operator would (the CLI, against the same database).
KEY=$(DATA_DIR=$DATA_DIR LOG_LEVEL=silent node dist/cli.js api-key create --name "benchmark" | awk '/^Key: / { print $2 }')
[[ $KEY == dl_live_* ]] || die "could not make an API key with the CLI"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$KEY" >"$TMP/api-key.lua"

# name|label|url|server pid|wrk script (optional)
TARGET_SPECS=(
  "news|Google News sitemap (memory)|$CACHED_URL/sitemaps/news.xml|$PID_CACHED|"
  "rss|site RSS feed, full text (page cache)|$CACHED_URL/feed.xml|$PID_CACHED|"
  "search|search page (page cache)|$CACHED_URL/search?q=$QUERY_PARAM|$PID_CACHED|"
  "searchdb|search page, searched afresh (cache off)|$NOCACHE_URL/search?q=$QUERY_PARAM|$PID_NOCACHE|"
  "searchjson|search JSON, searched afresh (cache off)|$NOCACHE_URL/search.json?q=$QUERY_PARAM|$PID_NOCACHE|"
  "api|API /api/v1/articles?per_page=20 (keyed)|$CACHED_URL/api/v1/articles?per_page=20|$PID_CACHED|$TMP/api-key.lua"
)

declare -A URL_OF PID_OF LABEL SCRIPT_OF BARE_URL_OF BARE_PID_OF BYTES_OF
TARGETS=()
for spec in "${TARGET_SPECS[@]}"; do
  IFS='|' read -r name label url pid script <<<"$spec"
  TARGETS+=("$name")
  URL_OF[$name]=$url PID_OF[$name]=$pid LABEL[$name]=$label SCRIPT_OF[$name]=$script
  auth=()
  [[ -n $script ]] && auth=(-H "Authorization: Bearer $KEY")
  # Twice: the second answer is the one served under load (from the cache where there is one).
  http_get "$url" "$TMP/$name.1" "$TMP/$name.h1" "${auth[@]}" >/dev/null
  code=$(http_get "$url" "$TMP/$name.body" "$TMP/$name.h" "${auth[@]}")
  [[ $code == 200 ]] || die "$label: GET $url answered $code"
  if [[ $name == search || $name == rss ]]; then
    [[ $(header_value "$TMP/$name.h" x-page-cache) == hit ]] || die "$label: the second request was not a page-cache hit"
  fi
  if [[ $name == searchdb ]]; then
    grep -q '<mark>' "$TMP/$name.body" || die "$label: no highlighted result for \"$QUERY\" (set BENCH_QUERY)"
  fi
  BYTES_OF[$name]=$(stat -c %s "$TMP/$name.body")
  read -r bare_port < <(free_ports 1)
  node bench/bare-server.mjs "$bare_port" "$TMP/$name.body" "$(header_value "$TMP/$name.h" content-type)" >"$TMP/bare-$name.log" 2>&1 &
  BARE_PID_OF[$name]=$!
  PIDS+=("${BARE_PID_OF[$name]}")
  BARE_URL_OF[$name]="http://$HOST:$bare_port/"
  wait_for_200 "${BARE_URL_OF[$name]}" "${BARE_PID_OF[$name]}" "bare server for $name" "$TMP/bare-$name.log"
  pin_to_server_core "${BARE_PID_OF[$name]}"
  log "$(printf '%-10s %7s B  %s' "$name" "${BYTES_OF[$name]}" "$url")"
done

IDLE_BEFORE=$(idle_percent)
(( IDLE_BEFORE >= 90 )) || log "WARNING: the CPUs are only ${IDLE_BEFORE}% idle before measuring; figures will be low and noisy"
for name in "${TARGETS[@]}"; do
  wrk_measure "bare-$name" 1 "${BARE_URL_OF[$name]}" "${BARE_PID_OF[$name]}"
  if [[ -n ${SCRIPT_OF[$name]} ]]; then
    wrk_measure "$name" 1 "${URL_OF[$name]}" "${PID_OF[$name]}" "${SCRIPT_OF[$name]}"
  else
    wrk_measure "$name" 1 "${URL_OF[$name]}" "${PID_OF[$name]}"
  fi
done
for pid in "$PID_CACHED" "$PID_NOCACHE"; do kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"; done

echo
echo "Dateline [Findable] benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
machine_line
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --latency on 127.0.0.1, warm-up $WARMUP; servers on core $SERVER_CPU, wrk on core $WRK_CPU; CPUs ${IDLE_BEFORE}% idle before"
echo
printf '| %-44s | %7s | %9s | %8s | %9s | %5s | %10s | %s |\n' "target" "bytes" "req/s" "p99 (ms)" "ceiling" "ratio" "server CPU" "notes"
echo '|----------------------------------------------|--------:|----------:|---------:|----------:|------:|-----------:|-------|'
for name in "${TARGETS[@]}"; do
  ratio=$(awk -v a="${R[$name.1.rps]}" -v b="${R[bare-$name.1.rps]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '| %-44s | %7s | %9.0f | %8.2f | %9.0f | %5s | %9s%% | %s |\n' "${LABEL[$name]}" "${BYTES_OF[$name]}" \
    "${R[$name.1.rps]}" "${R[$name.1.p99]}" "${R[bare-$name.1.rps]}" "$ratio" "${R[$name.1.cpu]}" "${R[$name.1.note]}"
done
echo
echo "ceiling = req/s of a bare node:http server sending the same bytes, measured in this run; ratio = req/s ÷ ceiling."
