import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

describe('the newsroom System page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const page = async (role: 'admin' | 'editor') => {
    const { user } = await t.factories.staff({ role });
    return t.app.inject({ url: '/newsroom/system', headers: { cookie: await t.factories.sessionCookie(user.id) } });
  };

  it('shows admins every job with its schedule, last run, errors and failures', async () => {
    await t.deps.jobs.run('session-purge');
    // Registered by this test alone (the runner is not started in tests, so it still takes jobs).
    t.deps.jobs.register({ name: 'test-failing', failureMessage: 'x', run: async () => Promise.reject(new Error('the <CDN> said no')) });
    await assert.rejects(t.deps.jobs.run('test-failing'));

    const response = await page('admin');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /<a href="\/newsroom\/system" aria-current="page">System<\/a>/);
    const names = [...response.body.matchAll(/<th scope="row"><code>([^<]+)<\/code><\/th>/g)].map((match) => match[1]);
    assert.deepEqual(
      names,
      t.deps.jobs.statuses().map((job) => job.name),
      'every job, in the runner’s order',
    );
    assert.ok(names.includes('view-flush') && names.includes('avif-variants'));

    const row = (name: string) => new RegExp(`<code>${name}</code></th>(.*?)</tr>`).exec(response.body)?.[1] ?? '';
    assert.match(row('scheduled-publish'), /<td>At start, then every 15 seconds<\/td><td>No, every node<\/td><td>Not yet<\/td>/);
    assert.match(row('view-flush'), /<td>Every second, and once more at stop<\/td>/);
    assert.match(row('avif-variants'), /<td>When queued<\/td>.*<td>When asked<\/td>$/);
    assert.match(row('session-purge'), /<td>At start, then every hour<\/td><td>Yes, this node<\/td><td><time datetime="[^"]+">/);
    assert.match(row('session-purge'), /<td class="numeric">0 ms<\/td><td>None<\/td><td class="numeric">0<\/td><td class="numeric">1<\/td>/);
    // This node's live streams: none open in a test.
    assert.match(
      response.body,
      /<h2 id="system-live-heading">Live streams on this server<\/h2><dl class="system-live"><dt>Readers following live stories now<\/dt><dd>0<\/dd>/,
    );
    assert.match(row('test-failing'), /<td>the &lt;CDN> said no \(<time datetime="[^"]+">[^<]+<\/time>\)<\/td><td class="numeric">1<\/td>/);
  });

  it('refuses an editor (403) and shows them no link to it', async () => {
    const response = await page('editor');
    assert.equal(response.statusCode, 403);
    assert.equal(response.headers['x-error-code'], 'ERR_FORBIDDEN');
    const { user } = await t.factories.staff({ role: 'editor' });
    const home = await t.app.inject({ url: '/newsroom', headers: { cookie: await t.factories.sessionCookie(user.id) } });
    assert.doesNotMatch(home.body, /href="\/newsroom\/system"/);
  });
});
