import type { CompiledQuery } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { bodyPlainText, type ArticleBody } from '../../shared/article-body.js';
import { publishedQuery } from '../articles/index.js';
import type { RelatedStoryDocument, RankedStory } from './related-stories.js';
import type { Profile } from './related-stories-index.js';

/**
 * The SQL of "You May Also Like": what relatedness reads of the visible stories (through
 * publishedQuery, the readers' rule) and the stored state of migration 0010. Every statement reads
 * by a key or an index: a story's list by its number, a term's postings newest first, a story's
 * profile by its number. Long lists of keys are sent in chunks of CHUNK.
 */

const CHUNK = 500;

/** Where a page of stories read in publication order ended. */
export interface DocumentCursor {
  publishedAt: string;
  id: string;
}

export interface RelatedState {
  methodVersion: number;
  storyCount: number;
  builtAt: Date | null;
  buildHeartbeatAt: Date | null;
  changesSinceBuild: number;
  visibleAsOf: Date | null;
}

/** A stored story: its number and what ranking and merging read of it. */
export interface StoredDocument {
  docNo: number;
  articleId: string;
  seriesId: string | null;
  publishedAt: number;
  tailScore: number;
  profile: Profile;
}

/** The ids readers see for a story's list, best first: one statement by the lists' primary key. */
export async function findRelatedIds(db: Db, articleId: string, limit: number): Promise<string[]> {
  return (await relatedIdsQuery(db, articleId, limit)).map((row) => row.article_id);
}

// On every uncached article page: built once (db/prepared-query.ts).
const relatedIdsQuery = preparedQuery((db, articleId: string, limit: number) =>
  db
    .selectFrom('related_documents as subject')
    .innerJoin('related_stories as list', 'list.doc_no', 'subject.doc_no')
    .innerJoin('related_documents as related', 'related.doc_no', 'list.related_no')
    .select('related.article_id')
    .where('subject.article_id', '=', articleId)
    .orderBy('list.position')
    .limit(limit),
);

/**
 * What relatedness reads of the given stories, as readers can see them now (see `publishedQuery`
 * for the rule): a story among `ids` missing from the result is not visible. Two queries.
 */
export async function listRelatednessDocuments(db: Db, now: Date, scope: { ids: readonly string[] }): Promise<RelatedStoryDocument[]> {
  const rows = await relatednessQuery(db, now, { ids: scope.ids }).execute();
  return toDocuments(db, rows);
}

/**
 * A page of every visible story after `after`, in publication order: the order stories are
 * written in, so a full build reads the table's pages in sequence rather than at random (four times
 * faster than id order at 100,000 stories). `next` is where the following page starts, or null.
 */
export async function listRelatednessPage(
  db: Db,
  now: Date,
  after: DocumentCursor | null,
  limit: number,
): Promise<{ documents: RelatedStoryDocument[]; next: DocumentCursor | null }> {
  let query = relatednessQuery(db, now, {});
  if (after) query = query.where((eb) => eb(eb.refTuple('articles.published_at', 'articles.id'), '>', eb.tuple(after.publishedAt, after.id)));
  const rows = await query.orderBy('articles.published_at').orderBy('articles.id').limit(limit).execute();
  const last = rows[rows.length - 1];
  return {
    documents: await toDocuments(db, rows),
    next: last && rows.length === limit ? { publishedAt: last.published_at ?? '', id: last.id } : null,
  };
}

function relatednessQuery(db: Db, now: Date, filter: { ids?: readonly string[] }) {
  return publishedQuery(db, filter, now).select([
    'articles.id',
    'articles.headline',
    'articles.standfirst',
    'articles.body',
    'articles.section_id',
    'articles.series_id',
    'articles.published_at',
  ]);
}

async function toDocuments(
  db: Db,
  rows: ReadonlyArray<{
    id: string;
    headline: string;
    standfirst: string;
    body: string;
    section_id: string;
    series_id: string | null;
    published_at: string | null;
  }>,
): Promise<RelatedStoryDocument[]> {
  if (rows.length === 0) return [];
  // In key order: a story's terms are summed in the order they come, so tags in the order a query
  // plan happened to give (PostgreSQL's varies with the number of ids) moved its weights by a bit or two.
  const tagRows = await db
    .selectFrom('article_tags')
    .select(['article_id', 'tag_id'])
    .where(
      'article_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('article_id')
    .orderBy('tag_id')
    .execute();
  const tagIds = new Map<string, string[]>();
  for (const row of tagRows) tagIds.set(row.article_id, [...(tagIds.get(row.article_id) ?? []), row.tag_id]);
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    // Checked when written (serializeBody); parsing with the schema again was a tenth of a full build.
    bodyText: bodyPlainText(JSON.parse(row.body) as ArticleBody),
    tagIds: tagIds.get(row.id) ?? [],
    sectionId: row.section_id,
    seriesId: row.series_id,
    // publishedQuery only matches rows with a publication time at or before now.
    publishedAt: new Date(row.published_at ?? 0),
  }));
}

/**
 * The stories that became visible in (since, now] by their publication time or embargo passing:
 * two index ranges (published_at, embargo_until) rather than one OR, which no index serves.
 */
export async function listNewlyVisibleIds(db: Db, since: Date, now: Date): Promise<string[]> {
  const sinceIso = since.toISOString();
  const passed = (column: 'articles.published_at' | 'articles.embargo_until') =>
    publishedQuery(db, {}, now).select('articles.id').where(column, '>', sinceIso);
  const rows = await passed('articles.published_at').union(passed('articles.embargo_until')).execute();
  return rows.map((row) => row.id);
}

/** Whether readers can see more than `count` stories: reads at most count + 1 keys, never counts them all. */
export async function hasMoreVisibleThan(db: Db, now: Date, count: number): Promise<boolean> {
  const rows = await publishedQuery(db, {}, now)
    .select('articles.id')
    .limit(count + 1)
    .execute();
  return rows.length > count;
}

export async function readState(db: Db): Promise<RelatedState | undefined> {
  const row = await db.selectFrom('related_state').selectAll().where('id', '=', 1).executeTakeFirst();
  return (
    row && {
      methodVersion: row.method_version,
      storyCount: Number(row.story_count),
      builtAt: row.built_at ? new Date(row.built_at) : null,
      buildHeartbeatAt: row.build_heartbeat_at ? new Date(row.build_heartbeat_at) : null,
      changesSinceBuild: Number(row.changes_since_build),
      visibleAsOf: row.visible_as_of ? new Date(row.visible_as_of) : null,
    }
  );
}

/** Marks a full build as running (or still running): other nodes defer their updates meanwhile. */
export async function markBuildRunning(db: Db, now: Date, methodVersion: number): Promise<void> {
  await db
    .insertInto('related_state')
    .values({ id: 1, method_version: methodVersion, story_count: 0, built_at: null, build_heartbeat_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ build_heartbeat_at: now.toISOString() }))
    .execute();
}

export async function markBuildFinished(db: Db, values: { now: Date; methodVersion: number; storyCount: number }): Promise<void> {
  await db
    .updateTable('related_state')
    .set({
      method_version: values.methodVersion,
      story_count: values.storyCount,
      built_at: values.now.toISOString(),
      build_heartbeat_at: null,
      changes_since_build: 0,
      visible_as_of: values.now.toISOString(),
    })
    .where('id', '=', 1)
    .execute();
}

/** Stories that became visible by the clock up to `now` have been taken in. */
export async function markVisibleAsOf(db: Db, now: Date): Promise<void> {
  await db.updateTable('related_state').set({ visible_as_of: now.toISOString() }).where('id', '=', 1).execute();
}

/** A failed build: the lists stored before it stay, and the next start or import tries again. */
export async function markBuildAbandoned(db: Db): Promise<void> {
  await db.updateTable('related_state').set({ build_heartbeat_at: null }).where('id', '=', 1).execute();
}

/** Rows read per statement when every number given out is read. */
const KNOWN_PAGE = 10_000;

/**
 * Every number given out so far, handed over a page at a time (an archive's vocabulary may be a
 * million terms): a rebuild keeps them, so lists it has not replaced yet stay right.
 */
export async function readKnownNumbers(
  db: Db,
  take: { term(term: string, termNo: number): void; document(articleId: string, docNo: number): void },
): Promise<void> {
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('related_terms')
      .select(['term', 'term_no'])
      .where('term_no', '>', after)
      .orderBy('term_no')
      .limit(KNOWN_PAGE)
      .execute();
    for (const row of rows) take.term(row.term, Number(row.term_no));
    const last = rows[rows.length - 1];
    if (!last || rows.length < KNOWN_PAGE) break;
    after = Number(last.term_no);
  }
  for (let after = 0; ;) {
    const rows = await db
      .selectFrom('related_documents')
      .select(['article_id', 'doc_no'])
      .where('doc_no', '>', after)
      .orderBy('doc_no')
      .limit(KNOWN_PAGE)
      .execute();
    for (const row of rows) take.document(row.article_id, Number(row.doc_no));
    const last = rows[rows.length - 1];
    if (!last || rows.length < KNOWN_PAGE) break;
    after = Number(last.doc_no);
  }
}

/** The stored stories among these ids, with their profiles. */
export async function findDocuments(db: Db, by: { articleIds: readonly string[] } | { docNos: readonly number[] }): Promise<StoredDocument[]> {
  const keys: ReadonlyArray<string | number> = 'articleIds' in by ? by.articleIds : by.docNos;
  const rows = await inChunks(keys, (chunk) =>
    db
      .selectFrom('related_documents')
      .selectAll()
      .where('articleIds' in by ? 'article_id' : 'doc_no', 'in', chunk as never[])
      .execute(),
  );
  return rows.map((row) => ({
    docNo: Number(row.doc_no),
    articleId: row.article_id,
    seriesId: row.series_id,
    publishedAt: Date.parse(row.published_at),
    tailScore: Number(row.tail_score),
    profile: decodeProfile(row.profile),
  }));
}

/** Document frequencies and numbers of these terms (those never seen are absent). */
export async function findTerms(db: Db, terms: readonly string[]): Promise<Map<string, { termNo: number; storyCount: number }>> {
  const rows = await inChunks(terms, (chunk) => db.selectFrom('related_terms').selectAll().where('term', 'in', chunk).execute());
  return new Map(rows.map((row) => [row.term, { termNo: Number(row.term_no), storyCount: Number(row.story_count) }]));
}

/**
 * The candidates sharing the subject's profile terms, best partial score first: for each term its
 * newest `perTerm` postings other than the subject's own (one indexed range read per term, `union
 * all`), each adding `weight in subject × weight in candidate`, summed by the database, so only the
 * `limit` best come back however long the postings.
 */
export async function scoreCandidates(
  db: Db,
  profile: Profile,
  subjectDocNo: number,
  options: { perTerm: number; limit: number },
): Promise<Array<{ docNo: number; score: number }>> {
  if (profile.termNos.length === 0) return [];
  const shares = Array.from(profile.termNos, (termNo, i) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('related_profiles')
          .select(['doc_no', 'weight'])
          .where('term_no', '=', termNo)
          .where('doc_no', '<>', subjectDocNo)
          .orderBy('doc_no', 'desc')
          .limit(options.perTerm)
          .as('posting'),
      )
      .select((eb) => ['posting.doc_no', eb('posting.weight', '*', profile.weights[i] ?? 0).as('share')]),
  );
  let union = shares[0] as NonNullable<(typeof shares)[0]>;
  for (const next of shares.slice(1)) union = union.unionAll(next);
  const rows = await db
    .selectFrom(union.as('shares'))
    .select((eb) => ['shares.doc_no', eb.fn.sum<number>('shares.share').as('score')])
    .groupBy('shares.doc_no')
    .orderBy('score', 'desc')
    .orderBy('shares.doc_no', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({ docNo: Number(row.doc_no), score: Number(row.score) }));
}

/**
 * For each term with more than `perTerm` postings (other than the subject's): the oldest story
 * counted. One seek per term, past its first `perTerm - 1` postings.
 */
export async function findCappedTerms(
  db: Db,
  termNos: readonly number[],
  subjectDocNo: number,
  perTerm: number,
): Promise<Array<{ termNo: number; oldestCounted: number }>> {
  if (termNos.length === 0) return [];
  const edges = termNos.map((termNo) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('related_profiles')
          .select(['term_no', 'doc_no'])
          .where('term_no', '=', termNo)
          .where('doc_no', '<>', subjectDocNo)
          .orderBy('doc_no', 'desc')
          .limit(2)
          .offset(perTerm - 1)
          .as('edge'),
      )
      .selectAll(),
  );
  let union = edges[0] as NonNullable<(typeof edges)[0]>;
  for (const next of edges.slice(1)) union = union.unionAll(next);
  const rows = await union.execute();
  const byTerm = new Map<number, number[]>();
  for (const row of rows) byTerm.set(Number(row.term_no), [...(byTerm.get(Number(row.term_no)) ?? []), Number(row.doc_no)]);
  // Two rows: the term has a posting past the last counted one.
  return [...byTerm].filter(([, docNos]) => docNos.length === 2).map(([termNo, docNos]) => ({ termNo, oldestCounted: Math.max(...docNos) }));
}

/** The stories whose stored list holds this one. */
export async function findListsHolding(db: Db, docNo: number): Promise<number[]> {
  const rows = await db.selectFrom('related_stories').select('doc_no').where('related_no', '=', docNo).execute();
  return rows.map((row) => Number(row.doc_no));
}

/** The stored lists of these stories, best first, each entry with its story's publication time. */
export async function readLists(db: Db, docNos: readonly number[]): Promise<Map<number, RankedStory[]>> {
  const rows = await inChunks(docNos, (chunk) =>
    db
      .selectFrom('related_stories as list')
      .innerJoin('related_documents as related', 'related.doc_no', 'list.related_no')
      .select(['list.doc_no', 'list.position', 'list.related_no', 'list.score', 'related.published_at'])
      .where('list.doc_no', 'in', chunk)
      .execute(),
  );
  const lists = new Map<number, RankedStory[]>(docNos.map((docNo) => [docNo, []]));
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    lists.get(Number(row.doc_no))?.push({ docNo: Number(row.related_no), score: Number(row.score), publishedAt: Date.parse(row.published_at) });
  }
  return lists;
}

/** A story's stored state: its row (with its profile) and its list. */
export interface StoryWrite {
  docNo: number;
  articleId: string;
  seriesId: string | null;
  publishedAt: Date;
  tailScore: number;
  profile: Profile;
  list: readonly RankedStory[];
}

/** Writes these stories' rows and replaces their lists; `fresh`: nothing was stored for them before. */
export async function writeStories(db: Db, stories: readonly StoryWrite[], options: { fresh?: boolean } = {}): Promise<void> {
  if (stories.length === 0) return;
  await insertInChunks(
    stories.map((story) => ({
      doc_no: story.docNo,
      article_id: story.articleId,
      series_id: story.seriesId,
      published_at: story.publishedAt.toISOString(),
      tail_score: story.tailScore,
      profile: encodeProfile(story.profile),
    })),
    6,
    (rows) =>
      db
        .insertInto('related_documents')
        .values(rows)
        .onConflict((oc) =>
          oc.column('doc_no').doUpdateSet((eb) => ({
            series_id: eb.ref('excluded.series_id'),
            published_at: eb.ref('excluded.published_at'),
            tail_score: eb.ref('excluded.tail_score'),
            profile: eb.ref('excluded.profile'),
          })),
        )
        .execute(),
  );
  await replaceLists(db, stories, options);
}

/** Replaces these stories' lists (their rows' tail scores are the caller's). */
async function replaceLists(
  db: Db,
  lists: ReadonlyArray<{ docNo: number; list: readonly RankedStory[] }>,
  options: { fresh?: boolean } = {},
): Promise<void> {
  if (!options.fresh) {
    await inChunks(
      lists.map((entry) => entry.docNo),
      async (chunk) => {
        await db.deleteFrom('related_stories').where('doc_no', 'in', chunk).execute();
        return [];
      },
    );
  }
  await insertTuples(
    db,
    'related_stories',
    ['doc_no', 'position', 'related_no', 'score'],
    lists.flatMap((entry) => entry.list.map((related, position) => [entry.docNo, position, related.docNo, related.score])),
  );
}

/** Replaces these stories' lists and the score a newcomer must beat to enter each. */
export async function writeLists(db: Db, lists: ReadonlyArray<{ docNo: number; tailScore: number; list: readonly RankedStory[] }>): Promise<void> {
  await replaceLists(db, lists);
  for (const entry of lists) {
    await db.updateTable('related_documents').set({ tail_score: entry.tailScore }).where('doc_no', '=', entry.docNo).execute();
  }
}

/** Replaces one story's postings: those of its previous profile out, its new profile's in. */
export async function replacePostings(db: Db, docNo: number, previous: Profile | undefined, profile: Profile): Promise<void> {
  if (previous && previous.termNos.length > 0) {
    await db
      .deleteFrom('related_profiles')
      .where('doc_no', '=', docNo)
      .where('term_no', 'in', [...previous.termNos])
      .execute();
  }
  await insertPostings(
    db,
    Array.from(profile.termNos, (termNo, i) => ({ term_no: termNo, doc_no: docNo, weight: profile.weights[i] ?? 0 })),
  );
}

/** The full build's postings: all of them at once, in key order (appends, the cheapest writes). */
export async function clearPostings(db: Db): Promise<void> {
  await db.deleteFrom('related_profiles').execute();
}

export async function insertPostings(db: Db, rows: ReadonlyArray<{ term_no: number; doc_no: number; weight: number }>): Promise<void> {
  await insertTuples(
    db,
    'related_profiles',
    ['term_no', 'doc_no', 'weight'],
    rows.map((row) => [row.term_no, row.doc_no, row.weight]),
  );
}

/**
 * The index of lists by the stories they hold serves updates only, which wait during a full build:
 * the build drops it and makes it again after writing every list (sorting once beats a million
 * random inserts).
 */
export async function dropListsIndex(db: Db): Promise<void> {
  await db.schema.dropIndex('related_stories_related_idx').ifExists().execute();
}

export async function createListsIndex(db: Db): Promise<void> {
  await db.schema.createIndex('related_stories_related_idx').ifNotExists().on('related_stories').columns(['related_no', 'doc_no']).execute();
}

/** Sets the document frequencies of these terms, adding the terms not stored yet. */
export async function writeTerms(db: Db, terms: ReadonlyArray<{ termNo: number; term: string; storyCount: number }>): Promise<void> {
  await insertInChunks(
    terms.map((term) => ({ term_no: term.termNo, term: term.term, story_count: term.storyCount })),
    3,
    (rows) =>
      db
        .insertInto('related_terms')
        .values(rows)
        .onConflict((oc) => oc.column('term_no').doUpdateSet((eb) => ({ story_count: eb.ref('excluded.story_count') })))
        .execute(),
  );
}

/**
 * Adds terms never stored before, numbered from the highest number on, each held by one story. A
 * term another node added meanwhile is counted once more instead (`counted`) or left as it is.
 */
export async function addTerms(db: Db, terms: readonly string[], options: { counted: boolean }): Promise<void> {
  if (terms.length === 0) return;
  const first = (await highestNumbers(db)).termNo + 1;
  await insertInChunks(
    terms.map((term, i) => ({ term_no: first + i, term, story_count: 1 })),
    3,
    (rows) =>
      db
        .insertInto('related_terms')
        .values(rows)
        .onConflict((oc) =>
          options.counted
            ? oc.column('term').doUpdateSet((eb) => ({ story_count: eb('related_terms.story_count', '+', 1) }))
            : oc.column('term').doNothing(),
        )
        .execute(),
  );
}

/** Removes stories from the stored state: their rows, postings, lists, and their place in others' lists. */
export async function deleteStories(db: Db, stories: ReadonlyArray<{ docNo: number; profile: Profile }>): Promise<void> {
  for (const story of stories) {
    if (story.profile.termNos.length === 0) continue;
    await db
      .deleteFrom('related_profiles')
      .where('doc_no', '=', story.docNo)
      .where('term_no', 'in', [...story.profile.termNos])
      .execute();
  }
  await inChunks(
    stories.map((story) => story.docNo),
    async (chunk) => {
      await db.deleteFrom('related_stories').where('doc_no', 'in', chunk).execute();
      await db.deleteFrom('related_stories').where('related_no', 'in', chunk).execute();
      await db.deleteFrom('related_documents').where('doc_no', 'in', chunk).execute();
      return [];
    },
  );
}

export async function deleteTerms(db: Db, termNos: readonly number[]): Promise<void> {
  await inChunks(termNos, async (chunk) => {
    await db.deleteFrom('related_terms').where('term_no', 'in', chunk).execute();
    return [];
  });
}

/** The highest numbers given out so far (0 when none). */
export async function highestNumbers(db: Db): Promise<{ docNo: number; termNo: number }> {
  const [doc, term] = await Promise.all([
    db
      .selectFrom('related_documents')
      .select((eb) => eb.fn.max('doc_no').as('max'))
      .executeTakeFirst(),
    db
      .selectFrom('related_terms')
      .select((eb) => eb.fn.max('term_no').as('max'))
      .executeTakeFirst(),
  ]);
  return { docNo: Number(doc?.max ?? 0), termNo: Number(term?.max ?? 0) };
}

/**
 * Counts an update in the state row. On PostgreSQL the row stays locked until the transaction ends,
 * so updates from several nodes write one at a time (SQLite has a single writer anyway).
 */
export async function countChange(db: Db, change: { stories: number; drift: number }): Promise<void> {
  await db
    .updateTable('related_state')
    .set((eb) => ({
      story_count: eb('story_count', '+', change.stories),
      changes_since_build: eb('changes_since_build', '+', change.drift),
    }))
    .where('id', '=', 1)
    .execute();
}

/** Adds one to the document frequency of these stored terms. */
export async function countTermsOnceMore(db: Db, termNos: readonly number[]): Promise<void> {
  await inChunks(termNos, async (chunk) => {
    await db
      .updateTable('related_terms')
      .set((eb) => ({ story_count: eb('story_count', '+', 1) }))
      .where('term_no', 'in', chunk)
      .execute();
    return [];
  });
}

export async function addPending(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  await db
    .insertInto('related_pending')
    .values(articleIds.map((articleId) => ({ article_id: articleId })))
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute();
}

/** Takes (reads and removes) the stories waiting for an update. */
export async function takePending(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('related_pending').select('article_id').execute();
  const ids = rows.map((row) => row.article_id);
  await inChunks(ids, async (chunk) => {
    await db.deleteFrom('related_pending').where('article_id', 'in', chunk).execute();
    return [];
  });
  return ids;
}

/** Every stored list as story ids, best first (tests and measurements compare them). */
export async function dumpLists(db: Db): Promise<Array<{ articleId: string; related: string[] }>> {
  const rows = await db
    .selectFrom('related_stories as list')
    .innerJoin('related_documents as subject', 'subject.doc_no', 'list.doc_no')
    .innerJoin('related_documents as related', 'related.doc_no', 'list.related_no')
    .select(['subject.article_id as subject', 'related.article_id as related', 'list.position'])
    .orderBy('subject.article_id')
    .orderBy('list.position')
    .execute();
  const lists = new Map<string, string[]>();
  for (const row of rows) lists.set(row.subject, [...(lists.get(row.subject) ?? []), row.related]);
  return [...lists].map(([articleId, related]) => ({ articleId, related }));
}

async function inChunks<K, R>(keys: readonly K[], read: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < keys.length; start += CHUNK) results.push(...(await read(keys.slice(start, start + CHUNK))));
  return results;
}

/**
 * Multi-row inserts of plain values, the full build's millions of rows: the statement for a chunk
 * size is compiled once per engine and reused with new parameters, since building and compiling a
 * thousand-row insert with the query builder cost more than the database took to run it.
 */
async function insertTuples(
  db: Db,
  table: 'related_profiles' | 'related_stories',
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<number>>,
): Promise<void> {
  const size = Math.floor(6_000 / columns.length);
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    // Only full chunks are kept: a change's few rows come in every length.
    const key = `${db.getExecutor().adapter.constructor.name} ${table}`;
    let compiled = chunk.length === size ? compiledInserts.get(key) : undefined;
    if (!compiled) {
      const placeholder = Object.fromEntries(columns.map((column) => [column, 0]));
      compiled = db
        .insertInto(table)
        .values(chunk.map(() => placeholder) as never)
        .compile();
      if (chunk.length === size) compiledInserts.set(key, compiled);
    }
    await db.executeQuery({ ...compiled, parameters: chunk.flat() });
  }
}

const compiledInserts = new Map<string, CompiledQuery>();

/** Multi-row inserts of at most ~6,000 parameters each (both engines' limits are far above). */
async function insertInChunks<T>(rows: readonly T[], columns: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.floor(6_000 / columns);
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** A profile as one value: per term its number (uint32) then its weight (float64), little-endian. */
export function encodeProfile(profile: Profile): Uint8Array {
  const bytes = new Uint8Array(profile.termNos.length * 12);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < profile.termNos.length; i += 1) {
    view.setUint32(i * 12, profile.termNos[i] ?? 0, true);
    view.setFloat64(i * 12 + 4, profile.weights[i] ?? 0, true);
  }
  return bytes;
}

export function decodeProfile(bytes: Uint8Array): Profile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.floor(bytes.byteLength / 12);
  const profile = { termNos: new Uint32Array(count), weights: new Float64Array(count) };
  for (let i = 0; i < count; i += 1) {
    profile.termNos[i] = view.getUint32(i * 12, true);
    profile.weights[i] = view.getFloat64(i * 12 + 4, true);
  }
  return profile;
}
