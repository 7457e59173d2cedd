import { inTransaction, type Db } from '../../db/database.js';
import type { FullTextDocument, FullTextIndex } from '../../db/dialects/full-text.js';
import { listAllArticleIds } from '../articles/index.js';
import { findSearchSources, listArticleIdsByPeople, type SearchSource } from './search.repository.js';
import { indexText } from './search-text.js';

/** Stories per statement: well inside both engines' parameter limits. */
const BATCH = 200;

/**
 * What to re-index: the stories named; the stories of these authors or tags (their names are
 * indexed with the stories); or every story.
 */
export type IndexScope = { articleIds: readonly string[] } | { authorIds: readonly string[]; tagIds: readonly string[] } | 'all';

/**
 * Keeps the full-text index in step with the stories. Every story is indexed whatever its status;
 * who may see what is decided when searching. Work is queued, so two changes never interleave.
 */
export class SearchIndexer {
  private queue: Promise<unknown> = Promise.resolve();

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

  /** At start: an index that does not hold one row per story (a new or upgraded database) is rebuilt. */
  ensureCurrent(): Promise<void> {
    return this.enqueue(async () => {
      const [indexed, stories] = await Promise.all([this.fullText.countDocuments(this.db), listAllArticleIds(this.db)]);
      if (indexed !== stories.length) await this.rebuildNow(stories);
    });
  }

  reindex(ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const documents = (await findSearchSources(this.db, batch)).map(toDocument);
        const found = new Set(documents.map((doc) => doc.articleId));
        await inTransaction(this.db, (trx) =>
          this.fullText.writeDocuments(
            trx,
            documents,
            batch.filter((id) => !found.has(id)),
          ),
        );
      }
    });
  }

  rebuild(): Promise<void> {
    return this.enqueue(async () => this.rebuildNow(await listAllArticleIds(this.db)));
  }

  /**
   * Documents are made first, outside any transaction: on SQLite a transaction holds the one
   * connection, and tokenising thousands of stories inside it would stall every request. Then one
   * short transaction swaps them in, so searches see the old index until the new one is complete.
   */
  private async rebuildNow(ids: readonly string[]): Promise<void> {
    const documents: FullTextDocument[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      documents.push(...(await findSearchSources(this.db, ids.slice(i, i + BATCH))).map(toDocument));
    }
    await inTransaction(this.db, async (trx) => {
      await this.fullText.clear(trx);
      for (let i = 0; i < documents.length; i += BATCH) await this.fullText.writeDocuments(trx, documents.slice(i, i + BATCH));
    });
    await this.fullText.optimize(this.db);
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
    headline: indexText(source.headline),
    standfirst: indexText(source.standfirst),
    people: indexText(source.people.join('\n')),
    body: indexText(source.bodyText),
  };
}
