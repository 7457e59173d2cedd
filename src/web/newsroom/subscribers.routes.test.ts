import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rejectsWithCode } from '../../testing/assert-app-error.js';
import { createNewsroomTestApp, postForm, signInStaff, type StaffSession } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

describe('newsroom Subscribers page', () => {
  let t: TestApp;
  let editor: StaffSession;
  before(async () => {
    const created = await createNewsroomTestApp('editor', '/newsroom/subscribers');
    t = created.t;
    editor = created;
  });
  after(() => t.close());

  const importCsv = (csv: string) => postForm(t.app, '/newsroom/subscribers/import', { _csrf: editor.csrf, csv }, { cookie: editor.cookie });

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
    const briefing = (await t.deps.subscribers.recipients('briefing', null, 100)).map((r) => r.email).sort();
    assert.deepEqual(briefing, ['five@example.com', 'one@example.com'], 'three@ (no consent date) waits for its confirmation');
    assert.equal((await t.deps.subscribers.recipients('breaking', null, 100)).length, 1);
    const entries = await t.deps.audit.list({ limit: 5, action: 'subscribers.imported' });
    assert.equal(entries.length, 1);
  });

  it('refuses a paste over the import limit with a code, importing nothing', async () => {
    const big = `${'big@example.com,briefing,2026-01-02\r\n'.repeat(Math.ceil(1_000_001 / 36))}`;
    await rejectsWithCode(t.deps.subscriberAdmin.importCsv(big, editor.user.id), 'ERR_SUBSCRIBER_IMPORT_INVALID');
    assert.deepEqual(await t.deps.subscriberAdmin.search('big@'), []);
  });

  it('shows counts, the growth chart with its table, and finds an address by its start', async () => {
    const page = await t.app.inject({ url: '/newsroom/subscribers?q=ONE', headers: { cookie: editor.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg class="subscriber-growth"[^>]*role="img"/);
    assert.match(page.body, /subscriber-growth-table/);
    assert.match(page.body, /one@example\.com/);
    assert.doesNotMatch(page.body, /five@example\.com/);
  });

  it('exports every address as CSV with newsletters and consent date', async () => {
    const response = await t.app.inject({ url: '/newsroom/subscribers/export.csv', headers: { cookie: editor.cookie } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    const lines = response.body.trim().split('\r\n');
    assert.equal(lines[0], 'address,newsletters,consent date');
    assert.ok(lines.some((line) => /^one@example\.com,(briefing breaking|breaking briefing),2026-01-02T00:00:00\.000Z$/.test(line)));
  });

  it('unsubscribes an address, and deletes one so that nothing personal is left and counts stay right', async () => {
    const [five] = await t.deps.subscriberAdmin.search('five@');
    const [one] = await t.deps.subscriberAdmin.search('one@');
    assert.ok(five && one);
    const unsubscribed = await postForm(t.app, `/newsroom/subscribers/${five.id}/unsubscribe`, { _csrf: editor.csrf }, { cookie: editor.cookie });
    assert.equal(unsubscribed.statusCode, 303);
    const deleted = await postForm(t.app, `/newsroom/subscribers/${one.id}/delete`, { _csrf: editor.csrf }, { cookie: editor.cookie });
    assert.equal(deleted.statusCode, 303);
    assert.deepEqual(await t.deps.subscribers.recipients('briefing', null, 100), []);
    assert.deepEqual(await t.deps.subscriberAdmin.search('one@'), []);
    const row = await t.deps.db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', one.id).executeTakeFirstOrThrow();
    assert.equal(row.email, null);
    assert.equal(row.email_key, null);
    assert.ok(row.erased_at);
    const counts = await t.deps.subscriberAdmin.counts();
    assert.equal(counts.find((c) => c.key === 'briefing')?.subscribed, 0);
    const growth = await t.deps.subscriberAdmin.growth();
    assert.equal(growth.at(-1)?.unsubscribed, 3, 'one@ left two newsletters, five@ one');
    const again = await postForm(t.app, `/newsroom/subscribers/${one.id}/delete`, { _csrf: editor.csrf }, { cookie: editor.cookie });
    assert.equal(again.statusCode, 404);
    const export_ = await t.app.inject({ url: '/newsroom/subscribers/export.csv', headers: { cookie: editor.cookie } });
    assert.doesNotMatch(export_.body, /one@example\.com/);
    assert.equal((await t.deps.audit.list({ limit: 5, action: 'subscriber.erased' })).length, 1);
  });

  it('refuses a reporter (403) and a post without the CSRF token', async () => {
    const reporter = await signInStaff(t, 'reporter');
    for (const url of ['/newsroom/subscribers', '/newsroom/subscribers/export.csv']) {
      const response = await t.app.inject({ url, headers: { cookie: reporter.cookie } });
      assert.equal(response.statusCode, 403);
    }
    const post = await postForm(
      t.app,
      '/newsroom/subscribers/import',
      { _csrf: reporter.csrf, csv: 'x@example.com,briefing,2026-01-01' },
      { cookie: reporter.cookie },
    );
    assert.equal(post.statusCode, 403);
    const noCsrf = await postForm(t.app, '/newsroom/subscribers/import', { csv: 'x@example.com,briefing,2026-01-01' }, { cookie: editor.cookie });
    assert.equal(noCsrf.statusCode, 403);
  });
});
