import type { Db } from '../../db/database.js';

/**
 * The finished sitemaps, stored (table `sitemap_files`, migration 0011): what the routes serve and
 * what a change rewrites one file at a time. Bodies are read only by name, one file at a time.
 */

export type SitemapKind = 'index' | 'pages' | 'sections' | 'authors' | 'series' | 'news' | 'articles';

/** A stored file without its body: what the index is made from, and what tells a copy is current. */
export interface SitemapFileInfo {
  name: string;
  kind: SitemapKind;
  /** Story files: the month of publication, `2026-11`. */
  period: string | null;
  version: string;
  lastmod: Date;
  urlCount: number;
}

export interface SitemapFile extends SitemapFileInfo {
  body: string;
  /** JSON, for the listings updated one entry at a time (authors, series). */
  entries: string | null;
}

/** Every stored file's details, bodies left out (a few hundred rows). */
export async function listSitemapFiles(db: Db): Promise<SitemapFileInfo[]> {
  const rows = await db.selectFrom('sitemap_files').select(['name', 'kind', 'period', 'version', 'lastmod', 'url_count']).execute();
  return rows.map(toInfo);
}

/** One file's details, body left out: whether a copy held in memory is still current. */
export async function findSitemapFileInfo(db: Db, name: string): Promise<SitemapFileInfo | undefined> {
  const row = await db
    .selectFrom('sitemap_files')
    .select(['name', 'kind', 'period', 'version', 'lastmod', 'url_count'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toInfo(row);
}

/** One file's body, by name and version (undefined when it has changed since, or is gone). */
export async function readSitemapBody(db: Db, name: string, version: string): Promise<string | undefined> {
  const row = await db.selectFrom('sitemap_files').select('body').where('name', '=', name).where('version', '=', version).executeTakeFirst();
  return row?.body;
}

/** A listing's stored entries (null: none stored). */
export async function readSitemapEntries(db: Db, name: string): Promise<string | null> {
  const row = await db.selectFrom('sitemap_files').select('entries').where('name', '=', name).executeTakeFirst();
  return row?.entries ?? null;
}

/** The names of a month's story files. */
export async function listPeriodFileNames(db: Db, period: string): Promise<string[]> {
  const rows = await db.selectFrom('sitemap_files').select('name').where('period', '=', period).orderBy('name').execute();
  return rows.map((row) => row.name);
}

/** When the files were last written (null: never): the time from which a start catches up. */
export async function findLastBuild(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('sitemap_files')
    .select((eb) => eb.fn.max('built_at').as('last'))
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : null;
}

/** Writes a file, replacing what was stored under its name. */
export async function saveSitemapFile(db: Db, file: SitemapFile, builtAt: Date): Promise<void> {
  const row = {
    name: file.name,
    kind: file.kind,
    period: file.period,
    body: file.body,
    version: file.version,
    lastmod: file.lastmod.toISOString(),
    url_count: file.urlCount,
    entries: file.entries,
    built_at: builtAt.toISOString(),
  };
  const { name: _name, ...changes } = row;
  await db
    .insertInto('sitemap_files')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet(changes))
    .execute();
}

export async function deleteSitemapFiles(db: Db, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .deleteFrom('sitemap_files')
    .where('name', 'in', [...names])
    .execute();
}

function toInfo(row: {
  name: string;
  kind: string;
  period: string | null;
  version: string;
  lastmod: string;
  url_count: number | string;
}): SitemapFileInfo {
  return {
    name: row.name,
    kind: row.kind as SitemapKind,
    period: row.period,
    version: row.version,
    lastmod: new Date(row.lastmod),
    urlCount: Number(row.url_count),
  };
}
