import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { newsroomTestAppForSuite, postForm, signInStaff } from '../../testing/newsroom-client.js';

describe('newsroom Subscribers page', () => {
  const suite = newsroomTestAppForSuite('editor', '/newsroom/subscribers');

  const importCsv = (csv: string) =>
    postForm(suite.t.app, '/newsroom/subscribers/import', { _csrf: suite.staff.csrf, csv }, { cookie: suite.staff.cookie });

  it('imports good rows, reports each bad row with its line, and counts only consented rows as confirmed', async () => {
    const csv = [
      'address,newsletters,consent date',
      'one@example.com,briefing breaking,2026-01-02',
      'not-an-address,briefing,2026-01-02',
      'two@example.com,weekly-nope,2026-01-02',
      'three@example.com,briefing,',
      'four@example.com,briefing,yesterday',
      '"five@example.com","briefing","2026-03-04T05:06:07Z"',
    ].join('\r\n');
    const response = await importCsv(csv);
    assert.equal(response.statusCode, 200);
    for (const line of [3, 4, 6]) assert.match(response.body, new RegExp(`<td>${line}</td>`));
    const briefing = (await suite.t.deps.subscribers.recipients('briefing', null, 100)).map((r) => r.email).sort();
    assert.deepEqual(briefing, ['five@example.com', 'one@example.com'], 'three@ (no consent date) waits for its confirmation');
    assert.equal((await suite.t.deps.subscribers.recipients('breaking', null, 100)).length, 1);
    const entries = await suite.t.deps.audit.list({ limit: 5, action: 'subscribers.imported' });
    assert.equal(entries.length, 1);
  });

  it('refuses a paste over the import limit with a code, importing nothing', async () => {
    const big = `${'big@example.com,briefing,2026-01-02\r\n'.repeat(Math.ceil(1_000_001 / 36))}`;
    await rejectsWithCode(suite.t.deps.subscriberAdmin.importCsv(big, suite.staff.user.id), 'ERR_SUBSCRIBER_IMPORT_INVALID');
    assert.deepEqual(await suite.t.deps.subscriberAdmin.search('big@'), []);
  });

  it('shows counts, the growth chart with its table, and finds an address by its start', async () => {
    const page = await suite.t.app.inject({ url: '/newsroom/subscribers?q=ONE', headers: { cookie: suite.staff.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg class="subscriber-growth"[^>]*role="img"/);
    assert.match(page.body, /subscriber-growth-table/);
    assert.match(page.body, /one@example\.com/);
    assert.doesNotMatch(page.body, /five@example\.com/);
  });

  it('exports every address as CSV with newsletters and consent date', async () => {
    const response = await suite.t.app.inject({ url: '/newsroom/subscribers/export.csv', headers: { cookie: suite.staff.cookie } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    const lines = response.body.trim().split('\r\n');
    assert.equal(lines[0], 'address,newsletters,consent date');
    assert.ok(lines.some((line) => /^one@example\.com,(briefing breaking|breaking briefing),2026-01-02T00:00:00\.000Z$/.test(line)));
  });

  it('unsubscribes an address, and deletes one so that nothing personal is left and counts stay right', async () => {
    const [five] = await suite.t.deps.subscriberAdmin.search('five@');
    const [one] = await suite.t.deps.subscriberAdmin.search('one@');
    assert.ok(five && one);
    await suite.t.deps.mail.enqueue({
      to: 'one@example.com',
      subject: 'Old issue',
      html: '<p>x</p>',
      text: 'x',
      kind: 'newsletter.issue',
      batchId: 'issue-1',
    });
    const unsubscribed = await postForm(
      suite.t.app,
      `/newsroom/subscribers/${five.id}/unsubscribe`,
      { _csrf: suite.staff.csrf },
      { cookie: suite.staff.cookie },
    );
    assert.equal(unsubscribed.statusCode, 303);
    const deleted = await postForm(
      suite.t.app,
      `/newsroom/subscribers/${one.id}/delete`,
      { _csrf: suite.staff.csrf },
      { cookie: suite.staff.cookie },
    );
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual(await suite.t.deps.subscribers.recipients('briefing', null, 100), []);
    assert.deepEqual(await suite.t.deps.subscriberAdmin.search('one@'), []);
    const row = await suite.t.deps.db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', one.id).executeTakeFirstOrThrow();
    assert.equal(row.email, null);
    assert.equal(row.email_key, null);
    assert.ok(row.erased_at);
    const mailToOne = await suite.t.deps.db.selectFrom('mail_messages').select('id').where('to_address', '=', 'one@example.com').execute();
    assert.deepEqual(mailToOne, [], 'the mail kept for the address is erased with it');
    const counts = await suite.t.deps.subscriberAdmin.counts();
    assert.equal(counts.find((c) => c.key === 'briefing')?.subscribed, 0);
    const growth = await suite.t.deps.subscriberAdmin.growth();
    assert.equal(growth.at(-1)?.unsubscribed, 3, 'one@ left two newsletters, five@ one');
    const again = await postForm(suite.t.app, `/newsroom/subscribers/${one.id}/delete`, { _csrf: suite.staff.csrf }, { cookie: suite.staff.cookie });
    assert.equal(again.statusCode, 404);
    const export_ = await suite.t.app.inject({ url: '/newsroom/subscribers/export.csv', headers: { cookie: suite.staff.cookie } });
    assert.doesNotMatch(export_.body, /one@example\.com/);
    assert.equal((await suite.t.deps.audit.list({ limit: 5, action: 'subscriber.erased' })).length, 1);
  });

  it('refuses a reporter (403) and a post without the CSRF token', async () => {
    const reporter = await signInStaff(suite.t, 'reporter');
    for (const url of ['/newsroom/subscribers', '/newsroom/subscribers/export.csv']) {
      const response = await suite.t.app.inject({ url, headers: { cookie: reporter.cookie } });
      assert.equal(response.statusCode, 403);
    }
    const post = await postForm(
      suite.t.app,
      '/newsroom/subscribers/import',
      { _csrf: reporter.csrf, csv: 'x@example.com,briefing,2026-01-01' },
      { cookie: reporter.cookie },
    );
    assert.equal(post.statusCode, 403);
    const noCsrf = await postForm(
      suite.t.app,
      '/newsroom/subscribers/import',
      { csv: 'x@example.com,briefing,2026-01-01' },
      { cookie: suite.staff.cookie },
    );
    assert.equal(noCsrf.statusCode, 403);
  });
});
