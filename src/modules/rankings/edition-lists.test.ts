import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_EDITION_ID } from '../../db/migrations/0027-editions.migration.js';
import { HOUR_MS } from '../../shared/clock.js';
import { reviewPlan } from '../../testing/query-plans.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { parseListSnapshotIds, type RankedListsSnapshot } from './list-snapshot.js';
import { loadListSnapshot } from './list-snapshot.repository.js';
import { RankedListsService } from './ranked-lists.service.js';

const ids = (stories: Array<{ id: string }>) => stories.map((story) => story.id);
const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline);
/** Every story id a snapshot's site-wide lists hold. */
const listed = (lists: RankedListsSnapshot) => [...lists.latest, ...lists.weeklyBest, ...lists.popularNow, ...lists.mustReads].map((s) => s.id);

describe('the ranked lists of each edition', () => {
  let t: TestApp;
  let koId: string;
  let koSectionId: string;
  const koStories: string[] = [];
  let defaultBefore: RankedListsSnapshot;

  before(async () => {
    t = await createTestApp();
    const section = await t.factories.section({ slug: 'world', name: 'World' });
    for (let i = 0; i < 3; i++) {
      const story = await t.factories.article({ section, headline: `EN story ${i}`, hoursAgo: 5 + i });
      await t.factories.views(story.id, 10 + i, { hoursAgo: 1 });
      await t.factories.pick(story.id, i);
    }
  });
  after(() => t.close());

  it('with one edition, ranks over every story with no edition filter (the statements of before editions)', async () => {
    const { statements } = await t.deps.database.statements.record(() => t.deps.lists.refresh());
    assert.ok(statements.length > 0);
    assert.deepEqual(
      // Stories read for the page may carry their edition; none is chosen by it.
      statements.filter((statement) => /"edition_id" = /.test(statement.sql)).map((statement) => statement.sql),
      [],
    );
    defaultBefore = t.deps.lists.current;
    assert.deepEqual(headlines(defaultBefore.mustReads), ['EN story 0', 'EN story 1', 'EN story 2']);
    assert.equal(t.deps.lists.currentFor(DEFAULT_EDITION_ID), defaultBefore);
  });

  it('a second edition’s stories are in its own lists only; the default edition’s lists are unchanged', async () => {
    koId = (await t.deps.editions.create({ code: 'ko', pathPrefix: 'ko', name: '더 데이트라인', tagline: '한국어판', timeZone: 'Asia/Seoul' })).id;
    const section = await t.factories.section({ slug: 'sahoe', name: '사회' });
    koSectionId = section.id;
    await t.deps.db.updateTable('sections').set({ edition_id: koId }).where('id', '=', section.id).execute();
    for (let i = 0; i < 3; i++) {
      // Newer and more read than every default-edition story: without the edition filter they would lead every list.
      const story = await t.factories.article({ section, headline: `KO story ${i}`, hoursAgo: 1 + i });
      await t.deps.db.updateTable('articles').set({ edition_id: koId }).where('id', '=', story.id).execute();
      await t.factories.views(story.id, 1_000 + i, { hoursAgo: 1 });
      await t.factories.pick(story.id, 10 + i);
      koStories.push(story.id);
    }
    await t.deps.lists.refresh();

    const ko = t.deps.lists.currentFor(koId);
    assert.deepEqual(headlines(ko.latest), ['KO story 0', 'KO story 1', 'KO story 2']);
    assert.deepEqual(headlines(ko.popularNow), ['KO story 2', 'KO story 1', 'KO story 0']);
    assert.deepEqual(headlines(ko.weeklyBest), ['KO story 2', 'KO story 1', 'KO story 0']);
    assert.deepEqual(headlines(ko.mustReads), ['KO story 0', 'KO story 1', 'KO story 2']);
    assert.deepEqual(headlines(t.deps.lists.sectionLatest(koSectionId)), ['KO story 0', 'KO story 1', 'KO story 2']);

    const current = t.deps.lists.current;
    assert.ok(!listed(current).some((id) => koStories.includes(id)), 'no Korean story in the default edition’s lists');
    for (const list of ['latest', 'weeklyBest', 'popularNow', 'mustReads'] as const) {
      assert.deepEqual(ids(current[list]), ids(defaultBefore[list]), list);
    }
    assert.deepEqual(ids(t.deps.lists.popularNow()), ids(defaultBefore.popularNow));
  });

  it('a story’s page shows the lists of the story’s own edition, the story itself left out', async () => {
    const [first] = koStories;
    assert.ok(first);
    const beside = await t.deps.lists.besideStory({ id: first, sectionId: koSectionId });
    assert.deepEqual(headlines(beside.popularNow), ['KO story 2', 'KO story 1']);
    assert.deepEqual(headlines(beside.sectionLatest), ['KO story 1', 'KO story 2']);
    assert.deepEqual(headlines(beside.mustReads), ['KO story 0', 'KO story 1', 'KO story 2']);
    assert.deepEqual(headlines(t.deps.lists.popularNow(first, koId)), ['KO story 2', 'KO story 1']);
    const english = defaultBefore.latest[0];
    assert.ok(english);
    const besideEnglish = await t.deps.lists.besideStory({ id: english.id, sectionId: english.section.id });
    assert.ok(!besideEnglish.popularNow.some((story) => koStories.includes(story.id)));
    assert.deepEqual(ids(besideEnglish.mustReads), ids(defaultBefore.mustReads));
  });

  it('the curation page tells each pick’s place among the picks of its story’s edition', async () => {
    const picks = await t.deps.curation.listPicks();
    const standing = (prefix: string) =>
      picks.filter((pick) => pick.headline.startsWith(prefix)).map((pick) => [pick.headline, pick.standing, pick.place]);
    assert.deepEqual(standing('KO'), [
      ['KO story 0', 'showing', 1],
      ['KO story 1', 'showing', 2],
      ['KO story 2', 'showing', 3],
    ]);
    assert.deepEqual(standing('EN'), [
      ['EN story 0', 'showing', 1],
      ['EN story 1', 'showing', 2],
      ['EN story 2', 'showing', 3],
    ]);
  });

  it('an edition not ranked yet has empty lists, and its sections’ lists all the same', () => {
    const unknown = t.deps.lists.currentFor('no-such-edition');
    assert.deepEqual(listed(unknown), []);
    assert.deepEqual(headlines(unknown.latestBySection.get(koSectionId) ?? []), ['KO story 0', 'KO story 1', 'KO story 2']);
  });

  it('stores every edition’s lists; a start reads them back, and a snapshot stored before editions is ranked again', async () => {
    const stored = await loadListSnapshot(t.deps.db);
    assert.deepEqual(
      stored?.editions.map(([id]) => id),
      [DEFAULT_EDITION_ID, koId],
    );

    const restarted = () =>
      new RankedListsService(
        t.deps.db,
        t.clock,
        t.deps.sectionAdmin,
        () => t.deps.settings.publication,
        undefined,
        undefined,
        undefined,
        () => t.deps.editions.all.map((edition) => edition.id),
      );
    const reread = restarted();
    await reread.loadStored();
    assert.deepEqual(ids(reread.currentFor(koId).popularNow), ids(t.deps.lists.currentFor(koId).popularNow));
    assert.deepEqual(ids(reread.current.mustReads), ids(t.deps.lists.current.mustReads));

    // The lists as stored before editions: one set at the top level, no version.
    const old = {
      computedAt: t.clock.now().toISOString(),
      latest: koStories,
      latestBySection: [],
      weeklyBest: [],
      popularNow: koStories,
      mustReads: [],
    };
    assert.equal(parseListSnapshotIds(old), null);
    await t.deps.db
      .updateTable('list_snapshots')
      .set({ snapshot: JSON.stringify(old) })
      .where('name', '=', 'site')
      .execute();
    const upgraded = restarted();
    await upgraded.loadStored();
    assert.ok(!listed(upgraded.current).some((id) => koStories.includes(id)), 'ranked again, not read as the default edition’s');
    assert.deepEqual(headlines(upgraded.currentFor(koId).latest), ['KO story 0', 'KO story 1', 'KO story 2']);
    assert.equal((await loadListSnapshot(t.deps.db))?.version, 2, 'stored again in the new form');
  });

  // PostgreSQL plans a table of a dozen rows as it pleases: its check runs over a generated archive
  // (src/db/reading-path-explain.test.ts); SQLite plans from the schema alone.
  it('each edition’s lists are read through indexes (EXPLAIN, SQLite)', async (context) => {
    if (t.deps.config.database.engine !== 'sqlite') return context.skip('PostgreSQL: reading-path-explain.test.ts');
    t.clock.advance(HOUR_MS);
    const { statements } = await t.deps.database.statements.record(() => t.deps.lists.refresh());
    const byEdition = [...new Map(statements.filter((s) => s.sql.includes('edition_id')).map((s) => [s.sql, s])).values()];
    assert.ok(byEdition.length >= 3, `${byEdition.length} statements filter by edition`);
    const failures: string[] = [];
    for (const statement of byEdition) {
      const review = await reviewPlan(t.deps.db, t.deps.config.database.engine, statement, new Set(['sections', 'picks', 'editions']));
      if (review.problems.length > 0) failures.push(`${statement.sql}\n${review.plan}\n  → ${review.problems.join('\n  → ')}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });
});
