#!/usr/bin/env bash
# Import benchmark for Dateline ([Archive]); see bench/README.md ("Import benchmark").
#
# 1. Writes a WordPress export of BENCH_IMPORT_STORIES generated stories (`dateline generate --wxr`:
#    the archive generator's stories as block-editor posts, with bylines, categories, tags, comment
#    threads and 24 shared file photos written beside it as a wp-content/uploads copy).
# 2. The ceiling: the same file read as the importer reads it with nothing written
#    (bench/import-parse-only.mjs): XML parsing alone, and parsing with each story planned.
# 3. For each database (BENCH_DATABASES), into a fresh DATA_DIR (and for PostgreSQL a fresh
#    database it creates and drops): `dateline import wordpress <file> --media-dir <uploads>`, with
#    the importer's own timings (stories written per second; rebuilding search, lists and sitemaps
#    once at the end), the importer's largest resident memory while it reads and writes the stories
#    (sampled from /proc every half second) and the peak of the whole run (/usr/bin/time).
# Prints one table: stories/s beside the parse-only ceiling, as a ratio, and peak RSS.
#
# Environment (all optional):
#   BENCH_IMPORT_STORIES  stories in the export (default 100000)
#   BENCH_DATABASES       "sqlite postgres" (default), or either one
#   BENCH_DATABASE_URL    PostgreSQL server for the throwaway databases (default postgres://postgres@127.0.0.1:5432/postgres)
#   BENCH_IMPORT_TIMEOUT  seconds allowed for one import (default 7200)
#   BENCH_SKIP_BUILD=1, BENCH_VERBOSE=1 as for the other scripts.
# Every process it starts is stopped on exit, every database it creates is dropped.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STORIES=${BENCH_IMPORT_STORIES:-100000}
DATABASES=${BENCH_DATABASES:-sqlite postgres}
BENCH_DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
IMPORT_TIMEOUT_S=${BENCH_IMPORT_TIMEOUT:-7200}
[[ $STORIES =~ ^[1-9][0-9]*$ ]] || die "BENCH_IMPORT_STORIES must be a positive number"
for database in $DATABASES; do [[ $database == sqlite || $database == postgres ]] || die "BENCH_DATABASES: '$database' is neither sqlite nor postgres"; done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak memory (apt-get install time)"

RUN_ID=$(node -e 'console.log(require("node:crypto").randomBytes(4).toString("hex"))')
pg_sql() {
  node --input-type=module -e '
    import pg from "pg";
    const client = new pg.Client({ connectionString: process.argv[1] });
    await client.connect();
    try { const { rows } = await client.query(process.argv[2]); if (rows[0]) console.log(Object.values(rows[0])[0]); } finally { await client.end(); }' "$1" "$2"
}
url_with_database() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"; }
CURRENT_DB=""
drop_current_db() {
  if [[ -n $CURRENT_DB ]]; then
    pg_sql "$BENCH_DATABASE_URL" "drop database if exists $CURRENT_DB with (force)" >/dev/null || log "WARNING: could not drop database $CURRENT_DB"
    CURRENT_DB=""
  fi
}
bench_cleanup() {
  local status=$?
  set +e # an exit trap must run to the end: lib.sh's cleanup removes the temporary directory
  drop_current_db
  (exit "$status")
  cleanup
}
trap bench_cleanup EXIT

# Every half second: the time (ms) and the largest resident memory (kB) among the importer's node
# processes (the one started, and the one it runs the import in: src/shared/malloc-arenas.ts). The
# related-stories builder the rebuild may start is another program and is not counted.
sample_import_rss() {
  local out=$1 pid largest rss
  while true; do
    largest=0
    for pid in $(pgrep -f "dist/cli.js import wordpress $EXPORT" || true); do
      rss=$(rss_kb "$pid"); (( rss > largest )) && largest=$rss
    done
    echo "$(date +%s%3N) $largest" >>"$out"
    sleep 0.5
  done
}

build_dist
EXPORT="$TMP/export.xml"
log "writing a WordPress export of $STORIES stories…"
start=$(date +%s%N)
node dist/cli.js generate --stories "$STORIES" --wxr "$EXPORT" >"$TMP/generate.log" 2>&1 || { tail -n 20 "$TMP/generate.log" >&2; die "writing the export failed"; }
EXPORT_MB=$(du -m "$EXPORT" | cut -f1)
log "export written: $EXPORT_MB MB in $(( ($(date +%s%N) - start) / 1000000000 )) s"

log "the ceiling: reading the same file with nothing written…"
CEILING=$(node bench/import-parse-only.mjs "$EXPORT")
PARSE=$(node -e 'console.log(JSON.parse(process.argv[1]).parse)' "$CEILING")
PLAN=$(node -e 'console.log(JSON.parse(process.argv[1]).plan)' "$CEILING")

ROWS=()
for database in $DATABASES; do
  data_dir="$TMP/data-$database"
  mkdir -p "$data_dir"
  env_args=(DATA_DIR="$data_dir" DEMO=0 LOG_LEVEL=warn)
  if [[ $database == postgres ]]; then
    CURRENT_DB="dateline_import_${RUN_ID}"
    pg_sql "$BENCH_DATABASE_URL" "create database $CURRENT_DB" >/dev/null || die "could not create database $CURRENT_DB"
    env_args+=(DATABASE_URL="$(url_with_database "$BENCH_DATABASE_URL" "$CURRENT_DB")")
  fi
  log "=== importing into $database…"
  env "${env_args[@]}" timeout "$IMPORT_TIMEOUT_S" /usr/bin/time -f 'peak-rss-kb %M' node dist/cli.js import wordpress "$EXPORT" \
    --media-dir "$EXPORT.uploads" --no-fetch --report "$TMP/report-$database.json" >"$TMP/import-$database.log" 2>&1 &
  import_pid=$!
  sample_import_rss "$TMP/rss-$database.txt" &
  sampler_pid=$!
  wait "$import_pid" || { kill "$sampler_pid" 2>/dev/null; tail -n 30 "$TMP/import-$database.log" >&2; die "the import into $database failed"; }
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  [[ ${BENCH_VERBOSE:-0} == 1 ]] && cat "$TMP/import-$database.log" >&2
  peak_kb=$(awk '/^peak-rss-kb/ { print $2 }' "$TMP/import-$database.log")
  ROWS+=("$(node -e '
    const fs = require("node:fs");
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const [database, parse, plan, peakKb, samples] = process.argv.slice(2);
    // The importer while it reads and writes the stories: from its start to the end of writing.
    const writtenAt = Date.parse(r.startedAt) + r.timings.scanMs + r.timings.writeMs;
    const writingKb = Math.max(0, ...fs.readFileSync(samples, "utf8").trim().split("\n")
      .map((line) => line.split(" ").map(Number)).filter(([at]) => at <= writtenAt).map(([, kb]) => kb));
    const stories = (r.counts.post?.imported ?? 0) + (r.counts.page?.imported ?? 0);
    const rate = stories / (r.timings.writeMs / 1000);
    const cells = [database, stories, Math.round(rate), (rate / Number(parse)).toFixed(3), (rate / Number(plan)).toFixed(3),
      (r.timings.writeMs / 1000).toFixed(1), (r.timings.rebuildMs / 1000).toFixed(1), Math.round(writingKb / 1024), Math.round(Number(peakKb) / 1024), r.failed.length];
    console.log("| " + cells.join(" | ") + " |");' "$TMP/report-$database.json" "$database" "$PARSE" "$PLAN" "$peak_kb" "$TMP/rss-$database.txt")")
  drop_current_db
done

echo
echo "Import of a generated WordPress export: $STORIES stories, $EXPORT_MB MB. $(machine_line 2>/dev/null || true)"
echo "Ceiling: parse only $PARSE items/s; parse and plan (dates, slugs, bodies converted) $PLAN items/s."
echo
echo "| database | stories | stories/s | ratio to parse | ratio to parse+plan | writing s | rebuild s | importer RSS writing MB | peak RSS MB | failed |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
printf '%s\n' "${ROWS[@]}"
