import { inTransaction, type Db } from '../../db/database.js';
import type { DomainEvents } from '../../shared/events.js';
import {
  clearFullTextIndex,
  countFullTextDocuments,
  findSearchSources,
  listAllArticleIds,
  listArticleIdsByPeople,
  optimizeFullTextIndex,
  writeFullTextDocuments,
  type FullTextDocument,
  type SearchSource,
} from './search.repository.js';
import { indexText } from './search-text.js';

/** Stories per statement: well inside both engines' parameter limits. */
const BATCH = 200;

/**
 * Changes that cannot touch any story's indexed text (headline, standfirst, body, authors, tags):
 * they skip the rebuild that an event naming no stories otherwise causes.
 */
const REASONS_WITHOUT_TEXT = new Set(['settings', 'media', 'section', 'pick', 'picks', 'lead', 'banner', 'banner-ended', 'static-page']);

/**
 * Keeps the full-text index in step with the stories. Every story is indexed whatever its status;
 * who may see what is decided when searching. Work is queued, so two changes never interleave.
 */
export class SearchIndexer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Db) {}

  /** After a `content.changed`: the stories it names, or all of them when it names none. */
  onContentChanged(change: DomainEvents['content.changed']): Promise<void> {
    if (change.articleIds) return this.reindex(change.articleIds);
    if (REASONS_WITHOUT_TEXT.has(change.reason)) return Promise.resolve();
    // An author or tag named: only their stories hold the name (none at all for a new one).
    if (change.authorIds || change.tagIds) {
      return listArticleIdsByPeople(this.db, change.authorIds ?? [], change.tagIds ?? []).then((ids) => this.reindex(ids));
    }
    return this.rebuild();
  }

  /** At start: an index that does not hold one row per story (a new or upgraded database) is rebuilt. */
  ensureCurrent(): Promise<void> {
    return this.enqueue(async () => {
      const [indexed, stories] = await Promise.all([countFullTextDocuments(this.db), listAllArticleIds(this.db)]);
      if (indexed !== stories.length) await this.rebuildNow(stories);
    });
  }

  reindex(ids: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const documents = (await findSearchSources(this.db, batch)).map(toDocument);
        const found = new Set(documents.map((doc) => doc.articleId));
        await inTransaction(this.db, (trx) => writeFullTextDocuments(trx, documents, batch.filter((id) => !found.has(id))));
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
      await clearFullTextIndex(trx);
      for (let i = 0; i < documents.length; i += BATCH) await writeFullTextDocuments(trx, documents.slice(i, i + BATCH));
    });
    await optimizeFullTextIndex(this.db);
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
