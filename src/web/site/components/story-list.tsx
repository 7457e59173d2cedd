import type { ArticleSummary } from '../../../modules/articles/index.js';
import type { SiteContext } from '../../shared/site-context.js';
import { formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { isLiveStory, LiveBadge, TypeLabel } from './live-badge.js';
import { ResponsiveImage } from './responsive-image.js';

/** A story in a list: image, section, headline, standfirst, byline and time. */
export function StoryCard({
  story,
  site,
  headingLevel = 3,
  showSection = true,
}: {
  story: ArticleSummary;
  site: SiteContext;
  headingLevel?: 2 | 3;
  showSection?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="story-card">
      {story.hero && (
        <a class="story-card-image" href={paths.article(story.slug)} tabIndex={-1} aria-hidden="true">
          <ResponsiveImage asset={story.hero} sizes="(min-width: 760px) 240px, 100vw" decorative />
        </a>
      )}
      <div class="story-card-text">
        {showSection && (
          <p class="section-label">
            <a href={paths.section(story.section.slug)}>{story.section.name}</a>
            <TypeLabel label={story.typeLabel} translator={siteTranslator(site)} />
          </p>
        )}
        {!showSection && isLiveStory(story) && (
          <p class="story-card-badges">
            <LiveBadge translator={siteTranslator(site)} />
          </p>
        )}
        <Heading class="story-card-headline">
          <a href={paths.article(story.slug)}>
            {story.headline}
            {story.series && <span class="series-part"> {siteTranslator(site).t('article.part', { part: story.series.part })}</span>}
          </a>
        </Heading>
        {story.standfirst && <p class="story-card-standfirst">{story.standfirst}</p>}
        <p class="story-card-meta">
          {story.authors.length > 0 && <span>{story.authors.map((author) => author.name).join(', ')} · </span>}
          <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt, site.publication)}</time>
        </p>
      </div>
    </article>
  );
}

export function StoryList({
  stories,
  site,
  headingLevel = 2,
  showSection = true,
}: {
  stories: ArticleSummary[];
  site: SiteContext;
  headingLevel?: 2 | 3;
  showSection?: boolean;
}) {
  if (stories.length === 0) return <p class="empty-note">{siteTranslator(site).t('stories.empty')}</p>;
  return (
    <ul class="story-list">
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} site={site} headingLevel={headingLevel} showSection={showSection} />
        </li>
      ))}
    </ul>
  );
}
