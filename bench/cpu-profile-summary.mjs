// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the top functions by self time, and the
// share of garbage collection, idle and "(program)" (native code outside JavaScript).
// Used by bench/archive.bench.sh (BENCH_PROFILE=1); works on any .cpuprofile.
//
// Usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [--top N] [--skip-ms MS] [--window-ms MS] [--root DIR]
//   --top N       how many functions to list (default 15)
//   --skip-ms MS  leave out the first MS milliseconds of the profile (the server's start-up and
//                 warm-up), so only the measured load is summarised
//   --window-ms MS  and stop MS milliseconds after that (before the server's shutdown); default: to the end
//   --root DIR    paths are shown relative to DIR (default: the current directory)
//
// Self time of a function = the sampling intervals in which it was on top of the stack, summed
// over every place it was called from (one row per function name + file + line).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '15' },
    'skip-ms': { type: 'string', default: '0' },
    'window-ms': { type: 'string', default: 'Infinity' },
    root: { type: 'string' },
  },
});
const file = positionals[0];
const top = Number(values.top);
const skipMs = Number(values['skip-ms']);
const windowMs = Number(values['window-ms']);
if (!file || !Number.isInteger(top) || top < 1 || !Number.isFinite(skipMs) || skipMs < 0 || !(windowMs > 0)) {
  console.error('usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [--top N] [--skip-ms MS] [--window-ms MS] [--root DIR]');
  process.exit(2);
}
const root = path.resolve(values.root ?? process.cwd());

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));

/** A readable place for a call frame: a path relative to the root, or the module name, and the line. */
function where(frame) {
  let url = frame.url || '';
  if (url.startsWith('file://')) url = fileURLToPath(url);
  if (url.startsWith('/')) {
    const inModules = url.lastIndexOf('/node_modules/');
    url = inModules >= 0 ? url.slice(inModules + 1) : path.relative(root, url);
  }
  return url ? `${url}:${frame.lineNumber + 1}` : '';
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const selfUs = new Map(); // key -> microseconds
const special = new Map(); // '(idle)' etc. -> microseconds
let windowUs = 0;
let time = profile.startTime;
const from = profile.startTime + skipMs * 1000;
const until = from + windowMs * 1000;
for (let index = 0; index < profile.samples.length; index++) {
  // timeDeltas[i] is the time from the previous sample to sample i: charge it to sample i.
  const delta = profile.timeDeltas[index] ?? 0;
  time += delta;
  if (time < from || time > until || delta <= 0) continue;
  const frame = nodeById.get(profile.samples[index])?.callFrame;
  if (!frame) continue;
  windowUs += delta;
  const name = frame.functionName || '(anonymous)';
  if (SPECIAL.has(name)) {
    special.set(name, (special.get(name) ?? 0) + delta);
    continue;
  }
  const key = `${name}\t${where(frame)}`;
  selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
}

if (windowUs === 0) {
  console.log('no samples in the window (is --skip-ms longer than the profile?)');
  process.exit(0);
}
const busyUs = windowUs - (special.get('(idle)') ?? 0);
const ms = (us) => (us / 1000).toFixed(1);
const pct = (us, of) => ((100 * us) / of).toFixed(1);

console.log(
  `profile window ${ms(windowUs)} ms (after the first ${skipMs} ms); busy ${ms(busyUs)} ms (${pct(busyUs, windowUs)}%): ` +
    ['(garbage collector)', '(program)', '(idle)'].map((name) => `${name} ${pct(special.get(name) ?? 0, windowUs)}%`).join(', '),
);
console.log('');
console.log(`| # | self ms | % of busy | function | where |`);
console.log(`|--:|--------:|----------:|----------|-------|`);
[...selfUs.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)
  .forEach(([key, us], index) => {
    const [name, place] = key.split('\t');
    console.log(`| ${index + 1} | ${ms(us)} | ${pct(us, busyUs)} | \`${name}\` | ${place} |`);
  });
