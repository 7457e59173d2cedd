/**
 * The Content API's OpenAPI 3.1 document, served at /api/v1/openapi.json. It is also the source of
 * each object's field names (for `fields=`), and every API test validates its responses against it,
 * so the document cannot drift from what the API sends.
 */
export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const uri: JsonSchema = { type: 'string', format: 'uri' };
const dateTime = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/**
 * An object whose properties may be narrowed with `fields=`: only `id` is always present, every
 * other property is present unless `fields` leaves it out, and nothing else ever is.
 */
function selectable(description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', description, properties, required: ['id'], additionalProperties: false };
}
function closed(properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const inline = closed({ text: str(), marks: arrayOf({ enum: ['em', 'strong'] }), href: str('http(s), mailto or a site-relative path') }, ['text']);

const ARTICLE_SUMMARY_PROPERTIES: Record<string, JsonSchema> = {
  id: str(),
  slug: str(),
  url: { ...uri, description: 'The story on the site, in its edition (`/ko/article/…` for a Korean story).' },
  language: str('Its edition’s language, a BCP 47 tag (en, ko).'),
  headline: str(),
  standfirst: str(),
  type_label: str('News, Analysis, Opinion…'),
  section: ref('SectionRef'),
  authors: arrayOf(ref('AuthorRef')),
  hero: nullable(ref('Image')),
  series: nullable(ref('SeriesRef')),
  published_at: dateTime('In the publication’s time zone, with its UTC offset.'),
  updated_at: nullable(dateTime('Last substantive update, if any.')),
  view_count: count('Counted views since publication (counted once per reader per day; updated every few seconds).'),
  comment_count: count('Published comments and replies.'),
};

const ARTICLE_PROPERTIES: Record<string, JsonSchema> = {
  ...ARTICLE_SUMMARY_PROPERTIES,
  translations: {
    ...arrayOf(ref('Translation')),
    description: 'The same story published in the publication’s other editions (switched-on ones), one per language.',
  },
  tags: arrayOf(ref('TagRef')),
  body: { ...arrayOf(ref('BodyBlock')), description: 'The story as structured blocks; text is plain (never HTML).' },
  body_html: str('The same body rendered as HTML: escaped text, every link and image URL absolute (as in the full-text feeds).'),
  images: { ...arrayOf(ref('Image')), description: 'Images that figure blocks refer to by media_id.' },
  corrections: arrayOf(ref('Correction')),
  comments_enabled: { type: 'boolean' },
};

const pagination = closed({
  page: { type: 'integer', minimum: 1 },
  per_page: { type: 'integer', minimum: 1, maximum: 100 },
  total_items: { type: 'integer', minimum: 0 },
  total_pages: { type: 'integer', minimum: 1 },
});

const schemas: Record<string, JsonSchema> = {
  Error: closed({
    errors: {
      type: 'array',
      minItems: 1,
      items: closed({ code: { type: 'string', pattern: '^ERR_[A-Z_]+$' }, message: str('For people; do not match on it, match on code.') }),
    },
  }),
  Pagination: pagination,
  Links: closed({ next: nullable(uri), prev: nullable(uri) }),
  Image: closed({
    id: str(),
    alt: str(),
    caption: str(),
    credit: str(),
    width: { type: 'integer', minimum: 1 },
    height: { type: 'integer', minimum: 1 },
    variants: arrayOf(
      closed({
        url: uri,
        width: { type: 'integer', minimum: 1 },
        height: { type: 'integer', minimum: 1 },
        format: { enum: ['webp', 'jpeg', 'avif'] },
        mime_type: str(),
      }),
    ),
  }),
  Translation: closed({
    language: str('The translation’s edition’s language.'),
    slug: str(),
    headline: str(),
    url: { ...uri, description: 'The translation on the site.' },
    api_url: { ...uri, description: 'The translation in this API (GET /articles/{slug}).' },
  }),
  SectionRef: closed({ id: str(), slug: str(), name: str(), url: uri }),
  AuthorRef: closed({ id: str(), slug: str(), name: str(), job_title: str(), url: uri }),
  TagRef: closed({ id: str(), slug: str(), name: str(), url: uri }),
  SeriesRef: closed({ id: str(), slug: str(), title: str(), part: { type: 'integer', minimum: 1 }, url: uri }),
  Correction: closed({ id: str(), kind: { enum: ['correction', 'update'] }, text: str(), created_at: dateTime('When it was added.') }),
  BodyBlock: {
    oneOf: [
      closed({ type: { const: 'paragraph' }, content: arrayOf(inline) }),
      closed({ type: { const: 'heading' }, text: str() }),
      closed({ type: { const: 'quote' }, text: str(), attribution: str() }, ['type', 'text']),
      closed({ type: { const: 'list' }, ordered: { type: 'boolean' }, items: arrayOf(arrayOf(inline)) }),
      closed({ type: { const: 'figure' }, media_id: str('The id of one of the article’s images.') }),
      closed({ type: { const: 'divider' } }),
      closed({ type: { const: 'embed' }, url: { ...uri, description: 'An http(s) page shown to readers as a link card.' } }),
    ],
  },
  ArticleSummary: selectable('A story as lists show it: everything but the body.', ARTICLE_SUMMARY_PROPERTIES),
  Article: selectable('A whole published story.', ARTICLE_PROPERTIES),
  SearchHit: selectable('A story that matched, with a passage around the best match.', {
    ...ARTICLE_SUMMARY_PROPERTIES,
    snippet: arrayOf(closed({ text: str(), match: { type: 'boolean', description: 'Whether this part is one of the searched words.' } })),
    score: { type: 'number', description: 'Higher is better; comparable within one result only.' },
  }),
  Section: selectable('A section of the publication.', {
    id: str(),
    slug: str(),
    name: str(),
    description: str(),
    url: uri,
    language: str('Its edition’s language.'),
    in_navigation: { type: 'boolean' },
    position: { type: 'integer' },
    story_count: count('Published stories.'),
  }),
  Author: selectable('A byline.', {
    id: str(),
    slug: str(),
    name: str(),
    job_title: str(),
    bio: str(),
    photo: nullable(ref('Image')),
    url: uri,
    story_count: count('Published stories.'),
  }),
  Tag: selectable('A tag on at least one published story.', {
    id: str(),
    slug: str(),
    name: str(),
    url: uri,
    story_count: count('Published stories.'),
  }),
  Series: selectable('A series with at least one published part.', {
    id: str(),
    slug: str(),
    title: str(),
    description: str(),
    url: uri,
    story_count: count('Published parts.'),
  }),
  SeriesWithParts: selectable('A series and its published parts, in order.', {
    id: str(),
    slug: str(),
    title: str(),
    description: str(),
    url: uri,
    story_count: count('Published parts.'),
    parts: arrayOf(ref('ArticleSummary')),
  }),
  ViewCount: selectable('How often a story has been read.', {
    id: str(),
    slug: str(),
    view_count: count('Counted views.'),
    comment_count: count('Published comments.'),
  }),
};

/** The `fields=` a schema offers: its top-level properties. */
export function fieldsOf(schemaName: string): readonly string[] {
  const properties = schemas[schemaName]?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

// Parameters.
const param = (name: string, description: string, schema: JsonSchema, location: 'query' | 'path' = 'query'): JsonSchema => ({
  name,
  in: location,
  description,
  required: location === 'path',
  schema,
});
const parameters: Record<string, JsonSchema> = {
  page: param('page', 'Page number, from 1 (at most 100000). A page past the end is empty.', {
    type: 'integer',
    minimum: 1,
    maximum: 100000,
    default: 1,
  }),
  per_page: param('per_page', 'Items per page, 1 to 100.', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
  fields: param('fields', 'Comma-separated top-level fields to return (id is always returned). An unknown name is a 400 ERR_API_FIELD_UNKNOWN.', {
    type: 'string',
  }),
  slug: param('slug', 'The slug, as in the site’s URLs.', { type: 'string' }, 'path'),
  section: param('section', 'Only stories of the section with this slug.', { type: 'string' }),
  author: param('author', 'Only stories by the author with this slug.', { type: 'string' }),
  tag: param('tag', 'Only stories with the tag with this slug.', { type: 'string' }),
  series: param('series', 'Only stories of the series with this slug.', { type: 'string' }),
  published_after: param('published_after', 'Only stories published at or after this instant (RFC 3339 date-time, or a date meaning midnight UTC).', {
    type: 'string',
  }),
  published_before: param('published_before', 'Only stories published before this instant (RFC 3339 date-time, or a date meaning midnight UTC).', {
    type: 'string',
  }),
  sort: param('sort', 'Order: latest (newest first) is the only one for now.', { enum: ['latest'], default: 'latest' }),
  edition: param(
    'edition',
    'The edition, by its language (en, ko): only its stories and sections. Absent: the default edition. A language no switched-on edition has is a 400 ERR_API_EDITION_UNKNOWN.',
    { type: 'string' },
  ),
  q: param('q', 'The words to search for (at most 200 characters).', { type: 'string', maxLength: 200 }),
};
const p = (name: string): JsonSchema => ({ $ref: `#/components/parameters/${name}` });

// Responses.
const error = (description: string): JsonSchema => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const responses: Record<string, JsonSchema> = {
  NotModified: { description: 'The If-None-Match ETag still matches; no body.' },
  BadRequest: error(
    'A query parameter is unknown, repeated or has a value we cannot use (ERR_API_PARAMETER_UNKNOWN, ERR_API_PARAMETER_INVALID, ERR_API_FIELD_UNKNOWN, ERR_INVALID_PAGE_NUMBER, ERR_API_PER_PAGE_INVALID, ERR_API_EDITION_UNKNOWN…).',
  ),
  Unauthorized: error('No API key (ERR_API_KEY_REQUIRED), an unknown one (ERR_API_KEY_INVALID) or a revoked one (ERR_API_KEY_REVOKED).'),
  NotFound: error('Nothing readers may see has that slug (or, for search, the page is past the last one).'),
  Gone: error('The story was withdrawn (ERR_ARTICLE_GONE).'),
  TooManyRequests: {
    ...error('The key used its allowance for this minute (ERR_API_RATE_LIMITED); see Retry-After.'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
  },
};
const r = (name: string): JsonSchema => ({ $ref: `#/components/responses/${name}` });

function envelope(data: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return closed({ data, ...extra });
}
const paged = (item: string, extra: Record<string, JsonSchema> = {}) =>
  envelope(arrayOf(ref(item)), { pagination: ref('Pagination'), links: ref('Links'), ...extra });

function get(
  operationId: string,
  summary: string,
  ok: JsonSchema,
  params: string[],
  options: { notFound?: boolean; gone?: boolean } = {},
): JsonSchema {
  return {
    get: {
      operationId,
      summary,
      parameters: params.map(p),
      responses: {
        200: {
          description: 'OK. Cache-Control: private, max-age=60; an ETag to send back in If-None-Match.',
          headers: { ETag: { schema: { type: 'string' } } },
          content: { 'application/json': { schema: ok } },
        },
        304: r('NotModified'),
        400: r('BadRequest'),
        401: r('Unauthorized'),
        ...(options.notFound ? { 404: r('NotFound') } : {}),
        ...(options.gone ? { 410: r('Gone') } : {}),
        429: r('TooManyRequests'),
      },
    },
  };
}

const rankedList = (operationId: string, summary: string) =>
  get(
    operationId,
    summary,
    envelope(arrayOf(ref('ArticleSummary')), { computed_at: dateTime('When the list was last computed (lists refresh every minute or ten).') }),
    ['edition', 'fields'],
  );

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Dateline Content API',
    version: '1.0.0',
    description:
      'Read-only JSON for partners: the published stories, sections, authors, series and tags, search, the ranked lists and view counts. Every request but this document needs an API key made in the newsroom (Newsroom → API keys).',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearerKey: [] }, { headerKey: [] }],
  paths: {
    '/articles': get('listArticles', 'Published stories of one edition, newest first.', paged('ArticleSummary'), [
      'edition',
      'section',
      'author',
      'tag',
      'series',
      'published_after',
      'published_before',
      'sort',
      'page',
      'per_page',
      'fields',
    ]),
    '/articles/{slug}': get('getArticle', 'One published story, whole.', envelope(ref('Article')), ['slug', 'fields'], {
      notFound: true,
      gone: true,
    }),
    '/articles/{slug}/views': get('getArticleViews', 'A story’s view and comment counts.', envelope(ref('ViewCount')), ['slug', 'fields'], {
      notFound: true,
      gone: true,
    }),
    '/sections': get('listSections', 'Every section of one edition, in the site’s order.', envelope(arrayOf(ref('Section'))), ['edition', 'fields']),
    '/sections/{slug}': get('getSection', 'One section, by its slug within an edition.', envelope(ref('Section')), ['slug', 'edition', 'fields'], {
      notFound: true,
    }),
    '/authors': get('listAuthors', 'Every author, by name.', envelope(arrayOf(ref('Author'))), ['fields']),
    '/authors/{slug}': get('getAuthor', 'One author.', envelope(ref('Author')), ['slug', 'fields'], { notFound: true }),
    '/series': get('listSeries', 'Every series with a published part, by title.', envelope(arrayOf(ref('Series'))), ['fields']),
    '/series/{slug}': get('getSeries', 'One series with its published parts.', envelope(ref('SeriesWithParts')), ['slug', 'fields'], {
      notFound: true,
    }),
    '/tags': get('listTags', 'Every tag on a published story, by name.', envelope(arrayOf(ref('Tag'))), ['fields']),
    '/search': get(
      'search',
      'Full-text search of one edition’s published stories, best match first. When more than 200 stories match, the 200 most recent are ranked (`newest_only`); narrow with the dates or a section to reach older ones.',
      paged('SearchHit', {
        terms: arrayOf(str()),
        newest_only: { type: 'boolean', description: 'More stories matched than a search ranks: these are the best of the 200 most recent.' },
      }),
      ['q', 'edition', 'section', 'published_after', 'published_before', 'page', 'per_page', 'fields'],
      { notFound: true },
    ),
    '/lists/popular-now': rankedList('listPopularNow', 'Popular Now: most read in the last hours.'),
    '/lists/weekly-best': rankedList('listWeeklyBest', 'Weekly Best: most read over seven days.'),
    '/lists/must-reads': rankedList('listMustReads', 'Must-Reads: picked by the editors.'),
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document. Needs no key.',
        security: [],
        parameters: [],
        responses: {
          200: {
            description: 'The OpenAPI 3.1 document.',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { openapi: { type: 'string' }, paths: { type: 'object' } }, required: ['openapi', 'paths'] },
              },
            },
          },
          304: r('NotModified'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer dl_live_…' },
      headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    },
    parameters,
    responses,
    schemas,
  },
};

/** The parameters an operation takes, by name, read from the document (the API refuses any other). */
export function queryParametersOf(path: keyof typeof openApiDocument.paths): readonly string[] {
  const operation = (openApiDocument.paths[path] as { get: { parameters: Array<{ $ref: string }> } }).get;
  return operation.parameters.flatMap((parameter) => {
    const name = parameter.$ref.split('/').pop() ?? '';
    return (parameters[name] as { in?: string } | undefined)?.in === 'query' ? [name] : [];
  });
}
