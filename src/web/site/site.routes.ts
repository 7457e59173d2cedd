import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { isFixedStaticPage, STATIC_PAGE_SLUGS } from '../../modules/pages/index.js';
import { SURROGATE_KEYS, listedStoryKeys } from '../../modules/cdn/index.js';
import type { CurationService } from '../../modules/rankings/index.js';
import { AppError } from '../../shared/errors.js';
import { parsePageNumber } from '../../shared/pagination.js';
import { currentReader, hasReaderCookie, type ReaderCookieDeps } from '../shared/reader-cookie.js';
import type { PageCache } from '../http/page-cache.js';
import { keyed, sendPersonalPage, sendPublicPage } from '../http/send-page.js';
import { ARTICLE_QUERY_KEYS, parseCommentsQuery, renderArticlePage, type ArticlePageDeps } from './article-page-view.js';
import { parseLiveBefore } from './live-page-view.js';
import { HomePage } from './pages/home.page.js';
import { SeriesPage } from './pages/series.page.js';
import { everyEditionAlternates } from './alternates.js';
import { StaticPageView } from './pages/static.page.js';
import { StoryListPage } from './pages/story-list.page.js';
import { paths } from '../shared/paths.js';
import { listingEdition, requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import { siteTranslator } from '../shared/site-translator.js';
import { registerSearchRoutes, type SearchRoutesDeps } from './search.routes.js';
import { answerOldHomeLink, isOldHomeLink, type OldLinkDeps } from './old-links.js';

type Query = Record<string, string | undefined>;
type SlugParams = { Params: { slug: string }; Querystring: Query };

/** What the reading site uses: the article page's and search's needs, the reader, the lead story. */
export interface SiteRoutesDeps extends ArticlePageDeps, ReaderCookieDeps, SearchRoutesDeps, OldLinkDeps, EditionSiteDeps {
  curation: CurationService;
  pageCache: PageCache;
}

/**
 * The public reading site. Handlers only read the request, call a service and pick a page, and name
 * the page's surrogate keys (modules/cdn/surrogate-keys.ts): its own, and every story it lists.
 */
export function registerSiteRoutes(app: FastifyInstance, deps: SiteRoutesDeps): void {
  const { reading, lists, pageCache } = deps;

  app.get('/', (request, reply) => {
    // WordPress's plain links (`/?p=123`, `/?cat=4` …): the redirect an import left, or a 404 so
    // crawlers drop the link; never the home page, which the page cache keys without any query.
    if (isOldHomeLink(request.url)) return answerOldHomeLink(deps, request, reply);
    return sendPublicPage(request, reply, pageCache, [], async () => {
      const site = requestSite(deps, request);
      // The editors' lead leads its own edition's home page; another edition's leads with its newest.
      const chosen = deps.curation.leadStory();
      const lead = chosen?.editionId === site.edition.id ? chosen : undefined;
      // Every list on the home page is `lists`, purged whenever a story changes; the chosen lead too.
      return keyed(
        h(HomePage, { site, lists: lists.currentFor(site.edition.id), lead }),
        SURROGATE_KEYS.lists,
        lead ? [SURROGATE_KEYS.article(lead.id)] : [],
      );
    });
  });

  // Signed-in readers get the page rendered for them (form, CSRF token, their controls), never
  // cached; everyone else shares the cached page, keyed by the comment order and page they asked for.
  app.get<SlugParams>('/article/:slug', async (request, reply) => {
    const query = parseCommentsQuery(request.query);
    const liveBefore = parseLiveBefore(request.query.before);
    if (hasReaderCookie(request)) {
      const viewer = await currentReader(request, reply, deps);
      return sendPersonalPage(
        reply,
        200,
        (await renderArticlePage(deps, request.params.slug, { viewer, query, liveBefore, site: requestSite(deps, request) })).page,
      );
    }
    return sendPublicPage(request, reply, pageCache, ARTICLE_QUERY_KEYS, () =>
      renderArticlePage(deps, request.params.slug, { viewer: null, query, liveBefore, site: requestSite(deps, request) }),
    );
  });

  app.get<SlugParams>('/section/:slug', (request, reply) =>
    sendPublicPage(request, reply, pageCache, ['page'], async () => {
      const context = requestSite(deps, request);
      const { section, ...storyPage } = await reading.section(request.params.slug, parsePageNumber(request.query.page), context.edition.id);
      const keys = [SURROGATE_KEYS.section(section.id), ...listedStoryKeys(storyPage.stories)];
      return keyed(
        h(StoryListPage, {
          site: context,
          title: section.name,
          description: section.description,
          intro: section.description ? h('p', { class: 'standfirst' }, section.description) : undefined,
          storyPage,
          href: (page: number) => paths.section(section.slug, page),
          crumb: { name: section.name, path: paths.section(section.slug) },
          feed: { title: section.name, rss: paths.feeds.section(section.slug, 'rss'), atom: paths.feeds.section(section.slug, 'atom') },
          showSection: false,
        }),
        keys,
      );
    }),
  );

  app.get<SlugParams>('/author/:slug', (request, reply) =>
    sendPublicPage(request, reply, pageCache, ['page'], async () => {
      // The publication's author, their stories in this page's edition (with one edition, all of them).
      const context = requestSite(deps, request);
      const { author, ...storyPage } = await reading.author(request.params.slug, parsePageNumber(request.query.page), listingEdition(deps, context));
      const keys = [SURROGATE_KEYS.author(author.id), ...listedStoryKeys(storyPage.stories)];
      const { t } = siteTranslator(context);
      return keyed(
        h(StoryListPage, {
          site: context,
          title: author.name,
          description: author.bio,
          intro: h('div', { class: 'author-intro' }, [
            author.jobTitle ? h('p', { class: 'author-title' }, author.jobTitle) : null,
            h('p', null, h('a', { href: `mailto:${author.email}` }, author.email)),
            h('p', { class: 'author-bio' }, author.bio),
            h('h2', null, t('author.stories', { author: author.name })),
          ]),
          storyPage,
          href: (page: number) => paths.author(author.slug, page),
          crumb: { name: author.name, path: paths.author(author.slug) },
          feed: { title: author.name, rss: paths.feeds.author(author.slug, 'rss'), atom: paths.feeds.author(author.slug, 'atom') },
          alternates: everyEditionAlternates(context, (prefix) => paths.authorInEdition(prefix, author.slug)),
        }),
        keys,
      );
    }),
  );

  app.get<SlugParams>('/tag/:slug', (request, reply) =>
    sendPublicPage(request, reply, pageCache, ['page'], async () => {
      const context = requestSite(deps, request);
      const { tag, ...storyPage } = await reading.tag(request.params.slug, parsePageNumber(request.query.page), listingEdition(deps, context));
      const keys = [SURROGATE_KEYS.tag(tag.id), ...listedStoryKeys(storyPage.stories)];
      const { t } = siteTranslator(context);
      return keyed(
        h(StoryListPage, {
          site: context,
          title: `#${tag.name}`,
          description: t('tag.description', { tag: tag.name }),
          intro: h('p', null, t('tag.intro', { tag: tag.name })),
          storyPage,
          href: (page: number) => paths.tag(tag.slug, page),
          crumb: { name: `#${tag.name}`, path: paths.tag(tag.slug) },
        }),
        keys,
      );
    }),
  );

  app.get<SlugParams>('/series/:slug', (request, reply) =>
    sendPublicPage(request, reply, pageCache, [], async () => {
      const site = requestSite(deps, request);
      const { series, parts } = await reading.series(request.params.slug, listingEdition(deps, site));
      return keyed(h(SeriesPage, { site, series, parts }), SURROGATE_KEYS.series(series.id), listedStoryKeys(parts));
    }),
  );

  registerSearchRoutes(app, deps);

  for (const slug of STATIC_PAGE_SLUGS) {
    app.get(paths.staticPage(slug), (request, reply) =>
      sendPublicPage(request, reply, pageCache, [], async () =>
        // Static pages change with settings and releases only, and a settings change purges `site`.
        keyed(h(StaticPageView, { site: requestSite(deps, request), page: await reading.staticPage(slug) })),
      ),
    );
  }
  // Free-standing pages (an archive's imported pages), cached and purged as the fixed ones are; a
  // fixed page has one address only (`/about`), so `/pages/about` is not it.
  app.get<SlugParams>(paths.staticPages(), (request, reply) =>
    sendPublicPage(request, reply, pageCache, [], async () => {
      const { slug } = request.params;
      if (isFixedStaticPage(slug)) throw new AppError('ERR_NOT_FOUND');
      return keyed(h(StaticPageView, { site: requestSite(deps, request), page: await reading.staticPage(slug) }));
    }),
  );
}
