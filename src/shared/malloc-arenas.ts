import { spawn } from 'node:child_process';

/** What glibc is told: two arenas instead of up to eight a core, one per thread that allocates. */
const ARENAS = '2';
/**
 * And blocks from 128 KB up always mapped on their own, so they go back to the system when freed.
 * glibc otherwise raises this bound as such blocks are freed, up to 32 MB: a long import's read
 * buffers then land in the main heap, which it can only shrink from the top (105 MB of a
 * 100,000-story import's 310 MB; with the bound fixed a 20,000-story import peaked 40 MB lower).
 */
const MMAP_THRESHOLD = String(128 * 1024);
/** Set in the relaunched process, so it knows to end with the one that started it. */
const RELAUNCHED = 'DATELINE_RELAUNCHED_FOR_ARENAS';
/** How soon the relaunched process notices that the first one was killed outright. */
const PARENT_POLL_MS = 100;

/**
 * Runs this very command again in a process whose C allocator keeps at most two arenas
 * (`MALLOC_ARENA_MAX=2`) and a fixed mmap threshold (`MALLOC_MMAP_THRESHOLD_`, unless set), unless
 * the environment already says how many arenas. glibc gives each thread that allocates an arena of
 * its own (libuv's pool, libvips, SQLite's checkpointer, V8's helpers), and memory freed in one is
 * rarely handed back: a long import kept 60–70 MB more resident without the limit (bench/README.md,
 * "Import benchmark"). glibc reads these settings when the process starts, so they cannot be set
 * from inside; hence the second process (one more start of node).
 *
 * The first process only waits: it passes on SIGINT, SIGTERM and SIGHUP and ends as the second
 * did. Should it be killed outright (kill -9), the second ends within a tenth of a second too (it
 * watches for a new parent), so nothing keeps writing behind the back of whoever killed it.
 * @param nodeFlags more options for node in the relaunched process
 * @returns true when the command runs in the relaunched process (the caller stops here); false
 *   when it is to run in this one (not Linux, MALLOC_ARENA_MAX already set, or this is the relaunch)
 */
export function relaunchWithArenaLimit(nodeFlags: readonly string[] = []): boolean {
  if (process.env[RELAUNCHED] === '1') {
    watchParent();
    return false;
  }
  if (process.platform !== 'linux' || process.env['MALLOC_ARENA_MAX'] !== undefined) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD, ...process.env, MALLOC_ARENA_MAX: ARENAS, [RELAUNCHED]: '1' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const each of signals) process.off(each, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  child.on('error', (error) => {
    console.error('dateline: could not start the command again with MALLOC_ARENA_MAX set:', error.message);
    process.exit(1);
  });
  return true;
}

/**
 * The relaunched process: ends when the first one is gone, which it sees as a new parent (the
 * orphan is handed to init or a subreaper). Polled, because the pipe's end is not reliably noticed
 * while the process is busy.
 */
function watchParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, PARENT_POLL_MS).unref();
}
