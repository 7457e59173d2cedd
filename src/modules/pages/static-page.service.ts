import type { Db } from '../../db/database.js';
import { listStaticPageSlugs } from './static-page.repository.js';

/** The publication's static pages (about, contact …) as the site's chrome needs them. */
export class StaticPageService {
  constructor(private readonly db: Db) {}

  /** Slugs of the static pages that exist, for the footer's links. */
  slugs(): Promise<string[]> {
    return listStaticPageSlugs(this.db);
  }
}
