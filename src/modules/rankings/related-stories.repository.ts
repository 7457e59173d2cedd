import type { Db } from '../../db/database.js';
import { bodyPlainText, parseStoredBody } from '../../shared/article-body.js';
import { publishedQuery } from '../articles/index.js';
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
