import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RedirectsTable } from '../../db/schema.js';
import type { Redirect, RedirectOrigin } from './redirect.types.js';

/** Rows per INSERT and keys per IN list: far below every engine's parameter limit. */
export const REDIRECT_CHUNK = 500;

/** The redirect of one normalised path: one look-up by primary key. */
export async function findRedirect(db: Db, path: string): Promise<Redirect | undefined> {
  const row = await db.selectFrom('redirects').selectAll().where('path', '=', path).executeTakeFirst();
  return row ? toRedirect(row) : undefined;
}

/** The redirects of these normalised paths (at most REDIRECT_CHUNK): one look-up by primary key. */
export async function findRedirects(db: Db, paths: readonly string[]): Promise<Redirect[]> {
  if (paths.length === 0) return [];
  const rows = await db.selectFrom('redirects').selectAll().where('path', 'in', paths).execute();
  return rows.map(toRedirect);
}

/** Stores redirects whose paths have none yet, ignoring the others; returns how many were stored. */
export async function insertRedirects(db: Db, redirects: readonly Redirect[]): Promise<number> {
  let added = 0;
  for (let start = 0; start < redirects.length; start += REDIRECT_CHUNK) {
    const result = await db
      .insertInto('redirects')
      .values(
        redirects.slice(start, start + REDIRECT_CHUNK).map((redirect) => ({
          path: redirect.path,
          target: redirect.target,
          origin: redirect.origin,
          created_at: redirect.createdAt.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('path').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Deletes one redirect; false when there was none. */
export async function deleteRedirect(db: Db, path: string): Promise<boolean> {
  const result = await db.deleteFrom('redirects').where('path', '=', path).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A page of redirects for the newsroom, newest first, optionally those whose old path contains `search`. */
export async function listRedirects(db: Db, options: { search: string; limit: number; offset: number }): Promise<Redirect[]> {
  const rows = await redirectSearch(db, options.search)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('path')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return rows.map(toRedirect);
}

export async function countRedirects(db: Db, search: string): Promise<number> {
  const row = await redirectSearch(db, search)
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Escapes LIKE's wildcards so a search for `50%` finds that text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function redirectSearch(db: Db, search: string) {
  const query = db.selectFrom('redirects');
  if (search === '') return query;
  // Paths are stored lower-cased, and the search is too. ESCAPE spelled out: PostgreSQL escapes
  // with a backslash by default, SQLite has no default.
  return query.where(sql<boolean>`path like ${likePattern(search)} escape '\\'`);
}

function toRedirect(row: Selectable<RedirectsTable>): Redirect {
  return { path: row.path, target: row.target, origin: toOrigin(row.origin), createdAt: new Date(row.created_at) };
}

function toOrigin(value: string): RedirectOrigin {
  return value === 'import' ? 'import' : 'newsroom';
}
