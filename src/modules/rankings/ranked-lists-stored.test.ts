import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { insertArticle, updateArticleStatus } from '../articles/article.repository.js';
import { RankedListsService } from './ranked-lists.service.js';

const ids = (stories: Array<{ id: string }>) => stories.map((story) => story.id);

describe('ranked lists kept in the database, read back at start', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** Another node's, or the next start's, lists over the same database. */
  const restarted = () => new RankedListsService(t.deps.db, t.clock, t.deps.sectionAdmin, () => t.deps.settings.publication);

  /** A story written past the services and announced to nobody: only a ranking would find it. */
  async function storyBehindTheLists(headline: string, sectionId: string): Promise<string> {
    const author = await t.factories.author();
    return insertArticle(
      t.deps.db,
      {
        slug: headline.toLowerCase().replace(/\W+/g, '-'),
        headline,
        standfirst: '',
        body: [{ type: 'paragraph', content: [{ text: 'Unannounced.' }] }],
        sectionId,
        authorIds: [author.id],
        tagIds: [],
        typeLabel: 'News',
        status: 'published',
        publishedAt: new Date(t.clock.now().getTime() - 60_000),
      },
      t.clock.now(),
    );
  }

  it('reads the stored lists at start, without ranking: no view is read, and a story written since is not in them', async () => {
    const section = await t.factories.section();
    const read = await t.factories.article({ section, headline: 'Stored and read', hoursAgo: 3 });
    await t.factories.views(read.id, 40, { hoursAgo: 1 });
    await t.deps.lists.refresh();
    const stored = t.deps.lists.current;
    assert.ok(ids(stored.popularNow).includes(read.id));

    await storyBehindTheLists('Written behind the lists', section.id);
    const lists = restarted();
    const { statements } = await t.deps.database.statements.record(() => lists.loadStored());
    assert.ok(!statements.some((statement) => /article_view_hours|\bpicks\b/.test(statement.sql)), 'nothing is ranked');
    assert.ok(statements.length <= 8, `one read of the stored ids and one batch of stories: ${statements.length} statements`);
    assert.deepEqual(ids(lists.current.latest), ids(stored.latest));
    assert.deepEqual(ids(lists.current.popularNow), ids(stored.popularNow));
    assert.deepEqual(ids(lists.sectionLatest(section.id)), ids(t.deps.lists.sectionLatest(section.id)));
    assert.ok(!lists.current.latest.some((story) => story.headline === 'Written behind the lists'));

    // The minute's run (the job runs it at start too) brings them up to date.
    await lists.refresh({ scheduled: true });
    assert.equal(lists.current.latest[0]?.headline, 'Written behind the lists');
  });

  it('leaves out a stored story that readers can no longer see, and ranks at start when nothing is stored', async () => {
    const section = await t.factories.section();
    const gone = await t.factories.article({ section, headline: 'Withdrawn while down', hoursAgo: 0 });
    assert.equal(t.deps.lists.current.latest[0]?.id, gone.id);
    // Withdrawn with no event, as if while the node was stopped.
    await updateArticleStatus(t.deps.db, gone.id, 'unpublished', t.clock.now());
    const lists = restarted();
    await lists.loadStored();
    assert.ok(!ids(lists.current.latest).includes(gone.id));
    assert.ok(!ids(lists.sectionLatest(section.id)).includes(gone.id));

    await t.deps.db.deleteFrom('list_snapshots').execute();
    const fresh = restarted();
    await fresh.loadStored();
    assert.deepEqual(ids(fresh.current.latest), ids(lists.current.latest), 'ranked afresh');
    assert.ok(await t.deps.db.selectFrom('list_snapshots').select('name').executeTakeFirst(), 'and stored');
  });

  it('ranks nothing for a comment on a story the lists do not hold, and re-reads them for one they do', async () => {
    const section = await t.factories.section();
    const unlisted = await t.factories.article({
      section,
      headline: 'Old story',
      publishedAt: new Date(t.clock.now().getTime() - 400 * 24 * HOUR_MS),
    });
    // Newer stories fill the section's Latest list and the home's.
    for (let n = 0; n < 10; n += 1) await t.factories.article({ section, headline: `Newer story ${n}`, hoursAgo: 0 });
    const listed = t.deps.lists.sectionLatest(section.id)[0];
    assert.ok(listed);
    const quiet = await t.deps.database.statements.record(() => t.deps.lists.storiesChanged([unlisted.id]));
    assert.equal(quiet.statements.length, 0);
    const reread = await t.deps.database.statements.record(() => t.deps.lists.storiesChanged([listed.id]));
    assert.ok(reread.statements.length > 0);
    assert.ok(!reread.statements.some((statement) => /article_view_hours/.test(statement.sql)), 're-read by id, not ranked');
  });
});
