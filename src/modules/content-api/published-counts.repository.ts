import type { Db } from '../../db/database.js';
import { publishedQuery } from '../articles/index.js';

export type CountedBy = 'section' | 'author' | 'tag' | 'series';

/**
 * How many stories readers may see, per section, author, tag or series: one grouped query over the
 * same visibility rule as every reader's list, so drafts and embargoed stories are never counted.
 */
export async function countPublishedBy(db: Db, by: CountedBy, now: Date): Promise<Map<string, number>> {
  const base = publishedQuery(db, {}, now);
  let rows: Array<{ id: string | null; count: number | string }>;
  switch (by) {
    case 'section':
      rows = await base
        .select((eb) => ['articles.section_id as id', eb.fn.countAll<number | string>().as('count')])
        .groupBy('articles.section_id')
        .execute();
      break;
    case 'series':
      rows = await base
        .where('articles.series_id', 'is not', null)
        .select((eb) => ['articles.series_id as id', eb.fn.countAll<number | string>().as('count')])
        .groupBy('articles.series_id')
        .execute();
      break;
    case 'author':
      rows = await base
        .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
        .select((eb) => ['article_authors.author_id as id', eb.fn.countAll<number | string>().as('count')])
        .groupBy('article_authors.author_id')
        .execute();
      break;
    case 'tag':
      rows = await base
        .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
        .select((eb) => ['article_tags.tag_id as id', eb.fn.countAll<number | string>().as('count')])
        .groupBy('article_tags.tag_id')
        .execute();
      break;
  }
  return new Map(rows.flatMap((row) => (row.id ? [[row.id, Number(row.count)] as const] : [])));
}
