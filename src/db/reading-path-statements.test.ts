import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../testing/api-client.js';
import { seedReadingArchive } from '../testing/reading-archive.js';
import { readingPages, type ReadingPage } from '../testing/reading-path-pages.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The statements each page type may run with the page cache off, whatever the archive's size: the
 * table in docs/performance.md, kept in step with this one. A page that needs more is a design
 * change to make there first.
 */
const STATEMENT_BUDGET: Readonly<Record<string, number>> = {
  home: 0,
  // +1 each: whether the story ever had live coverage (one row by key; web/site/live-page-view.ts).
  article: 13,
  'article, most comments': 13,
  'article (404)': 1,
  'article (410)': 1,
  section: 5,
  'section, page 2': 5,
  author: 6,
  tag: 6,
  series: 5,
  'static page': 1,
  'static page (free-standing)': 2,
  search: 6,
  'search, common word, section, dates': 6,
  'feed (site)': 7,
  'feed (section)': 7,
  'feed (author)': 8,
  'feed (series)': 8,
  'sitemap index': 1,
  'API: articles': 5,
  'API: articles of a section': 5,
  'API: articles of a tag': 6,
  'API: article': 9,
  'API: section': 1,
  'API: author': 2,
  'API: search': 6,
};

interface Archive {
  t: TestApp;
  pages: ReadingPage[];
  apiKey: string;
}

async function archiveOf(stories: number): Promise<Archive> {
  const t = await createTestApp({ env: { PAGE_CACHE: '0' } });
  await seedReadingArchive(t.deps, stories);
  return { t, pages: await readingPages(t.deps.db, t.clock.now()), apiKey: await createApiKey(t) };
}

/** The statements one request runs, after a first request has warmed what is kept in memory (the API key). */
async function statementsFor(archive: Archive, page: ReadingPage): Promise<string[]> {
  const request = { method: 'GET' as const, url: page.url, headers: page.api ? { authorization: `Bearer ${archive.apiKey}` } : {} };
  await archive.t.app.inject(request);
  const { result, statements } = await archive.t.deps.database.statements.record(() => archive.t.app.inject(request));
  assert.equal(result.statusCode, page.status, `${page.type} ${page.url}`);
  return statements.map((statement) => statement.sql);
}

describe('statements per page type (page cache off)', () => {
  let small: Archive;
  let large: Archive;
  before(async () => {
    // Sizes apart by an order of magnitude: enough for any per-story or per-page statement to show.
    small = await archiveOf(100);
    large = await archiveOf(1000);
  });
  after(async () => {
    await small.t.close();
    await large.t.close();
  });

  it('every page type runs the same, budgeted number of statements on a small and a ten times larger archive', async () => {
    const report: string[] = [];
    for (const [index, page] of large.pages.entries()) {
      const smallPage = small.pages[index];
      assert.equal(smallPage?.type, page.type);
      const [onSmall, onLarge] = [await statementsFor(small, smallPage), await statementsFor(large, page)];
      const budget = STATEMENT_BUDGET[page.type];
      assert.notEqual(budget, undefined, `no budget for ${page.type}: add it here and to docs/performance.md`);
      report.push(`${page.type}: ${onSmall.length} / ${onLarge.length} (budget ${budget})`);
      if (!page.storyVaries)
        assert.equal(
          onLarge.length,
          onSmall.length,
          `${page.type}: ${onSmall.length} statements on the small archive, ${onLarge.length} on the large:\n${onLarge.join('\n')}`,
        );
      assert.ok(onLarge.length <= (budget ?? 0), `${page.type}: ${onLarge.length} statements, budget ${budget}:\n${onLarge.join('\n')}`);
    }
    assert.equal(report.length, Object.keys(STATEMENT_BUDGET).length, 'every budgeted page type is rendered');
  });

  it('counts every statement the database handle runs, and only while recording', async () => {
    const { statements } = await large.t.deps.database.statements.record(async () => {
      await large.t.deps.db.selectFrom('sections').select('id').execute();
      await large.t.deps.db.selectFrom('settings').select('key').execute();
    });
    assert.equal(statements.length, 2);
    assert.match(statements[0]?.sql ?? '', /from "sections"/);
    const outside = await large.t.deps.db.selectFrom('sections').select('id').execute();
    assert.ok(outside.length > 0);
    const { statements: none } = await large.t.deps.database.statements.record(async () => {});
    assert.equal(none.length, 0);
  });
});
