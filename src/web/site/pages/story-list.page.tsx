import type { ComponentChildren } from 'preact';
import type { StoryPage } from '../../../modules/articles/index.js';
import { FeedLinks } from '../components/feed-links.js';
import { Layout, type PageAlternate, type PageFeed } from '../components/layout.js';
import { PaginationNav } from '../components/pagination-nav.js';
import { StoryList } from '../components/story-list.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { breadcrumbJsonLd, homeCrumb, type Breadcrumb } from '../structured-data.js';

/** Section, author and tag pages: a heading, an introduction and a paginated list of stories. */
export function StoryListPage({
  site,
  title,
  description,
  intro,
  storyPage,
  href,
  showSection = true,
  crumb,
  feed,
  alternates,
}: {
  site: SiteContext;
  title: string;
  description: string;
  intro?: ComponentChildren;
  storyPage: StoryPage;
  href: (page: number) => string;
  showSection?: boolean;
  /** This page's own crumb after Home (its first page), for the BreadcrumbList. */
  crumb: Breadcrumb;
  /** This list's own feed, announced in the head and linked under the heading. */
  feed?: PageFeed;
  /** The same page in the other editions, for hreflang (first page only: later pages differ per edition). */
  alternates?: PageAlternate[];
}) {
  const { page, totalPages } = storyPage.pagination;
  const pageSuffix = page > 1 ? siteTranslator(site).t('stories.pageSuffix', { page, total: totalPages }) : '';
  return (
    <Layout
      site={site}
      meta={{
        title: `${title}${pageSuffix}`,
        description,
        canonicalPath: href(page),
        structuredData: [breadcrumbJsonLd([homeCrumb(site), crumb], site)],
        ...(feed && { feed }),
        ...(alternates && page === 1 && { alternates }),
      }}
    >
      <header class="list-header">
        <h1>
          {title}
          {pageSuffix && <span class="page-indicator">{pageSuffix}</span>}
        </h1>
        {intro}
        {feed && <FeedLinks feed={feed} />}
      </header>
      <StoryList stories={storyPage.stories} site={site} showSection={showSection} />
      <PaginationNav site={site} pagination={storyPage.pagination} href={href} />
    </Layout>
  );
}
