import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { inTransaction, type Db } from '../../db/database.js';
import type { FullTextDocument, FullTextIndex } from '../../db/dialects/full-text.js';
import { countArticles, listArticleIdsAfter } from '../articles/index.js';
import { findSearchSources, listArticleIdsByPeople, type SearchSource } from './search.repository.js';
import { indexText } from './search-text.js';

/** Stories per statement when the stories a change names are re-indexed: well inside both engines' parameter limits. */
const BATCH = 200;
/** Story ids looked at per step when the archive is walked (primary keys, and the index's keys). */
const WALK_PAGE = 500;
/**
 * Event-loop time one slice of a walk aims at: reading and tokenising a few stories (about half a
 * millisecond each) and writing them, before the loop gets a turn. Well under the 50 ms a request
 * may wait.
 */
const SLICE_TARGET_MS = 15;
const MAX_SLICE_STORIES = 100;

/**
 * What to re-index: the stories named; the stories of these authors or tags (their names are
 * indexed with the stories); or every story.
 */
export type IndexScope = { articleIds: readonly string[] } | { authorIds: readonly string[]; tagIds: readonly string[] } | 'all';

/**
 * Keeps the full-text index in step with the stories. Every story is indexed whatever its status;
 * who may see what is decided when searching. A change re-indexes the stories it names. Work on the
 * whole archive (indexing what is missing after an upgrade emptied the index or an import added
 * stories; re-indexing everything) walks the stories by id a slice at a time, each slice a few
 * milliseconds of the event loop and its own short transaction, so requests and searches go on
 * meanwhile, answered from what is indexed so far. Work is queued slice by slice, so a story
 * changed during a walk is re-indexed between two slices, never interleaved with one.
 */
export class SearchIndexer {
  private queue: Promise<unknown> = Promise.resolve();
  /** Stories per slice, adjusted so that a slice takes about SLICE_TARGET_MS. */
  private sliceStories = 10;
  private walking: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly fullText: FullTextIndex,
  ) {}

  /** After a change: the stories it names, those of the authors or tags it names, or all of them. */
  refresh(scope: IndexScope): Promise<void> {
    if (scope === 'all') return this.rebuild();
    if ('articleIds' in scope) return this.reindex(scope.articleIds);
    // Only their stories hold the name (none at all for a new author or tag).
    return listArticleIdsByPeople(this.db, scope.authorIds, scope.tagIds).then((ids) => this.reindex(ids));
  }

  /**
   * Indexes the stories the index lacks (a new or upgraded database, an import), in slices. Resolves
   * when done, or early when `signal` aborts (the server stopping: the next start goes on). Calls
   * during a walk share it. Cheap when nothing is missing: two counts.
   */
  catchUp(signal?: AbortSignal): Promise<void> {
    this.walking ??= this.walkWhenBehind(signal).finally(() => {
      this.walking = undefined;
    });
    return this.walking;
  }

  reindex(ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      for (let i = 0; i < ids.length; i += BATCH) await this.write(ids.slice(i, i + BATCH));
    });
  }

  /** Every story indexed afresh, in slices (searches meanwhile find each story as it was or as it is). */
  rebuild(signal?: AbortSignal): Promise<void> {
    return this.walk('every', signal);
  }

  private async walkWhenBehind(signal?: AbortSignal): Promise<void> {
    const [indexed, stories] = await Promise.all([this.fullText.countDocuments(this.db), countArticles(this.db)]);
    if (indexed < stories) await this.walk('missing', signal);
  }

  /** Walks every story id in order, indexing those missing (or every one), a slice at a time. */
  private async walk(which: 'missing' | 'every', signal?: AbortSignal): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const ids: string[] = await listArticleIdsAfter(this.db, after, WALK_PAGE);
      const last = ids.at(-1);
      if (last === undefined) return;
      after = last;
      let todo = ids;
      if (which === 'missing') {
        const indexed = new Set(await this.fullText.indexedIds(this.db, ids));
        todo = ids.filter((id) => !indexed.has(id));
      }
      for (let start = 0; start < todo.length;) {
        if (signal?.aborted) return;
        const slice = todo.slice(start, start + this.sliceStories);
        start += slice.length;
        await this.enqueue(() => this.timedWrite(slice));
        await nextTurnOfEventLoop();
      }
      await nextTurnOfEventLoop();
    }
  }

  /** One slice, timed: the next slice grows or shrinks towards the target time. */
  private async timedWrite(ids: readonly string[]): Promise<void> {
    const started = performance.now();
    await this.write(ids);
    const perStory = (performance.now() - started) / Math.max(1, ids.length);
    this.sliceStories = Math.max(1, Math.min(MAX_SLICE_STORIES, Math.floor(SLICE_TARGET_MS / Math.max(perStory, 0.01))));
  }

  /**
   * Documents are made first, outside any transaction: on SQLite a transaction holds the one
   * connection. Then one short transaction writes them, and removes the documents of stories that
   * are gone.
   */
  private async write(ids: readonly string[]): Promise<void> {
    const documents = (await findSearchSources(this.db, ids)).map(toDocument);
    const found = new Set(documents.map((doc) => doc.articleId));
    await inTransaction(this.db, (trx) =>
      this.fullText.writeDocuments(
        trx,
        documents,
        ids.filter((id) => !found.has(id)),
      ),
    );
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => {});
    return next;
  }
}

export function toDocument(source: SearchSource): FullTextDocument {
  return {
    articleId: source.id,
    publishedAt: source.publishedAt,
    visibleFrom: source.visibleFrom,
    sectionId: source.sectionId,
    editionId: source.editionId,
    headline: indexText(source.headline),
    standfirst: indexText(source.standfirst),
    people: indexText(source.people.join('\n')),
    body: indexText(source.bodyText),
  };
}
