import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ArticleStatus } from './article.types.js';

/** What live coverage checks before a change: whether readers see the story and whether it is live. */
export interface LiveStoryState {
  id: string;
  slug: string;
  status: ArticleStatus;
  typeLabel: string;
  publishedAt: Date | null;
  embargoUntil: Date | null;
  editionId: string;
}

export async function findLiveStoryState(db: Db, id: string): Promise<LiveStoryState | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'status', 'type_label', 'published_at', 'embargo_until', 'edition_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status as ArticleStatus,
    typeLabel: row.type_label,
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    embargoUntil: row.embargo_until ? new Date(row.embargo_until) : null,
    editionId: row.edition_id,
  };
}

/**
 * Changes a story's type label (live coverage ending) as a write of its content: the edit version
 * moves, so an editor open on the story since gets a conflict instead of putting "Live" back.
 */
export async function setStoryTypeLabel(db: Db, id: string, typeLabel: string, updatedAt: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ type_label: typeLabel, updated_at: updatedAt.toISOString(), edit_version: sql<number>`edit_version + 1` })
    .where('id', '=', id)
    .execute();
}
