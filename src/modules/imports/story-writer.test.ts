import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/database.js';
import { importSection, type Section } from '../sections/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ImportReportBuilder } from './import-report.js';
import type { PlannedStory } from './planned-story.js';
import { StoryWriter, type StoryItem, type StoryTaxonomy } from './story-writer.js';

/** A taxonomy that refuses one category, as a broken reference would, to make one story of a batch fail. */
function taxonomyFailingOn(section: Section, authorId: string, refused: string): StoryTaxonomy {
  return {
    sectionFor: async (_db: Db, slugs: readonly string[]) => {
      if (slugs.includes(refused)) throw new Error(`no section for ${refused}`);
      return { section, extraTags: [] };
    },
    authorIds: async () => [authorId],
    checkpoint: () => () => {},
  };
}

function planned(n: number, category: string): StoryItem {
  const story: PlannedStory = {
    kind: 'post',
    sourceId: String(n),
    headline: `Story number ${n}`,
    standfirst: '',
    slug: `story-${n}`,
    status: 'published',
    publishedAt: new Date(Date.UTC(2024, 0, n)),
    updatedAt: null,
    categorySlugs: [category],
    tagNames: [`Tag ${n % 2}`],
    authorLogins: ['someone'],
    body: { body: [{ type: 'paragraph', content: [{ text: `Body of story ${n}.` }] }], images: [], warnings: [] },
    hero: null,
    comments: [
      { sourceId: `c${n}`, parentSourceId: null, authorName: 'A Reader', body: 'Well said.', createdAt: new Date(Date.UTC(2024, 0, n, 12)) },
    ],
    oldPaths: [`/?p=${n}`],
    warnings: [],
    checksum: `sum-${n}`,
  };
  return { plan: { story }, kind: 'post', sourceId: String(n), label: story.headline };
}

describe('story writer: a batch with one bad story', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('writes the others, reports the bad one, and leaves no trace of it', async () => {
    const { db } = t.deps;
    const section = await importSection(db, { slug: 'news', name: 'News', description: '', position: 0, inNavigation: true }, new Date());
    const author = await t.factories.author();
    const report = new ImportReportBuilder('test:batch', false, new Date());
    const targets = {
      article: (slug: string) => `/article/${slug}`,
      section: () => '',
      tag: () => '',
      author: () => '',
      staticPage: () => '',
      feed: () => '',
    };
    const writer = new StoryWriter(
      t.deps,
      { targets, baseUrl: 'https://old.example' },
      'test:batch',
      taxonomyFailingOn(section, author.id, 'broken'),
      report,
    );

    await writer.writeBatch([planned(1, 'news'), planned(2, 'broken'), planned(3, 'news')]);
    const result = report.finish(new Date());
    assert.equal(result.counts.post?.imported, 2);
    assert.equal(result.counts.post?.failed, 1, JSON.stringify(result.failed));
    assert.equal(result.failed[0]?.sourceId, '2');

    const slugs = (await db.selectFrom('articles').select('slug').orderBy('slug').execute()).map((row) => row.slug);
    assert.deepEqual(slugs, ['story-1', 'story-3']);
    assert.equal((await db.selectFrom('comments').select('id').execute()).length, 2, 'the bad story’s comment is not written');
    const ledger = await db.selectFrom('import_items').select(['kind', 'source_id']).where('kind', '=', 'post').orderBy('source_id').execute();
    assert.deepEqual(
      ledger.map((row) => row.source_id),
      ['1', '3'],
    );
    const redirect = await t.app.inject({ method: 'GET', url: '/?p=2' });
    assert.equal(redirect.statusCode, 404, 'nor its old address');

    // Run again: the two are unchanged, the bad one fails again and still leaves nothing.
    const second = new ImportReportBuilder('test:batch', false, new Date());
    await new StoryWriter(t.deps, { targets, baseUrl: '' }, 'test:batch', taxonomyFailingOn(section, author.id, 'broken'), second).writeBatch([
      planned(1, 'news'),
      planned(2, 'broken'),
      planned(3, 'news'),
    ]);
    const again = second.finish(new Date());
    assert.equal(again.counts.post?.unchanged, 2);
    assert.equal(again.counts.post?.failed, 1);
    assert.equal((await db.selectFrom('articles').select('id').execute()).length, 2);
  });
});
