import type { Db } from '../../db/database.js';
import { parseStoredBody, type ArticleBody } from '../../shared/article-body.js';
import type { ArticleStatus } from './article.types.js';

/**
 * The SQL of translating a story (docs/editions.md, migration 0031): a story's translation links,
 * the text a translation starts from, and the source version a translation was last saved against.
 */

/** The part of a story a translation starts from and is linked by. */
export interface TranslationSource {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  body: ArticleBody;
  typeLabel: string;
  authorIds: string[];
  editionId: string;
  translationGroupId: string | null;
  editVersion: number;
}

export async function findTranslationSource(db: Db, id: string): Promise<TranslationSource | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'standfirst', 'body', 'type_label', 'edition_id', 'translation_group_id', 'edit_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const authors = await db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute();
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    body: parseStoredBody(row.body),
    typeLabel: row.type_label,
    authorIds: authors.map((author) => author.author_id),
    editionId: row.edition_id,
    translationGroupId: row.translation_group_id,
    editVersion: Number(row.edit_version),
  };
}

/** A story's translation links: its source (if it is a translation) and the editions its group has a story in. */
export interface TranslationLinks {
  status: ArticleStatus;
  translatedFromId: string | null;
  translatedFromVersion: number | null;
  /** Editions holding a story of its translation group, its own included. */
  groupEditionIds: string[];
}

export async function findTranslationLinks(db: Db, id: string): Promise<TranslationLinks | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['status', 'edition_id', 'translation_group_id', 'translated_from_id', 'translated_from_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const group = row.translation_group_id
    ? await db.selectFrom('articles').select('edition_id').where('translation_group_id', '=', row.translation_group_id).execute()
    : [{ edition_id: row.edition_id }];
  return {
    status: row.status as ArticleStatus,
    translatedFromId: row.translated_from_id,
    translatedFromVersion: row.translated_from_version === null ? null : Number(row.translated_from_version),
    groupEditionIds: group.map((member) => member.edition_id),
  };
}

/** An edition's language and switch, or undefined when there is no such edition. */
export async function findEditionSwitch(db: Db, editionId: string): Promise<{ code: string; enabled: boolean } | undefined> {
  const row = await db.selectFrom('editions').select(['code', 'enabled']).where('id', '=', editionId).executeTakeFirst();
  return row ? { code: row.code, enabled: Boolean(row.enabled) } : undefined;
}

/** The first section of an edition in its navigation order, or undefined when it has none. */
export async function findFirstSectionOf(db: Db, editionId: string): Promise<string | undefined> {
  const row = await db.selectFrom('sections').select('id').where('edition_id', '=', editionId).orderBy('position').orderBy('id').executeTakeFirst();
  return row?.id;
}

/**
 * Gives a story a translation group if it has none, and returns the group (another request may
 * have given it one a moment before: the conditional UPDATE keeps theirs).
 */
export async function ensureTranslationGroup(db: Db, id: string, newGroupId: string): Promise<string> {
  await db.updateTable('articles').set({ translation_group_id: newGroupId }).where('id', '=', id).where('translation_group_id', 'is', null).execute();
  const row = await db.selectFrom('articles').select('translation_group_id').where('id', '=', id).executeTakeFirstOrThrow();
  return row.translation_group_id ?? newGroupId;
}

/** Links a new translation to its group and its source, as of the source's version. */
export async function linkTranslation(db: Db, id: string, link: { groupId: string; sourceId: string; sourceVersion: number }): Promise<void> {
  await db
    .updateTable('articles')
    .set({ translation_group_id: link.groupId, translated_from_id: link.sourceId, translated_from_version: link.sourceVersion })
    .where('id', '=', id)
    .execute();
}

/**
 * A translation saved or published: it now answers to its source as the source stands (clears
 * "outdated"). Does nothing for a story that is no translation, or whose source is gone.
 */
export async function recordSourceVersion(db: Db, id: string): Promise<void> {
  await db
    .updateTable('articles')
    .set((eb) => ({
      translated_from_version: eb
        .selectFrom('articles as source')
        .select('source.edit_version')
        .whereRef('source.id', '=', 'articles.translated_from_id'),
    }))
    .where('id', '=', id)
    .where('translated_from_id', 'is not', null)
    .execute();
}

/**
 * Which of these stories are outdated translations: published, and their source saved since the
 * translation was last saved or published (a higher edit_version than it recorded).
 */
export async function findOutdatedTranslations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('articles')
    .innerJoin('articles as source', 'source.id', 'articles.translated_from_id')
    .select('articles.id')
    .where('articles.id', 'in', [...ids])
    .where('articles.status', '=', 'published')
    .whereRef('source.edit_version', '>', 'articles.translated_from_version')
    .execute();
  return new Set(rows.map((row) => row.id));
}
