import type { Db } from '../../db/database.js';
import { findSeriesBySlug, listSeries } from './series.repository.js';
import type { Series } from './series.types.js';

/** Series for the newsroom and the readers' pages. Read-only for now: series are created by the seeder and tests. */
export class SeriesService {
  constructor(private readonly db: Db) {}

  /** Every series by title, for the story form's choices. */
  list(): Promise<Series[]> {
    return listSeries(this.db);
  }

  /** A series by the slug of its page, or undefined. */
  findBySlug(slug: string): Promise<Series | undefined> {
    return findSeriesBySlug(this.db, slug);
  }
}
