import type { Db } from '../../db/database.js';
import { preparedQuery } from '../../db/prepared-query.js';
import { newId } from '../../shared/ids.js';
import type { Series } from './series.types.js';

export async function findSeriesBySlug(db: Db, slug: string): Promise<Series | undefined> {
  return db.selectFrom('series').select(['id', 'slug', 'title', 'description']).where('slug', '=', slug).executeTakeFirst();
}

export async function findSeriesByIds(db: Db, ids: readonly string[]): Promise<Map<string, Series>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await seriesByIds(db, unique);
  return new Map(rows.map((row) => [row.id, row]));
}

const seriesByIds = preparedQuery((db, ids: readonly string[]) =>
  db.selectFrom('series').select(['id', 'slug', 'title', 'description']).where('id', 'in', ids),
);

export async function insertSeries(db: Db, input: Omit<Series, 'id'>, createdAt: Date): Promise<Series> {
  const series = { id: newId(), ...input };
  await db
    .insertInto('series')
    .values({ ...series, created_at: createdAt.toISOString() })
    .execute();
  return series;
}

/** Every series by title, for the newsroom's story form. */
export async function listSeries(db: Db): Promise<Series[]> {
  return db.selectFrom('series').select(['id', 'slug', 'title', 'description']).orderBy('title').orderBy('id').execute();
}
