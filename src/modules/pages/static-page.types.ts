import type { ArticleBody } from '../../shared/article-body.js';

/** The fixed pages every publication has; their slugs are their URLs (`/about`). */
export const STATIC_PAGE_SLUGS = ['about', 'contact', 'standards', 'privacy'] as const;
export type StaticPageSlug = (typeof STATIC_PAGE_SLUGS)[number];

export interface StaticPage {
  slug: StaticPageSlug;
  title: string;
  body: ArticleBody;
  updatedAt: Date;
}
