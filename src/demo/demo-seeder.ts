import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { inTransaction, type Db } from '../db/database.js';
import { importArticle } from '../modules/articles/index.js';
import { importViewHistory, type ViewHourImport } from '../modules/audience/index.js';
import { importAuthor } from '../modules/authors/index.js';
import { importMediaAsset, VARIANT_SPEC, writeImageVariants, type MediaAssetInput, type VariantResult } from '../modules/media/index.js';
import { importStaticPage } from '../modules/pages/index.js';
import { importPick } from '../modules/rankings/index.js';
import { importSection } from '../modules/sections/index.js';
import { importSeries } from '../modules/series/index.js';
import { importPublicationSettings } from '../modules/settings/index.js';
import { importTags } from '../modules/tags/index.js';
import { HOUR_MS, type Clock } from '../shared/clock.js';
import type { EventBus } from '../shared/events.js';
import { newId } from '../shared/ids.js';
import type { DemoArticle } from './content/demo-content.types.js';
import { liveCoverage, liveStories } from './content/live-coverage.js';
import { demoAuthors, demoPublication, demoSections, demoSeries } from './content/publication.js';
import { demoStaticPages } from './content/static-pages.js';
import { storiesA } from './content/stories-a.js';
import { storiesB } from './content/stories-b.js';
import { bodyFromParagraphs, demoStoryColumns } from './demo-body.js';
import { drawIllustration, seededRandom } from './demo-images.js';
import { liveImageJobs, seedDemoLiveCoverage } from './demo-live.js';
import { koreanImageJobs, koreanLiveImageJobs, seedKoreanEdition, type DemoImageJob } from './demo-korean-edition.js';
import { seedDemoComments } from './demo-comments.js';
import { seedDemoNewsletters, type DemoNewsletterStory } from './demo-newsletters.js';
import { demoViewHistory } from './demo-views.js';

export const demoStories: readonly DemoArticle[] = [...storiesA, ...storiesB, ...liveStories];

const MUST_READ_COUNT = 5;
const DEMO_IMAGE_CACHE_DIR = path.join(os.tmpdir(), 'dateline-demo-images');
/** Image encoding is CPU-bound in libvips; a few at a time keeps both cores busy without thrashing. */
const IMAGE_CONCURRENCY = 3;

/**
 * What the seeder uses of the app's dependencies (deps.ts passes them all): the database, the time,
 * where media files go, and the event bus that announces the import.
 */
export interface DemoSeederDeps {
  db: Db;
  clock: Pick<Clock, 'now'>;
  mediaDir: string;
  events: Pick<EventBus, 'emit'>;
}

/** What the demo holds: every edition's stories and sections (the English and the Korean one). */
export interface DemoSummary {
  articles: number;
  sections: number;
}

/**
 * Creates the demo publication when the database holds no sections yet (a first start). Images are
 * drawn and written first; then every row goes in one transaction, so a failure leaves no
 * half-made publication behind and the next start simply tries again.
 */
export async function seedDemoIfEmpty(deps: DemoSeederDeps, log: (message: string) => void = () => {}): Promise<DemoSummary | undefined> {
  const existing = await deps.db.selectFrom('sections').select('id').limit(1).executeTakeFirst();
  if (existing) return undefined;
  log('Empty database: creating the demo publication (first start only)…');
  const now = deps.clock.now();
  const media = await drawAllImages(deps.mediaDir);
  const summary = await inTransaction(deps.db, (trx) => insertDemoRows(trx, now, media));
  await deps.events.emit({ name: 'content.imported' });
  return summary;
}

async function drawAllImages(mediaDir: string): Promise<Map<string, MediaAssetInput>> {
  const media = new Map<string, MediaAssetInput>();
  const english: DemoImageJob[] = demoStories.flatMap((story) => [
    { key: `${story.slug}#hero`, seed: `${story.slug}#hero`, ...story.hero },
    ...(story.figure ? [{ key: `${story.slug}#figure`, seed: `${story.slug}#figure`, ...story.figure }] : []),
  ]);
  await drawImages(mediaDir, [...english, ...liveImageJobs(liveCoverage)], media);
  // After the English ones: a translation's picture is its original's drawing, then in the cache,
  // so the same drawing is never encoded twice at once (both would write the same cache files).
  await drawImages(mediaDir, [...koreanImageJobs(demoStories), ...koreanLiveImageJobs()], media);
  return media;
}

async function drawImages(mediaDir: string, jobs: readonly DemoImageJob[], media: Map<string, MediaAssetInput>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const id = newId();
      const illustration = drawIllustration(job.scene, job.seed);
      const result = await illustrationVariants(mediaDir, id, illustration.svg);
      media.set(job.key, {
        id,
        mimeType: 'image/png',
        width: result.width,
        height: result.height,
        alt: job.alt ?? illustration.alt,
        caption: job.caption,
        credit: job.credit,
        variants: result.variants,
      });
    }
  };
  await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));
}

/**
 * Rasterising and encoding an illustration costs ~0.4 s of CPU, and the drawings never change, so
 * the encoded files are kept in a cache folder keyed by the drawing and the encoder settings, and
 * copied under each asset's own name. Every demo after the first on a machine (tests seed many)
 * then costs file copies; a cache that is missing or damaged is simply rebuilt.
 */
export async function illustrationVariants(mediaDir: string, assetId: string, svg: string): Promise<VariantResult> {
  const key = createHash('sha1').update(svg).update(VARIANT_SPEC).digest('hex');
  const manifest = path.join(DEMO_IMAGE_CACHE_DIR, `${key}.json`);
  try {
    const cached = JSON.parse(await fs.readFile(manifest, 'utf8')) as VariantResult;
    return await copyVariants(cached, key, mediaDir, assetId);
  } catch {
    const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
    const fresh = await writeImageVariants(DEMO_IMAGE_CACHE_DIR, key, png);
    await fs.writeFile(`${manifest}.${process.pid}.tmp`, JSON.stringify(fresh));
    await fs.rename(`${manifest}.${process.pid}.tmp`, manifest);
    return copyVariants(fresh, key, mediaDir, assetId);
  }
}

async function copyVariants(result: VariantResult, key: string, mediaDir: string, assetId: string): Promise<VariantResult> {
  await fs.mkdir(mediaDir, { recursive: true });
  const variants = await Promise.all(
    result.variants.map(async (variant) => {
      const file = variant.file.replace(key, assetId);
      await fs.copyFile(path.join(DEMO_IMAGE_CACHE_DIR, variant.file), path.join(mediaDir, file));
      return { ...variant, file };
    }),
  );
  return { ...result, variants };
}

async function insertDemoRows(db: Db, now: Date, media: Map<string, MediaAssetInput>): Promise<DemoSummary> {
  await importPublicationSettings(db, demoPublication);
  const sectionIds = new Map<string, string>();
  for (const [position, section] of demoSections.entries()) {
    const created = await importSection(db, { ...section, position, inNavigation: true }, now);
    sectionIds.set(section.slug, created.id);
  }
  const authorIds = new Map<string, string>();
  for (const author of demoAuthors) authorIds.set(author.slug, await importAuthor(db, author, now));
  const series = await importSeries(db, demoSeries, now);
  for (const asset of media.values()) await importMediaAsset(db, asset, now);

  const articleIds = new Map<string, string>();
  const published = new Map<string, { id: string; publishedAt: Date }>();
  const viewBuckets: ViewHourImport[] = [];
  const newsletterStories: DemoNewsletterStory[] = [];
  for (const story of demoStories) {
    const publishedAt = publicationTime(story, now);
    const views = demoViewHistory(story.slug, publishedAt, now, demoPublication.timeZone);
    const figure = media.get(`${story.slug}#figure`);
    const tags = await importTags(db, story.tags);
    const id = await importArticle(
      db,
      {
        ...demoStoryColumns(story, publishedAt, views.total, figure?.id),
        sectionId: required(sectionIds.get(story.section), story.section),
        authorIds: story.authors.map((slug) => required(authorIds.get(slug), slug)),
        tagIds: tags.map((tag) => tag.id),
        seriesId: story.series ? series.id : null,
        heroMediaId: media.get(`${story.slug}#hero`)?.id ?? null,
      },
      now,
    );
    articleIds.set(story.slug, id);
    published.set(story.slug, { id, publishedAt });
    newsletterStories.push({
      ...story,
      id,
      sectionId: required(sectionIds.get(story.section), story.section),
      sectionName: required(
        demoSections.find((section) => section.slug === story.section),
        story.section,
      ).name,
      publishedAt,
      views: views.total,
    });
    viewBuckets.push(...views.buckets.map((bucket) => ({ ...bucket, articleId: id })));
  }

  await importViewHistory(db, viewBuckets);
  await seedDemoNewsletters(db, newsletterStories, now);
  for (const [position, story] of pickMustReads().entries()) {
    await importPick(db, { articleId: required(articleIds.get(story.slug), story.slug), position }, now);
  }
  for (const page of demoStaticPages) {
    await importStaticPage(db, { slug: page.slug, title: page.title, body: bodyFromParagraphs(page.paragraphs), updatedAt: now });
  }
  const authorNames = new Map(demoAuthors.map((author) => [author.slug, author.name]));
  await seedDemoLiveCoverage(db, liveCoverage, {
    stories: published,
    authorIds,
    authorName: (slug) => required(authorNames.get(slug), slug),
    media,
  });
  const korean = await seedKoreanEdition(db, { now, media, authorIds, english: published, firstPickPosition: MUST_READ_COUNT, publicationTime });
  await seedDemoComments(db, new Map([...published, ...korean.published]), now);
  return { articles: demoStories.length + korean.articles, sections: demoSections.length + korean.sections };
}

/** Minutes vary per story so the front page does not show every story on the hour. */
function publicationTime(story: DemoArticle, now: Date): Date {
  const minutes = Math.floor(seededRandom(story.slug)() * 50);
  return new Date(now.getTime() - story.hoursAgo * HOUR_MS - minutes * 60_000);
}

/** Editors' picks for the demo: the longer reads, newest first, the series opener among them. */
function pickMustReads(): DemoArticle[] {
  const longReads = demoStories
    .filter((story) => story.series?.part === 1 || ['Analysis', 'Feature', 'Interview'].includes(story.typeLabel))
    .sort((a, b) => a.hoursAgo - b.hoursAgo);
  const opener = longReads.find((story) => story.series?.part === 1);
  const rest = longReads.filter((story) => story !== opener);
  return [...(opener ? [opener] : []), ...rest].slice(0, MUST_READ_COUNT);
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`demo content refers to unknown ${name}`);
  return value;
}
