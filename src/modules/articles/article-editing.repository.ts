import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import { serializeBody } from '../../shared/article-body.js';
import type { ArticleInput, ArticleStatus, LatestStory } from './article.types.js';

/**
 * The newsroom's article SQL: what the story workflow reads and writes. Reads for readers live in
 * article.repository.ts (with insertArticle, which creating a draft reuses).
 */

/** The editable content of a story: everything an editor's form sets, resolved to stored ids. */
export type ArticleContent = Omit<ArticleInput, 'id' | 'status' | 'publishedAt' | 'updatedAt' | 'viewCount'> & {
  /** Undefined leaves the story's switch as it is. */
  commentsEnabled?: boolean;
};

/** What the workflow needs to decide whether a step is allowed. */
export interface StoryState {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  ownerUserId: string | null;
  publishedAt: Date | null;
  editionId: string;
  /** Shared with its translations (docs/editions.md), or null. */
  translationGroupId: string | null;
}

export async function findStoryState(db: Db, id: string): Promise<StoryState | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'status', 'owner_user_id', 'published_at', 'edition_id', 'translation_group_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status as ArticleStatus,
    ownerUserId: row.owner_user_id,
    publishedAt: toDate(row.published_at),
    editionId: row.edition_id,
    translationGroupId: row.translation_group_id,
  };
}

/** The edition a section belongs to, or undefined when there is no such section. */
export async function findSectionEdition(db: Db, sectionId: string): Promise<string | undefined> {
  return (await db.selectFrom('sections').select('edition_id').where('id', '=', sectionId).executeTakeFirst())?.edition_id;
}

/** Whether an edition exists. */
export async function isEditionKnown(db: Db, editionId: string): Promise<boolean> {
  return (await db.selectFrom('editions').select('id').where('id', '=', editionId).executeTakeFirst()) !== undefined;
}

/** Whether another story of the translation group is already in the edition (one per edition, 0027). */
export async function isTranslationTaken(db: Db, groupId: string, editionId: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('translation_group_id', '=', groupId)
    .where('edition_id', '=', editionId)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The database's own refusal of a second story of one edition in a translation group (a race past the check). */
export function isTranslationClash(error: unknown): boolean {
  return error instanceof Error && /articles_translation_idx|articles\.translation_group_id/.test(error.message);
}

/**
 * Whether a staff user owns a story: they created it, or their author profile is on its byline
 * (the meaning of "own" in users/permissions.ts).
 */
export async function isStoryOwnedBy(db: Db, articleId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('articles.id')
    .where('articles.id', '=', articleId)
    .where((eb) =>
      eb.or([
        eb('articles.owner_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('article_authors')
            .innerJoin('users', 'users.author_id', 'article_authors.author_id')
            .select('article_authors.article_id')
            .whereRef('article_authors.article_id', '=', 'articles.id')
            .where('users.id', '=', userId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function isArticleSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Which of the rows a story refers to do not exist, described as `kind id` (empty when all do). */
export async function findMissingArticleReferences(
  db: Db,
  refs: { sectionId: string; authorIds: readonly string[]; seriesId: string | null; mediaIds: readonly string[] },
): Promise<string[]> {
  const idsIn = async (table: 'sections' | 'authors' | 'series' | 'media_assets', ids: readonly string[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set<string>();
    const rows = await db.selectFrom(table).select('id').where('id', 'in', unique).execute();
    return new Set(rows.map((row) => row.id));
  };
  const seriesIds = refs.seriesId ? [refs.seriesId] : [];
  const [sections, authors, series, media] = await Promise.all([
    idsIn('sections', [refs.sectionId]),
    idsIn('authors', refs.authorIds),
    idsIn('series', seriesIds),
    idsIn('media_assets', refs.mediaIds),
  ]);
  const missing = (kind: string, ids: readonly string[], found: Set<string>) =>
    [...new Set(ids)].filter((id) => !found.has(id)).map((id) => `${kind} ${id}`);
  return [
    ...missing('section', [refs.sectionId], sections),
    ...missing('author', refs.authorIds, authors),
    ...missing('series', seriesIds, series),
    ...missing('media', refs.mediaIds, media),
  ];
}

/** Turns readers' comments on this story on or off (new stories start with them on). */
export async function setArticleCommentsEnabled(db: Db, id: string, enabled: boolean): Promise<void> {
  await db
    .updateTable('articles')
    .set({ comments_enabled: enabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function setArticleOwner(db: Db, id: string, userId: string): Promise<void> {
  await db.updateTable('articles').set({ owner_user_id: userId }).where('id', '=', id).execute();
}

/** Replaces a story's editable content, bylines and tags; status and times stay as they are. */
export async function updateArticleContent(db: Db, id: string, content: ArticleContent, updatedAt: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('articles')
      .set({
        slug: content.slug,
        headline: content.headline,
        standfirst: content.standfirst,
        body: serializeBody(content.body),
        section_id: content.sectionId,
        series_id: content.seriesId ?? null,
        series_part: content.seriesPart ?? null,
        hero_media_id: content.heroMediaId ?? null,
        type_label: content.typeLabel,
        embargo_until: content.embargoUntil?.toISOString() ?? null,
        seo_title: content.seoTitle ?? null,
        seo_description: content.seoDescription ?? null,
        ...(content.commentsEnabled === undefined ? {} : { comments_enabled: content.commentsEnabled ? 1 : 0 }),
        ...(content.editionId === undefined ? {} : { edition_id: content.editionId }),
        updated_at: updatedAt.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
    if (content.authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(content.authorIds.map((authorId, position) => ({ article_id: id, author_id: authorId, position })))
        .execute();
    }
    await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
    if (content.tagIds.length > 0) {
      await trx
        .insertInto('article_tags')
        .values(content.tagIds.map((tagId, position) => ({ article_id: id, tag_id: tagId, position })))
        .execute();
    }
  });
}

/**
 * Moves a story from one status to another only if it is still in `from`, so two editors acting at
 * once cannot both succeed. Returns whether the story moved.
 */
export async function transitionArticleStatus(
  db: Db,
  id: string,
  change: { from: ArticleStatus; to: ArticleStatus; publishedAt?: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ status: change.to, ...(change.publishedAt ? { published_at: change.publishedAt.toISOString() } : {}) })
    .where('id', '=', id)
    .where('status', '=', change.from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function touchArticle(db: Db, id: string, updatedAt: Date): Promise<void> {
  await db.updateTable('articles').set({ updated_at: updatedAt.toISOString() }).where('id', '=', id).execute();
}

/** Deletes a story; its bylines, tags, corrections, picks and revisions go with it (ON DELETE CASCADE). */
export async function deleteArticle(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Publishes every scheduled story whose time has come, in one conditional UPDATE: a story moves
 * only while it is still `scheduled`, so two publishers running at once publish it once between
 * them (PostgreSQL re-checks the WHERE after a concurrent update; SQLite runs writes one at a time).
 * Returns the ids it published.
 */
export async function publishDueArticles(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('articles')
    .set({ status: 'published' })
    // A literal, so the partial index of scheduled stories (0009) finds the due ones.
    .where('status', '=', sql.lit('scheduled'))
    .where('published_at', '<=', now.toISOString())
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

function toDate(value: string | null): Date | null {
  return value ? new Date(value) : null;
}

/** The newest stories whatever their status, newest first: the newsroom home's list. */
export async function listLatestStories(db: Db, limit: number): Promise<LatestStory[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'status', 'created_at', 'updated_at', 'published_at', 'embargo_until'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status as ArticleStatus,
    embargoUntil: row.embargo_until === null ? null : new Date(row.embargo_until),
    changedAt: new Date([row.created_at, row.updated_at ?? '', row.published_at ?? ''].sort().at(-1) ?? row.created_at),
  }));
}
