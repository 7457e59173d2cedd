import { newslettersOf } from '../../../modules/newsletters/index.js';
import { NewsletterSignup } from '../components/newsletter-signup.js';
import type { ArticleSummary } from '../../../modules/articles/index.js';
import type { RankedListsSnapshot } from '../../../modules/rankings/index.js';
import { Layout } from '../components/layout.js';
import { RankedList } from '../components/ranked-list.js';
import { ResponsiveImage } from '../components/responsive-image.js';
import { StoryCard } from '../components/story-list.js';
import { formatDateTime } from '../../shared/format.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { webSiteJsonLd } from '../structured-data.js';
import { editionHomeAlternates } from '../alternates.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { isLiveStory, LiveBadge } from '../components/live-badge.js';

const STORIES_PER_SECTION_BLOCK = 4;

/**
 * Lead story, the latest, a block per section, and the ranked lists: all from in-memory lists.
 * The lead is the editors' choice while it is published (`chosenLead`), else the newest story.
 */
export function HomePage({ site, lists, lead: chosenLead }: { site: SiteContext; lists: RankedListsSnapshot; lead?: ArticleSummary }) {
  const lead = chosenLead ?? lists.latest[0];
  const latest = lists.latest.filter((story) => story.id !== lead?.id);
  const shown = new Set(lead ? [lead.id] : []);
  const translator = siteTranslator(site);
  const { t } = translator;
  return (
    <Layout
      site={site}
      meta={{
        title: site.publication.name,
        description: site.publication.description,
        canonicalPath: paths.home(),
        alternates: editionHomeAlternates(site),
        structuredData: [webSiteJsonLd(site)],
      }}
    >
      <h1 class="visually-hidden">{site.publication.name}</h1>
      {!lead && <p class="empty-note">{t('home.empty')}</p>}
      {lead && (
        <div class="home-top">
          <LeadStory story={lead} site={site} />
          <section class="home-latest" aria-labelledby="home-latest-heading">
            {/* Not plain "Latest": a section may be called that (the demo's is), and two regions of one name cannot be told apart. */}
            <h2 id="home-latest-heading">{t('home.latestStories')}</h2>
            <ul class="headline-list">
              {latest.slice(0, 6).map((story) => (
                <li key={story.id}>
                  {isLiveStory(story) && (
                    <>
                      <LiveBadge translator={translator} />{' '}
                    </>
                  )}
                  <a href={paths.article(story.slug)}>{story.headline}</a>{' '}
                  <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt, site.publication)}</time>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      <div class="home-columns">
        <div class="home-sections">
          {site.navigation.map((section) => {
            const stories = (lists.latestBySection.get(section.id) ?? []).filter((story) => !shown.has(story.id)).slice(0, STORIES_PER_SECTION_BLOCK);
            if (stories.length === 0) return null;
            return (
              <section class="section-block" key={section.id} aria-labelledby={`section-block-${section.slug}`}>
                <h2 id={`section-block-${section.slug}`}>
                  <a href={paths.section(section.slug)}>{section.name}</a>
                </h2>
                <ul class="story-list story-list-compact">
                  {stories.map((story) => (
                    <li key={story.id}>
                      <StoryCard story={story} site={site} showSection={false} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        <div class="ranked-lists">
          <RankedList title={t('list.popularNow')} listId="popular-now" stories={lists.popularNow} numbered showSection translator={translator} />
          <RankedList title={t('list.mustReads')} listId="must-reads" stories={lists.mustReads} numbered showSection translator={translator} />
          <RankedList title={t('list.weeklyBest')} listId="weekly-best" stories={lists.weeklyBest} translator={translator} />
        </div>
        <NewsletterSignup site={site} newsletters={newslettersOf(site.navigation)} idPrefix="home-newsletters" />
      </div>
    </Layout>
  );
}

function LeadStory({ story, site }: { story: ArticleSummary; site: SiteContext }) {
  return (
    <article class="lead-story" aria-labelledby="lead-story-headline">
      {story.hero && <ResponsiveImage asset={story.hero} sizes="(min-width: 960px) 640px, 100vw" eager decorative />}
      <p class="section-label">
        <a href={paths.section(story.section.slug)}>{story.section.name}</a>
        {isLiveStory(story) && (
          <>
            {' '}
            <LiveBadge translator={siteTranslator(site)} />
          </>
        )}
      </p>
      <h2 id="lead-story-headline">
        <a href={paths.article(story.slug)}>{story.headline}</a>
      </h2>
      {story.standfirst && <p class="standfirst">{story.standfirst}</p>}
      <p class="story-card-meta">
        {story.authors.map((author) => author.name).join(', ')} ·{' '}
        <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt, site.publication)}</time>
      </p>
    </article>
  );
}
