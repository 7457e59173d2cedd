import type { Db } from '../../db/database.js';
import { parseStoredBody, type ArticleBody } from '../../shared/article-body.js';

/**
 * The article SQL other modules need besides the readers' lists (article.repository.ts, with
 * publishedQuery) and the newsroom's workflow (article-editing.repository.ts). Stories here may
 * have any status: whatever is shown to readers goes through publishedQuery instead.
 */

/**
 * Stories of any status, for another module to join to its own rows (a comment's story, a pick's
 * story, the stories of view buckets) as `innerJoin(articleRefs(db).as('story'), 'story.id', …)`.
 * A plain derived table, which both engines flatten into the caller's query: the join costs what
 * joining `articles` did and stays one statement.
 */
export function articleRefs(db: Db) {
  return db
    .selectFrom('articles')
    .select(['articles.id', 'articles.slug', 'articles.headline', 'articles.status', 'articles.section_id', 'articles.view_count']);
}

/**
 * Stories' editions (any status), as a derived table to join by id (the primary key): which
 * edition's Must-Reads a pick belongs to, which edition's lists a story's page shows.
 */
export function articleEditions(db: Db) {
  return db.selectFrom('articles').select(['articles.id', 'articles.edition_id']);
}

/** The ids of one section's stories, any status, as a subquery (`article_id in (…)`). */
export function articleIdsInSection(db: Db, sectionId: string) {
  return db.selectFrom('articles').select('articles.id').where('articles.section_id', '=', sectionId);
}

/** A story's slug by id, any status (for redirects back to it). */
export async function findArticleSlug(db: Db, articleId: string): Promise<string | undefined> {
  const row = await db.selectFrom('articles').select('slug').where('id', '=', articleId).executeTakeFirst();
  return row?.slug;
}

/** Those of `ids` whose story still exists. */
export async function listExistingArticleIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}

/** Every story's id, any status, in id order. */
export async function listAllArticleIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('articles').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** A story's words, any status: what search indexes and snippets. */
export interface ArticleText {
  id: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  /** ISO; null for a draft. */
  publishedAt: string | null;
  /** From when readers may see it (ISO: publication, or the embargo's end if later); null while they may not. */
  visibleFrom: string | null;
  sectionId: string;
  editionId: string;
}

/** The text of these stories, any status, in no particular order; missing ids are left out. */
export async function findArticleTexts(db: Db, ids: readonly string[]): Promise<ArticleText[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'standfirst', 'body', 'published_at', 'status', 'embargo_until', 'section_id', 'edition_id'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    body: parseStoredBody(row.body),
    publishedAt: row.published_at,
    visibleFrom: visibleFrom(row),
    sectionId: row.section_id,
    editionId: row.edition_id,
  }));
}

/** The bodies of these stories by id, any status; missing ids are left out. */
export async function findArticleBodies(db: Db, ids: readonly string[]): Promise<Map<string, ArticleBody>> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'body'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, parseStoredBody(row.body)]));
}

/** The rule `publishedQuery` applies, as a time: published, and not before its embargo ends. */
function visibleFrom(row: { status: string; published_at: string | null; embargo_until: string | null }): string | null {
  if (row.status !== 'published' || row.published_at === null) return null;
  return row.embargo_until !== null && row.embargo_until > row.published_at ? row.embargo_until : row.published_at;
}
