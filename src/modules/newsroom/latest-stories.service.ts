import type { Db } from '../../db/database.js';
import { listLatestStories } from '../articles/index.js';
import type { DeskStory } from './newsroom.types.js';

/** What the newsroom home shows: the newest stories whatever their status. Read-only. */
export class LatestStoriesService {
  constructor(private readonly db: Db) {}

  /** Up to `limit` stories of any status, newest first. */
  list(limit: number): Promise<DeskStory[]> {
    return listLatestStories(this.db, limit);
  }
}
