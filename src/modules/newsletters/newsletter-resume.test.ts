import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, type Db } from '../../db/database.js';
import { delay, eventually } from '../../testing/node-process.js';
import { senderSuite } from '../../testing/sender-process.js';

// Two real Dateline processes in turn on one database: the first fans an issue out into the mail
// queue and is killed with SIGKILL between two of its batches; the second resumes the fan-out from
// the issue's cursor and sends everything. Every subscriber must receive exactly one message. While
// the first runs, the SMTP server holds its answers, so no message is accepted by a process about
// to die (the mail queue's own window, tested in modules/mail/mail-resume.test.ts).
const SUBSCRIBERS = 3000;
const ISSUE = 'issue-resume';

/** Confirmed briefing subscribers and one issue already sending, as "send now" leaves it. */
async function seed(db: Db, now: string): Promise<string[]> {
  const emails: string[] = [];
  for (let start = 0; start < SUBSCRIBERS; start += 500) {
    const ids = Array.from({ length: Math.min(500, SUBSCRIBERS - start) }, (_, i) => `sub-${String(start + i).padStart(6, '0')}`);
    const rows = ids.map((id) => ({
      id,
      email: `${id}@example.com`,
      email_key: `${id}@example.com`,
      reader_id: null,
      created_at: now,
      confirmed_at: now,
      consent_at: now,
      erased_at: null,
    }));
    emails.push(...rows.map((row) => row.email));
    await db.insertInto('newsletter_subscribers').values(rows).execute();
    await db
      .insertInto('newsletter_subscriptions')
      .values(ids.map((id) => ({ subscriber_id: id, newsletter_key: 'briefing', status: 'subscribed', created_at: now, unsubscribed_at: null })))
      .execute();
  }
  const items = [{ articleId: 'a1', slug: 'harbour', headline: 'Harbour reopens', standfirst: 'Ships return.', label: 'World' }];
  await db
    .insertInto('newsletter_issues')
    .values({
      id: ISSUE,
      newsletter_key: 'briefing',
      edition: '2026-12-04',
      number: 1,
      subject: 'Resumed briefing',
      intro: '',
      items: JSON.stringify(items),
      status: 'sending',
      scheduled_for: null,
      started_at: now,
      sent_at: null,
      recipient_count: 0,
      cursor: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return emails;
}

describe('a newsletter fan-out killed with SIGKILL between batches', () => {
  const run = senderSuite('dateline-newsletter-resume-');

  it('is resumed from its cursor by the next process: every subscriber receives exactly one message', { timeout: 240_000 }, async () => {
    const { scratch, target, smtp } = run;
    const database = await openDatabase(target.database);
    let emails: string[];
    let killedAt: number;
    try {
      emails = await seed(database.db, new Date().toISOString());
      const env = { ...target.env, DATA_DIR: scratch, SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '600000', SITE_URL: 'https://news.example' };
      smtp.delayMs = 60_000;
      const first = run.start(env);
      // Killed once at least one batch is committed and before the last is.
      for (;;) {
        const row = await database.db
          .selectFrom('newsletter_issues')
          .select(['recipient_count', 'status'])
          .where('id', '=', ISSUE)
          .executeTakeFirstOrThrow();
        if (row.recipient_count > 0) {
          first.child.kill('SIGKILL');
          killedAt = row.recipient_count;
          break;
        }
        await delay(2);
      }
      assert.equal(await first.exited, 'SIGKILL');
    } finally {
      await database.close();
    }
    smtp.delayMs = 0;
    assert.ok(killedAt < SUBSCRIBERS, `killed mid fan-out (${killedAt} of ${SUBSCRIBERS} enqueued)`);
    assert.equal(smtp.messages.length, 0);

    const second = run.start({
      ...target.env,
      DATA_DIR: scratch,
      SMTP_URL: smtp.url,
      MAIL_RATE_PER_MINUTE: '600000',
      SITE_URL: 'https://news.example',
    });
    await smtp.waitFor((messages) => messages.length >= SUBSCRIBERS, 200_000);
    const check = await openDatabase(target.database);
    try {
      await eventually(
        async () => {
          const issue = await check.db
            .selectFrom('newsletter_issues')
            .select(['status', 'recipient_count'])
            .where('id', '=', ISSUE)
            .executeTakeFirstOrThrow();
          return issue.status === 'sent' && issue.recipient_count === SUBSCRIBERS ? true : undefined;
        },
        20_000,
        'the issue marked sent with every subscriber counted',
      );
      const queued = await check.db
        .selectFrom('mail_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('batch_id', '=', ISSUE)
        .executeTakeFirstOrThrow();
      assert.equal(Number(queued.n), SUBSCRIBERS);
    } finally {
      await check.close();
    }
    second.child.kill('SIGTERM');
    await second.exited;
    await delay(200);
    const counts = new Map<string, number>();
    for (const message of smtp.messages) for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    assert.equal(smtp.messages.length, SUBSCRIBERS);
    for (const to of emails) assert.equal(counts.get(to), 1, to);
    const sample = smtp.messages[0];
    assert.ok(sample);
    assert.match(sample.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });
});
