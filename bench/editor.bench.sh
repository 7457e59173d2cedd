#!/usr/bin/env bash
# The newsroom desk and the story editor ([Editor]): how fast the story list (search, filters, a deep
# page), the story editor page, the curation finder and the media picker answer an editor, and how
# soon the editor can be typed in (Chromium), each beside a ceiling measured in the same run: a bare
# node:http server sending the very same bytes (bench/editor-load.mjs). See bench/README.md.
#
#   bash bench/editor.bench.sh                       # the demo; about 2 minutes
#   BENCH_STORIES=100000 bash bench/editor.bench.sh  # a generated archive of that many stories first
#
# Environment (all optional): BENCH_STORIES (the demo when unset), BENCH_REQUESTS (40 GETs a page),
# BENCH_LOADS (12 editor loads a case), BENCH_SERVER_CPU (0), BENCH_WRK_CPU (1: the browser and the
# client), BENCH_SKIP_BUILD=1, CHROMIUM_PATH (/usr/bin/chromium).
set -euo pipefail

STARTUP_TIMEOUT_S=${STARTUP_TIMEOUT_S:-600}
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STORIES=${BENCH_STORIES:-}
[[ -z $STORIES || $STORIES =~ ^[0-9]+$ ]] || die "BENCH_STORIES must be a number (got '$STORIES')"
[[ -x ${CHROMIUM_PATH:-/usr/bin/chromium} ]] || die "Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)"

read -r PORT < <(free_ports 1)
[[ -n ${PORT:-} ]] || die "could not find a free port"
build_dist
[[ -f public/assets/newsroom-editor.js ]] || node scripts/build-client.mjs

DATA_DIR="$TMP/data"
mkdir -p "$DATA_DIR"
URL="http://$HOST:$PORT"
SERVER_ENV=(PORT="$PORT" HOST="$HOST" DATA_DIR="$DATA_DIR" SITE_URL="$URL")

if [[ -n $STORIES ]]; then
  log "generating an archive of $STORIES stories (takes minutes at 100,000)…"
  env "${SERVER_ENV[@]}" LOG_LEVEL=warn node dist/cli.js generate --stories "$STORIES" >"$TMP/generate.log" 2>&1 ||
    { tail -n 20 "$TMP/generate.log" >&2; die "generating $STORIES stories failed"; }
fi

EMAIL="bench-desk@dateline.local"
PASSWORD=$(node -e 'console.log(require("node:crypto").randomBytes(16).toString("hex"))')
if [[ -n $STORIES ]]; then log "starting Dateline on $URL ($STORIES stories)…"; else log "starting Dateline on $URL (first start creates the demo)…"; fi
env "${SERVER_ENV[@]}" LOG_LEVEL=warn node dist/main.js >"$TMP/server.log" 2>&1 &
PID=$!
PIDS+=("$PID")
wait_for_200 "$URL/healthz" "$PID" "Dateline" "$TMP/server.log"
wait_for_200 "$URL/" "$PID" "Dateline home page" "$TMP/server.log"
env "${SERVER_ENV[@]}" LOG_LEVEL=silent node dist/cli.js user create --role editor --email "$EMAIL" --name "Benchmark Editor" --password "$PASSWORD" >"$TMP/user.log" 2>&1 ||
  { cat "$TMP/user.log" >&2; die "could not create the benchmark editor with the CLI"; }
pin_to_server_core "$PID"

log "measuring the desk's pages and the editor's time to interactive…"
on_wrk_core node bench/editor-load.mjs "$URL" "$EMAIL" "$PASSWORD" --requests "${BENCH_REQUESTS:-40}" --loads "${BENCH_LOADS:-12}" >"$TMP/result.json" ||
  die "bench/editor-load.mjs failed"

node - "$TMP/result.json" "${STORIES:-demo}" <<'JS'
const fs = require('node:fs');
const [file, size] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const ratio = (ceiling, value) => (value > 0 ? (ceiling / value).toFixed(2) : '—');
const pad = (text, width) => String(text).padEnd(width);
const lines = [`Newsroom desk, ${size === 'demo' ? 'the demo' : `${Number(size).toLocaleString('en')} stories`} (search word "${r.word}"); ratio = ceiling ÷ Dateline (1.00 = as fast as a bare server sending the same bytes)`];
lines.push(`${pad('page', 28)}${pad('bytes', 10)}${pad('median ms', 11)}${pad('p95 ms', 9)}${pad('ceiling median', 16)}ratio`);
for (const d of r.desk) {
  if (d.status) lines.push(`${pad(d.name, 28)}answered ${d.status} ${d.code ?? ''}`);
  else lines.push(`${pad(d.name, 28)}${pad(d.bytes, 10)}${pad(d.medianMs, 11)}${pad(d.p95Ms, 9)}${pad(d.ceilingMedianMs, 16)}${ratio(d.ceilingMedianMs, d.medianMs)}`);
}
const e = r.editor;
lines.push('');
lines.push('Story editor, time to interactive (navigation start → editor ready), Chromium at 1280 px');
lines.push(`  cold (nothing cached):   median ${e.cold.medianMs} ms, p95 ${e.cold.p95Ms} ms; ceiling ${e.ceilingCold.medianMs} ms; ratio ${ratio(e.ceilingCold.medianMs, e.cold.medianMs)}`);
lines.push(`  warm (bundle cached):    median ${e.warm.medianMs} ms, p95 ${e.warm.p95Ms} ms; ceiling ${e.ceilingWarm.medianMs} ms; ratio ${ratio(e.ceilingWarm.medianMs, e.warm.medianMs)}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
lines.push(`Bundle: ${kb(r.bundle.rawBytes)} raw, ${kb(r.bundle.gzipBytes)} gzip, ${kb(r.bundle.brotliBytes)} brotli (budget 200 KB compressed)`);
console.log(lines.join('\n'));
JS
