import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../db/database.js';
import { systemClock } from '../../shared/clock.js';
import { eventually } from '../../testing/node-process.js';
import { senderSuite } from '../../testing/sender-process.js';
import { MailService } from './mail.service.js';

// Two real Dateline processes in turn on one database: the first sends the queue to a real SMTP
// server and is killed with SIGKILL mid-send, the second resumes. Every recipient must receive
// exactly one message. The kill is made to land while a message is on the wire and not yet
// answered (the server holds its answer a moment and drops it once the client is gone): the
// window in which a kill re-sends one message (accepted, not yet marked sent) is a few
// milliseconds wide, and a test that hit it would say nothing about the queue (docs/mail.md).
const MESSAGES = 300;
const KILL_AT = 100;

describe('a mail sender killed with SIGKILL mid-send', () => {
  const run = senderSuite('dateline-mail-resume-');

  it('is resumed by the next process: every recipient receives exactly one message', { timeout: 180_000 }, async () => {
    const { scratch, target, smtp } = run;
    const database = await openDatabase(target.database);
    const recipients = Array.from({ length: MESSAGES }, (_, i) => `reader${i}@example.com`);
    try {
      const mail = new MailService(database.db, systemClock);
      for (const to of recipients)
        await mail.enqueue({ to, subject: `For ${to}`, html: '<p>Hi</p>', text: 'Hi', kind: 'newsletter.issue', batchId: 'issue' });
    } finally {
      await database.close();
    }
    const env = { ...target.env, DATA_DIR: scratch, SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '60000' };

    const first = run.start(env);
    smtp.onArrival = (arrived) => {
      if (arrived !== KILL_AT) return;
      // Held unanswered while the kill lands; dropped, as the client is gone before the answer.
      smtp.delayMs = 1_000;
      first.child.kill('SIGKILL');
    };
    assert.equal(await first.exited, 'SIGKILL');
    smtp.onArrival = undefined;
    smtp.delayMs = 0;
    assert.equal(smtp.messages.length, KILL_AT - 1, 'the kill landed on the 100th message, before its answer');

    const second = run.start(env);
    // The killed sender's claim lapses (LEASE_MS) and the rest is sent.
    await smtp.waitFor((messages) => messages.length >= MESSAGES, 120_000);
    const check = await openDatabase(target.database);
    try {
      await eventually(
        async () => {
          const row = await check.db
            .selectFrom('mail_messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'sent')
            .executeTakeFirstOrThrow();
          return Number(row.n) === MESSAGES ? true : undefined;
        },
        10_000,
        'every message marked sent',
      );
    } finally {
      await check.close();
    }
    second.child.kill('SIGTERM');
    await second.exited;

    const counts = new Map<string, number>();
    for (const message of smtp.messages) for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    assert.equal(smtp.messages.length, MESSAGES);
    for (const to of recipients) assert.equal(counts.get(to), 1, to);
  });
});
