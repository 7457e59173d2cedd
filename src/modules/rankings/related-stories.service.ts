import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { bodyPlainText } from '../../shared/article-body.js';
import { findNextVisibilityChange, type Article } from '../articles/index.js';
import { listRelatednessDocuments } from './related-stories.repository.js';
import { RelatedStoriesIndex } from './related-stories.js';

/** How many stories "You May Also Like" shows. */
export const RELATED_STORIES_COUNT = 5;

/**
 * Lists computed between two turns of the event loop. Recomputing every list takes a second or more
 * at 5,000 stories (docs/rankings.md); in slices of this size pages keep being served meanwhile.
 */
const STORIES_PER_SLICE = 200;

/**
 * "You May Also Like" for every visible story, computed when content changes and held in memory,
 * so rendering a page only reads a map. `load()` builds everything; `update(ids)` re-reads the
 * given stories (published, edited or withdrawn) and recomputes every list from the in-memory
 * index, since a change to one story moves the idf of its words and can reorder any list.
 * Loads and updates run one at a time, in the order they were asked for.
 */
export class RelatedStoriesService {
  private readonly index = new RelatedStoriesIndex();
  private related = new Map<string, string[]>();
  private queue: Promise<void> = Promise.resolve();
  private nextVisibilityChange: Date | null = null;
  private catchingUp = false;

  /**
   * @param onChange called after a reload that no event asked for (an embargo or publication time
   *   passing), so cached pages showing the old lists can be dropped.
   */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Reads every visible story and recomputes every list. */
  load(): Promise<void> {
    return this.serialize(async () => {
      const now = this.clock.now();
      this.index.rebuild(await listRelatednessDocuments(this.db, now));
      await this.recompute(now);
    });
  }

  /** Re-reads only these stories: adds or replaces the visible ones, removes the rest. */
  update(articleIds: readonly string[]): Promise<void> {
    return this.serialize(async () => {
      const now = this.clock.now();
      const visible = await listRelatednessDocuments(this.db, now, articleIds);
      const visibleIds = new Set(visible.map((doc) => doc.id));
      for (const id of articleIds) if (!visibleIds.has(id)) this.index.remove(id);
      for (const doc of visible) this.index.upsert(doc);
      await this.recompute(now);
    });
  }

  /**
   * The related story ids for a visible story, best first; a pure in-memory read. When a story
   * has become visible by the clock alone since the last load, a reload starts in the background
   * and this answer is the previous one.
   */
  relatedTo(articleId: string): string[] {
    this.catchUpWithClock();
    return this.related.get(articleId) ?? [];
  }

  /**
   * Related ids for any story: the stored list when it is indexed, else computed on the spot from
   * the story itself (a draft in the newsroom's preview) against the indexed stories.
   */
  relatedToArticle(article: Article): string[] {
    if (this.index.has(article.id)) return this.relatedTo(article.id);
    return this.index.relatedToDocument(
      {
        id: article.id,
        headline: article.headline,
        standfirst: article.standfirst,
        bodyText: bodyPlainText(article.body),
        tagIds: article.tags.map((tag) => tag.id),
        sectionId: article.section.id,
        seriesId: article.series?.id ?? null,
        publishedAt: article.publishedAt,
      },
      RELATED_STORIES_COUNT,
    );
  }

  private async recompute(now: Date): Promise<void> {
    const related = new Map<string, string[]>();
    const ids = this.index.ids();
    for (let start = 0; start < ids.length; start += STORIES_PER_SLICE) {
      for (const id of ids.slice(start, start + STORIES_PER_SLICE)) related.set(id, this.index.relatedTo(id, RELATED_STORIES_COUNT));
      await nextTurnOfEventLoop();
    }
    // Swapped in whole: a reader never sees some lists new and others old.
    this.related = related;
    this.nextVisibilityChange = await findNextVisibilityChange(this.db, now);
  }

  private catchUpWithClock(): void {
    const due = this.nextVisibilityChange;
    if (!due || this.catchingUp || this.clock.now().getTime() < due.getTime()) return;
    this.catchingUp = true;
    this.load()
      .then(() => this.onChange())
      // A failed reload keeps the previous lists; the next read after the due time tries again.
      .catch(() => {})
      .finally(() => {
        this.catchingUp = false;
      });
  }

  /** Runs `work` after every earlier load or update has settled, whether it succeeded or not. */
  private serialize(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }
}
