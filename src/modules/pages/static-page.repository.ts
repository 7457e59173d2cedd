import type { Db } from '../../db/database.js';
import { newId } from '../../shared/ids.js';
import { parseStoredBody, serializeBody } from '../../shared/article-body.js';
import type { StaticPage, StaticPageSlug } from './static-page.types.js';

export async function findStaticPage(db: Db, slug: StaticPageSlug): Promise<StaticPage | undefined> {
  const row = await db.selectFrom('static_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  return { slug, title: row.title, body: parseStoredBody(row.body), updatedAt: new Date(row.updated_at) };
}

export async function listStaticPageSlugs(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('static_pages').select('slug').execute();
  return rows.map((row) => row.slug);
}

export async function saveStaticPage(db: Db, page: StaticPage): Promise<void> {
  const values = { title: page.title, body: serializeBody(page.body), updated_at: page.updatedAt.toISOString() };
  await db
    .insertInto('static_pages')
    .values({ id: newId(), slug: page.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .execute();
}
