import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Reads for the state other modules compute from the stories and store (the search index, the
 * sitemaps): walking the archive a slice at a time, and the few facts a change needs to find what
 * it touches. Stories of any status; what readers see still goes through publishedQuery.
 */

/** Up to `limit` story ids after `afterId` (null: from the first), in id order, any status: the primary key, a slice at a time. */
export async function listArticleIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('articles').select('articles.id').orderBy('articles.id').limit(limit);
  if (afterId !== null) query = query.where('articles.id', '>', afterId);
  return (await query.execute()).map((row) => row.id);
}

/** How many stories there are, any status. */
export async function countArticles(db: Db): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A story's publication time (null when it has none yet), any status; stories that are gone are absent. */
export async function findPublicationTimes(db: Db, ids: readonly string[]): Promise<Map<string, Date | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['articles.id', 'articles.published_at'])
    .where('articles.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.published_at ? new Date(row.published_at) : null]));
}

/**
 * Published stories that became visible by time alone in (from, to]: their publication time or
 * their embargo's end passed. No event marks that moment (publishedQuery's rule, in hindsight).
 * Read through the partial indexes of published stories and of embargoes (migration 0009).
 */
export async function listBecameVisibleBetween(db: Db, from: Date, to: Date): Promise<Array<{ id: string; publishedAt: Date }>> {
  const [fromIso, toIso] = [from.toISOString(), to.toISOString()];
  const published = sql.lit('published');
  const [byTime, byEmbargo] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['articles.id', 'articles.published_at', 'articles.embargo_until'])
      .where('articles.status', '=', published)
      .where('articles.published_at', '>', fromIso)
      .where('articles.published_at', '<=', toIso)
      .execute(),
    db
      .selectFrom('articles')
      .select(['articles.id', 'articles.published_at', 'articles.embargo_until'])
      .where('articles.status', '=', published)
      .where('articles.embargo_until', 'is not', null)
      .where('articles.embargo_until', '>', fromIso)
      .where('articles.embargo_until', '<=', toIso)
      .execute(),
  ]);
  const stories = new Map<string, Date>();
  for (const row of [...byTime, ...byEmbargo]) {
    // Visible at `to` only if neither moment is still ahead.
    const visibleAt = Math.max(Date.parse(row.published_at ?? toIso), Date.parse(row.embargo_until ?? toIso));
    if (visibleAt <= to.getTime()) stories.set(row.id, new Date(row.published_at ?? toIso));
  }
  return [...stories].map(([id, publishedAt]) => ({ id, publishedAt }));
}
