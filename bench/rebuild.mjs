// The rebuild at the end of an import or `dateline generate`, alone: opens the database the
// environment names (DATA_DIR / DATABASE_URL) with the app's own wiring and announces
// `content.imported`, so the same reactions run in the same order as after an import. With
// `--clear` it first empties what the rebuild computes (related stories, the search index, the
// sitemap files), as a fresh import finds them. Prints JSON: each reaction's wall time, the
// related-stories build's own report, and the peak resident memory of this process and of the
// children it started (sampled from /proc every 100 ms). Run under `/usr/bin/time -v` for the exact
// peak of every process involved.
//
//   DATA_DIR=/tmp/archive node bench/rebuild.mjs --clear
import { readFileSync, readdirSync } from 'node:fs';
import { loadConfig } from '../dist/config/config.js';
import { createDeps } from '../dist/deps.js';

const clear = process.argv.includes('--clear');
const config = loadConfig();
// As `dateline generate` and `dateline import`: a bulk tool, no statement time limit.
const database = config.database.engine === 'postgres' ? { ...config.database, statementTimeoutMs: 0 } : config.database;
const deps = await createDeps({ ...config, database });

/** Resident memory in MB of a process, or 0 once it is gone. */
function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function childPids() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const peaks = { main: 0, children: 0 };
let phase = 'clear';
const phasePeaks = {};
const sampler = setInterval(() => {
  const main = rssMb(process.pid);
  const children = Math.max(0, ...childPids().map(rssMb));
  peaks.main = Math.max(peaks.main, main);
  peaks.children = Math.max(peaks.children, children);
  const at = (phasePeaks[phase] ??= { main: 0, children: 0 });
  at.main = Math.max(at.main, main);
  at.children = Math.max(at.children, children);
}, 100);

const timings = {};
/** Times a service method the reactions call (they look it up on the service at each call). */
function timed(service, method, name) {
  const original = service[method].bind(service);
  service[method] = async (...args) => {
    const started = performance.now();
    phase = name;
    try {
      return await original(...args);
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };
}

try {
  if (clear) {
    const started = performance.now();
    const db = deps.db;
    for (const table of [
      'related_stories',
      'related_profiles',
      'related_documents',
      'related_terms',
      'related_pending',
      'related_state',
      'sitemap_files',
    ]) {
      await db.deleteFrom(table).execute();
    }
    await deps.database.fullText.clear(db);
    timings.clear = Math.round(performance.now() - started);
  }
  timed(deps.lists, 'refresh', 'rankedLists');
  timed(deps.related, 'rebuild', 'related');
  timed(deps.sitemaps, 'refresh', 'sitemaps');
  timed(deps.search, 'refreshIndex', 'search');
  const failures = [];
  deps.events.onError((error, { reaction }) => failures.push(`${reaction}: ${error instanceof Error ? error.message : String(error)}`));
  const started = performance.now();
  await deps.events.emit({ name: 'content.imported' });
  await deps.related.idle();
  const totalMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  console.log(
    JSON.stringify(
      {
        database: deps.database.description,
        totalMs,
        timings,
        relatedBuild: deps.related.lastBuild(),
        peakRssMb: { main: Math.round(process.resourceUsage().maxRSS / 1024), sampledChildren: peaks.children },
        phasePeaks,
        failures,
      },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  await deps.close();
}
