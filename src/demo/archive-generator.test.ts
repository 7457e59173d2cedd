import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/database.js';
import { DAY_MS } from '../shared/clock.js';
import { rejectsWithCode } from '../testing/assert-app-error.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { generateArchive } from './archive-generator.js';

const STORIES = 240;
const NOW = '2026-11-20T03:00:00.000Z';

async function count(db: Db, table: 'articles' | 'authors' | 'tags' | 'series' | 'comments' | 'article_view_hours' | 'picks' | 'media_assets') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The archive as a list to compare: every story's id, headline and slug. */
async function storyList(db: Db) {
  return db.selectFrom('articles').select(['id', 'slug', 'headline', 'status', 'published_at']).orderBy('id').execute();
}

describe('generated archive', () => {
  let t: TestApp;
  let progress: Array<[number, number]>;
  let summary: Awaited<ReturnType<typeof generateArchive>>;
  before(async () => {
    t = await createTestApp({ now: NOW });
    progress = [];
    summary = await generateArchive(t.deps, { stories: STORIES, seed: 7 }, (done, total) => progress.push([done, total]));
  });
  after(() => t.close());

  it('writes a whole publication of the size asked for', async () => {
    const { db } = t.deps;
    assert.equal(summary.articles, STORIES);
    assert.equal(await count(db, 'articles'), STORIES);
    assert.ok(summary.sections >= 5 && summary.sections <= 10, `${summary.sections} sections`);
    assert.equal(t.deps.sections.all.length, summary.sections);
    assert.equal(await count(db, 'authors'), summary.authors);
    assert.ok(summary.authors >= 20, `${summary.authors} authors`);
    assert.ok((await count(db, 'tags')) >= 100);
    assert.ok((await count(db, 'series')) >= 2);
    assert.equal(await count(db, 'comments'), summary.comments);
    assert.ok(summary.comments > 50, `${summary.comments} comments`);
    assert.ok((await count(db, 'article_view_hours')) > 1000);
    assert.equal(await count(db, 'picks'), 5);
    assert.ok((await count(db, 'media_assets')) >= 12);
    assert.deepEqual(progress.at(-1), [STORIES, STORIES]);

    const stories = await storyList(db);
    const statuses = new Set(stories.map((story) => story.status));
    for (const status of ['published', 'scheduled', 'draft']) assert.ok(statuses.has(status), status);
    assert.equal(new Set(stories.map((story) => story.slug)).size, STORIES);
    const published = stories.flatMap((story) => (story.status === 'published' && story.published_at ? [Date.parse(story.published_at)] : []));
    const now = Date.parse(NOW);
    assert.ok(Math.min(...published) < now - 60 * DAY_MS, 'the archive goes back months');
    assert.ok(Math.max(...published) <= now && Math.max(...published) > now - DAY_MS, 'and reaches today');
    assert.ok(published.filter((at) => at > now - 7 * DAY_MS).length >= 12, 'recent days are dense');

    const bodies = await db.selectFrom('articles').select('body').limit(50).execute();
    for (const { body } of bodies) {
      const blocks = JSON.parse(body) as Array<{ type: string }>;
      assert.ok(blocks.filter((block) => block.type === 'paragraph').length >= 5);
    }
  });

  it('builds the computed state, and the site serves it', async () => {
    const lists = t.deps.lists.current;
    assert.equal(lists.mustReads.length, 5);
    assert.ok(lists.popularNow.length > 0);
    const [story] = await t.deps.db
      .selectFrom('articles')
      .select(['slug'])
      .where('status', '=', 'published')
      .where('comment_count', '>', 0)
      .orderBy('published_at', 'desc')
      .limit(1)
      .execute();
    assert.ok(story);
    const section = t.deps.sections.all[1];
    assert.ok(section);
    const tag = await t.deps.db.selectFrom('tags').select('slug').limit(1).executeTakeFirstOrThrow();
    const author = await t.deps.db.selectFrom('authors').select('slug').limit(1).executeTakeFirstOrThrow();
    for (const url of [
      '/',
      `/article/${story.slug}`,
      `/section/${section.slug}`,
      `/section/${section.slug}?page=2`,
      `/tag/${tag.slug}`,
      `/author/${author.slug}`,
    ]) {
      assert.equal((await t.app.inject(url)).statusCode, 200, url);
    }
    const search = await t.app.inject('/search?q=ministry');
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /href="\/article\//);
  });

  it('is the same archive for the same seed, on another database and another day', async () => {
    // Three days and some minutes later: dates move with the clock, the stories and their ids do not.
    const other = await createTestApp({ now: new Date(Date.parse(NOW) + 3 * DAY_MS + 17 * 60_000).toISOString() });
    try {
      await generateArchive(other.deps, { stories: STORIES, seed: 7 });
      const words = async (db: Db) => (await storyList(db)).map(({ id, slug, headline, status }) => ({ id, slug, headline, status }));
      assert.deepEqual(await words(other.deps.db), await words(t.deps.db));
    } finally {
      await other.close();
    }
  });

  it('refuses a database that already holds a publication, writing nothing', async () => {
    const before = await count(t.deps.db, 'articles');
    await rejectsWithCode(generateArchive(t.deps, { stories: STORIES, seed: 8 }), 'ERR_ARCHIVE_NOT_EMPTY');
    assert.equal(await count(t.deps.db, 'articles'), before);
    assert.equal(await count(t.deps.db, 'authors'), summary.authors);
  });

  it('refuses sizes and seeds out of range', async () => {
    for (const options of [{ stories: 0 }, { stories: 10.5 }, { stories: 2_000_000 }, { stories: 100, seed: -1 }]) {
      await rejectsWithCode(generateArchive(t.deps, options), 'ERR_ARCHIVE_OPTIONS_INVALID');
    }
  });
});
