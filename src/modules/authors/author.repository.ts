import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { AuthorsTable } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { findMediaByIds } from '../media/index.js';
import type { Author, AuthorInput } from './author.types.js';

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  const [author] = await withPhotos(db, [row]);
  return author;
}

export async function listAuthors(db: Db): Promise<Author[]> {
  const rows = await db.selectFrom('authors').selectAll().orderBy('name').execute();
  return withPhotos(db, rows);
}

/** Authors of each article, in byline order. */
export async function findAuthorsForArticles(db: Db, articleIds: readonly string[]): Promise<Map<string, Author[]>> {
  const byArticle = new Map<string, Author[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await authorsOfArticles(db, [...new Set(articleIds)]);
  const authors = await withPhotos(db, rows);
  rows.forEach((row, index) => {
    const list = byArticle.get(row.article_id) ?? [];
    list.push(authors[index] as Author);
    byArticle.set(row.article_id, list);
  });
  return byArticle;
}

const authorsOfArticles = preparedQuery((db, articleIds: readonly string[]) =>
  db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .selectAll('authors')
    .select(['article_authors.article_id as article_id'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position'),
);

export async function insertAuthor(db: Db, input: AuthorInput, createdAt: Date): Promise<string> {
  const id = input.id ?? newId();
  await db
    .insertInto('authors')
    .values({
      id,
      slug: input.slug,
      name: input.name,
      email: input.email,
      job_title: input.jobTitle,
      bio: input.bio,
      photo_media_id: input.photoMediaId ?? null,
      created_at: createdAt.toISOString(),
    })
    .execute();
  return id;
}

async function withPhotos(db: Db, rows: Array<Selectable<AuthorsTable>>): Promise<Author[]> {
  const photos = await findMediaByIds(
    db,
    rows.flatMap((row) => (row.photo_media_id ? [row.photo_media_id] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    email: row.email,
    jobTitle: row.job_title,
    bio: row.bio,
    photo: row.photo_media_id ? (photos.get(row.photo_media_id) ?? null) : null,
  }));
}

export async function findAuthorById(db: Db, id: string): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [author] = await withPhotos(db, [row]);
  return author;
}

/** Whether an author other than `exceptId` already uses the slug. */
export async function authorSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('authors').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function updateAuthor(db: Db, id: string, input: Omit<AuthorInput, 'id'>): Promise<void> {
  await db
    .updateTable('authors')
    .set({
      slug: input.slug,
      name: input.name,
      email: input.email,
      job_title: input.jobTitle,
      bio: input.bio,
      photo_media_id: input.photoMediaId ?? null,
    })
    .where('id', '=', id)
    .execute();
}
