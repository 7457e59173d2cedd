import type { Db } from '../../db/database.js';
import { findStaticPage, listStaticPageSlugs } from './static-page.repository.js';
import type { StaticPage, StaticPageSlug } from './static-page.types.js';

/** The publication's static pages (about, contact …) as the site's chrome and their own pages need them. */
export class StaticPageService {
  constructor(private readonly db: Db) {}

  /** Slugs of the static pages that exist, for the footer's links. */
  slugs(): Promise<string[]> {
    return listStaticPageSlugs(this.db);
  }

  /** The page with this slug, or undefined while nobody has written it. */
  find(slug: StaticPageSlug): Promise<StaticPage | undefined> {
    return findStaticPage(this.db, slug);
  }
}
