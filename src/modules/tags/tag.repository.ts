import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { newId } from '../../shared/ids.js';
import { slugify } from '../../shared/slug.js';
import type { Tag } from './tag.types.js';

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function findTagsForArticles(db: Db, articleIds: readonly string[]): Promise<Map<string, Tag[]>> {
  const byArticle = new Map<string, Tag[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await tagsOfArticles(db, [...new Set(articleIds)]);
  for (const { article_id, ...tag } of rows) {
    const list = byArticle.get(article_id) ?? [];
    list.push(tag);
    byArticle.set(article_id, list);
  }
  return byArticle;
}

const tagsOfArticles = preparedQuery((db, articleIds: readonly string[]) =>
  db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id as article_id', 'tags.id', 'tags.slug', 'tags.name'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position'),
);

/** Finds each tag by slug or creates it; returns them in the order given. */
export async function ensureTags(db: Db, names: readonly string[]): Promise<Tag[]> {
  const tags: Tag[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const existing = await findTagBySlug(db, slug);
    if (existing) {
      tags.push(existing);
      continue;
    }
    const tag = { id: newId(), slug, name: name.trim() };
    await db.insertInto('tags').values(tag).execute();
    tags.push(tag);
  }
  return tags;
}

/** Every tag with how many stories carry it (in any status), by name. */
export async function listTagsWithCounts(db: Db): Promise<Array<Tag & { storyCount: number }>> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select(['tags.id', 'tags.slug', 'tags.name', (eb) => eb.fn.count<string | number>('article_tags.article_id').as('story_count')])
    .groupBy(['tags.id', 'tags.slug', 'tags.name'])
    .orderBy('tags.name')
    .orderBy('tags.id')
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, storyCount: Number(row.story_count) }));
}

export async function findTagById(db: Db, id: string): Promise<Tag | undefined> {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function updateTagName(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('tags').set({ name }).where('id', '=', id).execute();
}
