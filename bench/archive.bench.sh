#!/usr/bin/env bash
# Archive benchmark for Dateline ([Scale]); see bench/README.md ("Archive benchmark").
#
# For each database (BENCH_DATABASES) and archive size (BENCH_SIZES), on a fresh DATA_DIR (and, for
# PostgreSQL, a fresh database it creates and drops):
#   1. generates the archive (`node dist/cli.js generate --stories N`) and times it;
#   2. starts Dateline (page cache on, BENCH_ROUTES=1) and times the start: process start ->
#      GET /healthz 200, and -> GET / 200; resident memory then;
#   3. starts a second server on the same data with PAGE_CACHE=0, and a bare node:http server
#      sending the cached article's exact (compressed) bytes: the ceiling;
#   4. checks every target, then loads each with wrk (Accept-Encoding: br, gzip, as a browser):
#      bare ceiling, article from the page cache, article rendered from the database (many
#      different articles, from the sitemaps), home, section page, RSS feed, search (several
#      words, searched afresh with the page cache off), a sitemap file;
#   5. publishes a story through the newsroom and times how long until the home page shows it,
#      with the largest event-loop delay over the publish (bench/publish-story.mjs);
#   6. with BENCH_PROFILE=1, at the largest size: the uncached article under `node --cpu-prof`,
#      and the top functions by self time (bench/cpu-profile-summary.mjs).
# Prints one table per database (a row per size and target) and a table of the per-size figures.
#
# Environment (all optional):
#   BENCH_SIZES          archive sizes in stories (default "1000 10000 100000"); "demo" = the built-in demo
#   BENCH_DATABASES      "sqlite postgres" (default), or either one
#   BENCH_DATABASE_URL   PostgreSQL server to create the throwaway databases on
#                        (default postgres://postgres@127.0.0.1:5432/postgres)
#   BENCH_SEED           generator seed (default: the generator's own)
#   BENCH_ARTICLES       how many different articles the uncached-article target cycles through (default 2000)
#   BENCH_SEARCH_WORDS   search words to cycle (default: 8 words picked from the archive's article slugs)
#   BENCH_ACCEPT_ENCODING  what wrk and the checks send as Accept-Encoding (default "br, gzip")
#   BENCH_PUBLISH_SETTLE_MS  how long after the headline appears the event loop is still watched (default 2000)
#   BENCH_PROFILE=1      also profile the uncached article at the largest size (per database)
#   BENCH_GENERATE_TIMEOUT  seconds allowed for one generation (default 3600)
#   BENCH_STARTUP_TIMEOUT   seconds allowed for one server start (default 900)
#   BENCH_PROFILE_DIR    with BENCH_PROFILE=1: also keep the .cpuprofile files there (open in Chrome DevTools)
#   and the common ones: BENCH_DURATION (10s), BENCH_WARMUP (3s), BENCH_CONNECTIONS (32),
#   BENCH_SERVER_CPU (0), BENCH_WRK_CPU (1), BENCH_SKIP_BUILD=1, BENCH_VERBOSE=1.
#
# Every process it starts is stopped on exit (trap EXIT), every database it creates is dropped;
# every wait is bounded. Only 127.0.0.1 is used.
set -euo pipefail

STARTUP_TIMEOUT_S=${BENCH_STARTUP_TIMEOUT:-900}
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZES=${BENCH_SIZES:-1000 10000 100000}
DATABASES=${BENCH_DATABASES:-sqlite postgres}
BENCH_DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ARTICLES=${BENCH_ARTICLES:-2000}
ACCEPT_ENCODING=${BENCH_ACCEPT_ENCODING:-br, gzip}
SETTLE_MS=${BENCH_PUBLISH_SETTLE_MS:-2000}
GENERATE_TIMEOUT_S=${BENCH_GENERATE_TIMEOUT:-3600}
PROFILE=${BENCH_PROFILE:-0}
PATHS_LUA="$ROOT/bench/paths.lua"

for size in $SIZES; do [[ $size =~ ^[1-9][0-9]*$ || $size == demo ]] || die "BENCH_SIZES: '$size' is not a number of stories (or demo)"; done
for database in $DATABASES; do [[ $database == sqlite || $database == postgres ]] || die "BENCH_DATABASES: '$database' is neither sqlite nor postgres"; done
[[ $ARTICLES =~ ^[1-9][0-9]*$ ]] || die "BENCH_ARTICLES must be a positive number"
[[ $SETTLE_MS =~ ^[0-9]+$ ]] || die "BENCH_PUBLISH_SETTLE_MS must be a number of milliseconds"
[[ -z ${BENCH_SEED:-} || $BENCH_SEED =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a number"
# The largest size (for BENCH_PROFILE); "demo" counts as 62.
LARGEST=$(for size in $SIZES; do [[ $size == demo ]] && echo "62 demo" || echo "$size $size"; done | sort -n | tail -n 1 | cut -d' ' -f2)

now_ms() { local t=$EPOCHREALTIME; t=${t//[.,]/}; echo $((10#$t / 1000)); }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
RUN_ID=$(node -e 'console.log(require("node:crypto").randomBytes(4).toString("hex"))')

# pg_sql URL SQL: one statement through the pg package; prints the first column of the first row.
pg_sql() {
  node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.argv[1] });
    await client.connect();
    try { const { rows } = await client.query(process.argv[2]); if (rows[0]) console.log(Object.values(rows[0])[0]); } finally { await client.end(); }' "$1" "$2"
}
url_with_database() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"; }

# Our cleanup first (the current throwaway database), then lib.sh's (processes, temporary directory).
# DROP … WITH (FORCE) does not wait for the servers to close their connections.
CURRENT_DB=""
drop_current_db() {
  if [[ -n $CURRENT_DB ]]; then
    pg_sql "$BENCH_DATABASE_URL" "drop database if exists $CURRENT_DB with (force)" >/dev/null || log "WARNING: could not drop database $CURRENT_DB"
    CURRENT_DB=""
  fi
}
bench_cleanup() {
  local status=$?
  set +e # an exit trap must run to the end: lib.sh's cleanup stops the processes
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  drop_current_db
  (exit "$status")
  cleanup
}
trap bench_cleanup EXIT

build_dist
[[ -f dist/cli.js ]] || die "dist/cli.js is missing; run the build"
if [[ " $SIZES " =~ [0-9] ]]; then
  node dist/cli.js --help 2>&1 | grep 'generate' >/dev/null || die "this build's CLI has no 'generate' command (needed for numeric BENCH_SIZES; 'demo' works without it)"
fi
if [[ " $DATABASES " == *" postgres "* ]]; then
  pg_sql "$BENCH_DATABASE_URL" "select 1" >/dev/null || die "cannot reach PostgreSQL at $BENCH_DATABASE_URL (set BENCH_DATABASE_URL, or BENCH_DATABASES=sqlite)"
fi

# decode FILE ENCODING OUT: the body as the browser sees it (br/gzip/deflate undone).
decode() {
  node -e '
    const fs = require("node:fs"), zlib = require("node:zlib");
    const [file, encoding, out] = process.argv.slice(1);
    const raw = fs.readFileSync(file);
    const decoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, "x-gzip": zlib.gunzipSync, deflate: zlib.inflateSync, "": (b) => b, identity: (b) => b };
    const decoder = decoders[encoding];
    if (!decoder) { console.error("unknown content-encoding " + encoding); process.exit(1); }
    fs.writeFileSync(out, decoder(raw));' "$1" "$2" "$3"
}
# fetch_raw URL NAME: GET as a browser (Accept-Encoding), body as sent in $DIR/NAME.raw, decoded in
# $DIR/NAME.body, headers in $DIR/NAME.h; prints the status code.
fetch_raw() {
  local code
  code=$(http_get "$1" "$DIR/$2.raw" "$DIR/$2.h" -H "Accept-Encoding: $ACCEPT_ENCODING")
  if [[ $code == 200 ]]; then
    local encoding
    encoding=$(header_value "$DIR/$2.h" content-encoding)
    if [[ -z $encoding ]]; then cp "$DIR/$2.raw" "$DIR/$2.body"; else decode "$DIR/$2.raw" "$encoding" "$DIR/$2.body" || die "could not decode $1"; fi
  fi
  echo "$code"
}
# bytes_of NAME -> "12345 br": the size of $DIR/NAME.raw as sent, and its content-encoding if any.
bytes_of() { echo "$(stat -c %s "$DIR/$1.raw") $(header_value "$DIR/$1.h" content-encoding)" | sed 's/ *$//'; }
# time_to_200 URL PID WHAT LOG -> ms from now until URL answers 200 (bounded; a slow first answer is waited for).
time_to_200() {
  local url=$1 pid=$2 what=$3 logfile=$4 deadline=$((SECONDS + STARTUP_TIMEOUT_S)) code
  while :; do
    code=$(curl --silent --max-time 60 --output /dev/null --write-out '%{http_code}' "$url" || true)
    [[ $code == 200 ]] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$what exited before answering; last lines of its log:"; tail -n 30 "$logfile" >&2 || true
      die "$what did not start"
    fi
    if (( SECONDS >= deadline )); then
      log "last lines of the $what log:"; tail -n 30 "$logfile" >&2 || true
      die "$what did not answer 200 at $url within ${STARTUP_TIMEOUT_S}s (last status: ${code:-none})"
    fi
    sleep 0.05
  done
}
# start_server NAME PORT ENV... -> starts node dist/main.js (NODE_ARGS before it), sets STARTED_PID.
start_server() {
  local name=$1 port=$2
  shift 2
  env "${SERVER_ENV[@]}" PORT="$port" "$@" node ${NODE_ARGS:-} dist/main.js >"$DIR/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# Results of every (database, size), for the report: R[KEY.field] with KEY=database.size.target.
declare -A INFO # INFO[database.size.field]: generate_s, db_mb, health_ms, page_ms, start_rss_kb, publish…, phases
TARGETS=(bare cached database home section feed search sitemap)
declare -A LABEL=([bare]="bare node:http, article bytes (ceiling)" [cached]="article, page cache" [database]="article, from database (PAGE_CACHE=0)"
  [home]="home, page cache" [section]="section page, page cache" [feed]="RSS feed (/feed.xml), page cache"
  [search]="search, searched afresh (PAGE_CACHE=0)" [sitemap]="sitemap file")
PROFILE_REPORTS=()

# ---------------------------------------------------------------------------------------------
run_size() {
  local database=$1 size=$2 key="$1.$2" t0 phase
  DIR="$TMP/$database-$size"
  local data_dir="$DIR/data"
  mkdir -p "$data_dir"
  local port_cached port_nocache port_bare
  read -r port_cached port_nocache port_bare < <(free_ports 3)
  [[ -n ${port_bare:-} ]] || die "could not find free ports"
  local cached_url="http://$HOST:$port_cached" nocache_url="http://$HOST:$port_nocache" bare_url="http://$HOST:$port_bare"
  # Every server of this size: the same data, the same SITE_URL (byte-identical pages), no demo.
  SERVER_ENV=(HOST=$HOST DATA_DIR=$data_dir SITE_URL=$cached_url LOG_LEVEL=warn DEMO=0)
  if [[ $database == postgres ]]; then
    CURRENT_DB="dateline_bench_${RUN_ID}_$size"
    pg_sql "$BENCH_DATABASE_URL" "create database $CURRENT_DB" >/dev/null || die "could not create database $CURRENT_DB"
    SERVER_ENV+=(DATABASE_URL="$(url_with_database "$BENCH_DATABASE_URL" "$CURRENT_DB")")
  fi
  log "=== $database, $size stories ($DIR)"

  # 1. The archive.
  phase=$(now_ms)
  if [[ $size == demo ]]; then
    log "creating the demo publication (first start with DEMO=1)…"
    start_server demo "$port_cached" DEMO=1
    time_to_200 "$cached_url/" "$STARTED_PID" "Dateline (demo seeding)" "$DIR/demo.log"
    stop_pid "$STARTED_PID"
  else
    log "generating $size stories…"
    local seed=()
    [[ -n ${BENCH_SEED:-} ]] && seed=(--seed "$BENCH_SEED")
    env "${SERVER_ENV[@]}" timeout "$GENERATE_TIMEOUT_S" node dist/cli.js generate --stories "$size" "${seed[@]}" >"$DIR/generate.log" 2>&1 ||
      { tail -n 20 "$DIR/generate.log" >&2; die "generating $size stories failed (or took over ${GENERATE_TIMEOUT_S}s)"; }
  fi
  INFO[$key.generate_ms]=$(($(now_ms) - phase))
  if [[ $database == postgres ]]; then
    INFO[$key.db_mb]=$(pg_sql "$BENCH_DATABASE_URL" "select round(pg_database_size('$CURRENT_DB') / 1048576.0)")
  else
    INFO[$key.db_mb]=$(du -cb "$data_dir"/*.sqlite* 2>/dev/null | awk 'END { printf "%.0f", $1 / 1048576 }')
  fi
  log "archive ready in $((INFO[$key.generate_ms] / 1000)) s (database ${INFO[$key.db_mb]} MB)"

  # An editor for the publish test, made the way an operator would.
  local email="bench-$RUN_ID@dateline.local" password
  password=$(node -e 'console.log(require("node:crypto").randomBytes(16).toString("hex"))')
  env "${SERVER_ENV[@]}" LOG_LEVEL=silent node dist/cli.js user create --role editor --email "$email" --name "Benchmark Editor" --password "$password" >"$DIR/user.log" 2>&1 ||
    { cat "$DIR/user.log" >&2; die "could not create the benchmark editor with the CLI"; }

  # 2. Start-up, timed. Not pinned yet: a real start has every core.
  phase=$(now_ms)
  log "starting Dateline (page cache on) on $cached_url…"
  t0=$(now_ms)
  start_server cached "$port_cached" PAGE_CACHE=1 BENCH_ROUTES=1
  local pid_cached=$STARTED_PID
  time_to_200 "$cached_url/healthz" "$pid_cached" "Dateline (cache on)" "$DIR/cached.log"
  INFO[$key.health_ms]=$(($(now_ms) - t0))
  time_to_200 "$cached_url/" "$pid_cached" "Dateline (cache on) home page" "$DIR/cached.log"
  INFO[$key.page_ms]=$(($(now_ms) - t0))
  INFO[$key.start_rss_kb]=$(rss_kb "$pid_cached")
  log "start: /healthz after ${INFO[$key.health_ms]} ms, first page after ${INFO[$key.page_ms]} ms, RSS $(mb "${INFO[$key.start_rss_kb]}") MB"
  pin_to_server_core "$pid_cached"

  log "starting Dateline (PAGE_CACHE=0) on $nocache_url…"
  start_server nocache "$port_nocache" PAGE_CACHE=0
  local pid_nocache=$STARTED_PID
  time_to_200 "$nocache_url/healthz" "$pid_nocache" "Dateline (cache off)" "$DIR/nocache.log"
  pin_to_server_core "$pid_nocache"
  INFO[$key.phase_start_s]=$((($(now_ms) - phase) / 1000))

  # 3. The targets, and checks before measuring.
  phase=$(now_ms)
  local code hit
  code=$(fetch_raw "$cached_url/" home1); [[ $code == 200 ]] || die "GET / answered $code"
  local article_path section_path
  article_path=$(grep -o 'href="/article/[^"?#]*"' "$DIR/home1.body" | head -n 1 | sed -e 's/^href="//' -e 's/"$//' || true)
  section_path=$(grep -o 'href="/section/[^"?#]*"' "$DIR/home1.body" | grep -v '/feed\.' | head -n 1 | sed -e 's/^href="//' -e 's/"$//' || true)
  [[ -n $article_path ]] || die "no /article/ link on the home page"
  [[ -n $section_path ]] || die "no /section/ link on the home page"

  # The sitemaps: the file to measure, and the article paths for the uncached target.
  code=$(fetch_raw "$cached_url/sitemap.xml" sitemapindex); [[ $code == 200 ]] || die "GET /sitemap.xml answered $code"
  local sitemap_urls sitemap_path
  sitemap_urls=$(grep -o '<loc>[^<]*</loc>' "$DIR/sitemapindex.body" | sed -e 's/<loc>//' -e 's#</loc>##' | grep '/sitemaps/' || true)
  sitemap_path=$(grep '/sitemaps/articles' <<<"$sitemap_urls" | head -n 1 || true)
  [[ -n $sitemap_path ]] || sitemap_path=$(head -n 1 <<<"$sitemap_urls")
  [[ -n $sitemap_path ]] || die "the sitemap index names no sitemap"
  sitemap_path=${sitemap_path#"$cached_url"}
  : >"$DIR/all-articles.txt"
  local url n=0
  while read -r url; do
    [[ -n $url ]] || continue
    code=$(fetch_raw "$cached_url${url#"$cached_url"}" "sitemap-$n"); [[ $code == 200 ]] || die "GET $url answered $code"
    grep -o '<loc>[^<]*/article/[^<]*</loc>' "$DIR/sitemap-$n.body" | sed -e 's/<loc>//' -e 's#</loc>##' -e "s#^$cached_url##" >>"$DIR/all-articles.txt" || true
    n=$((n + 1))
  done <<<"$sitemap_urls"
  # A story can be in several sitemaps (the news sitemap repeats the newest): each once.
  awk '!seen[$0]++' "$DIR/all-articles.txt" >"$DIR/unique-articles.txt" && mv "$DIR/unique-articles.txt" "$DIR/all-articles.txt"
  local found
  found=$(wc -l <"$DIR/all-articles.txt")
  (( found > 0 )) || die "the sitemaps list no /article/ pages"
  # An even spread over the archive (old and new stories), at most BENCH_ARTICLES of them.
  awk -v total="$found" -v want="$ARTICLES" 'BEGIN { step = total > want ? total / want : 1; next_at = 0 } NR - 1 >= next_at { print; next_at += step }' \
    "$DIR/all-articles.txt" >"$DIR/articles.txt"
  log "article: $article_path; section: $section_path; sitemap: $sitemap_path; $(wc -l <"$DIR/articles.txt") of $found articles for the uncached target"

  # Search words: given, or 8 from the slugs (every 5th of the 40 most frequent words of 5+ letters,
  # so common and rarer words both).
  local words
  if [[ -n ${BENCH_SEARCH_WORDS:-} ]]; then
    words=$BENCH_SEARCH_WORDS
  else
    words=$(sed -e 's#.*/article/##' -e 's/-/\n/g' "$DIR/all-articles.txt" | grep -E '^[a-z]{5,}$' | sort | uniq -c | sort -k1,1nr -k2 |
      awk 'NR <= 40 && NR % 5 == 1 { print $2 }' | tr '\n' ' ') # awk reads to the end: no SIGPIPE under pipefail
  fi
  [[ -n ${words// /} ]] || die "no search words (set BENCH_SEARCH_WORDS)"
  : >"$DIR/searches.txt"
  local word query found_any=0 first_search=""
  for word in $words; do
    query=$word
    [[ $word =~ ^[A-Za-z0-9]+$ ]] || query=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$word")
    echo "/search?q=$query" >>"$DIR/searches.txt"
    [[ -n $first_search ]] || first_search=$query
    code=$(fetch_raw "$nocache_url/search?q=$query" "search-$query"); [[ $code == 200 ]] || die "search for '$word' answered $code"
    # The results list (src/web/site/pages/search.page.tsx); a word can be in a slug and still find nothing.
    if grep -q 'class="story-list search-results"' "$DIR/search-$query.body"; then found_any=$((found_any + 1)); else log "WARNING: no result for '$word'"; fi
  done
  (( found_any > 0 )) || die "no search word found anything (set BENCH_SEARCH_WORDS)"
  log "search words: $words"

  # Cache on: the second answer is the one measured, and must come from the cache.
  local name path
  declare -A path_of=([cached]=$article_path [home]=/ [section]=$section_path [feed]=/feed.xml [sitemap]=$sitemap_path)
  for name in cached home section feed sitemap; do
    path=${path_of[$name]}
    fetch_raw "$cached_url$path" "$name-1" >/dev/null
    code=$(fetch_raw "$cached_url$path" "$name"); [[ $code == 200 ]] || die "$name: GET $path answered $code"
    hit=$(header_value "$DIR/$name.h" x-page-cache)
    if [[ $name == cached || $name == home ]]; then
      [[ $hit == hit ]] || die "$name: the second request for $path was not a page-cache hit (x-page-cache: '$hit')"
    elif [[ $name != sitemap && $hit != hit ]]; then
      log "WARNING: $name ($path) is not served from the page cache (x-page-cache: '$hit')"
    fi
  done
  # Cache off: 200, never a hit, and the same page once decoded.
  fetch_raw "$nocache_url$article_path" database-1 >/dev/null
  code=$(fetch_raw "$nocache_url$article_path" database); [[ $code == 200 ]] || die "cache-off server answered $code for $article_path"
  [[ $(header_value "$DIR/database.h" x-page-cache) != hit ]] || die "the PAGE_CACHE=0 server answered a cache hit"
  cmp -s "$DIR/cached.body" "$DIR/database.body" || log "WARNING: the article differs between the cache-on and cache-off servers once decoded"
  for path in $(head -n 3 "$DIR/articles.txt"); do
    code=$(fetch_raw "$nocache_url$path" probe); [[ $code == 200 ]] || die "cache-off server answered $code for $path (from the sitemap)"
  done

  # The ceiling: the cached article's bytes as sent (compressed), with the same content-encoding.
  local encoding content_type
  encoding=$(header_value "$DIR/cached.h" content-encoding)
  content_type=$(header_value "$DIR/cached.h" content-type)
  node bench/bare-server.mjs "$port_bare" "$DIR/cached.raw" "$content_type" "$encoding" >"$DIR/bare.log" 2>&1 &
  local pid_bare=$!
  PIDS+=("$pid_bare")
  wait_for_200 "$bare_url$article_path" "$pid_bare" "bare node:http server" "$DIR/bare.log"
  pin_to_server_core "$pid_bare"
  fetch_raw "$bare_url$article_path" bare >/dev/null
  cmp -s "$DIR/cached.raw" "$DIR/bare.raw" || die "the bare server's bytes differ from the cached article's"
  [[ $(header_value "$DIR/bare.h" content-encoding) == "$encoding" ]] || die "the bare server's content-encoding differs"
  [[ -n $encoding ]] || log "WARNING: the cached article is sent uncompressed (no content-encoding for Accept-Encoding: $ACCEPT_ENCODING)"
  for name in bare cached database home section feed sitemap; do
    INFO[$key.$name.bytes]=$(bytes_of "$name")
  done
  INFO[$key.search.bytes]=$(bytes_of "search-$first_search")
  log "checks passed (article ${INFO[$key.cached.bytes]})"
  INFO[$key.phase_checks_s]=$((($(now_ms) - phase) / 1000))

  # 4. Measure.
  phase=$(now_ms)
  INFO[$key.idle_before]=$(idle_percent)
  (( INFO[$key.idle_before] >= 90 )) || log "WARNING: the CPUs are only ${INFO[$key.idle_before]}% idle before measuring; figures will be low and noisy"
  local -A url_of=([bare]="$bare_url$article_path" [cached]="$cached_url$article_path" [database]="$nocache_url/" [home]="$cached_url/"
    [section]="$cached_url$section_path" [feed]="$cached_url/feed.xml" [search]="$nocache_url/" [sitemap]="$cached_url$sitemap_path")
  local -A pid_of=([bare]=$pid_bare [cached]=$pid_cached [database]=$pid_nocache [home]=$pid_cached [section]=$pid_cached
    [feed]=$pid_cached [search]=$pid_nocache [sitemap]=$pid_cached)
  WRK_ARGS=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  for name in "${TARGETS[@]}"; do
    case $name in
      database) wrk_measure "$key.$name" 1 "${url_of[$name]}" "${pid_of[$name]}" "$PATHS_LUA" "$DIR/articles.txt" ;;
      search) wrk_measure "$key.$name" 1 "${url_of[$name]}" "${pid_of[$name]}" "$PATHS_LUA" "$DIR/searches.txt" ;;
      *) wrk_measure "$key.$name" 1 "${url_of[$name]}" "${pid_of[$name]}" ;;
    esac
    R[$key.$name.rss]=$(rss_kb "${pid_of[$name]}")
  done
  INFO[$key.idle_after]=$(idle_percent)
  for pid in "$pid_cached" "$pid_nocache" "$pid_bare"; do kill -0 "$pid" 2>/dev/null || die "server pid $pid died during the benchmark"; done
  INFO[$key.phase_measure_s]=$((($(now_ms) - phase) / 1000))

  # 5. Publish latency, on the cache-on server (the readers' path), with the event loop watched.
  phase=$(now_ms)
  local publish
  publish=$(timeout 180 node bench/publish-story.mjs "$cached_url" "$email" "$password" --event-loop --settle-ms "$SETTLE_MS") ||
    die "publishing through the newsroom failed"
  read -r "INFO[$key.draft_ms]" "INFO[$key.publish_ms]" "INFO[$key.visible_ms]" "INFO[$key.loop_max_ms]" "INFO[$key.loop_p99_ms]" < <(node -e '
    const r = JSON.parse(process.argv[1]);
    console.log([r.draftMs, r.publishMs, r.visibleMs, r.eventLoop.maxMs.toFixed(1), r.eventLoop.p99Ms.toFixed(1)].join(" "))' "$publish")
  log "publish: request ${INFO[$key.publish_ms]} ms, on the home page after ${INFO[$key.visible_ms]} ms; event loop max ${INFO[$key.loop_max_ms]} ms blocked (p99 ${INFO[$key.loop_p99_ms]} ms)"
  INFO[$key.phase_publish_s]=$((($(now_ms) - phase) / 1000))
  if grep -qiE '"level":(50|60)' "$DIR/cached.log" "$DIR/nocache.log" 2>/dev/null; then
    log "WARNING: the servers logged errors during the run:"
    grep -hiE '"level":(50|60)' "$DIR/cached.log" "$DIR/nocache.log" | head -n 5 >&2 || true
  fi

  stop_pid "$pid_bare"
  stop_pid "$pid_nocache"

  # 6. The profile of an uncached article, at the largest size.
  if [[ $PROFILE == 1 && $size == "$LARGEST" ]]; then
    phase=$(now_ms)
    log "profiling the uncached article (node --cpu-prof, PAGE_CACHE=0)…"
    mkdir -p "$DIR/profile"
    local spawned measure_from
    spawned=$(now_ms)
    NODE_ARGS="--cpu-prof --cpu-prof-dir=$DIR/profile" start_server profiled "$port_nocache" PAGE_CACHE=0
    local pid_profiled=$STARTED_PID
    time_to_200 "$nocache_url/healthz" "$pid_profiled" "Dateline (profiled)" "$DIR/profiled.log"
    pin_to_server_core "$pid_profiled"
    mark_measure_start() { PROFILE_MEASURE_FROM=$(now_ms); }
    BEFORE_MEASURE_HOOK=mark_measure_start
    wrk_measure "$key.profiled" 1 "$nocache_url/" "$pid_profiled" "$PATHS_LUA" "$DIR/articles.txt"
    BEFORE_MEASURE_HOOK=
    measure_from=$((PROFILE_MEASURE_FROM - spawned))
    stop_pid "$pid_profiled"
    local profile_file
    # One file per thread (the SQLite checkpointer's too): the main thread's, busiest, is the largest.
    profile_file=$(find "$DIR/profile" -name '*.cpuprofile' -printf '%s %p\n' | sort -rn | head -1 | cut -d' ' -f2-)
    [[ -n $profile_file ]] || die "node --cpu-prof wrote no profile"
    if [[ -n ${BENCH_PROFILE_DIR:-} ]]; then
      mkdir -p "$BENCH_PROFILE_DIR" && cp "$profile_file" "$BENCH_PROFILE_DIR/archive-$database-$size.cpuprofile" ||
        log "WARNING: could not copy the profile to $BENCH_PROFILE_DIR"
    fi
    PROFILE_REPORTS+=("$(
      echo "CPU profile, $database, $size stories: uncached article (PAGE_CACHE=0), $(wc -l <"$DIR/articles.txt") articles cycled, ${R[$key.profiled.1.rps]} req/s under the profiler"
      node bench/cpu-profile-summary.mjs "$profile_file" --top 15 --skip-ms "$measure_from" --window-ms $((DURATION_S * 1000)) --root "$ROOT"
    )")
    INFO[$key.phase_profile_s]=$((($(now_ms) - phase) / 1000))
  fi

  stop_pid "$pid_cached"
  drop_current_db
  rm -rf "$data_dir"
}

# ---------------------------------------------------------------------------------------------
STARTED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for database in $DATABASES; do
  for size in $SIZES; do
    started=$(now_ms)
    run_size "$database" "$size"
    INFO[$database.$size.total_s]=$((($(now_ms) - started) / 1000))
  done
done

# ---------------------------------------------------------------------------------------------
# Report.
echo
echo "Dateline archive benchmark — $STARTED_AT"
machine_line
echo "wrk -t1 -c$CONNECTIONS -d$DURATION --timeout 10s --latency -H 'Accept-Encoding: $ACCEPT_ENCODING' on 127.0.0.1, warm-up $WARMUP; servers pinned to core $SERVER_CPU, wrk to core $WRK_CPU$( (( PIN )) || echo ' (NOT pinned)'; true)"
echo "load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)"
for database in $DATABASES; do
  echo
  echo "### $database"
  echo
  printf '| %7s | %-40s | %12s | %9s | %8s | %5s | %10s | %10s | %8s | %s |\n' "stories" "target" "bytes" "req/s" "p99 (ms)" "ratio" "server CPU" "CPU ms/req" "RSS (MB)" "notes"
  echo '|--------:|------------------------------------------|-------------:|----------:|---------:|------:|-----------:|-----------:|---------:|-------|'
  for size in $SIZES; do
    key="$database.$size"
    [[ -n ${R[$key.bare.1.rps]:-} ]] || { printf '| %7s | %-40s |\n' "$size" "(failed: see the log above)"; continue; }
    for name in "${TARGETS[@]}"; do
      k="$key.$name"
      [[ -n ${R[$k.1.rps]:-} ]] || continue
      awk -v size="$size" -v label="${LABEL[$name]}" -v bytes="${INFO[$k.bytes]:-?}" -v rps="${R[$k.1.rps]}" -v p99="${R[$k.1.p99]}" \
        -v bare="${R[$key.bare.1.rps]}" -v cpu="${R[$k.1.cpu]}" -v rss="${R[$k.rss]}" -v note="${R[$k.1.note]}" 'BEGIN {
          printf "| %7s | %-40s | %12s | %9.0f | %8.2f | %5.2f | %9.0f%% | %10.3f | %8.0f | %s |\n",
            size, label, bytes, rps, p99, (bare > 0 ? rps / bare : 0), cpu, (rps > 0 ? cpu * 10 / rps : 0), rss / 1024, note }'
    done
  done
  echo
  printf '| %7s | %12s | %8s | %17s | %19s | %13s | %13s | %15s | %22s |\n' "stories" "generate (s)" "DB (MB)" "start→/healthz ms" "start→first page ms" "RSS start MB" "publish req ms" "publish→home ms" "event loop max/p99 ms"
  echo '|--------:|-------------:|---------:|------------------:|--------------------:|--------------:|--------------:|----------------:|-----------------------:|'
  for size in $SIZES; do
    key="$database.$size"
    [[ -n ${INFO[$key.page_ms]:-} && -n ${INFO[$key.visible_ms]:-} ]] || continue
    printf '| %7s | %12.1f | %8s | %17s | %19s | %13s | %13s | %15s | %22s |\n' "$size" \
      "$(awk -v ms="${INFO[$key.generate_ms]}" 'BEGIN { print ms / 1000 }')" "${INFO[$key.db_mb]}" "${INFO[$key.health_ms]}" "${INFO[$key.page_ms]}" \
      "$(mb "${INFO[$key.start_rss_kb]}")" "${INFO[$key.publish_ms]}" "${INFO[$key.visible_ms]}" "${INFO[$key.loop_max_ms]} / ${INFO[$key.loop_p99_ms]}"
  done
done
echo
echo "Phases (s): generate / start both servers / checks / measure / publish / profile / total"
for database in $DATABASES; do
  for size in $SIZES; do
    key="$database.$size"
    echo "  $database $size: $(awk -v ms="${INFO[$key.generate_ms]:-0}" 'BEGIN { printf "%.0f", ms / 1000 }') / ${INFO[$key.phase_start_s]:--} / ${INFO[$key.phase_checks_s]:--} / ${INFO[$key.phase_measure_s]:--} / ${INFO[$key.phase_publish_s]:--} / ${INFO[$key.phase_profile_s]:--} / ${INFO[$key.total_s]:--}; CPUs idle before measuring ${INFO[$key.idle_before]:-?}%, after ${INFO[$key.idle_after]:-?}%"
  done
done
for report in "${PROFILE_REPORTS[@]}"; do
  echo
  echo "$report"
done
echo
echo "ratio = req/s ÷ the bare node:http ceiling (the cached article's bytes, same encoding) of the same size and run."
echo "server CPU = share of its core the server used during the run (under ~95%: starved or wrk-bound); CPU ms/req = server CPU time per answer."
echo "RSS = the serving process's resident memory after its run. Event loop: largest delay of the cache-on server's loop (blocked time) from the publish until ${SETTLE_MS} ms after the headline appeared."
