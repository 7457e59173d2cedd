// The newsletter benchmark (bench/newsletter.bench.sh; bench/README.md): one issue sent to N
// generated subscribers by a real Dateline process through a local SMTP server on loopback, beside
// the same SMTP server receiving the same number of pre-rendered messages from a bare nodemailer
// sender (one pooled connection, as Dateline's), the ceiling. Prints messages/s and each sender's
// peak resident memory (VmHWM), as JSON and as a table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/db/database.js';
import { startSender } from '../src/testing/sender-process.js';

const N = Number(process.env['BENCH_SUBSCRIBERS'] ?? 100_000);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Counts messages, reading each to its end and answering 250, nothing more. */
async function sink(): Promise<{ port: number; count: () => number; lastAt: () => number; close: () => Promise<void> }> {
  let count = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count++;
        lastAt = performance.now();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, count: () => count, lastAt: () => lastAt, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function seed(file: string): Promise<void> {
  const database = await openDatabase({ engine: 'sqlite', filename: file });
  const now = new Date().toISOString();
  const db = database.db;
  for (let start = 0; start < N; start += 500) {
    const ids = Array.from({ length: Math.min(500, N - start) }, (_, i) => `sub-${String(start + i).padStart(7, '0')}`);
    await db
      .insertInto('newsletter_subscribers')
      .values(
        ids.map((id) => ({
          id,
          email: `${id}@example.com`,
          email_key: `${id}@example.com`,
          reader_id: null,
          created_at: now,
          confirmed_at: now,
          consent_at: now,
          erased_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('newsletter_subscriptions')
      .values(ids.map((id) => ({ subscriber_id: id, newsletter_key: 'briefing', status: 'subscribed', created_at: now, unsubscribed_at: null })))
      .execute();
  }
  const items = Array.from({ length: 12 }, (_, i) => ({
    articleId: `a${i}`,
    slug: `story-${i}`,
    headline: `Headline number ${i} of the morning, long enough to be a real one`,
    standfirst: 'A standfirst of a sentence or two, as the stories carry, to give the message its usual size.',
    label: 'World',
  }));
  await db
    .insertInto('newsletter_issues')
    .values({
      id: 'bench-issue',
      newsletter_key: 'briefing',
      edition: 'bench',
      number: null,
      subject: 'The Morning Briefing (benchmark)',
      intro: 'Good morning. Here is what matters today.',
      items: JSON.stringify(items),
      status: 'scheduled',
      scheduled_for: now,
      started_at: null,
      sent_at: null,
      recipient_count: 0,
      cursor: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await database.close();
}

async function runDateline(smtpPort: number, counter: () => number, lastAt: () => number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-newsletter-'));
  const file = path.join(dir, 'dateline.sqlite');
  await seed(file);
  const before = counter();
  const started = performance.now();
  const dateline = startSender(
    {
      DATA_DIR: dir,
      DATABASE_URL: file,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_RATE_PER_MINUTE: '1000000',
      SITE_URL: 'https://news.example',
    },
    { stderr: 'inherit', defaultMalloc: true },
  );
  try {
    await waitFor(() => counter() - before > 0, 120_000, 'the first message');
    const first = performance.now();
    await waitFor(() => counter() - before >= N, 3_600_000, `${N} messages`);
    const rss = peakRssMb(dateline.child.pid ?? 0);
    const seconds = (lastAt() - first) / 1000;
    return {
      messages: N,
      seconds: Number(seconds.toFixed(1)),
      perSecond: Math.round(N / seconds),
      peakRssMb: rss,
      startToLastSeconds: Number(((lastAt() - started) / 1000).toFixed(1)),
    };
  } finally {
    dateline.child.kill('SIGTERM');
    await dateline.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runBare(smtpPort: number, counter: () => number, lastAt: () => number) {
  const before = counter();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/newsletter-bare-sender.ts'], {
    cwd: root,
    env: { ...process.env, BENCH_SUBSCRIBERS: String(N), SMTP_PORT: String(smtpPort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await waitFor(() => counter() - before > 0, 120_000, 'the first bare message');
  const first = performance.now();
  await waitFor(() => counter() - before >= N, 3_600_000, `${N} bare messages`);
  const seconds = (lastAt() - first) / 1000;
  await new Promise((resolve) => child.once('exit', resolve));
  const peak = Number(/peakRssMb=(\d+)/.exec(out)?.[1] ?? 0);
  return { messages: N, seconds: Number(seconds.toFixed(1)), perSecond: Math.round(N / seconds), peakRssMb: peak };
}

const server = await sink();
try {
  const bare = await runBare(server.port, server.count, server.lastAt);
  const dateline = await runDateline(server.port, server.count, server.lastAt);
  const result = {
    subscribers: N,
    bare,
    dateline,
    ratio: Number((dateline.perSecond / bare.perSecond).toFixed(2)),
    node: process.version,
    cpus: os.cpus().length,
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| sender | messages | seconds | messages/s | peak RSS (MB) |\n|---|---|---|---|---|`);
  console.log(`| bare nodemailer, pre-rendered (ceiling) | ${bare.messages} | ${bare.seconds} | ${bare.perSecond} | ${bare.peakRssMb} |`);
  console.log(
    `| Dateline: fan-out + mail queue + send | ${dateline.messages} | ${dateline.seconds} | ${dateline.perSecond} (${result.ratio}×) | ${dateline.peakRssMb} |`,
  );
} finally {
  await server.close();
}
