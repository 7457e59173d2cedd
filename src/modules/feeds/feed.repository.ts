import type { Db } from '../../db/database.js';
import { bodyFigureIds, parseStoredBody, type ArticleBody } from '../articles/article-body.js';
import { findMediaByIds } from '../media/media.repository.js';
import type { MediaAsset } from '../media/media.types.js';
import { findTagsForArticles } from '../tags/tag.repository.js';
import type { Tag } from '../tags/tag.types.js';

export interface StoryContent {
  body: ArticleBody;
  tags: Tag[];
}

/**
 * The bodies and tags of stories already chosen as visible (by `listPublishedArticles`), and the
 * images their figures show: three queries for a whole feed, whatever its length.
 */
export async function findStoryContents(
  db: Db,
  articleIds: readonly string[],
): Promise<{ contents: Map<string, StoryContent>; figures: Map<string, MediaAsset> }> {
  if (articleIds.length === 0) return { contents: new Map(), figures: new Map() };
  const [rows, tags] = await Promise.all([
    db.selectFrom('articles').select(['id', 'body']).where('id', 'in', [...articleIds]).execute(),
    findTagsForArticles(db, articleIds),
  ]);
  const contents = new Map(rows.map((row) => [row.id, { body: parseStoredBody(row.body), tags: tags.get(row.id) ?? [] }]));
  const figures = await findMediaByIds(db, [...contents.values()].flatMap((content) => bodyFigureIds(content.body)));
  return { contents, figures };
}
