import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { renderMailDocument, renderMailText } from './mail-document.js';
import type { OutgoingMail } from './mail.types.js';
import { ONE_TO_ONE_KEPT_MS } from './mail.service.js';
import { inTransaction } from '../../db/database.js';

const site = { siteName: 'The Daily <Test>', siteUrl: 'https://news.example' };

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: 'reader@example.com',
    toName: 'A Reader',
    subject: 'Confirm your address',
    html: '<p>Hello</p>',
    text: 'Hello',
    kind: 'reader.confirm',
    ...overrides,
  };
}

describe('the mail queue refuses what it cannot send safely', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function queuedCount(): Promise<number> {
    const row = await t.deps.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('queues a well-formed message, in the caller’s transaction when one is given', async () => {
    const before = await queuedCount();
    const { id } = await t.deps.mail.enqueue(mail({ headers: { 'List-Unsubscribe': '<https://news.example/u>' }, batchId: 'issue-1' }));
    const stored = await t.deps.mail.message(id);
    assert.equal(stored?.status, 'queued');
    assert.equal(stored?.to, 'reader@example.com');
    assert.deepEqual(stored?.headers, { 'List-Unsubscribe': '<https://news.example/u>' });
    assert.equal(stored?.batchId, 'issue-1');
    // A rolled-back transaction takes its message with it.
    await assert.rejects(
      t.deps.db.transaction().execute(async (trx) => {
        await t.deps.mail.enqueue(mail(), trx);
        throw new Error('the action failed');
      }),
    );
    assert.equal(await queuedCount(), before + 1);
  });

  const refusals: [string, Partial<OutgoingMail>, 'ERR_MAIL_ADDRESS_INVALID' | 'ERR_MAIL_HEADER_INVALID'][] = [
    ['a malformed address', { to: 'not-an-address' }, 'ERR_MAIL_ADDRESS_INVALID'],
    ['two addresses', { to: 'a@example.com, b@example.com' }, 'ERR_MAIL_ADDRESS_INVALID'],
    ['an address with CR/LF', { to: 'a@example.com\r\nBcc: victim@example.com' }, 'ERR_MAIL_ADDRESS_INVALID'],
    [
      'an address over 254 characters',
      { to: `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com` },
      'ERR_MAIL_ADDRESS_INVALID',
    ],
    ['a name with CR/LF', { toName: 'Reader\r\nBcc: victim@example.com' }, 'ERR_MAIL_HEADER_INVALID'],
    ['a subject with LF', { subject: 'Hello\nBcc: victim@example.com' }, 'ERR_MAIL_HEADER_INVALID'],
    ['an empty subject', { subject: ' ' }, 'ERR_MAIL_HEADER_INVALID'],
    ['a header value with CR/LF', { headers: { 'X-Note': 'a\r\nBcc: victim@example.com' } }, 'ERR_MAIL_HEADER_INVALID'],
    ['a header name with a colon or space', { headers: { 'X Note:': 'a' } }, 'ERR_MAIL_HEADER_INVALID'],
    ['a header that would add a recipient', { headers: { Bcc: 'victim@example.com' } }, 'ERR_MAIL_HEADER_INVALID'],
  ];
  for (const [what, overrides, code] of refusals) {
    it(`refuses ${what} with ${code}, queuing nothing`, async () => {
      const before = await queuedCount();
      await rejectsWithCode(t.deps.mail.enqueue(mail(overrides)), code);
      assert.equal(await queuedCount(), before);
    });
  }
});

describe('what the mail queue keeps', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const statusOf = async (id: string) => (await t.deps.mail.message(id))?.status;
  const finish = (id: string, status: 'sent' | 'failed') => t.deps.db.updateTable('mail_messages').set({ status }).where('id', '=', id).execute();

  it('deletes finished one-to-one mail after a day, and keeps queued mail and newsletter messages', async () => {
    const sent = await t.deps.mail.enqueue(mail({ to: 'old-sent@example.com' }));
    const failed = await t.deps.mail.enqueue(mail({ to: 'old-failed@example.com' }));
    const queued = await t.deps.mail.enqueue(mail({ to: 'still-queued@example.com' }));
    const issue = await t.deps.mail.enqueue(mail({ to: 'subscriber@example.com', kind: 'newsletter.issue', batchId: 'issue-7' }));
    await finish(sent.id, 'sent');
    await finish(failed.id, 'failed');
    await finish(issue.id, 'sent');
    t.clock.advance(ONE_TO_ONE_KEPT_MS - 60_000);
    const fresh = await t.deps.mail.enqueue(mail({ to: 'fresh@example.com' }));
    await finish(fresh.id, 'sent');
    assert.equal(await t.deps.mail.purgeFinished(), 0, 'nothing is a day old yet');

    t.clock.advance(120_000);
    assert.equal(await t.deps.mail.purgeFinished(), 2);
    assert.equal(await statusOf(sent.id), undefined);
    assert.equal(await statusOf(failed.id), undefined);
    assert.equal(await statusOf(queued.id), 'queued', 'unsent mail is never purged');
    assert.equal(await statusOf(issue.id), 'sent', 'an issue counts its delivery from its messages');
    assert.equal(await statusOf(fresh.id), 'sent');
  });

  it('erases every message to an address, in the caller’s transaction', async () => {
    const first = await t.deps.mail.enqueue(mail({ to: 'leaving@example.com', batchId: 'issue-8', kind: 'newsletter.issue' }));
    const second = await t.deps.mail.enqueue(mail({ to: 'leaving@example.com', kind: 'newsletter.confirm' }));
    const other = await t.deps.mail.enqueue(mail({ to: 'staying@example.com' }));
    await assert.rejects(
      inTransaction(t.deps.db, async (trx) => {
        await t.deps.mail.eraseAddress('leaving@example.com', trx);
        throw new Error('rolled back');
      }),
    );
    assert.equal(await statusOf(first.id), 'queued', 'a rolled-back erasure erases nothing');
    assert.equal(await t.deps.mail.eraseAddress('leaving@example.com'), 2);
    assert.equal(await statusOf(first.id), undefined);
    assert.equal(await statusOf(second.id), undefined);
    assert.equal(await statusOf(other.id), 'queued');
  });
});

describe('the mail document', () => {
  it('is one escaped, accessible HTML document with absolute links', () => {
    const html = renderMailDocument({ ...site, lang: 'ko', title: 'Tom & "Jerry"', bodyHtml: '<p>Body</p>', footerHtml: 'Why you got this' });
    assert.match(html, /<html lang="ko"/);
    assert.match(html, /<title>Tom &amp; &quot;Jerry&quot;<\/title>/);
    assert.match(html, /The Daily &lt;Test&gt;/);
    assert.match(html, /href="https:\/\/news\.example\/"/);
    assert.match(html, /role="presentation"/);
    assert.doesNotMatch(html, /<style/);
    const text = renderMailText({ ...site, title: 'Hello', paragraphs: ['One', 'https://news.example/x'], footer: 'Why' });
    assert.match(text, /Hello\n=====\n\nOne\n\nhttps:\/\/news\.example\/x\n/);
  });
});
