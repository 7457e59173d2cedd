import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LoggedStatement } from '../../db/database.js';
import { createNewsroomTestApp } from '../../testing/newsroom-client.js';
import { reviewPlan } from '../../testing/query-plans.js';
import { seedReadingArchive, type ReadingArchive } from '../../testing/reading-archive.js';
import type { TestApp } from '../../testing/test-app.js';

/**
 * Every sort and filter of the newsroom's story list reads through an index and a bounded number of
 * rows (migration 0018), on both engines, planned as the reading path's EXPLAIN test plans
 * (src/db/reading-path-explain.test.ts: SQLite without statistics, PostgreSQL with sequential scans
 * and hash joins priced out), over an archive of 1,000 stories.
 */
const STORIES = 1000;
const SMALL_TABLES = new Set(['sections', 'settings', 'users', 'sessions', 'authors', 'media_assets', 'kysely_migration']);

/**
 * Statements bounded by design although the review cannot see it:
 * - a walk of a partial index of stories not published (articles_desk_status_*, migration 0018),
 *   filtering by section: it holds only drafts, reviews, schedules and withdrawals, a few;
 * - the count, which reads at most DESK_COUNT_LIMIT + 1 rows (its subquery's LIMIT): the page
 *   links say "more than 5,000" rather than count the archive;
 * - a search's page, which sorts its candidates: the newest MAX_DESK_MATCHES matches at most (the
 *   LIMIT of the candidates' subquery, walked newest first from the full-text index); and so a
 *   headline sort within dates, whose candidates are the latest DESK_COUNT_LIMIT + 1 updated.
 */
const COUNT = /^select count\(\*\) as "count" from \(select 1 as "one" from /;
const SEARCH_PAGE = /cross join "articles"/;

/**
 * A page of the list walks its sort's index in order and the LIMIT stops it (SQLite reports the
 * walk as `SCAN … USING INDEX` when nothing else narrows it): bounded as long as nothing is sorted.
 */
function walksInOrder(statement: LoggedStatement, plan: string, problem: string): boolean {
  return (
    /^full scan: SCAN articles USING (COVERING )?INDEX articles_desk_\w+$/.test(problem) &&
    !/TEMP B-TREE/.test(plan) &&
    / limit \?/.test(statement.sql)
  );
}

describe('the newsroom story list uses indexes for every sort and filter (EXPLAIN)', () => {
  let t: TestApp;
  let cookie: string;
  let archive: ReadingArchive;

  before(async () => {
    ({ t, cookie } = await createNewsroomTestApp('editor', '/newsroom/stories'));
    archive = await seedReadingArchive(t.deps, STORIES);
    await t.deps.database.refreshStatistics();
  });
  after(() => t.close());

  it('no statement scans the archive, or sorts or counts more than a bounded number of stories', async () => {
    const { sectionSlug, authorSlug, commonWord, rareWord } = archive;
    const edition = t.deps.editions.defaultEdition.code;
    const filters = [
      '',
      'status=draft',
      'status=published',
      `section=${sectionSlug}`,
      `author=${authorSlug}`,
      'from=2026-10-01&to=2026-10-31',
      `status=in_review&section=${sectionSlug}`,
      // The edition's own indexes (0028); with a section the section's serve.
      `edition=${edition}`,
      `edition=${edition}&status=draft`,
      `edition=${edition}&section=${sectionSlug}`,
      `q=${commonWord}`,
      `q=${rareWord}`,
      `q=${commonWord}&status=published&section=${sectionSlug}&author=${authorSlug}&from=2026-01-01&to=2026-11-30`,
    ];
    const issued = new Map<string, { url: string; statement: LoggedStatement }>();
    for (const sort of ['updated', 'published', 'headline']) {
      for (const order of ['asc', 'desc']) {
        for (const filter of filters) {
          for (const page of filter === '' ? [1, 20] : [1]) {
            const url = `/newsroom/stories?${filter}&sort=${sort}&order=${order}&page=${page}`;
            const request = { url, headers: { cookie } };
            const { result, statements } = await t.deps.database.statements.record(() => t.app.inject(request));
            assert.equal(result.statusCode, 200, url);
            for (const statement of statements) if (!issued.has(statement.sql)) issued.set(statement.sql, { url, statement });
          }
        }
      }
    }
    assert.ok(issued.size >= 40, `only ${issued.size} distinct statements were recorded`);
    const failures: string[] = [];
    for (const { url, statement } of issued.values()) {
      if (!/^\s*select\b/i.test(statement.sql)) continue;
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, SMALL_TABLES);
      const problems = review.problems.filter(
        (problem) =>
          // A story's byline row by its whole primary key: one look-up, not a range.
          !/\(article_id=\? AND author_id=\?\)$/.test(problem) &&
          !walksInOrder(statement, review.plan, problem) &&
          !(COUNT.test(statement.sql) && /^(aggregates |full scan: )/.test(problem)) &&
          !/USING INDEX articles_desk_status_\w+ \(status=\?/.test(problem) &&
          !(SEARCH_PAGE.test(statement.sql) && /^sorts (every full-text match|a whole-table range|most of)/.test(problem)),
      );
      if (problems.length > 0) failures.push(`[${url}] ${statement.sql}\n${review.plan}\n  → ${problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });
});
