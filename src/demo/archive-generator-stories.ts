import type { ArticleBulkImport, ArticleStatus } from '../modules/articles/index.js';
import type { CommentImport } from '../modules/comments/index.js';
import type { MediaAssetInput } from '../modules/media/index.js';
import { HOUR_MS } from '../shared/clock.js';
import { slugify } from '../shared/slug.js';
import { commentThread, VIEW_HISTORY_MS, viewHistory, type ViewHistory } from './archive-generator-activity.js';
import type { FigurePool } from './archive-generator-figures.js';
import type { ArchivePlan } from './archive-generator-plan.js';
import { between, body, fill, headline, pick, standfirst, type Random, type StoryFocus } from './archive-generator-text.js';
import { CORRECTION_FRAMES } from './generated/archive-phrases.js';
import type { ArchiveTopic } from './generated/archive-topics.types.js';

/** What the story writer needs: the plan, the rows already written, and what must stay unique. */
export interface StoryWriterContext {
  plan: ArchivePlan;
  /** Draws the stories' content: never drawn a different number of times for another `now`. */
  random: Random;
  /** Draws what depends on the stories' age (views, comments), so that it cannot shift the content. */
  activity: Random;
  now: Date;
  newId: () => string;
  newCommentId: () => string;
  figures: FigurePool;
  sectionIds: readonly string[];
  authorIds: readonly string[];
  seriesIds: readonly string[];
  readerIds: readonly string[];
  headlines: Set<string>;
  slugs: Set<string>;
}

export interface WrittenStory {
  article: ArticleBulkImport;
  tagNames: string[];
  views: ViewHistory;
  comments: CommentImport[];
}

/** Type labels by desk, with their weights. */
const NEWS_TYPES: ReadonlyArray<[string, number]> = [
  ['News', 70],
  ['Analysis', 10],
  ['Feature', 8],
  ['Explainer', 8],
  ['Interview', 4],
];
const OPINION_TYPES: ReadonlyArray<[string, number]> = [
  ['Opinion', 55],
  ['Editorial', 20],
  ['Analysis', 25],
];
/** Paragraphs by type: a brief is short, a feature long. */
const LENGTHS: Record<string, [number, number]> = {
  News: [5, 12],
  Analysis: [10, 20],
  Feature: [12, 20],
  Explainer: [7, 14],
  Interview: [8, 16],
  Opinion: [6, 12],
  Editorial: [5, 9],
};

/** Writes story `index` of the archive: its row, its tags' names, its views and its comments. */
export function writeStory(context: StoryWriterContext, index: number): WrittenStory {
  const { plan, random, now } = context;
  const seriesPart = plan.seriesParts.get(index);
  const planned = seriesPart ? plan.series[seriesPart.series] : undefined;
  const topicEntry = planned ? plan.topics[planned.topic] : undefined;
  const sectionIndex = topicEntry
    ? topicEntry.section
    : weighted(
        random,
        plan.sections.map((section) => section.weight),
      );
  const section = plan.sections[sectionIndex];
  if (!section) throw new Error(`archive plan has no section ${sectionIndex}`);
  const opinion = section.topics.length === 0;
  const topic: ArchiveTopic = topicEntry?.topic ?? (opinion ? pick(random, plan.topics).topic : pick(random, section.topics));

  const published = index < plan.times.length;
  const status: ArticleStatus = published
    ? 'published'
    : ((['scheduled', 'draft', 'in_review'] as const)[(index - plan.times.length) % 3] ?? 'draft');
  const publishedAt = published
    ? new Date(plan.times[index] ?? now.getTime())
    : status === 'scheduled'
      ? new Date(now.getTime() + between(random, 2, 72) * HOUR_MS)
      : null;
  const when = publishedAt ?? now;
  const newsmakers = context.plan.newsmakers.get(topic.key) ?? [];
  const focus: StoryFocus = {
    topic,
    subject: pick(random, topic.subjects),
    place: pick(random, topic.places),
    people: [...zipfPicks(random, newsmakers, 2), ...zipfPicks(random, newsmakers, 2)],
    publishedAt: when,
  };

  const typeLabel = pickWeighted(random, opinion ? OPINION_TYPES : NEWS_TYPES);
  const [shortest, longest] = LENGTHS[typeLabel] ?? [5, 12];
  const paragraphs = between(random, shortest, longest);
  const scene = pick(random, topic.scenes);
  const hero = random() < 0.92 ? figureFor(random, context.figures, scene) : null;
  const inline = paragraphs >= 8 && random() < 0.35 ? figureFor(random, context.figures, pick(random, topic.scenes)) : null;

  const title = uniqueHeadline(context, focus, opinion);
  const slug = uniqueSlug(context.slugs, slugify(title));
  const desk = plan.desks[sectionIndex] ?? [];
  const authorCount = random() < 0.15 && desk.length > 1 ? 2 : 1;
  const authors = new Set<string>();
  while (authors.size < authorCount) authors.add(context.authorIds[zipfPick(random, desk)] ?? '');

  const tagNames = storyTags(random, topic, focus, newsmakers);
  const age = publishedAt ? now.getTime() - publishedAt.getTime() : 0;
  const recent = published && age < VIEW_HISTORY_MS;
  // About a hundred older stories readers keep finding (explainers, a famous interview), whatever the size.
  const evergreen = published && !recent && context.activity() < Math.min(0.01, 100 / Math.max(1, plan.times.length));
  const views =
    publishedAt && published
      ? viewHistory(context.activity, publishedAt, now, { evergreen, withBuckets: recent || evergreen })
      : { buckets: [], total: 0 };
  const updated =
    publishedAt && published && random() < 0.12 ? new Date(Math.min(now.getTime(), publishedAt.getTime() + between(random, 1, 30) * HOUR_MS)) : null;
  const corrected = publishedAt && published && random() < 0.015;

  const commentChance = !published ? 0 : (recent ? 0.35 : 0.08) * (opinion ? 2 : 1);
  const comments =
    publishedAt && context.activity() < commentChance
      ? commentThread(context.activity, focus, {
          publishedAt,
          now,
          readers: context.readerIds,
          reader: () => context.readerIds[zipfIndex(context.activity, context.readerIds.length)] ?? '',
          newId: context.newCommentId,
        })
      : [];

  const article: ArticleBulkImport = {
    id: context.newId(),
    slug,
    headline: title,
    standfirst: standfirst(random, focus),
    body: body(random, focus, { paragraphs, figureMediaId: inline?.id ?? null }),
    sectionId: context.sectionIds[sectionIndex] ?? '',
    authorIds: [...authors],
    tagIds: [],
    seriesId: seriesPart ? (context.seriesIds[seriesPart.series] ?? null) : null,
    seriesPart: seriesPart?.part ?? null,
    heroMediaId: hero?.id ?? null,
    typeLabel,
    status,
    publishedAt,
    updatedAt: updated,
    viewCount: views.total,
    // Written a while before it went out (a scheduled story: before now).
    createdAt: new Date(Math.min(now.getTime(), when.getTime()) - between(random, 20, 600) * 60_000),
    corrections:
      corrected && publishedAt
        ? [
            {
              kind: random() < 0.5 ? 'correction' : 'update',
              text: fill(pick(random, CORRECTION_FRAMES), random, focus),
              createdAt: new Date(Math.min(now.getTime(), publishedAt.getTime() + between(random, 1, 48) * HOUR_MS)),
            },
          ]
        : [],
  };
  return { article, tagNames, views, comments };
}

function storyTags(random: Random, topic: ArchiveTopic, focus: StoryFocus, newsmakers: readonly string[]): string[] {
  const tags = new Set<string>([pick(random, topic.tags)]);
  if (random() < 0.6) tags.add(pick(random, topic.tags));
  if (random() < 0.4) tags.add(focus.place.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()));
  if (newsmakers.length > 0 && random() < 0.5) tags.add(zipfPick(random, newsmakers));
  return [...tags].filter((tag) => tag.length > 0);
}

/** A headline not used yet when one can be found in a few tries (large archives run short of them). */
function uniqueHeadline(context: StoryWriterContext, focus: StoryFocus, opinion: boolean): string {
  let title = headline(context.random, focus, opinion);
  for (let attempt = 0; attempt < 12 && context.headlines.has(title); attempt++) {
    title = headline(context.random, { ...focus, subject: pick(context.random, focus.topic.subjects) }, opinion);
  }
  context.headlines.add(title);
  return title;
}

function uniqueSlug(taken: Set<string>, base: string): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function figureFor(random: Random, pool: FigurePool, scene: Parameters<FigurePool['byScene']['get']>[0]): MediaAssetInput | null {
  const candidates = pool.byScene.get(scene) ?? pool.assets;
  return candidates.length > 0 ? pick(random, candidates) : null;
}

/** An index into `weights`, chosen in proportion to them. */
function weighted(random: Random, weights: readonly number[]): number {
  let left = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (const [index, weight] of weights.entries()) {
    left -= weight;
    if (left < 0) return index;
  }
  return weights.length - 1;
}

function pickWeighted(random: Random, options: ReadonlyArray<[string, number]>): string {
  return (
    options[
      weighted(
        random,
        options.map(([, weight]) => weight),
      )
    ]?.[0] ?? 'News'
  );
}

/** One of `items`, the first ones far more often (a few reporters and commenters do most of the work). */
function zipfPick<T>(random: Random, items: readonly T[]): T {
  const item = items[zipfIndex(random, items.length)];
  if (item === undefined) throw new Error('zipfPick from an empty list');
  return item;
}

function zipfIndex(random: Random, length: number): number {
  return Math.min(length - 1, Math.floor(length * random() ** 2.2));
}

function zipfPicks(random: Random, items: readonly string[], count: number): string[] {
  return items.length > 0 ? Array.from({ length: count }, () => zipfPick(random, items)) : ['a spokesperson'];
}
