import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forgetTermStatistics, termStatistics } from '../../db/dialects/postgres-term-statistics.js';
import { seedReadingArchive } from '../../testing/reading-archive.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { parseQuery } from './search-text.js';
import { SearchService } from './search.service.js';

const HOUR_MS = 3_600_000;
const RANKED = 3;

/**
 * Which stories a search keeps: the newest RANKED that readers may see, whichever way the engine
 * chooses them. On PostgreSQL the choice follows the words' statistics (postgres-term-statistics.ts):
 * before the table is analyzed the planner chooses; after, a rare word's matches come from the GIN
 * index and a common word walks the newest documents. Every path must keep the same stories.
 * Tried: withdrawn, embargoed, scheduled and draft stories holding the word; a section; a date range;
 * a story moved to another section and one withdrawn after they were indexed.
 */
describe('the newest matches a search keeps, on either path', () => {
  let t: TestApp;
  let search: SearchService;
  let common: string;
  const rare = 'quillwort';
  const visible: Record<string, string> = {};
  let homeSlug: string;

  const newest = async (text: string, filter: { sectionSlug?: string; to?: Date } = {}) =>
    (await search.search({ text, page: 1, ...filter })).hits.map((hit) => hit.story.id).sort();

  before(async () => {
    t = await createTestApp({ now: '2026-11-20T03:00:00.000Z' });
    common = (await seedReadingArchive(t.deps, 120)).commonWord;
    search = new SearchService(t.deps.db, t.deps.database.fullText, t.clock, t.deps.sections, RANKED);
    const now = t.clock.now().getTime();
    const body = [{ type: 'paragraph' as const, content: [{ text: `The ${rare} grows by the lake.` }] }];
    const home = await t.factories.section();
    homeSlug = home.slug;
    const away = await t.factories.section();
    const story = async (name: string, overrides: Parameters<typeof t.factories.article>[0]) => {
      const made = await t.factories.article({ body, section: home, ...overrides });
      visible[name] = made.id;
      return made;
    };
    await story('two hours ago', { hoursAgo: 2 });
    await story('thirty hours ago', { hoursAgo: 30 });
    await story('five days ago', { hoursAgo: 120 });
    await story('away, three hours ago', { hoursAgo: 3, section: away });
    const withdrawn = await t.factories.article({ body, section: home, hoursAgo: 1 });
    await t.factories.setStatus(withdrawn.id, 'unpublished');
    await t.factories.article({ body, section: home, hoursAgo: 1, embargoUntil: new Date(now + HOUR_MS) });
    await t.factories.article({ body, section: home, publishedAt: new Date(now + HOUR_MS) });
    await t.factories.article({ body, section: home, status: 'draft' });
    // The factories change stories behind the newsroom's back (no story event): indexed afresh here.
    await search.refreshIndex('all');
  });
  after(() => t.close());

  const expectRare = async () => {
    assert.deepEqual(await newest(rare), [visible['two hours ago'], visible['away, three hours ago'], visible['thirty hours ago']].sort());
    assert.deepEqual(
      await newest(rare, { sectionSlug: homeSlug }),
      [visible['two hours ago'], visible['thirty hours ago'], visible['five days ago']].sort(),
    );
    assert.deepEqual(
      await newest(rare, { to: new Date(t.clock.now().getTime() - 24 * HOUR_MS) }),
      [visible['thirty hours ago'], visible['five days ago']].sort(),
    );
  };
  it('keeps the same stories before and after the statistics choose the path', async () => {
    const commonBefore = await newest(common);
    assert.equal(commonBefore.length, RANKED);
    await expectRare();

    await t.deps.database.refreshStatistics();
    forgetTermStatistics(t.deps.db);
    if (t.deps.config.database.engine === 'postgres') {
      const statistics = await termStatistics(t.deps.db);
      assert.ok(statistics, 'the analyzed table has statistics');
      const walkFrom = statistics.walkFrom(RANKED + 1);
      assert.ok(statistics.matchShare(parseQuery(rare).clauses) < walkFrom, 'a rare word is taken from the GIN index');
      assert.ok(statistics.matchShare(parseQuery(common).clauses) >= walkFrom, 'a common word walks the newest documents');
    }
    assert.deepEqual(await newest(common), commonBefore);
    await expectRare();
  });

  it('follows a story moved to another section and one withdrawn after they were indexed', async () => {
    const moved = visible['thirty hours ago'] ?? '';
    const away = await t.factories.section();
    await t.deps.db.updateTable('articles').set({ section_id: away.id }).where('id', '=', moved).execute();
    await t.factories.setStatus(visible['two hours ago'] ?? '', 'unpublished');
    await search.refreshIndex({ articleIds: [moved, visible['two hours ago'] ?? ''] });
    assert.deepEqual(await newest(rare), [visible['away, three hours ago'], moved, visible['five days ago']].sort());
    assert.deepEqual(await newest(rare, { sectionSlug: away.slug }), [moved]);
  });
});
