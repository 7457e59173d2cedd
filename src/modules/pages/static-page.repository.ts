import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import { parseStoredBody, serializeBody } from '../../shared/article-body.js';
import { STATIC_PAGE_SLUGS, type StaticPageInput } from './static-page.types.js';

/** One page by its slug: the unique index on `slug`, a single row. */
export async function findStaticPage(db: Db, slug: string): Promise<StaticPageInput | undefined> {
  const row = await db.selectFrom('static_pages').select(['title', 'body', 'updated_at']).where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  return { slug, title: row.title, body: parseStoredBody(row.body), updatedAt: new Date(row.updated_at) };
}

/** Which of the fixed pages exist (the footer links those only, however many pages were imported). */
export async function listFixedStaticPageSlugs(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('static_pages')
    .select('slug')
    .where('slug', 'in', [...STATIC_PAGE_SLUGS])
    .execute();
  return rows.map((row) => row.slug);
}

/** Which of these slugs a static page has. */
export async function findTakenStaticPageSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .selectFrom('static_pages')
    .select('slug')
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
  return new Set(rows.map((row) => row.slug));
}

export async function saveStaticPage(db: Db, page: StaticPageInput): Promise<void> {
  const values = { title: page.title, body: serializeBody(page.body), updated_at: page.updatedAt.toISOString() };
  await db
    .insertInto('static_pages')
    .values({ id: newId(), slug: page.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .execute();
}
