#!/usr/bin/env bash
# Audience benchmark for Dateline: the view beacon and the article page's five ranked lists; see
# bench/README.md ("Audience benchmark").
#
# Builds, starts the demo with BENCH_ROUTES=1 on a fresh temporary DATA_DIR, and loads it with wrk
# on loopback, printing in one run requests/s, p99 latency and server CPU per request for:
#   beacon group (one server, VIEW_BEACON_LIMIT=0), each as a ratio to the first:
#     1. POST /_bench/noop: the beacon's content-type and JSON parsing, then 204 (the ceiling),
#     2. POST /views, every request a new reader (its own user agent): counted,
#     3. POST /views, one user agent for the whole run: the same reader again, "repeat",
#     4. POST /views without a user agent: "bot", nothing hashed or counted;
#   page group (a second server, PAGE_CACHE=0, same DATA_DIR), each as a ratio to the first:
#     5. /_bench/article-without-lists/<lead slug>: the article page with all five lists empty,
#     6. the same with "You May Also Like" looked up and then left out (?related=fetch),
#     7. /article/<lead slug>: the article page with all five lists,
#     8. /article/<lead slug> from the page cache of the first server (for reference).
# After each counted run it checks that the views stored in the database (article_view_hours and
# articles.view_count) grew by the number of 204 answers wrk reported.
#
# Environment (all optional): as bench/pages.bench.sh — BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (32), BENCH_ROUNDS (1; more = medians), BENCH_SERVER_CPU (0), BENCH_WRK_CPU (1),
# BENCH_SKIP_BUILD=1, BENCH_VERBOSE=1.
#
# Every process it starts is stopped on exit (trap EXIT); every step is bounded in time. Only
# 127.0.0.1 is used.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BEACON_LUA="$ROOT/bench/beacon.lua"
# A real desktop Chrome user agent (isbot flags wrk's default, and a missing one).
CHROME_UA='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

read -r PORT_BEACON PORT_NOCACHE < <(free_ports 2)
[[ -n ${PORT_NOCACHE:-} ]] || die "could not find free ports"

build_dist

DATA_DIR="$TMP/data"
mkdir -p "$DATA_DIR"
DB_FILE="$DATA_DIR/dateline.sqlite"
SITE_URL="http://$HOST:$PORT_BEACON"
BEACON_URL="http://$HOST:$PORT_BEACON"
NOCACHE_URL="http://$HOST:$PORT_NOCACHE"
# Both servers: the /_bench/ routes, no beacon rate limit, the same SITE_URL (identical pages).
COMMON_ENV=(HOST=$HOST DATA_DIR=$DATA_DIR SITE_URL=$SITE_URL LOG_LEVEL=warn BENCH_ROUTES=1 VIEW_BEACON_LIMIT=0)

log "starting Dateline (BENCH_ROUTES=1, VIEW_BEACON_LIMIT=0, page cache on) on $BEACON_URL with DATA_DIR=$DATA_DIR (first start creates the demo)…"
started=$SECONDS
env "${COMMON_ENV[@]}" PORT=$PORT_BEACON PAGE_CACHE=1 node dist/main.js >"$TMP/beacon.log" 2>&1 &
PID_BEACON=$!
PIDS+=("$PID_BEACON")
wait_for_200 "$BEACON_URL/healthz" "$PID_BEACON" "Dateline (beacon server)" "$TMP/beacon.log"
wait_for_200 "$BEACON_URL/" "$PID_BEACON" "Dateline (beacon server) home page" "$TMP/beacon.log"
log "ready after $((SECONDS - started)) s"
pin_to_server_core "$PID_BEACON"

log "starting Dateline (BENCH_ROUTES=1, PAGE_CACHE=0) on $NOCACHE_URL, same DATA_DIR…"
env "${COMMON_ENV[@]}" PORT=$PORT_NOCACHE PAGE_CACHE=0 node dist/main.js >"$TMP/nocache.log" 2>&1 &
PID_NOCACHE=$!
PIDS+=("$PID_NOCACHE")
wait_for_200 "$NOCACHE_URL/healthz" "$PID_NOCACHE" "Dateline (cache off)" "$TMP/nocache.log"
pin_to_server_core "$PID_NOCACHE"

# ---------------------------------------------------------------------------------------------
# The article: the lead (first /article/ link on the home page); its id from the page's beacon.
code=$(http_get "$BEACON_URL/" "$TMP/home.html" "$TMP/home.h")
[[ $code == 200 ]] || die "GET / answered $code"
ARTICLE_PATH=$(grep -o 'href="/article/[^"?#]*"' "$TMP/home.html" | head -n 1 | sed -e 's/^href="//' -e 's/"$//' || true)
[[ -n $ARTICLE_PATH ]] || die "no /article/ link found on the home page"
SLUG=${ARTICLE_PATH#/article/}
code=$(http_get "$NOCACHE_URL$ARTICLE_PATH" "$TMP/lists.html" "$TMP/lists.h")
[[ $code == 200 ]] || die "cache-off server answered $code for $ARTICLE_PATH"
[[ $(header_value "$TMP/lists.h" x-page-cache) != hit ]] || die "cache-off server (PAGE_CACHE=0) answered a cache hit"
ARTICLE_ID=$(grep -o 'data-article="[0-9a-f-]*"' "$TMP/lists.html" | head -n 1 | sed -e 's/^data-article="//' -e 's/"$//' || true)
[[ $ARTICLE_ID =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "no article id (data-article) in $ARTICLE_PATH"
log "article: $ARTICLE_PATH ($ARTICLE_ID)"

# Database figures for the article: "<sum of article_view_hours.views> <articles.view_count>".
db_views() {
  local query="select (select coalesce(sum(views), 0) from article_view_hours where article_id = '$ARTICLE_ID'), (select view_count from articles where id = '$ARTICLE_ID');"
  if command -v sqlite3 >/dev/null; then
    timeout 30 sqlite3 -readonly -cmd '.timeout 10000' "$DB_FILE" "$query" | tr '|' ' '
  else
    timeout 30 node -e '
      const db = new (require("better-sqlite3"))(process.argv[1], { readonly: true, timeout: 10000 });
      console.log(Object.values(db.prepare(process.argv[2]).raw().get()).join(" "));' "$DB_FILE" "$query"
  fi
}
read -r HOURS0 TOTAL0 < <(db_views)
[[ $HOURS0 =~ ^[0-9]+$ && $TOTAL0 =~ ^[0-9]+$ ]] || die "could not read the article's view counts from $DB_FILE"

# ---------------------------------------------------------------------------------------------
# Checks before measuring.
REPORT="{\"article\":\"$ARTICLE_ID\",\"via\":\"popular-now\"}"
post_report() { # URL USER_AGENT|"" BODY NAME -> status; headers in $TMP/NAME.h
  local ua=()
  [[ -n $2 ]] && ua=(--header "User-Agent: $2")
  http_get "$1" "$TMP/$4.body" "$TMP/$4.h" --request POST --header 'Content-Type: text/plain;charset=UTF-8' --user-agent '' "${ua[@]}" --data-binary "$3"
}
code=$(post_report "$BEACON_URL/_bench/noop" "$CHROME_UA" "$REPORT" noop)
[[ $code == 204 ]] || die "POST /_bench/noop answered $code (is BENCH_ROUTES on?)"
code=$(post_report "$BEACON_URL/_bench/noop" "$CHROME_UA" '{not json' noop-bad)
[[ $code == 400 ]] || die "POST /_bench/noop with a broken body answered $code, not 400 (not parsed as the beacon is?)"
SAMPLE_UA="${CHROME_UA/Chrome\/131.0.0.0/Chrome/131.0.$RANDOM.1}"
code=$(post_report "$BEACON_URL/views" "$SAMPLE_UA" "$REPORT" view1)
[[ $code == 204 ]] || die "POST /views answered $code"
outcome=$(header_value "$TMP/view1.h" x-view)
[[ $outcome == counted ]] || die "POST /views with a new desktop-Chrome user agent was not counted (x-view: '$outcome')"
code=$(post_report "$BEACON_URL/views" "$SAMPLE_UA" "$REPORT" view2)
outcome=$(header_value "$TMP/view2.h" x-view)
[[ $code == 204 && $outcome == repeat ]] || die "the same reader again: $code, x-view '$outcome' (expected 204, repeat)"
code=$(post_report "$BEACON_URL/views" "" "$REPORT" view3)
outcome=$(header_value "$TMP/view3.h" x-view)
[[ $code == 204 && $outcome == bot ]] || die "no user agent: $code, x-view '$outcome' (expected 204, bot)"
# The Lua script's requests, one each, through curl's eyes: wrk is checked by the DB count below.
sleep 2 # one flush (every second) has written the sample view
read -r HOURS1 TOTAL1 < <(db_views)
(( HOURS1 - HOURS0 == 1 && TOTAL1 - TOTAL0 == 1 )) ||
  die "the one counted sample view did not reach the database within 2 s (article_view_hours +$((HOURS1 - HOURS0)), view_count +$((TOTAL1 - TOTAL0)))"

LISTS=(section-latest weekly-best related popular-now must-reads)
lists_in() { local list found=(); for list in "${LISTS[@]}"; do grep -q "data-list=\"$list\"" "$1" && found+=("$list"); done; echo "${found[*]:-}"; }
LISTS_SHOWN=$(lists_in "$TMP/lists.html")
[[ $LISTS_SHOWN == "${LISTS[*]}" ]] || log "WARNING: the article page shows only these lists: '${LISTS_SHOWN}' (expected all five)"
code=$(http_get "$NOCACHE_URL/_bench/article-without-lists/$SLUG" "$TMP/nolists.html" "$TMP/nolists.h")
[[ $code == 200 ]] || die "GET /_bench/article-without-lists/$SLUG answered $code"
[[ -z $(lists_in "$TMP/nolists.html") ]] || die "the page without lists shows lists: $(lists_in "$TMP/nolists.html")"
grep -q 'id="article-headline"' "$TMP/nolists.html" || die "the page without lists has no article headline"
code=$(http_get "$NOCACHE_URL/_bench/article-without-lists/$SLUG?related=fetch" "$TMP/nolists-rq.html" "$TMP/nolists-rq.h")
[[ $code == 200 ]] || die "GET /_bench/article-without-lists/$SLUG?related=fetch answered $code"
cmp -s "$TMP/nolists.html" "$TMP/nolists-rq.html" || die "?related=fetch changed the page without lists"
http_get "$BEACON_URL$ARTICLE_PATH" "$TMP/c1.html" "$TMP/c1.h" >/dev/null
code=$(http_get "$BEACON_URL$ARTICLE_PATH" "$TMP/cached.html" "$TMP/cached.h")
[[ $code == 200 && $(header_value "$TMP/cached.h" x-page-cache) == hit ]] || die "the cache-on server's second answer for $ARTICLE_PATH was not a cache hit"
LISTS_BYTES=$(stat -c %s "$TMP/lists.html")
NOLISTS_BYTES=$(stat -c %s "$TMP/nolists.html")
log "checks passed: noop 204 (400 on a broken body); beacon counted / repeat / bot as expected and flushed; lists on the page: $LISTS_SHOWN; without lists: none"

# ---------------------------------------------------------------------------------------------
# Measure.
TARGETS=(noop counted repeat bot nolists nolists-rq lists cached)
declare -A URL_OF PID_OF LABEL ARGS_OF BASE_OF
URL_OF=([noop]="$BEACON_URL/_bench/noop" [counted]="$BEACON_URL/views" [repeat]="$BEACON_URL/views" [bot]="$BEACON_URL/views"
  [nolists]="$NOCACHE_URL/_bench/article-without-lists/$SLUG" [nolists-rq]="$NOCACHE_URL/_bench/article-without-lists/$SLUG?related=fetch"
  [lists]="$NOCACHE_URL$ARTICLE_PATH" [cached]="$BEACON_URL$ARTICLE_PATH")
PID_OF=([noop]=$PID_BEACON [counted]=$PID_BEACON [repeat]=$PID_BEACON [bot]=$PID_BEACON
  [nolists]=$PID_NOCACHE [nolists-rq]=$PID_NOCACHE [lists]=$PID_NOCACHE [cached]=$PID_BEACON)
# The no-op gets the same Lua script (a new user agent per request) so wrk's own cost is the same.
ARGS_OF=([noop]="unique" [counted]="unique" [repeat]="fixed" [bot]="none")
BASE_OF=([noop]=noop [counted]=noop [repeat]=noop [bot]=noop [nolists]=nolists [nolists-rq]=nolists [lists]=nolists [cached]=nolists)
LABEL=([noop]="POST /_bench/noop (beacon ceiling)" [counted]="POST /views, new reader each: counted"
  [repeat]="POST /views, same reader: repeat" [bot]="POST /views, no user agent: bot"
  [nolists]="article without lists (page ceiling)" [nolists-rq]="article without lists, related looked up"
  [lists]="article with all five lists" [cached]="article from page cache (reference)")

measure() { # NAME ROUND
  if [[ -n ${ARGS_OF[$1]:-} ]]; then
    wrk_measure "$1" "$2" "${URL_OF[$1]}" "${PID_OF[$1]}" "$BEACON_LUA" "$ARTICLE_ID" "${ARGS_OF[$1]}"
  else
    wrk_measure "$1" "$2" "${URL_OF[$1]}" "${PID_OF[$1]}"
  fi
}

# Counted runs: the database figures right before (once the warm-up's views are flushed) and after.
db_before_counted() {
  sleep 2.5
  read -r "R[$1.$2.h0]" "R[$1.$2.t0]" < <(db_views)
}
db_after_counted() {
  sleep 2.5 # a flush every second; 2.5 s covers one that was running when wrk stopped
  read -r "R[$1.$2.h1]" "R[$1.$2.t1]" < <(db_views)
}

ROUNDS=${BENCH_ROUNDS:-1}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "BENCH_ROUNDS must be a positive number (got '$ROUNDS')"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent)
if (( IDLE_BEFORE < 90 )); then
  log "WARNING: the CPUs are only ${IDLE_BEFORE}% idle before measuring; something else is running and the figures will be low and noisy"
fi
log "measuring: wrk -t1 -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP), $ROUNDS round(s), servers on core $SERVER_CPU, wrk on core $WRK_CPU…"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${TARGETS[@]}"; do
    if [[ $name == counted ]]; then
      BEFORE_MEASURE_HOOK=db_before_counted
      measure "$name" "$round"
      BEFORE_MEASURE_HOOK=
      db_after_counted "$name" "$round"
    else
      measure "$name" "$round"
    fi
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_AFTER=$(idle_percent)

for pid in "$PID_BEACON" "$PID_NOCACHE"; do
  kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"
done
if grep -qiE '"level":(50|60)|error' "$TMP/beacon.log" "$TMP/nocache.log" 2>/dev/null; then
  log "WARNING: the servers logged errors during the run:"
  grep -hiE '"level":(50|60)|error' "$TMP/beacon.log" "$TMP/nocache.log" | head -n 10 >&2
fi

# ---------------------------------------------------------------------------------------------
# Report (medians over rounds; each ratio is the median of the rounds' own ratios).
column_of() { # name field -> the values over rounds, space-separated
  local name=$1 field=$2 round values="" base=${BASE_OF[$1]}
  for round in $(seq 1 "$ROUNDS"); do
    case $field in
      ratio) values+=$(awk -v a="${R[$name.$round.rps]}" -v b="${R[$base.$round.rps]}" 'BEGIN { if (b > 0) printf "%.4f ", a / b }') ;;
      per_cpu) values+=$(awk -v a="${R[$name.$round.rps]}" -v c="${R[$name.$round.cpu]}" 'BEGIN { if (c > 0) printf "%.0f ", a / (c / 100) }') ;;
      us) values+=$(awk -v a="${R[$name.$round.rps]}" -v c="${R[$name.$round.cpu]}" 'BEGIN { if (a > 0) printf "%.1f ", 1e6 * (c / 100) / a }') ;;
      *) values+="${R[$name.$round.$field]} " ;;
    esac
  done
  echo "$values"
}

echo
echo "Dateline audience benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
machine_line
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --timeout 10s --latency on 127.0.0.1, warm-up $WARMUP, $ROUNDS round(s)$( (( ROUNDS > 1 )) && echo ' (medians)' || true); servers pinned to core $SERVER_CPU, wrk to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)'; true)"
echo "article $ARTICLE_PATH: with lists $LISTS_BYTES B ($LISTS_SHOWN), without $NOLISTS_BYTES B"
echo "CPUs idle before measuring ${IDLE_BEFORE}%, after ${IDLE_AFTER}% (load average before $LOAD_BEFORE, after $LOAD_AFTER)"
echo
printf '| %-40s | %9s | %8s | %5s | %10s | %9s | %11s | %s |\n' "target" "req/s" "p99 (ms)" "ratio" "server CPU" "req/CPU-s" "CPU us/req" "notes"
echo '|------------------------------------------|----------:|---------:|------:|-----------:|----------:|------------:|-------|'
for name in "${TARGETS[@]}"; do
  notes=""
  for round in $(seq 1 "$ROUNDS"); do
    if [[ -n ${R[$name.$round.note]} ]]; then
      if (( ROUNDS > 1 )); then notes+="round $round: "; fi
      notes+="${R[$name.$round.note]} "
    fi
  done
  printf '| %-40s | %9.0f | %8.2f | %5.2f | %9.0f%% | %9.0f | %11.1f | %s |\n' "${LABEL[$name]}" \
    "$(column_of "$name" rps | median)" "$(column_of "$name" p99 | median)" "$(column_of "$name" ratio | median)" \
    "$(column_of "$name" cpu | median)" "$(column_of "$name" per_cpu | median)" "$(column_of "$name" us | median)" "${notes% }"
done
echo
echo "ratio = requests/s ÷ its group's first row in this same run (beacon rows ÷ the no-op, page rows ÷ the page without lists)."
echo "server CPU = share of its core the server used during the run; req/CPU-s and CPU us/req = requests per second of server CPU time, and its inverse in microseconds."
echo
echo "Views stored (the article's article_view_hours.views sum and articles.view_count, before and 2.5 s after each counted run):"
COUNT_OK=1
for round in $(seq 1 "$ROUNDS"); do
  answered=$(( ${R[counted.$round.requests]} - ${R[counted.$round.non2xx]} ))
  hours=$(( ${R[counted.$round.h1]} - ${R[counted.$round.h0]} ))
  total=$(( ${R[counted.$round.t1]} - ${R[counted.$round.t0]} ))
  extra=$(( hours - answered ))
  verdict="equal"
  if (( hours != total )); then
    verdict="MISMATCH: the hourly buckets and the running total disagree"; COUNT_OK=0
  elif (( extra < 0 )); then
    verdict="MISMATCH: $(( -extra )) answered views missing from the database"; COUNT_OK=0
  elif (( extra > CONNECTIONS )); then
    verdict="MISMATCH: $extra more views stored than answered, more than the $CONNECTIONS requests that can be in flight"; COUNT_OK=0
  elif (( extra > 0 )); then
    verdict="$extra more stored than wrk counted: requests in flight when wrk stopped (at most $CONNECTIONS, one per connection) were counted, but wrk closed before their answers"
  fi
  echo "  round $round: wrk 204 answers $answered; stored +$hours (article_view_hours), +$total (view_count): $verdict"
done
(( COUNT_OK )) || die "the stored view counts do not match the answered beacons (see above)"
