import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createNewsroomTestApp } from '../../testing/newsroom-client.js';
import type { TestApp } from '../../testing/test-app.js';

/** The Status cell of a story's row in the newsroom story list. */
function statusCell(html: string, headline: string): string {
  const row = new RegExp(`<tr><td><a [^>]*>${headline}</a></td><td>([\\s\\S]*?)</td>`).exec(html);
  assert.ok(row?.[1], `a row for ${headline}`);
  return row[1];
}

describe('the newsroom story list', () => {
  let t: TestApp;
  let cookie: string;
  const list = async () => (await t.app.inject({ url: '/newsroom/stories', headers: { cookie } })).body;

  before(async () => {
    ({ t, cookie } = await createNewsroomTestApp('editor', '/newsroom/stories'));
    // TEST_NOW is 12:00 in Seoul; times must be shown there, not in UTC.
    await t.deps.settings.updatePublication({ timeZone: 'Asia/Seoul' });
  });
  after(() => t.close());

  it('shows a published story under embargo as embargoed until its time, in the publication’s time zone', async () => {
    const embargoUntil = new Date(t.clock.now().getTime() + 2 * HOUR_MS);
    await t.factories.article({ headline: 'Headline under embargo', embargoUntil });
    await t.factories.article({ headline: 'Headline out already', embargoUntil: new Date(t.clock.now().getTime() - HOUR_MS) });
    await t.factories.article({ headline: 'Headline draft with embargo', status: 'draft', embargoUntil });

    const html = await list();
    const embargoed = statusCell(html, 'Headline under embargo');
    assert.doesNotMatch(embargoed, /Published/);
    assert.match(embargoed, /Embargoed<\/span> until <time datetime="2026-11-20T05:00:00\.000Z">[^<]*2026[^<]*2:00[^<]*<\/time>/);
    assert.match(embargoed, /GMT\+9/, 'in the publication’s time zone');
    assert.match(statusCell(html, 'Headline out already'), /^<span class="story-status story-status-published">Published<\/span>$/);
    assert.match(statusCell(html, 'Headline draft with embargo'), /Draft<\/span> \(embargo until <time datetime="2026-11-20T05:00:00\.000Z">/);

    // Once the embargo has passed, the story is simply published.
    t.clock.advance(2 * HOUR_MS + 1000);
    assert.match(statusCell(await list(), 'Headline under embargo'), /^<span class="story-status story-status-published">Published<\/span>$/);
  });

  it('shows the embargo on the newsroom home too, without a link to the page readers cannot open yet', async () => {
    const embargoUntil = new Date(t.clock.now().getTime() + 3 * HOUR_MS);
    await t.factories.article({ headline: 'Home under embargo', embargoUntil });
    const home = async () => (await t.app.inject({ url: '/newsroom', headers: { cookie } })).body;
    const row = (html: string) => new RegExp('<tr><td>(<a [^>]*>)?Home under embargo(</a>)?</td><td>([\\s\\S]*?)</td>').exec(html);
    const before = row(await home());
    assert.ok(before, 'the story is on the newsroom home');
    assert.equal(before[1], undefined, 'no link while embargoed');
    assert.match(before[3] ?? '', /Embargoed<\/span> until <time datetime=/);

    t.clock.advance(3 * HOUR_MS + 1000);
    const after = row(await home());
    assert.match(after?.[1] ?? '', /<a href="\/article\//);
    assert.match(after?.[3] ?? '', /^<span class="story-status story-status-published">Published<\/span>$/);
  });
});
