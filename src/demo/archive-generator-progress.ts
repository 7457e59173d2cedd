/** Where the progress goes: stderr, so stdout keeps only the summary. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
/** Without a terminal (a log file, CI), a plain line at most this often, and at every tenth. */
const PLAIN_LINE_EVERY_MS = 10_000;

/**
 * A progress bar for `dateline generate` and `dateline import`: on a terminal one line redrawn in place
 * (`[#######-------]  45%  45,000 / 100,000 stories  1m 02s  725/s, 1m 15s left`), otherwise plain lines now and then,
 * so a log stays readable. `finish` ends the line.
 */
export function progressBar(stream: ProgressStream, label: string, clock: () => number = Date.now) {
  const started = clock();
  let lastPlain = -Infinity;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done: number, total: number): void {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const counts = `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} ${label}`;
      const elapsedMs = clock() - started;
      // Rate and time left once there is something to go on (a second, and an item done).
      const rate = elapsedMs >= 1000 && done > 0 ? done / (elapsedMs / 1000) : 0;
      const left = rate > 0 && done < total ? `, ${formatDuration(((total - done) / rate) * 1000)} left` : '';
      const elapsed = `${formatDuration(elapsedMs)}${rate > 0 ? `  ${Math.round(rate).toLocaleString('en-US')}/s${left}` : ''}`;
      if (stream.isTTY) {
        const filled = Math.round(fraction * BAR_WIDTH);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}  ${elapsed}`;
        stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 120) - 1))}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth || clock() - lastPlain >= PLAIN_LINE_EVERY_MS) {
        stream.write(`${String(Math.floor(fraction * 100)).padStart(3)}%  ${counts}  ${elapsed}\n`);
        lastTenth = tenth;
        lastPlain = clock();
      }
    },
    finish(): void {
      if (stream.isTTY && drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** `42s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${(ms / 1000).toFixed(seconds < 10 ? 1 : 0)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
