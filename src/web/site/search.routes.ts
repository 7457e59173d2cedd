import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import type { Config } from '../../config/config.js';
import type { SearchResult, SearchService } from '../../modules/search/index.js';
import type { SectionDirectory } from '../../modules/sections/index.js';
import { AppError } from '../../shared/errors.js';
import { cacheControlForStatus } from '../http/cache-control.js';
import { SURROGATE_KEYS } from '../../modules/cdn/index.js';
import type { PageCache } from '../http/page-cache.js';
import { keyed, sendPublicDocument, sendPublicPage } from '../http/send-page.js';
import { SearchPage } from './pages/search.page.js';
import { paths } from '../shared/paths.js';
import { listingEdition, requestSite, type EditionSiteDeps } from '../shared/request-edition.js';
import type { SiteContext } from '../shared/site-context.js';
import { siteTranslator } from '../shared/site-translator.js';
import type { Translator } from '../../shared/i18n/index.js';
import { readSearchRequest, SEARCH_QUERY_KEYS, type SearchForm } from './search-request.js';

type SearchRequest = { Querystring: Record<string, string | string[] | undefined> };
const JSON_TYPE = 'application/json; charset=utf-8';

/** What the search page and its JSON use (`config.siteUrl` makes the results' URLs absolute). */
export interface SearchRoutesDeps extends EditionSiteDeps {
  config: Pick<Config, 'siteUrl'>;
  sections: SectionDirectory;
  search: SearchService;
  pageCache: PageCache;
}

/**
 * `/search` (the page) and `/search.json` (the same results as data), both cached like pages, each
 * also under an edition's prefix (`/ko/search`, `/ko/search.json`) for that edition's stories.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: SearchRoutesDeps): void {
  // Each search is within the edition it was asked in (`/ko/search`): its stories and sections, dates
  // in its time zone. With one edition, every story (the statements as before editions).
  const run = async (raw: SearchRequest['Querystring'], site: SiteContext) => {
    const { edition } = site;
    const { form, query } = readSearchRequest(raw, edition.timeZone);
    const editionId = listingEdition(deps, site);
    return { form, result: await deps.search.search({ ...query, ...(editionId ? { editionId } : {}) }) };
  };

  app.get<SearchRequest>('/search', (request, reply) =>
    sendPublicPage(request, reply, deps.pageCache, SEARCH_QUERY_KEYS, async () => {
      const site = requestSite(deps, request);
      const { form, result } = await run(request.query, site);
      // `search` alone: any story may start matching any query, so every change purges all results.
      return keyed(h(SearchPage, { site, form, result, sections: deps.sections.inEdition(site.edition.id) }), SURROGATE_KEYS.search);
    }),
  );

  // In a scope of its own so every error, even the URL guard's before routing, answers as JSON.
  void app.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      // The message in the edition's language (`/ko/search.json`), as the page's would be.
      const translator = siteTranslator(requestSite(deps, request));
      if (error instanceof AppError) return sendJsonError(reply, error, translator);
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) return sendJsonError(reply, new AppError('ERR_BAD_REQUEST'), translator);
      throw error; // the app's handler: 503 for an outage, 500 otherwise
    });
    scope.get<SearchRequest>('/search.json', (request, reply) =>
      sendPublicDocument(request, reply, deps.pageCache, SEARCH_QUERY_KEYS, JSON_TYPE, async () => {
        const { form, result } = await run(request.query, requestSite(deps, request));
        return keyed(JSON.stringify(searchJson(form, result, deps.config.siteUrl)), SURROGATE_KEYS.search);
      }),
    );
  });
}

function sendJsonError(reply: FastifyReply, error: AppError, translator: Pick<Translator, 'error'>): FastifyReply {
  return reply
    .code(error.status)
    .header('x-error-code', error.code)
    .header('cache-control', cacheControlForStatus(error.status))
    .type(JSON_TYPE)
    .send(JSON.stringify({ errors: [{ code: error.code, message: translator.error(error.code) }] }));
}

function searchJson(form: SearchForm, result: SearchResult, siteUrl: string) {
  return {
    query: { q: form.q, section: form.section || null, from: form.from || null, to: form.to || null },
    terms: result.terms,
    results: result.hits.map(({ story, snippet, score }) => ({
      id: story.id,
      slug: story.slug,
      url: new URL(paths.article(story.slug), siteUrl).toString(),
      headline: story.headline,
      standfirst: story.standfirst,
      section: { slug: story.section.slug, name: story.section.name },
      authors: story.authors.map((author) => ({ slug: author.slug, name: author.name })),
      publishedAt: story.publishedAt.toISOString(),
      snippet,
      score,
    })),
    pagination: result.pagination,
    newestOnly: result.newestOnly,
  };
}
