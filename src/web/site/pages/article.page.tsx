import { newslettersOf } from '../../../modules/newsletters/index.js';
import { NewsletterSignup } from '../components/newsletter-signup.js';
import type { ArticleReading, ArticleSummary } from '../../../modules/articles/index.js';
import { ArticleBody } from '../components/article-body.js';
import { AuthorBox, Corrections, SeriesNav } from '../components/article-extras.js';
import { Byline } from '../components/byline.js';
import { CommentsArea, type CommentsView } from '../components/comments-area.js';
import { Figure } from '../components/figure.js';
import { Layout } from '../components/layout.js';
import { RankedList } from '../components/ranked-list.js';
import { ShareLinks } from '../components/share-links.js';
import { ViewBeacon } from '../components/view-beacon.js';
import { paths } from '../../shared/paths.js';
import type { SiteContext } from '../../shared/site-context.js';
import { siteTranslator } from '../../shared/site-translator.js';
import { languageName } from '../../../shared/i18n/index.js';
import { articleAlternates, shownTranslations } from '../alternates.js';
import {
  articleModifiedAt,
  breadcrumbJsonLd,
  homeCrumb,
  liveBlogPostingJsonLd,
  newsArticleJsonLd,
  publicationDateTime,
  shareImage,
} from '../structured-data.js';
import type { LiveUpdate } from '../../../modules/live/index.js';
import { LiveCoverage, type LiveCoverageView } from '../components/live-coverage.js';
import { LiveSummary } from '../components/live-update.js';
import { liveUpdatesFeedPath } from '../live-page-view.js';
import { TypeLabel } from '../components/live-badge.js';

export interface ArticleLists {
  sectionLatest: ArticleSummary[];
  weeklyBest: ArticleSummary[];
  popularNow: ArticleSummary[];
  mustReads: ArticleSummary[];
}

/** The article page, in the order product.md gives it. */
export function ArticlePage({
  site,
  reading,
  lists,
  comments,
  live,
  countViews = true,
}: {
  site: SiteContext;
  reading: ArticleReading;
  lists: ArticleLists;
  /** The comment area as this viewer sees it; absent in the newsroom's preview. */
  comments?: CommentsView;
  /** A live story's coverage (live or ended): its updates, key points and feed. */
  live?: { view: LiveCoverageView; shown: LiveUpdate[] };
  /** Off for the newsroom's preview: staff reading a draft are not readers. */
  countViews?: boolean;
}) {
  const { article, seriesParts, related } = reading;
  const translations = shownTranslations(site, reading.translations);
  // Each series part is canonical to itself: the parts are different stories, not one paginated one.
  const canonicalPath = paths.article(article.slug);
  const image = article.hero ? shareImage(article.hero, site.siteUrl) : undefined;
  const translator = siteTranslator(site);
  const { t } = translator;
  return (
    <Layout
      site={site}
      meta={{
        title: article.seoTitle ?? article.headline,
        description: article.seoDescription ?? article.standfirst,
        canonicalPath,
        alternates: articleAlternates(site, article.slug, translations),
        openGraph: {
          type: 'article',
          ...(image && { image }),
          article: {
            publishedTime: publicationDateTime(article.publishedAt, site),
            modifiedTime: publicationDateTime(articleModifiedAt(article), site),
            section: article.section.name,
            tags: article.tags.map((tag) => tag.name),
            authors: article.authors.map((author) => `${site.siteUrl}${paths.author(author.slug)}`),
          },
        },
        ...(live && { atomFeed: { title: t('live.feedTitle', { headline: article.headline }), atom: liveUpdatesFeedPath(article.slug) } }),
        structuredData: [
          live ? liveBlogPostingJsonLd(article, site, { coverage: live.view.page.coverage, updates: live.shown }) : newsArticleJsonLd(article, site),
          breadcrumbJsonLd(
            [
              homeCrumb(site),
              { name: article.section.name, path: paths.section(article.section.slug) },
              { name: article.headline, path: canonicalPath },
            ],
            site,
          ),
        ],
      }}
    >
      <article class="article" aria-labelledby="article-headline">
        <header class="article-header">
          <p class="section-label">
            <a href={paths.section(article.section.slug)}>{article.section.name.toUpperCase()}</a>
            <TypeLabel label={article.typeLabel} translator={translator} />
          </p>
          <h1 id="article-headline">
            {article.headline}
            {article.series && <span class="series-part"> {t('article.part', { part: article.series.part })}</span>}
          </h1>
          {article.standfirst && <p class="standfirst">{article.standfirst}</p>}
          <Byline article={article} site={site} />
          {translations.length > 0 && (
            <nav class="story-translations" aria-label={t('article.translations')}>
              <ul>
                {translations.map((translation) => (
                  <li key={translation.edition.id}>
                    <a href={translation.path} hrefLang={translation.edition.code} lang={translation.edition.code}>
                      <span class="story-translation-language">{languageName(translation.edition.code)}</span> {translation.headline}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        {live && <LiveSummary summary={live.view.page.coverage.summary} keyEvents={live.view.page.keyEvents} context={live.view.context} />}
        {article.hero && <Figure asset={article.hero} eager className="figure figure-hero" />}
        <ArticleBody body={article.body} figures={article.figures} />
        {live && <LiveCoverage view={live.view} />}
        <Corrections article={article} site={site} />
        <SeriesNav article={article} parts={seriesParts} site={site} />
        {article.tags.length > 0 && (
          <nav class="tags" aria-label={t('article.tags')}>
            <ul>
              {article.tags.map((tag) => (
                <li key={tag.id}>
                  <a href={paths.tag(tag.slug)}>#{tag.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <AuthorBox authors={article.authors} site={site} />
        <ShareLinks url={`${site.siteUrl}${canonicalPath}`} title={article.headline} site={site} />
        <NewsletterSignup site={site} newsletters={newslettersOf([article.section])} idPrefix="article-newsletters" />
        {comments && <CommentsArea view={comments} />}
      </article>
      <div class="ranked-lists">
        <RankedList
          title={t('list.sectionLatest', { section: article.section.name })}
          listId="section-latest"
          stories={lists.sectionLatest}
          translator={translator}
        />
        <RankedList title={t('list.weeklyBest')} listId="weekly-best" stories={lists.weeklyBest} translator={translator} />
        <RankedList title={t('list.related')} listId="related" stories={related} numbered showSection translator={translator} />
        <RankedList title={t('list.popularNow')} listId="popular-now" stories={lists.popularNow} numbered showSection translator={translator} />
        <RankedList title={t('list.mustReads')} listId="must-reads" stories={lists.mustReads} numbered showSection translator={translator} />
      </div>
      {countViews && <ViewBeacon articleId={article.id} />}
    </Layout>
  );
}
