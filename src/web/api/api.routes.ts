import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import type { ApiKeyService } from '../../modules/api-keys/index.js';
import type { ArticleSummary } from '../../modules/articles/index.js';
import { listedStoryKeys, storyKeys, SURROGATE_KEYS } from '../../modules/cdn/index.js';
import type { ContentApiService } from '../../modules/content-api/index.js';
import type { Edition, EditionService } from '../../modules/editions/index.js';
import type { RankedListsService } from '../../modules/rankings/index.js';
import type { SearchService } from '../../modules/search/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import { AppError } from '../../shared/errors.js';
import type { Pagination } from '../../shared/pagination.js';
import { readEdition, readFields, readInstant, readPage, readQuery, readSlug, selectFields, type RawQuery } from './api-query.js';
import { API_VARY, presentedApiKey, sendApiError } from './api-response.js';
import { CACHE_CONTROL } from '../http/cache-control.js';
import type { PageCache } from '../http/page-cache.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../http/retry-after.js';
import { keyed, sendPublicDocument, type Keyed } from '../http/send-page.js';
import * as json from './api-serializers.js';
import { fieldsOf, openApiDocument, queryParametersOf } from './openapi.js';

export const API_PREFIX = '/api/v1';
type ApiPath = keyof typeof openApiDocument.paths;
type Query = Record<string, string | undefined>;
type Item = Record<string, unknown>;
const JSON_TYPE = 'application/json; charset=utf-8';

/** What the Content API uses; of the database only whether an error means it is unreachable (503). */
export interface ApiRoutesDeps {
  config: Pick<Config, 'siteUrl'>;
  database: { isUnavailableError(error: unknown): boolean };
  settings: SettingsService;
  editions: Pick<EditionService, 'all' | 'find'>;
  apiKeys: ApiKeyService;
  contentApi: ContentApiService;
  search: SearchService;
  lists: RankedListsService;
  pageCache: PageCache;
}

/**
 * The Content API, read-only JSON for partners, in a scope of its own: its errors are JSON, not the
 * site's pages, and every route but the OpenAPI document needs a key (checked, then counted against
 * the key's rate limit). Handlers only translate: ContentApiService decides what readers may see.
 *
 * An answer depends on the key only in whether it is given at all (the key is checked and counted
 * in `onRequest`, before any handler), never in its content: so answers are kept in the page cache
 * like pages, keyed by path and the checked parameters, filed under the surrogate keys of what they
 * show (their stories, `api` for lists and counts), and purged with them. Still `private`: no
 * shared cache may answer one partner with what another fetched.
 */
export async function registerApiRoutes(app: FastifyInstance, deps: ApiRoutesDeps): Promise<void> {
  const ctx = (): json.ApiContext => ({
    siteUrl: deps.config.siteUrl,
    timeZone: deps.settings.publication.timeZone,
    edition: (id) => deps.editions.find(id),
  });
  const { contentApi } = deps;
  /**
   * `?edition=ko`, else the default edition (as the site's `/`). The filter is given to the services
   * only when there are several editions: with one, the statements stay as before editions.
   */
  const editionOf = (query: Query): { edition: Edition; editionId: string | undefined } => {
    const edition = readEdition(query.edition, deps.editions.all);
    return { edition, editionId: deps.editions.all.length > 1 ? edition.id : undefined };
  };

  await app.register(
    async (scope) => {
      scope.setErrorHandler((error: FastifyError, request, reply) => apiErrorHandler(deps, error, request, reply));
      scope.setNotFoundHandler((_request, reply) => sendApiError(reply, new AppError('ERR_NOT_FOUND')));
      scope.addHook('onRequest', async (request, reply) => {
        reply.header('vary', API_VARY);
        if (request.routeOptions.url === `${API_PREFIX}/openapi.json`) return;
        const key = await deps.apiKeys.verify(presentedApiKey(request));
        await deps.apiKeys.consume(key.id);
      });

      /**
       * A GET whose query is checked against the operation's parameters before the cache is asked or
       * the handler runs; its answer is cached under the path and those parameters, in their declared
       * order, and filed under the surrogate keys the handler names.
       */
      function route(path: ApiPath, handler: (query: Query, params: Record<string, string>) => Promise<Keyed<unknown>>) {
        const known = queryParametersOf(path);
        scope.get(path.replace(/\{(\w+)\}/g, ':$1'), async (request, reply) => {
          const query = readQuery(request.query as RawQuery, known);
          const pathOnly = request.url.split('?', 1)[0] ?? request.url;
          const given = known.flatMap((name) => (query[name] === undefined ? [] : [`${name}=${encodeURIComponent(query[name])}`]));
          const key = given.length > 0 ? `${pathOnly}?${given.join('&')}` : pathOnly;
          return sendPublicDocument(
            request,
            reply,
            deps.pageCache,
            [],
            JSON_TYPE,
            async () => {
              const { page, keys } = await handler(query, request.params as Record<string, string>);
              return keyed(JSON.stringify(page), keys);
            },
            // Never sent before routing: the key is checked (onRequest above) before every answer.
            { key, cacheControl: CACHE_CONTROL.api, vary: API_VARY, announceKeys: false, beforeRouting: false },
          );
        });
      }
      const one = (schema: string, query: Query, item: Item) => ({ data: selectFields(item, readFields(query.fields, fieldsOf(schema))) });
      const many = (schema: string, query: Query, items: Item[]) => {
        const fields = readFields(query.fields, fieldsOf(schema));
        return { data: items.map((item) => selectFields(item, fields)) };
      };
      const storyList = (query: Query, stories: readonly ArticleSummary[]) =>
        many(
          'ArticleSummary',
          query,
          stories.map((story) => json.articleSummaryJson(story, ctx())),
        );
      // Sections, authors, series and tags with their published-story counts: any story event moves them.
      const counted = (body: unknown) => keyed(body, SURROGATE_KEYS.api);
      const rankedList = (query: Query, stories: readonly ArticleSummary[]) =>
        keyed({ ...storyList(query, stories), computed_at: computedAt(deps) }, SURROGATE_KEYS.lists, listedStoryKeys(stories));

      route('/articles', async (query) => {
        if (query.sort !== undefined && query.sort !== 'latest') throw new AppError('ERR_API_PARAMETER_INVALID', 'sort may only be latest.');
        const fields = readFields(query.fields, fieldsOf('ArticleSummary'));
        const { page, perPage } = readPage(query);
        const { editionId } = editionOf(query);
        const { stories, pagination } = await contentApi.articles({
          editionId,
          section: readSlug(query.section, 'section'),
          author: readSlug(query.author, 'author'),
          tag: readSlug(query.tag, 'tag'),
          series: readSlug(query.series, 'series'),
          publishedAfter: readInstant(query.published_after, 'published_after'),
          publishedBefore: readInstant(query.published_before, 'published_before'),
          page,
          perPage,
        });
        const data = stories.map((story) => selectFields(json.articleSummaryJson(story, ctx()), fields));
        return keyed({ data, ...pageLinks(deps, '/articles', query, pagination) }, SURROGATE_KEYS.api, listedStoryKeys(stories));
      });
      route('/articles/{slug}', async (query, params) => {
        const { article, translations } = await contentApi.article(params.slug ?? '');
        // A story of a switched-off edition is off the site, and so off the API; so are its translations there.
        if (!deps.editions.find(article.editionId).enabled) throw new AppError('ERR_ARTICLE_NOT_FOUND');
        const shown = translations.filter((translation) => deps.editions.find(translation.editionId).enabled);
        // Its translations may be published or withdrawn without it: with several editions the answer
        // is also filed under `api`, which every story event purges.
        const translationsMayChange = deps.editions.all.length > 1 ? [SURROGATE_KEYS.api] : [];
        return keyed(one('Article', query, json.articleJson(article, shown, ctx())), storyKeys(article), translationsMayChange);
      });
      // Its view count is at most a minute old, as on the article page (PAGE_MAX_AGE_MS).
      route('/articles/{slug}/views', async (query, params) => {
        const { article } = await contentApi.article(params.slug ?? '');
        if (!deps.editions.find(article.editionId).enabled) throw new AppError('ERR_ARTICLE_NOT_FOUND');
        return keyed(one('ViewCount', query, json.viewCountJson(article)), SURROGATE_KEYS.article(article.id));
      });
      route('/sections', async (query) =>
        counted(
          many(
            'Section',
            query,
            (await contentApi.sectionList(editionOf(query).editionId)).map((section) => json.sectionJson(section, ctx())),
          ),
        ),
      );
      route('/sections/{slug}', async (query, params) =>
        counted(one('Section', query, json.sectionJson(await contentApi.section(params.slug ?? '', editionOf(query).edition.id), ctx()))),
      );
      route('/authors', async (query) =>
        counted(
          many(
            'Author',
            query,
            (await contentApi.authorList()).map((author) => json.authorJson(author, ctx())),
          ),
        ),
      );
      route('/authors/{slug}', async (query, params) =>
        counted(one('Author', query, json.authorJson(await contentApi.author(params.slug ?? ''), ctx()))),
      );
      route('/series', async (query) =>
        counted(
          many(
            'Series',
            query,
            (await contentApi.seriesList()).map((series) => json.seriesJson(series, ctx())),
          ),
        ),
      );
      route('/series/{slug}', async (query, params) => {
        const { series, parts } = await contentApi.series(params.slug ?? '');
        return keyed(one('SeriesWithParts', query, json.seriesWithPartsJson(series, parts, ctx())), SURROGATE_KEYS.api, listedStoryKeys(parts));
      });
      route('/tags', async (query) =>
        counted(
          many(
            'Tag',
            query,
            (await contentApi.tagList()).map((tag) => json.tagJson(tag, ctx())),
          ),
        ),
      );
      route('/search', async (query) => {
        const fields = readFields(query.fields, fieldsOf('SearchHit'));
        const { page, perPage } = readPage(query);
        const { editionId } = editionOf(query);
        const result = await deps.search.search({
          ...(editionId ? { editionId } : {}),
          text: query.q ?? '',
          page,
          pageSize: perPage,
          sectionSlug: readSlug(query.section, 'section'),
          from: readInstant(query.published_after, 'published_after'),
          to: readInstant(query.published_before, 'published_before'),
        });
        const data = result.hits.map((hit) => selectFields(json.searchHitJson(hit, ctx()), fields));
        // `search`, as the site's search pages: any story event may change any query's results.
        return keyed(
          { data, terms: result.terms, newest_only: result.newestOnly, ...pageLinks(deps, '/search', query, result.pagination) },
          SURROGATE_KEYS.search,
        );
      });
      // The ranked lists come from memory, as on the site: an API request never runs a ranking query.
      // Each edition's own lists (`?edition=ko`), the default edition's without.
      const listsOf = (query: Query) => deps.lists.currentFor(editionOf(query).edition.id);
      route('/lists/popular-now', async (query) => rankedList(query, listsOf(query).popularNow));
      route('/lists/weekly-best', async (query) => rankedList(query, listsOf(query).weeklyBest));
      route('/lists/must-reads', async (query) => rankedList(query, listsOf(query).mustReads));
      route('/openapi.json', async () => keyed(openApiDocument));
    },
    { prefix: API_PREFIX },
  );
}

function computedAt(deps: Pick<ApiRoutesDeps, 'lists' | 'settings'>): string {
  return json.formatApiDate(deps.lists.current.computedAt, deps.settings.publication.timeZone);
}

/** `pagination` and `links` for a page; the links keep the request's own parameters. */
function pageLinks(deps: Pick<ApiRoutesDeps, 'config'>, path: string, query: Query, pagination: Pagination) {
  const link = (page: number) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    search.set('page', String(page));
    return `${deps.config.siteUrl}${API_PREFIX}${path}?${search.toString()}`;
  };
  return {
    pagination: json.paginationJson(pagination),
    links: {
      next: pagination.page < pagination.totalPages ? link(pagination.page + 1) : null,
      prev: pagination.page > 1 ? link(Math.min(pagination.page - 1, pagination.totalPages)) : null,
    },
  };
}

function apiErrorHandler(deps: Pick<ApiRoutesDeps, 'database'>, error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) return sendApiError(reply, error);
  if (deps.database.isUnavailableError(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendApiError(reply, new AppError('ERR_DATABASE_UNAVAILABLE'));
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return sendApiError(reply, new AppError('ERR_BAD_REQUEST'), error.statusCode);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendApiError(reply, new AppError('ERR_INTERNAL'));
}
