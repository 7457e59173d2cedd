import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { toMediaAsset } from './media.repository.js';
import type { MediaAsset } from './media.types.js';

/** Where a page of the library ends: the next page continues after this picture. */
export interface MediaCursor {
  createdAt: string;
  id: string;
}

export interface MediaSearchPage {
  assets: MediaAsset[];
  /** Where the next page starts, or null when the library has no more (older) pictures to look at. */
  next: MediaCursor | null;
}

/**
 * How many pictures one search request reads at most. Matching words anywhere in alt text,
 * captions and credits cannot use an index on either engine, so a search walks the library newest
 * first by its index (created_at, id) and stops after this many rows, whether or not it filled a
 * page; `next` then says where the following request carries on. Every request costs at most this
 * many rows whatever the library's size, and paging still reaches its oldest picture.
 */
export const SEARCH_WINDOW = 2000;

/**
 * A page of the library, newest first, continuing after `after`; with `pattern` (a lower-case
 * LIKE pattern, already escaped) only pictures whose alt text, caption or credit contains it.
 */
export async function searchMediaPage(db: Db, options: { pattern?: string; after?: MediaCursor; limit: number }): Promise<MediaSearchPage> {
  const { pattern, after, limit } = options;
  const base = db
    .selectFrom('media_assets')
    .$if(after !== undefined, (query) =>
      query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after?.createdAt ?? '', after?.id ?? ''))),
    );
  if (pattern === undefined) {
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { assets: page.map(toMediaAsset), next: rows.length > limit && last ? cursorOf(last) : null };
  }

  const window = base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(SEARCH_WINDOW).as('w');
  const like = (column: 'alt' | 'caption' | 'credit') => sql<boolean>`lower(${sql.ref(`w.${column}`)}) like ${pattern} escape '\\'`;
  const rows = await db
    .selectFrom(window)
    .selectAll()
    .where((eb) => eb.or([like('alt'), like('caption'), like('credit')]))
    .orderBy('w.created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length > limit && last) return { assets: page.map(toMediaAsset), next: cursorOf(last) };
  // The window held fewer matches than a page: carry on after the window's last row, if it was full.
  const edge = await base
    .select(['created_at', 'id'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(SEARCH_WINDOW - 1)
    .executeTakeFirst();
  return { assets: page.map(toMediaAsset), next: edge ? cursorOf(edge) : null };
}

function cursorOf(row: { created_at: string; id: string }): MediaCursor {
  return { createdAt: row.created_at, id: row.id };
}
