import { inTransaction, type Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import { articleRow } from './article.repository.js';
import type { ArticleInput, Correction } from './article.types.js';

/**
 * Rows per statement. A story row has 19 columns: 200 stay far inside SQLite's 32,766 and
 * PostgreSQL's 65,535 bound parameters, and each statement is one round trip instead of 200.
 */
const STORIES_PER_STATEMENT = 200;
const LINKS_PER_STATEMENT = 1000;

export interface ArticleRowsImport {
  id: string;
  input: ArticleInput;
  createdAt: Date;
  corrections: ReadonlyArray<Omit<Correction, 'id'>>;
}

/** Writes many stories, their authors, tags and corrections, in multi-row statements and one transaction. */
export async function insertArticles(db: Db, stories: readonly ArticleRowsImport[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const chunk of chunks(stories, STORIES_PER_STATEMENT)) {
      await trx
        .insertInto('articles')
        .values(chunk.map((story) => articleRow(story.id, story.input, story.createdAt)))
        .execute();
    }
    const authors = stories.flatMap((story) =>
      story.input.authorIds.map((authorId, position) => ({ article_id: story.id, author_id: authorId, position })),
    );
    for (const chunk of chunks(authors, LINKS_PER_STATEMENT)) await trx.insertInto('article_authors').values(chunk).execute();
    const tags = stories.flatMap((story) => story.input.tagIds.map((tagId, position) => ({ article_id: story.id, tag_id: tagId, position })));
    for (const chunk of chunks(tags, LINKS_PER_STATEMENT)) await trx.insertInto('article_tags').values(chunk).execute();
    const corrections = stories.flatMap((story) =>
      story.corrections.map((correction) => ({
        id: newId(),
        article_id: story.id,
        kind: correction.kind,
        body: correction.text,
        created_at: correction.createdAt.toISOString(),
      })),
    );
    for (const chunk of chunks(corrections, LINKS_PER_STATEMENT / 5)) await trx.insertInto('corrections').values(chunk).execute();
  });
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Which of these slugs stories already have, so an importer can suffix its own. */
export async function findTakenSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('articles').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((row) => row.slug));
}

/**
 * An imported story brought up to date with its source (`import … --update`): its fields, status,
 * dates, bylines and tags as given; its slug is kept, so its address and its old links stay.
 */
export async function updateImportedArticle(db: Db, id: string, input: Omit<ArticleInput, 'slug'>): Promise<void> {
  const { slug } = await db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow();
  const row = articleRow(id, { ...input, slug }, new Date(0));
  const { id: _id, created_at: _created, view_count: _views, ...changes } = row;
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
  await db.deleteFrom('article_authors').where('article_id', '=', id).execute();
  if (input.authorIds.length > 0) {
    await db
      .insertInto('article_authors')
      .values(input.authorIds.map((authorId, position) => ({ article_id: id, author_id: authorId, position })))
      .execute();
  }
  await db.deleteFrom('article_tags').where('article_id', '=', id).execute();
  if (input.tagIds.length > 0) {
    await db
      .insertInto('article_tags')
      .values(input.tagIds.map((tagId, position) => ({ article_id: id, tag_id: tagId, position })))
      .execute();
  }
}

export async function linkImportedTranslation(db: Db, sourceId: string, translationId: string): Promise<void> {
  const source = await db
    .selectFrom('articles')
    .select(['translation_group_id', 'edit_version'])
    .where('id', '=', sourceId)
    .executeTakeFirstOrThrow();
  const groupId = source.translation_group_id ?? newId();
  if (!source.translation_group_id) await db.updateTable('articles').set({ translation_group_id: groupId }).where('id', '=', sourceId).execute();
  await db
    .updateTable('articles')
    .set({ translation_group_id: groupId, translated_from_id: sourceId, translated_from_version: Number(source.edit_version) })
    .where('id', '=', translationId)
    .execute();
}
