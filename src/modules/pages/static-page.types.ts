import type { ArticleBody } from '../../shared/article-body.js';
import type { MediaAsset } from '../media/index.js';

/** The fixed pages every publication has; their slugs are their URLs (`/about`) and the footer links them. */
export const STATIC_PAGE_SLUGS = ['about', 'contact', 'standards', 'privacy'] as const;
export type StaticPageSlug = (typeof STATIC_PAGE_SLUGS)[number];

/** Whether the slug is one of the fixed four (served at `/<slug>`), not a free-standing page (`/pages/<slug>`). */
export function isFixedStaticPage(slug: string): slug is StaticPageSlug {
  return (STATIC_PAGE_SLUGS as readonly string[]).includes(slug);
}

/** A static page as it is written: one of the fixed four, or a free-standing page (an imported one) with any valid slug. */
export interface StaticPageInput {
  slug: string;
  title: string;
  body: ArticleBody;
  updatedAt: Date;
}

/** A static page as readers see it, with the pictures its body shows. */
export interface StaticPage extends StaticPageInput {
  figures: Map<string, MediaAsset>;
}
