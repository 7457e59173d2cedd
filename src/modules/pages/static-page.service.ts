import type { Db } from '../../db/database.js';
import { bodyFigureIds } from '../../shared/article-body.js';
import { findMediaByIds, type MediaAsset } from '../media/index.js';
import { findStaticPage, listFixedStaticPageSlugs } from './static-page.repository.js';
import type { StaticPage } from './static-page.types.js';

/** The publication's static pages (about, contact …, and imported ones) as the site's chrome and their own pages need them. */
export class StaticPageService {
  constructor(private readonly db: Db) {}

  /** Slugs of the fixed static pages that exist, for the footer's links. */
  slugs(): Promise<string[]> {
    return listFixedStaticPageSlugs(this.db);
  }

  /** The page with this slug and the pictures its body shows, or undefined while nobody has written it. */
  async find(slug: string): Promise<StaticPage | undefined> {
    const page = await findStaticPage(this.db, slug);
    if (!page) return undefined;
    // Only a page with pictures (an imported one) costs a second look-up, by primary key.
    const figureIds = bodyFigureIds(page.body);
    return { ...page, figures: figureIds.length > 0 ? await findMediaByIds(this.db, figureIds) : new Map<string, MediaAsset>() };
  }
}
