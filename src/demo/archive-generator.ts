import { inTransaction, type DatabaseHandle, type Db } from '../db/database.js';
import { importArticles, type ArticleBulkImport } from '../modules/articles/index.js';
import { importViewHistory, type ViewHourImport } from '../modules/audience/index.js';
import { importAuthor } from '../modules/authors/index.js';
import { importStoryThreads, type StoryCommentsImport } from '../modules/comments/index.js';
import { importMediaAsset } from '../modules/media/index.js';
import { importStaticPage } from '../modules/pages/index.js';
import { importPick } from '../modules/rankings/index.js';
import { importReader } from '../modules/readers/index.js';
import { importSection } from '../modules/sections/index.js';
import { importSeries } from '../modules/series/index.js';
import { importPublicationSettings } from '../modules/settings/index.js';
import { importTags } from '../modules/tags/index.js';
import { DAY_MS, type Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import type { EventBus } from '../shared/events.js';
import { drawFigurePool, type FigurePool } from './archive-generator-figures.js';
import { clamp, planArchive, type ArchivePlan } from './archive-generator-plan.js';
import { writeStory, type StoryWriterContext } from './archive-generator-stories.js';
import { demoPublication } from './content/publication.js';
import { demoStaticPages } from './content/static-pages.js';
import { bodyFromParagraphs } from './demo-body.js';
import { seededRandom } from './demo-images.js';

/** The app's dependencies the generator uses (deps.ts passes them all), as the demo seeder's. */
export interface ArchiveGeneratorDeps {
  db: Db;
  database: Pick<DatabaseHandle, 'refreshStatistics'>;
  clock: Pick<Clock, 'now'>;
  mediaDir: string;
  events: Pick<EventBus, 'emit'>;
}

export interface ArchiveOptions {
  stories: number;
  /** The same seed writes the same archive (relative to the clock's now); default 1. */
  seed?: number;
}

export interface ArchiveSummary {
  articles: number;
  sections: number;
  authors: number;
  comments: number;
}

export const MIN_ARCHIVE_STORIES = 20;
export const MAX_ARCHIVE_STORIES = 1_000_000;
/** Stories per transaction: large enough that commits are rare, small enough to report progress often. */
const STORIES_PER_TRANSACTION = 500;
const MUST_READS = 5;
/** Shorter pieces a reader would not call a long read are left out of the Must-Reads. */
const LONG_READS = new Set(['Analysis', 'Feature', 'Interview', 'Explainer']);

/**
 * Writes a whole, realistic publication of `options.stories` stories into an empty database, for
 * benchmarks and trials at a newspaper's scale: sections, hundreds of authors and tags, series,
 * figures, readers, comments and the last 30 days of hourly views, through each module's import
 * functions. Deterministic for a seed. Stories are written oldest first, a few hundred per
 * transaction, and `content.imported` is announced once at the end, so the reactions build the
 * search index, lists and other computed state once.
 * @throws AppError ERR_ARCHIVE_NOT_EMPTY when the database already has sections (nothing is written),
 *   ERR_ARCHIVE_OPTIONS_INVALID for a size or seed out of range.
 */
export async function generateArchive(
  deps: ArchiveGeneratorDeps,
  options: ArchiveOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ArchiveSummary> {
  const { stories, seed = 1 } = options;
  if (!Number.isInteger(stories) || stories < MIN_ARCHIVE_STORIES || stories > MAX_ARCHIVE_STORIES || !Number.isInteger(seed) || seed < 0) {
    throw new AppError('ERR_ARCHIVE_OPTIONS_INVALID');
  }
  if (await deps.db.selectFrom('sections').select('id').limit(1).executeTakeFirst()) throw new AppError('ERR_ARCHIVE_NOT_EMPTY');

  const now = deps.clock.now();
  const random = seededRandom(`dateline-archive:${seed}`);
  const newId = idSource(seed, 1);
  const plan = planArchive(random, stories, now);
  onProgress(0, stories);
  const figures = await drawFigurePool(deps.mediaDir, clamp(Math.round(stories / 25), 12, 48), newId);
  const context = await inTransaction(deps.db, (trx) =>
    writeCast(trx, plan, figures, {
      random,
      // Separate streams: how many views and comments a story gets depends on its age, so on `now`,
      // and must not shift the headlines and ids of the stories after it.
      activity: seededRandom(`dateline-archive:${seed}:activity`),
      newCommentId: idSource(seed, 2),
      now,
      newId,
    }),
  );

  const tagIds = new Map<string, string>();
  const picks: Array<{ id: string; publishedAt: Date }> = [];
  let comments = 0;
  for (let start = 0; start < stories; start += STORIES_PER_TRANSACTION) {
    const written = Array.from({ length: Math.min(STORIES_PER_TRANSACTION, stories - start) }, (_, n) => writeStory(context, start + n));
    await inTransaction(deps.db, async (trx) => {
      const newTags = [...new Set(written.flatMap((story) => story.tagNames))].filter((name) => !tagIds.has(name));
      // One tag per name, in order (names that share a slug share the tag).
      for (const [n, tag] of (await importTags(trx, newTags)).entries()) tagIds.set(newTags[n] ?? tag.name, tag.id);
      const articles: ArticleBulkImport[] = written.map((story) => ({
        ...story.article,
        tagIds: [...new Set(story.tagNames.map((name) => tagIds.get(name) ?? ''))].filter(Boolean),
      }));
      await importArticles(trx, articles);
      const views: ViewHourImport[] = written.flatMap((story) => story.views.buckets.map((bucket) => ({ ...bucket, articleId: story.article.id })));
      await importViewHistory(trx, views);
      const threads: StoryCommentsImport[] = written
        .filter((story) => story.comments.length > 0)
        .map((story) => ({ articleId: story.article.id, comments: story.comments }));
      await importStoryThreads(trx, threads);
      comments += threads.reduce((sum, thread) => sum + thread.comments.length, 0);
    });
    for (const story of written) {
      const { publishedAt, status, typeLabel } = story.article;
      if (status === 'published' && publishedAt && LONG_READS.has(typeLabel) && now.getTime() - publishedAt.getTime() < 14 * DAY_MS) {
        picks.push({ id: story.article.id, publishedAt });
      }
    }
    onProgress(Math.min(stories, start + STORIES_PER_TRANSACTION), stories);
  }

  await inTransaction(deps.db, async (trx) => {
    const chosen = picks.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, MUST_READS);
    for (const [position, pick] of chosen.entries()) await importPick(trx, { articleId: pick.id, position }, now);
  });
  // Before the reactions, so their queries are planned on the new tables; and after them, for the
  // search index they built (and the first readers' queries).
  await deps.database.refreshStatistics();
  await deps.events.emit({ name: 'content.imported' });
  await deps.database.refreshStatistics();
  return { articles: stories, sections: plan.sections.length, authors: plan.authors.length, comments };
}

/**
 * Everything the stories refer to, in one transaction: the publication's settings and static
 * pages, sections, authors, series, the figure pool and the readers who comment.
 */
async function writeCast(
  db: Db,
  plan: ArchivePlan,
  figures: FigurePool,
  shared: Pick<StoryWriterContext, 'random' | 'activity' | 'now' | 'newId' | 'newCommentId'>,
): Promise<StoryWriterContext> {
  const { now, newId } = shared;
  // The newsroom, its staff and its readers were there before the first story.
  const founded = new Date((plan.times[0] ?? now.getTime()) - 30 * DAY_MS);
  const firstYear = founded.getUTCFullYear();
  await importPublicationSettings(db, { ...demoPublication, foundedYear: Math.min(demoPublication.foundedYear, firstYear) });
  for (const page of demoStaticPages) {
    await importStaticPage(db, { slug: page.slug, title: page.title, body: bodyFromParagraphs(page.paragraphs), updatedAt: now });
  }
  const sectionIds: string[] = [];
  for (const [position, section] of plan.sections.entries()) {
    const created = await importSection(
      db,
      { id: newId(), slug: section.slug, name: section.name, description: section.description, position, inNavigation: true },
      founded,
    );
    sectionIds.push(created.id);
  }
  const authorIds: string[] = [];
  for (const author of plan.authors) {
    const { section: _section, ...input } = author;
    authorIds.push(await importAuthor(db, { id: newId(), ...input }, founded));
  }
  const seriesIds: string[] = [];
  for (const series of plan.series) {
    const { topic: _topic, ...input } = series;
    seriesIds.push((await importSeries(db, input, founded)).id);
  }
  for (const asset of figures.assets) await importMediaAsset(db, asset, founded);
  const readerIds: string[] = [];
  for (const reader of plan.readers) {
    const id = newId();
    readerIds.push(id);
    // Not an argon2 hash, so no password ever matches: generated readers cannot be signed in to.
    await importReader(db, { id, ...reader, passwordHash: '!generated-reader-without-a-password' }, founded);
  }
  return {
    ...shared,
    plan,
    figures,
    sectionIds,
    authorIds,
    seriesIds,
    readerIds,
    headlines: new Set(),
    slugs: new Set(),
  };
}

/**
 * Ids for the archive's rows: version-4-shaped UUIDs that are the same on every run with the same
 * seed. The first group is a bijective mix of a counter, so no two ids of a stream collide; the
 * second mixes in the stream, so two streams' ids differ even when their first groups meet.
 */
export function idSource(seed: number, stream: number): () => string {
  let counter = 0;
  const salt = mix(seed + 0x9e3779b9);
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
  return () => {
    counter++;
    const a = mix(counter ^ salt);
    const b = mix(a ^ mix(stream + 0x7f4a7c15));
    const c = mix(b + 1);
    const d = mix(c + 1);
    const tail = hex(c) + hex(d);
    return `${hex(a)}-${hex(b).slice(0, 4)}-4${hex(b).slice(5, 8)}-${'89ab'[c & 3]}${tail.slice(1, 4)}-${tail.slice(4, 16)}`;
  };
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
