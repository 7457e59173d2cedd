// Runs one compiled entry point from dist/, building first only when dist/ is missing or older than
// the sources. `npm install` builds once (the `prepare` script); after that `npm start` and every
// `npx dateline …` start from plain JavaScript in well under a second of overhead, instead of asking
// tsc (several seconds even when nothing changed) on every call.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildClient, isClientBuildCurrent } from './build-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildInfo = path.join(root, 'dist', '.tsbuildinfo');
/** Files outside src/ whose change changes the build. */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time among the files the build reads (tests are not built). */
function newestSourceTime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  for (const file of BUILD_INPUTS) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

function builtTime() {
  try {
    return statSync(buildInfo).mtimeMs;
  } catch {
    return -1;
  }
}

/** Whether dist/ holds a build at least as new as every source file. */
export function isBuildCurrent() {
  const built = builtTime();
  return built >= 0 && built >= newestSourceTime();
}

/**
 * Compiles src/ into dist/ with tsc (incremental). Prints what it is doing, because a first build
 * takes about half a minute and silence looks like a hang.
 * @returns whether the build succeeded
 */
export function build({ quiet = false } = {}) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const first = builtTime() < 0;
  if (!quiet) console.error(first ? 'dateline: building (first run, about 30 seconds)…' : 'dateline: sources changed, rebuilding…');
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error('dateline: the TypeScript build failed; see the errors above.');
    return false;
  }
  // tsc leaves its build info untouched when a changed file compiles to the same output (a comment,
  // a touched file); mark the build as current so the next run does not rebuild again.
  const now = new Date();
  utimesSync(buildInfo, now, now);
  if (!quiet) console.error(`dateline: built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/**
 * @param {string} entry a file under dist/, such as `main.js`
 * @param {{ arenaLimit?: boolean }} [options] arenaLimit: run it in a process started with
 *   MALLOC_ARENA_MAX=2 unless the environment sets it (dist/shared/malloc-arenas.js says why)
 */
export async function buildAndRun(entry, options = {}) {
  if (!isBuildCurrent() && !build()) process.exit(1);
  // The editor's bundle too, when client/ changed (skipped without esbuild: a shipped bundle is used as is).
  if (!isClientBuildCurrent()) await buildClient();
  if (options.arenaLimit) {
    const { relaunchWithArenaLimit } = await import(pathToFileURL(path.join(root, 'dist', 'shared', 'malloc-arenas.js')).href);
    if (relaunchWithArenaLimit()) return;
  }
  await import(pathToFileURL(path.join(root, 'dist', entry)).href);
}
