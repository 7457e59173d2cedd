import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { HOUR_MS } from '../../shared/clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { insertArticle, updateArticleStatus } from '../articles/article.repository.js';
import { dumpLists, findDocuments } from './related-stories.repository.js';
import { RelatedStoriesService } from './related-stories.service.js';
import { rankFromStore } from './related-stories-update.js';
import { POSTINGS_PER_TERM } from './related-stories.js';
import { ensureTags } from '../tags/tag.repository.js';

const headlines = (stories: Array<{ headline: string }>) => stories.map((story) => story.headline);
const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

/** Every stored list, keyed by story. */
async function lists(t: TestApp): Promise<Map<string, string[]>> {
  return new Map((await dumpLists(t.deps.db)).map((entry) => [entry.articleId, entry.related]));
}

/**
 * Writes a published story without the factory (which announces a bulk import, rebuilding
 * everything) and announces it as the newsroom does, so only the incremental update takes it in.
 */
async function publish(t: TestApp, sectionId: string, headline: string, body: string, options: { hoursAgo?: number; tagIds?: string[] } = {}) {
  const id = await insertArticle(
    t.deps.db,
    {
      slug: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`,
      headline,
      standfirst: '',
      body: paragraph(body),
      sectionId,
      authorIds: [],
      tagIds: options.tagIds ?? [],
      typeLabel: 'News',
      status: 'published',
      publishedAt: new Date(t.clock.now().getTime() - (options.hoursAgo ?? 0.5) * HOUR_MS),
    },
    t.clock.now(),
  );
  await t.deps.events.emit({ name: 'story.published', articleIds: [id], scheduled: false });
  return id;
}

describe('You May Also Like, computed from content and stored', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // Stories on other subjects: a word every story holds weighs nothing, so each test needs company.
    for (const [headline, text] of [
      ['Parliament passes the budget', 'Lawmakers approved spending on schools.'],
      ['Derby ends in a draw', 'The home side equalised late.'],
      ['Museum reopens its modern wing', 'Curators rehung paintings.'],
    ] as const) {
      await t.factories.article({ headline, body: paragraph(text) });
    }
  });
  after(() => t.close());

  it('stores lists, reads them with one statement, and follows a story published or withdrawn by id', async () => {
    const section = await t.factories.section();
    const subject = await t.factories.article({
      section,
      headline: 'Lighthouse keepers strike over night shifts',
      body: paragraph('Keepers at the northern lighthouse stopped work on Monday.'),
    });
    await t.factories.article({ headline: 'Lighthouse strike spreads to the south', body: paragraph('More keepers joined.'), hoursAgo: 2 });
    await t.factories.article({ headline: 'Orchestra tours Japan', body: paragraph('Concerts in Osaka and Tokyo.') });
    assert.deepEqual(headlines((await t.deps.reading.article(subject.slug)).related), ['Lighthouse strike spreads to the south']);
    const { statements } = await t.deps.database.statements.record(() => t.deps.related.relatedTo(subject.id));
    assert.equal(statements.length, 1);

    const newStory = await publish(t, section.id, 'Lighthouse keepers end their strike', 'The keepers return to the lighthouse tonight.');
    assert.equal((await t.deps.related.relatedTo(subject.id))[0], newStory);
    assert.match((await t.app.inject(`/article/${subject.slug}`)).body, /Lighthouse keepers end their strike/);

    await updateArticleStatus(t.deps.db, newStory, 'unpublished', t.clock.now());
    await t.deps.events.emit({ name: 'story.unpublished', articleIds: [newStory] });
    assert.ok(!(await t.deps.related.relatedTo(subject.id)).includes(newStory));
    assert.deepEqual(await t.deps.related.relatedTo(newStory), []);
    // Gone from the tables: its own row and list, and every list that held it.
    assert.deepEqual(await findDocuments(t.deps.db, { articleIds: [newStory] }), []);
    for (const [, related] of await lists(t)) assert.ok(!related.includes(newStory));
    assert.doesNotMatch((await t.app.inject(`/article/${subject.slug}`)).body, /Lighthouse keepers end their strike/);
  });

  it('takes in a story whose embargo passes, with no event to say so, and puts it in the others’ lists', async () => {
    const subject = await t.factories.article({ headline: 'Glacier retreat measured from space' });
    const embargoed = await t.factories.article({
      headline: 'Glacier retreat doubles, study finds',
      embargoUntil: new Date(t.clock.now().getTime() + HOUR_MS),
    });
    assert.deepEqual(await t.deps.related.relatedTo(subject.id), []);
    t.clock.advance(2 * HOUR_MS);
    await t.deps.related.relatedTo(subject.id); // notices the embargo has passed and catches up in the background
    await t.deps.related.idle();
    assert.deepEqual(await t.deps.related.relatedTo(subject.id), [embargoed.id]);
    assert.deepEqual(await t.deps.related.relatedTo(embargoed.id), [subject.id]);
  });

  it('relates a draft in the newsroom preview without storing it', async () => {
    const published = await t.factories.article({ headline: 'Tram line to the airport approved' });
    const draft = await t.factories.article({
      headline: 'Airport tram line costs questioned',
      body: paragraph('Councillors want a fresh estimate.'),
      status: 'draft',
    });
    assert.ok(!(await t.deps.related.relatedTo(published.id)).includes(draft.id));
    const preview = await t.deps.reading.preview(draft.id);
    assert.deepEqual(headlines(preview.related), ['Tram line to the airport approved']);
    assert.deepEqual(await findDocuments(t.deps.db, { articleIds: [draft.id] }), []);
  });

  it('finds a follow-up through a word only the first story held when it was stored', async () => {
    const section = await t.factories.section();
    const first = await publish(t, section.id, 'Quillfeather shipyard opens', 'A yard on the coast.');
    const followUp = await publish(t, section.id, 'Quillfeather hires welders', 'Jobs for the town.');
    assert.deepEqual(await t.deps.related.relatedTo(followUp), [first]);
    assert.deepEqual(await t.deps.related.relatedTo(first), [followUp]);
  });

  it('updates only the lists an edit concerns', async () => {
    const harbour = await t.factories.section();
    const concert = await t.factories.section();
    const ferries: string[] = [];
    for (const n of [1, 2, 3, 4]) ferries.push(await publish(t, harbour.id, `Ferry timetable change ${n}`, 'Crossings to the islands move.'));
    const music: string[] = [];
    for (const n of [1, 2, 3, 4]) music.push(await publish(t, concert.id, `Symphony season ${n}`, 'The orchestra plays Mahler.'));
    const before = await lists(t);

    await t.deps.db
      .updateTable('articles')
      .set({ headline: 'Ferry timetable change: islands', body: JSON.stringify(paragraph('Crossings move again.')) })
      .where('id', '=', ferries[0] ?? '')
      .execute();
    await t.deps.events.emit({ name: 'story.updated', articleIds: [ferries[0] ?? ''] });
    const afterEdit = await lists(t);
    for (const id of music) assert.deepEqual(afterEdit.get(id), before.get(id), 'a list sharing nothing with the story is left alone');
    const changed = [...afterEdit].filter(([id, related]) => JSON.stringify(before.get(id)) !== JSON.stringify(related)).map(([id]) => id);
    assert.ok(
      changed.every((id) => ferries.includes(id)),
      'only the story and lists about ferries change',
    );
  });

  it('recomputes nothing at start when the stored lists are current', async () => {
    const subject = await t.factories.article({ headline: 'Cable car to the summit reopens' });
    const other = await t.factories.article({ headline: 'Summit cable car fares rise' });
    const restarted = new RelatedStoriesService(t.deps.db, t.clock);
    const { statements } = await t.deps.database.statements.record(async () => {
      await restarted.ensureBuilt();
      await restarted.idle();
    });
    const writes = statements.filter((statement) => /^\s*(insert|update|delete)/i.test(statement.sql));
    // Only the time up to which the clock was caught up is written.
    assert.deepEqual(
      writes.map((statement) => /^update "related_state" set "visible_as_of"/.test(statement.sql)),
      [true],
    );
    assert.ok(statements.length <= 5, `${statements.length} statements`);
    assert.equal((await restarted.relatedTo(subject.id))[0], other.id);
  });

  it('builds the same lists in a child process as on the main thread, and the update ranks as the build does', async () => {
    const section = await t.factories.section();
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await t.factories.article({
        section,
        headline: `Rail strike day ${n}`,
        body: paragraph(`Trains stopped in ${n % 2 ? 'the north' : 'the south'}.`),
        tags: ['Rail'],
      });
    }
    await t.deps.related.rebuild();
    const inProcess = await lists(t);
    const inWorker = new RelatedStoriesService(t.deps.db, t.clock, {
      database: { target: t.deps.config.database, postgres: await postgresOptions(t) },
      inProcessLimit: 0,
    });
    await inWorker.rebuild();
    assert.deepEqual(await lists(t), inProcess);

    // The incremental path ranks from the stored postings with the same steps: the same lists.
    const documents = await findDocuments(t.deps.db, { articleIds: [...inProcess.keys()] });
    for (const document of documents) {
      const ranking = await rankFromStore(t.deps.db, document, document.profile);
      const ids = ranking.list.map((entry) => ranking.documents.get(entry.docNo)?.articleId);
      assert.deepEqual(ids, inProcess.get(document.articleId) ?? [], document.articleId);
    }
  });

  it('ranks as the update does when a term is held by more stories than ranking reads, and a rebuild keeps the numbers', async () => {
    // More stories share the tag and the section than POSTINGS_PER_TERM: the build keeps only each
    // term's newest postings in memory, the update reads them from the stored ones.
    const section = await t.factories.section();
    const [tag] = await ensureTags(t.deps.db, ['Harbour works']);
    const places = ['quay', 'dock', 'pier', 'jetty', 'slipway', 'wharf', 'berth', 'mole', 'breakwater', 'lock'];
    for (let n = 0; n < POSTINGS_PER_TERM + 20; n += 1) {
      await insertArticle(
        t.deps.db,
        {
          slug: `harbour-works-${n}`,
          headline: `Harbour works at the ${places[n % places.length]} ${n % 7 === 0 ? 'delayed' : 'continue'}`,
          standfirst: '',
          body: paragraph(`Crews ${n % 3 === 0 ? 'dredge' : 'repair'} the ${places[(n * 3) % places.length]} near berth ${n % 11}.`),
          sectionId: section.id,
          authorIds: [],
          tagIds: tag ? [tag.id] : [],
          typeLabel: 'News',
          status: 'published',
          publishedAt: new Date(t.clock.now().getTime() - (n + 1) * HOUR_MS),
        },
        t.clock.now(),
      );
    }
    const inWorker = new RelatedStoriesService(t.deps.db, t.clock, {
      database: { target: t.deps.config.database, postgres: await postgresOptions(t) },
      inProcessLimit: 0,
    });
    await inWorker.rebuild();
    const built = await lists(t);
    const documents = await findDocuments(t.deps.db, { articleIds: [...built.keys()] });
    for (const document of documents) {
      const ranking = await rankFromStore(t.deps.db, document, document.profile);
      const ids = ranking.list.map((entry) => ranking.documents.get(entry.docNo)?.articleId);
      assert.deepEqual(ids, built.get(document.articleId) ?? [], document.articleId);
    }
    // Built again over stored numbers (not fresh), on the main thread: the same numbers and lists.
    await t.deps.related.rebuild();
    assert.deepEqual(await lists(t), built);
    const again = await findDocuments(t.deps.db, { articleIds: [...built.keys()] });
    assert.deepEqual(
      again.map((document) => [document.articleId, document.docNo]).sort(),
      documents.map((document) => [document.articleId, document.docNo]).sort(),
    );
  });
});

/** On PostgreSQL, the test's own schema, for the worker's connection. */
async function postgresOptions(t: TestApp): Promise<{ searchPath?: string }> {
  if (t.deps.config.database.engine !== 'postgres') return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.deps.db);
  return rows[0] ? { searchPath: rows[0].schema } : {};
}
