import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { BodyBlock } from '../../shared/article-body.js';
import type { Article, ArticleSummary, Correction, StoryTranslation } from '../../modules/articles/index.js';
import type { Author } from '../../modules/authors/index.js';
import type { Counted } from '../../modules/content-api/index.js';
import { VARIANT_MIME_TYPES, type MediaAsset } from '../../modules/media/index.js';
import { formatZonedIsoDateTime } from '../../shared/zoned-time.js';
import type { SearchHit } from '../../modules/search/index.js';
import type { Section } from '../../modules/sections/index.js';
import type { Series } from '../../modules/series/index.js';
import type { Tag } from '../../modules/tags/index.js';
import type { Pagination } from '../../shared/pagination.js';
import { FeedBody } from '../site/components/feed-body.js';
import { paths } from '../shared/paths.js';
import { inEditionBase } from '../shared/request-edition.js';

/**
 * Domain objects → the Content API's JSON (snake_case, absolute URLs, dates in the publication's
 * time zone with their offset). Only what readers may see: an author's e-mail address, a story's
 * status, SEO fields and embargo never leave. The shapes are those of openapi.ts.
 */
export interface ApiContext {
  siteUrl: string;
  timeZone: string;
  /** A story's or section's edition by id: its language and address prefix (`''` for the default one). */
  edition: (editionId: string) => { code: string; pathPrefix: string };
}

type Json = Record<string, unknown>;

/** Every date the API sends: the publication's wall-clock time with its UTC offset. */
export function formatApiDate(value: Date, timeZone: string): string {
  return formatZonedIsoDateTime(value, timeZone);
}
const date = (value: Date, ctx: ApiContext) => formatApiDate(value, ctx.timeZone);
const absolute = (path: string, ctx: ApiContext) => `${ctx.siteUrl}${path}`;
/** A page of the reading site in a story's or section's own edition (`/ko/article/…`), whatever the request. */
const inEdition = (editionId: string, path: () => string, ctx: ApiContext) => {
  const { pathPrefix } = ctx.edition(editionId);
  return absolute(inEditionBase(pathPrefix ? `/${pathPrefix}` : '', path), ctx);
};

export function imageJson(asset: MediaAsset, ctx: ApiContext): Json {
  return {
    id: asset.id,
    alt: asset.alt,
    caption: asset.caption,
    credit: asset.credit,
    width: asset.width,
    height: asset.height,
    variants: asset.variants.map((variant) => ({
      url: absolute(paths.media(variant.file), ctx),
      width: variant.width,
      height: variant.height,
      format: variant.format,
      mime_type: VARIANT_MIME_TYPES[variant.format],
    })),
  };
}

export function articleSummaryJson(story: ArticleSummary, ctx: ApiContext): Json {
  return {
    id: story.id,
    slug: story.slug,
    url: inEdition(story.editionId, () => paths.article(story.slug), ctx),
    language: ctx.edition(story.editionId).code,
    headline: story.headline,
    standfirst: story.standfirst,
    type_label: story.typeLabel,
    section: {
      id: story.section.id,
      slug: story.section.slug,
      name: story.section.name,
      url: inEdition(story.section.editionId, () => paths.section(story.section.slug), ctx),
    },
    authors: story.authors.map((author) => ({
      id: author.id,
      slug: author.slug,
      name: author.name,
      job_title: author.jobTitle,
      url: absolute(paths.author(author.slug), ctx),
    })),
    hero: story.hero ? imageJson(story.hero, ctx) : null,
    series: story.series ? { ...story.series, url: absolute(paths.series(story.series.slug), ctx) } : null,
    published_at: date(story.publishedAt, ctx),
    updated_at: story.updatedAt ? date(story.updatedAt, ctx) : null,
    view_count: story.viewCount,
    comment_count: story.commentCount,
  };
}

/** A whole story, with its published translations in switched-on editions (the caller's `translations`). */
export function articleJson(article: Article, translations: readonly StoryTranslation[], ctx: ApiContext): Json {
  return {
    ...articleSummaryJson(article, ctx),
    translations: translations.map((translation) => ({
      language: ctx.edition(translation.editionId).code,
      slug: translation.slug,
      headline: translation.headline,
      url: inEdition(translation.editionId, () => paths.article(translation.slug), ctx),
      api_url: absolute(`/api/v1/articles/${encodeURIComponent(translation.slug)}`, ctx),
    })),
    tags: article.tags.map((tag) => tagRefJson(tag, ctx)),
    body: article.body.map(blockJson),
    // The feeds' rendering: a partner's page cannot resolve our relative links, so every URL is absolute.
    body_html: renderToString(h(FeedBody, { hero: null, body: article.body, figures: article.figures, siteUrl: ctx.siteUrl })),
    images: [...article.figures.values()].map((asset) => imageJson(asset, ctx)),
    corrections: article.corrections.map((correction) => correctionJson(correction, ctx)),
    comments_enabled: article.commentsEnabled,
  };
}

export function searchHitJson(hit: SearchHit, ctx: ApiContext): Json {
  return { ...articleSummaryJson(hit.story, ctx), snippet: hit.snippet.map((part) => ({ text: part.text, match: part.match })), score: hit.score };
}

export function viewCountJson(story: ArticleSummary): Json {
  return { id: story.id, slug: story.slug, view_count: story.viewCount, comment_count: story.commentCount };
}

export function sectionJson(section: Counted<Section>, ctx: ApiContext): Json {
  return {
    id: section.id,
    slug: section.slug,
    name: section.name,
    description: section.description,
    url: inEdition(section.editionId, () => paths.section(section.slug), ctx),
    language: ctx.edition(section.editionId).code,
    in_navigation: section.inNavigation,
    position: section.position,
    story_count: section.storyCount,
  };
}

export function authorJson(author: Counted<Author>, ctx: ApiContext): Json {
  return {
    id: author.id,
    slug: author.slug,
    name: author.name,
    job_title: author.jobTitle,
    bio: author.bio,
    photo: author.photo ? imageJson(author.photo, ctx) : null,
    url: absolute(paths.author(author.slug), ctx),
    story_count: author.storyCount,
  };
}

export function tagJson(tag: Counted<Tag>, ctx: ApiContext): Json {
  return { ...tagRefJson(tag, ctx), story_count: tag.storyCount };
}

export function seriesJson(series: Counted<Series>, ctx: ApiContext): Json {
  return {
    id: series.id,
    slug: series.slug,
    title: series.title,
    description: series.description,
    url: absolute(paths.series(series.slug), ctx),
    story_count: series.storyCount,
  };
}

export function seriesWithPartsJson(series: Series, parts: readonly ArticleSummary[], ctx: ApiContext): Json {
  return { ...seriesJson({ ...series, storyCount: parts.length }, ctx), parts: parts.map((part) => articleSummaryJson(part, ctx)) };
}

export function paginationJson(pagination: Pagination): Json {
  return { page: pagination.page, per_page: pagination.pageSize, total_items: pagination.totalItems, total_pages: pagination.totalPages };
}

function tagRefJson(tag: Tag, ctx: ApiContext): Json {
  return { id: tag.id, slug: tag.slug, name: tag.name, url: absolute(paths.tag(tag.slug), ctx) };
}

function correctionJson(correction: Correction, ctx: ApiContext): Json {
  return { id: correction.id, kind: correction.kind, text: correction.text, created_at: date(correction.createdAt, ctx) };
}

/** The stored block with snake_case names: a figure's mediaId becomes media_id. */
function blockJson(block: BodyBlock): Json {
  if (block.type === 'figure') return { type: 'figure', media_id: block.mediaId };
  return { ...block };
}
