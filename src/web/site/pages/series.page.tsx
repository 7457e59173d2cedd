import type { ArticleSummary } from '../../../modules/articles/index.js';
import type { Series } from '../../../modules/series/index.js';
import { FeedLinks } from '../components/feed-links.js';
import { Layout } from '../components/layout.js';
import { StoryCard } from '../components/story-list.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { breadcrumbJsonLd, homeCrumb } from '../structured-data.js';

/** Every part of a series, in order. */
export function SeriesPage({ site, series, parts }: { site: SiteContext; series: Series; parts: ArticleSummary[] }) {
  const { t } = siteTranslator(site);
  const feed = { title: series.title, rss: paths.feeds.series(series.slug, 'rss'), atom: paths.feeds.series(series.slug, 'atom') };
  return (
    <Layout
      site={site}
      meta={{
        title: series.title,
        description: series.description,
        canonicalPath: paths.series(series.slug),
        structuredData: [breadcrumbJsonLd([homeCrumb(site), { name: series.title, path: paths.series(series.slug) }], site)],
        feed,
      }}
    >
      <header class="list-header">
        <p class="section-label">{t('series.label')}</p>
        <h1>{series.title}</h1>
        <p class="standfirst">{series.description}</p>
        <p>{t('series.partCount', { count: parts.length })}</p>
        <FeedLinks feed={feed} />
      </header>
      <ol class="story-list series-list">
        {parts.map((part) => (
          <li key={part.id}>
            <StoryCard story={part} site={site} headingLevel={2} />
          </li>
        ))}
      </ol>
    </Layout>
  );
}
