import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { renderMailDocument, renderMailText } from './mail-document.js';
import type { OutgoingMail } from './mail.types.js';

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
