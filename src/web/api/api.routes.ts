import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import type { ApiKeyService } from '../../modules/api-keys/index.js';
import type { ArticleSummary } from '../../modules/articles/index.js';
import type { ContentApiService } from '../../modules/content-api/index.js';
import type { RankedListsService } from '../../modules/rankings/index.js';
import type { SearchService } from '../../modules/search/index.js';
import type { SettingsService } from '../../modules/settings/index.js';
import { AppError } from '../../shared/errors.js';
import type { Pagination } from '../../shared/pagination.js';
import { readFields, readInstant, readPage, readQuery, readSlug, selectFields, type RawQuery } from './api-query.js';
import { API_VARY, presentedApiKey, sendApiError, sendApiJson } from './api-response.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../http/retry-after.js';
import * as json from './api-serializers.js';
import { fieldsOf, openApiDocument, queryParametersOf } from './openapi.js';

export const API_PREFIX = '/api/v1';
type ApiPath = keyof typeof openApiDocument.paths;
type Query = Record<string, string | undefined>;
type Item = Record<string, unknown>;

/** What the Content API uses; of the database only whether an error means it is unreachable (503). */
export interface ApiRoutesDeps {
  config: Pick<Config, 'siteUrl'>;
  database: { isUnavailableError(error: unknown): boolean };
  settings: SettingsService;
  apiKeys: ApiKeyService;
  contentApi: ContentApiService;
  search: SearchService;
  lists: RankedListsService;
}

/**
 * The Content API, read-only JSON for partners, in a scope of its own: its errors are JSON, not the
 * site's pages, and every route but the OpenAPI document needs a key (checked, then counted against
 * the key's rate limit). Handlers only translate: ContentApiService decides what readers may see.
 */
export async function registerApiRoutes(app: FastifyInstance, deps: ApiRoutesDeps): Promise<void> {
  const ctx = (): json.ApiContext => ({ siteUrl: deps.config.siteUrl, timeZone: deps.settings.publication.timeZone });
  const { contentApi } = deps;

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

      /** A GET whose query is checked against the operation's parameters before the handler runs. */
      function route(path: ApiPath, handler: (query: Query, params: Record<string, string>) => Promise<unknown>) {
        const known = queryParametersOf(path);
        scope.get(path.replace(/\{(\w+)\}/g, ':$1'), async (request, reply) => {
          const query = readQuery(request.query as RawQuery, known);
          return sendApiJson(request, reply, await handler(query, request.params as Record<string, string>));
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

      route('/articles', async (query) => {
        if (query.sort !== undefined && query.sort !== 'latest') throw new AppError('ERR_API_PARAMETER_INVALID', 'sort may only be latest.');
        const fields = readFields(query.fields, fieldsOf('ArticleSummary'));
        const { page, perPage } = readPage(query);
        const { stories, pagination } = await contentApi.articles({
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
        return { data, ...pageLinks(deps, '/articles', query, pagination) };
      });
      route('/articles/{slug}', async (query, params) =>
        one('Article', query, json.articleJson((await contentApi.article(params.slug ?? '')).article, ctx())),
      );
      route('/articles/{slug}/views', async (query, params) =>
        one('ViewCount', query, json.viewCountJson((await contentApi.article(params.slug ?? '')).article)),
      );
      route('/sections', async (query) =>
        many(
          'Section',
          query,
          (await contentApi.sectionList()).map((section) => json.sectionJson(section, ctx())),
        ),
      );
      route('/sections/{slug}', async (query, params) => one('Section', query, json.sectionJson(await contentApi.section(params.slug ?? ''), ctx())));
      route('/authors', async (query) =>
        many(
          'Author',
          query,
          (await contentApi.authorList()).map((author) => json.authorJson(author, ctx())),
        ),
      );
      route('/authors/{slug}', async (query, params) => one('Author', query, json.authorJson(await contentApi.author(params.slug ?? ''), ctx())));
      route('/series', async (query) =>
        many(
          'Series',
          query,
          (await contentApi.seriesList()).map((series) => json.seriesJson(series, ctx())),
        ),
      );
      route('/series/{slug}', async (query, params) => {
        const { series, parts } = await contentApi.series(params.slug ?? '');
        return one('SeriesWithParts', query, json.seriesWithPartsJson(series, parts, ctx()));
      });
      route('/tags', async (query) =>
        many(
          'Tag',
          query,
          (await contentApi.tagList()).map((tag) => json.tagJson(tag, ctx())),
        ),
      );
      route('/search', async (query) => {
        const fields = readFields(query.fields, fieldsOf('SearchHit'));
        const { page, perPage } = readPage(query);
        const result = await deps.search.search({
          text: query.q ?? '',
          page,
          pageSize: perPage,
          sectionSlug: readSlug(query.section, 'section'),
          from: readInstant(query.published_after, 'published_after'),
          to: readInstant(query.published_before, 'published_before'),
        });
        const data = result.hits.map((hit) => selectFields(json.searchHitJson(hit, ctx()), fields));
        return { data, terms: result.terms, ...pageLinks(deps, '/search', query, result.pagination) };
      });
      // The ranked lists come from memory, as on the site: an API request never runs a ranking query.
      route('/lists/popular-now', async (query) => ({ ...storyList(query, deps.lists.current.popularNow), computed_at: computedAt(deps) }));
      route('/lists/weekly-best', async (query) => ({ ...storyList(query, deps.lists.current.weeklyBest), computed_at: computedAt(deps) }));
      route('/lists/must-reads', async (query) => ({ ...storyList(query, deps.lists.current.mustReads), computed_at: computedAt(deps) }));
      route('/openapi.json', async () => openApiDocument);
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
