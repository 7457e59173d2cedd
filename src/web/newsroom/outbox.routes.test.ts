import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OUTBOX_PAGE_SIZE } from '../../modules/mail/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the newsroom Outbox', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  before(async () => {
    t = await createTestApp();
    admin = await t.factories.sessionCookie((await t.factories.staff({ role: 'admin' })).user.id);
    editor = await t.factories.sessionCookie((await t.factories.staff({ role: 'editor' })).user.id);
  });
  after(() => t.close());

  const get = (url: string, cookie = admin) => t.app.inject({ url, headers: { cookie } });

  it('lists messages newest first, paged by keyset, with counts per status and a status filter', async () => {
    const ids: string[] = [];
    for (let i = 0; i < OUTBOX_PAGE_SIZE + 3; i++) {
      t.clock.advance(1_000);
      const { id } = await t.deps.mail.enqueue({
        to: `reader${i}@example.com`,
        subject: `Message <${i}>`,
        html: '<p>x</p>',
        text: 'x',
        kind: 'comment.reply',
      });
      ids.push(id);
    }
    const first = await get('/newsroom/outbox');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /<a href="\/newsroom\/outbox" aria-current="page">Outbox<\/a>/);
    assert.match(first.body, /Queued: 53</);
    assert.match(first.body, /DATA_DIR\/outbox\//);
    const subjects = (body: string) =>
      [...body.matchAll(/<th scope="row"><a href="\/newsroom\/outbox\/[^"]+">([^<]*)<\/a>/g)].map((match) => match[1]);
    assert.equal(subjects(first.body).length, OUTBOX_PAGE_SIZE);
    assert.equal(subjects(first.body)[0], 'Message &lt;52>', 'newest first, escaped');
    const older = /href="(\/newsroom\/outbox\?before=[^"]+)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(older);
    const second = await get(older);
    assert.equal(second.statusCode, 200);
    assert.deepEqual(subjects(second.body), ['Message &lt;2>', 'Message &lt;1>', 'Message &lt;0>']);

    // One run at the default rate sends one second's worth (10), the clock held still.
    assert.equal(await t.deps.mailSender.runDue(), 10);
    const sent = await get('/newsroom/outbox?status=sent');
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Sent: 10</);
    assert.equal(subjects(sent.body).length, 10);
    assert.match(sent.body, /<option value="sent" selected>/);
    const queued = await get('/newsroom/outbox?status=queued');
    assert.equal(subjects(queued.body).length, 43);
  });

  it('answers a malformed filter or page link with a coded 400', async () => {
    for (const query of ['status=lost', 'before=yesterday', 'before=2026-01-01T00:00:00.000Z_x']) {
      const response = await get(`/newsroom/outbox?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.headers['x-error-code'], 'ERR_MAIL_FILTER_INVALID', query);
    }
  });

  it('shows one message’s headers and text, and its HTML only in a sandboxed frame with a strict CSP', async () => {
    const { id } = await t.deps.mail.enqueue({
      to: 'ada@example.com',
      toName: 'Ada',
      subject: 'Your reply',
      html: '<p>Hello</p><script>alert(1)</script>',
      text: 'Hello <b>text</b>',
      headers: { 'List-Unsubscribe': '<https://news.example/u>' },
      kind: 'comment.reply',
    });
    const page = await get(`/newsroom/outbox/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Hello &lt;b>text&lt;\/b>/);
    assert.match(page.body, /List-Unsubscribe/);
    assert.match(page.body, new RegExp(`<iframe class="outbox-preview" src="/newsroom/outbox/${id}/html" sandbox title=`));
    assert.doesNotMatch(page.body, /<script>alert/);
    const html = await get(`/newsroom/outbox/${id}/html`);
    assert.equal(html.statusCode, 200);
    const csp = String(html.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /(^|; )sandbox($|;)/);
    assert.doesNotMatch(csp, /script-src/);
    assert.equal(html.headers['x-frame-options'], 'SAMEORIGIN');
  });

  it('is for admins only, and an unknown message is a 404', async () => {
    const { id } = await t.deps.mail.enqueue({ to: 'b@example.com', subject: 'S', html: '<p>x</p>', text: 'x', kind: 'comment.reply' });
    for (const url of ['/newsroom/outbox', `/newsroom/outbox/${id}`, `/newsroom/outbox/${id}/html`]) {
      assert.equal((await get(url, editor)).statusCode, 403, url);
    }
    assert.doesNotMatch((await get('/newsroom', editor)).body, /href="\/newsroom\/outbox"/);
    assert.match((await get('/newsroom')).body, /href="\/newsroom\/outbox"/);
    assert.equal((await get('/newsroom/outbox/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await get('/newsroom/outbox/not-an-id/html')).statusCode, 404);
  });
});
