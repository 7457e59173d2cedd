// Preloaded into every server bench/live.bench.sh starts (Dateline and the bare fan-out alike):
//   node --expose-gc --import file:///…/bench/live-memory-probe.mjs dist/main.js
// On SIGUSR2 it collects garbage (twice, so what only a finaliser held goes too) and writes
// process.memoryUsage() to the file named by LIVE_MEMORY_FILE, numbered, so the benchmark can read
// a server's heap (not only its RSS from /proc) without a route in src/. Does nothing without
// LIVE_MEMORY_FILE. Written to a temporary file and renamed, so a reader never sees half of it.
import fs from 'node:fs';

const file = process.env.LIVE_MEMORY_FILE;
if (file) {
  let sample = 0;
  process.on('SIGUSR2', () => {
    globalThis.gc?.();
    globalThis.gc?.();
    const usage = process.memoryUsage();
    sample++;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ sample, at: Date.now(), gc: typeof globalThis.gc === 'function', ...usage }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
