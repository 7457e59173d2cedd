import type { Db } from '../../db/database.js';

/** A story as the newsroom home lists it: any status, newest first. */
export interface DeskStory {
  id: string;
  slug: string;
  headline: string;
  status: string;
  /** The latest of created, updated and published. */
  changedAt: Date;
}

/**
 * The newest stories whatever their status. Read-only and deliberately small: it lives here rather
 * than in modules/articles while the editorial workflow is being built there, and should move into
 * article.repository.ts when that lands.
 */
export async function listLatestStories(db: Db, limit: number): Promise<DeskStory[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'status', 'created_at', 'updated_at', 'published_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status,
    changedAt: new Date([row.created_at, row.updated_at ?? '', row.published_at ?? ''].sort().at(-1) ?? row.created_at),
  }));
}
