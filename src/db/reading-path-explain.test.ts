import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApiKey } from '../testing/api-client.js';
import { reviewPlan } from '../testing/query-plans.js';
import { generateArchive } from '../demo/archive-generator.js';
import { importStaticPage } from '../modules/pages/index.js';
import { readingPages, searchWordOf } from '../testing/reading-path-pages.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import type { LoggedStatement } from './database.js';

/**
 * A generated archive (realistic bodies, sections, authors, tags, series, comments) of 1,000
 * stories. The size matters less than it seems: SQLite plans from the schema alone (no statistics,
 * as a publication's file has none), and PostgreSQL plans with sequential scans, hash and merge
 * joins priced out (query-plans.ts), so neither hides a missing index behind a small table; 1,000
 * rows give PostgreSQL's ANALYZE enough to tell a sort of every story from a page's worth. Larger
 * archives only slow the test (generating and indexing 3,000 took over a minute on PostgreSQL).
 */
const STORIES = 1000;

/** Tables that stay small whatever the archive's size: reading them whole is fine. */
const SMALL_TABLES = new Set(['sections', 'settings', 'api_keys', 'users', 'kysely_migration']);

/**
 * Statements that aggregate the whole archive by design, with the reason (docs/performance.md):
 * the Content API's unfiltered story list reports `total_items`, every visible story counted from
 * the published-stories index alone.
 */
const WHOLE_ARCHIVE_BY_DESIGN: ReadonlyArray<{ page: string; sql: RegExp }> = [
  {
    page: 'API: articles',
    sql: /^select count\(\*\) as "count" from "articles" where "articles"\."status" = 'published' and "articles"\."published_at" <= \S+ and \("articles"\."embargo_until" is null or "articles"\."embargo_until" <= \S+\)$/,
  },
];

/**
 * A publish also reads the editors' picks, the active webhooks and the list of sitemap files (one
 * per month of publication), each small whatever the archive's size, and the pages sitemap lists
 * the static pages (an imported archive's too, at most one sitemap file's worth, by design).
 */
const PUBLISH_SMALL_TABLES = new Set([...SMALL_TABLES, 'picks', 'webhooks', 'sitemap_files', 'static_pages']);

/**
 * Statements of a publish that read a range by design: a free rowid for the story's search
 * document among the (at most 4,096) of its publication second (dialects/sqlite-full-text.ts).
 */
const PUBLISH_BY_DESIGN: readonly RegExp[] = [/^select max\(search_rowid\) as last from article_search_keys\s+where search_rowid between \? and \?$/];

describe('the reading path uses indexes (EXPLAIN)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { PAGE_CACHE: '0' } });
    // Vacuumed and analyzed on PostgreSQL by the generator itself (DatabaseHandle.refreshStatistics).
    await generateArchive(t.deps, { stories: STORIES });
    // A free-standing page with a picture, as an archive import brings them (its own page type).
    const picture = await t.deps.db.selectFrom('media_assets').select('id').orderBy('id').executeTakeFirstOrThrow();
    const figure = { type: 'figure' as const, mediaId: picture.id };
    await importStaticPage(t.deps.db, { slug: 'harbour-history', title: 'Harbour history', body: [figure], updatedAt: t.clock.now() });
  });
  after(async () => t?.close());

  it('no statement a page issues scans a large table or sorts or counts every story', async () => {
    const apiKey = await createApiKey(t);
    const issued = new Map<string, { page: string; statement: LoggedStatement }>();
    for (const page of await readingPages(t.deps.db, t.clock.now())) {
      const request = { method: 'GET' as const, url: page.url, headers: page.api ? { authorization: `Bearer ${apiKey}` } : {} };
      await t.app.inject(request);
      const { result, statements } = await t.deps.database.statements.record(() => t.app.inject(request));
      assert.equal(result.statusCode, page.status, `${page.type} ${page.url}`);
      for (const statement of statements) if (!issued.has(statement.sql)) issued.set(statement.sql, { page: page.type, statement });
    }
    assert.ok(issued.size >= 20, `only ${issued.size} distinct statements were recorded`);
    const failures: string[] = [];
    for (const { page, statement } of issued.values()) {
      if (WHOLE_ARCHIVE_BY_DESIGN.some((known) => known.page === page && known.sql.test(statement.sql))) continue;
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, SMALL_TABLES);
      if (review.problems.length > 0) failures.push(`[${page}] ${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('no statement a publish runs (the story, and the reactions bringing lists, search, sitemaps up to date) reads the whole archive', async () => {
    const section = await t.deps.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow();
    const author = await t.deps.db.selectFrom('authors').select('id').orderBy('id').executeTakeFirstOrThrow();
    const editor = await t.factories.staffUser({ role: 'editor' });
    const input = await t.factories.articleInput({
      headline: 'Ferry timetable changes for the winter',
      sectionId: section.id,
      authorIds: [author.id],
    });
    const id = await t.deps.editing.createDraft(editor, input);
    const { statements } = await t.deps.database.statements.record(() => t.deps.editing.publish(editor, id));
    const failures: string[] = [];
    for (const statement of new Map(statements.map((s) => [s.sql, s])).values()) {
      if (!/^\s*(select|with)\b/i.test(statement.sql) || PUBLISH_BY_DESIGN.some((known) => known.test(statement.sql))) continue;
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, PUBLISH_SMALL_TABLES);
      if (review.problems.length > 0) failures.push(`${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('each edition’s ranked lists are read through indexes, with a second edition', async () => {
    const ko = await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '한국어판', timeZone: 'Asia/Seoul' });
    const section = await t.deps.db.selectFrom('sections').select('id').orderBy('position', 'desc').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('sections').set({ edition_id: ko.id }).where('id', '=', section.id).execute();
    await t.deps.db.updateTable('articles').set({ edition_id: ko.id }).where('section_id', '=', section.id).execute();
    await t.deps.database.refreshStatistics();
    const { statements } = await t.deps.database.statements.record(() => t.deps.lists.refresh());
    const byEdition = [...new Map(statements.filter((s) => s.sql.includes('edition_id')).map((s) => [s.sql, s])).values()];
    assert.ok(byEdition.length >= 4, `${byEdition.length} statements read by edition`);
    const failures: string[] = [];
    for (const statement of byEdition) {
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, PUBLISH_SMALL_TABLES);
      if (review.problems.length > 0) failures.push(`${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
    assert.ok(t.deps.lists.currentFor(ko.id).latest.length > 0);
  });

  it('search and the Content API read one edition’s stories through indexes, with a second edition', async (context) => {
    const ko = t.deps.editions.byPrefix('ko');
    if (!ko) return context.skip('needs the second edition made by the test before');
    // The test before moved a section into it in the database alone.
    await t.deps.sections.load();
    const story = await t.deps.db
      .selectFrom('articles')
      .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(['articles.headline', 'authors.slug as author_slug', 'sections.slug as section_slug'])
      .where('articles.edition_id', '=', ko.id)
      .where('articles.status', '=', 'published')
      .orderBy('articles.published_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const q = searchWordOf(story.headline);
    const apiKey = await createApiKey(t, 'Edition partner');
    const pages: ReadonlyArray<{ url: string; api?: boolean }> = [
      { url: `/ko/search?q=${q}` },
      { url: `/search?q=${q}` },
      // A word in nearly every story: the edition's newest matches only.
      { url: '/ko/search?q=the' },
      { url: `/ko/search.json?q=the&section=${story.section_slug}&from=2000-01-01` },
      { url: '/api/v1/articles?edition=ko', api: true },
      { url: `/api/v1/articles?edition=ko&author=${story.author_slug}`, api: true },
      { url: `/api/v1/search?q=the&edition=ko`, api: true },
      // (`/sections?edition=ko` filters the sections in memory: its counts are the statement it ran before editions.)
    ];
    const issued = new Map<string, LoggedStatement>();
    for (const page of pages) {
      const request = { method: 'GET' as const, url: page.url, headers: page.api ? { authorization: `Bearer ${apiKey}` } : {} };
      const { result, statements } = await t.deps.database.statements.record(() => t.app.inject(request));
      assert.equal(result.statusCode, 200, `${page.url}: ${result.body.slice(0, 200)}`);
      for (const statement of statements) issued.set(statement.sql, statement);
    }
    const failures: string[] = [];
    for (const statement of issued.values()) {
      // The API's story count of one edition: every visible story of it, from its index (by design, as without editions).
      if (
        /^select count\(\*\) as "count" from "articles" where "articles"\."status" = 'published'.* and "articles"\."edition_id" = \S+$/.test(
          statement.sql,
        )
      )
        continue;
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, SMALL_TABLES);
      if (review.problems.length > 0) failures.push(`${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('author, tag and series pages and feeds are read through indexes in each edition, with a second edition', async () => {
    // Runs after the lists' test: a Korean edition with one section's stories in it, or made here.
    const ko =
      t.deps.editions.byPrefix('ko') ??
      (await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '', timeZone: 'Asia/Seoul' }));
    // A story of a series with tags moved to it: its author, tag and series then have stories in both.
    const korean = await t.deps.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('series_id', 'is not', null)
      .where((eb) => eb.exists(eb.selectFrom('article_tags').select('tag_id').whereRef('article_tags.article_id', '=', 'articles.id')))
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('articles').set({ edition_id: ko.id }).where('id', '=', korean.id).execute();
    await t.deps.database.refreshStatistics();
    const [author, tag, series] = await Promise.all([
      t.deps.db
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select('authors.slug')
        .where('article_id', '=', korean.id)
        .executeTakeFirstOrThrow(),
      t.deps.db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.slug')
        .where('article_id', '=', korean.id)
        .executeTakeFirstOrThrow(),
      t.deps.db
        .selectFrom('articles')
        .innerJoin('series', 'series.id', 'articles.series_id')
        .select('series.slug')
        .where('articles.id', '=', korean.id)
        .executeTakeFirstOrThrow(),
    ]);
    const urls = [`/author/${author.slug}`, `/author/${author.slug}/feed.xml`, `/series/${series.slug}/feed.atom`, `/tag/${tag.slug}`];
    const issued = new Map<string, { url: string; statement: LoggedStatement }>();
    for (const url of [...urls, ...urls.map((path) => `/ko${path}`), `/ko/series/${series.slug}`]) {
      await t.app.inject(url);
      const { result, statements } = await t.deps.database.statements.record(() => t.app.inject(url));
      assert.equal(result.statusCode, 200, url);
      for (const statement of statements) if (!issued.has(statement.sql)) issued.set(statement.sql, { url, statement });
    }
    assert.ok(
      [...issued.keys()].some((sql) => sql.includes('edition_id')),
      'the lists are read by edition',
    );
    const sqlite = t.deps.config.database.engine === 'sqlite';
    const failures: string[] = [];
    for (const { url, statement } of issued.values()) {
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, SMALL_TABLES);
      // SQLite, without statistics, must not walk the edition's whole timeline looking for an author's,
      // a tag's or a series' stories. (PostgreSQL may, when its statistics say the edition is small or
      // the author prolific enough that a page's worth comes soon: a costed choice, as for sections.)
      if (sqlite && /edition_published_idx/.test(review.plan)) review.problems.push('walks the edition’s timeline');
      if (review.problems.length > 0) failures.push(`[${url}] ${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  it('the plan review catches a full scan and a sort of the whole table', async () => {
    const { db } = t.deps;
    const review = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) =>
      reviewPlan(db, t.deps.config.database.engine, { ...query.compile(), durationMs: 0 }, SMALL_TABLES);
    // Columns no index holds (the newsroom's list indexes headlines: migration 0018).
    const scan = await review(db.selectFrom('articles').select('id').where('standfirst', '=', 'x'));
    assert.ok(
      scan.problems.some((problem) => problem.startsWith('full scan')),
      scan.plan,
    );
    const sort = await review(
      db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', sql.lit('published'))
        .where('published_at', '<=', '2100-01-01')
        .orderBy('standfirst')
        .limit(10),
    );
    assert.ok(sort.problems.length > 0, sort.plan);
    const lookup = await review(db.selectFrom('articles').select('id').where('slug', '=', 'x'));
    assert.deepEqual(lookup.problems, [], lookup.plan);
  });

  it('the plan review catches a search that ranks every match (SQLite)', async (context) => {
    if (t.deps.config.database.engine !== 'sqlite') return context.skip('SQLite FTS5 plans');
    const { db } = t.deps;
    const review = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) =>
      reviewPlan(db, 'sqlite', { ...query.compile(), durationMs: 0 }, SMALL_TABLES);
    const matches = await t.deps.database.fullText.matches(db, [{ kind: 'token', token: 'the' }], { now: t.clock.now(), limit: 10 });
    const matchesBy = (order: 'm.score' | 'm.recency') =>
      review(
        db
          .selectFrom('articles')
          .innerJoin(matches.as('m'), (join) => join.onRef('m.article_id', '=', 'articles.id'))
          .select('articles.id')
          .orderBy(order, 'desc')
          .limit(10),
      );
    // Best first over every match: what a search did before it took the newest matches only.
    const ranked = await matchesBy('m.score');
    assert.ok(
      ranked.problems.some((problem) => problem.startsWith('sorts every full-text match')),
      ranked.plan,
    );
    const newest = await matchesBy('m.recency');
    assert.deepEqual(newest.problems, [], newest.plan);
  });
});
