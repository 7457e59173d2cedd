import type { Db } from '../../db/database.js';
import { bodyPlainText, parseStoredBody } from '../articles/article-body.js';
import { publishedQuery } from '../articles/article.repository.js';
import type { RelatedStoryDocument } from './related-stories.js';

/**
 * What relatedness reads of every story readers can see now (see `publishedQuery` for the rule),
 * or only of the given ones: a story among `ids` that is missing from the result is not visible.
 * Two queries whatever the count; the tag query joins instead of listing ids, so a full load never
 * sends thousands of parameters.
 */
export async function listRelatednessDocuments(db: Db, now: Date, ids?: readonly string[]): Promise<RelatedStoryDocument[]> {
  const filter = ids ? { ids } : {};
  const [rows, tagRows] = await Promise.all([
    publishedQuery(db, filter, now)
      .select([
        'articles.id',
        'articles.headline',
        'articles.standfirst',
        'articles.body',
        'articles.section_id',
        'articles.series_id',
        'articles.published_at',
      ])
      .execute(),
    publishedQuery(db, filter, now)
      .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
      .select(['article_tags.article_id', 'article_tags.tag_id'])
      .execute(),
  ]);
  const tagIds = new Map<string, string[]>();
  for (const row of tagRows) tagIds.set(row.article_id, [...(tagIds.get(row.article_id) ?? []), row.tag_id]);
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    bodyText: bodyPlainText(parseStoredBody(row.body)),
    tagIds: tagIds.get(row.id) ?? [],
    sectionId: row.section_id,
    seriesId: row.series_id,
    // publishedQuery only matches rows with a publication time at or before now.
    publishedAt: new Date(row.published_at ?? 0),
  }));
}

/**
 * The next moment a published story becomes visible without anyone touching it (its publication
 * time or its embargo passes), or null when none is waiting. No event marks that moment, so the
 * service checks it itself.
 */
export async function findNextVisibilityChange(db: Db, now: Date): Promise<Date | null> {
  const nowIso = now.toISOString();
  const rows = await db
    .selectFrom('articles')
    .select(['published_at', 'embargo_until'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('published_at', '>', nowIso), eb('embargo_until', '>', nowIso)]))
    .execute();
  let next: number | null = null;
  for (const row of rows) {
    const visibleAt = Math.max(Date.parse(row.published_at ?? nowIso), Date.parse(row.embargo_until ?? nowIso));
    if (next === null || visibleAt < next) next = visibleAt;
  }
  return next === null ? null : new Date(next);
}
