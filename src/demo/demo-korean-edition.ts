import type { Db } from '../db/database.js';
import { importArticle, importTranslationLink } from '../modules/articles/index.js';
import { importViewHistory, type ViewHourImport } from '../modules/audience/index.js';
import { importEdition } from '../modules/editions/index.js';
import type { MediaAssetInput } from '../modules/media/index.js';
import { importPick } from '../modules/rankings/index.js';
import { importSection } from '../modules/sections/index.js';
import { importSeries } from '../modules/series/index.js';
import { importTags } from '../modules/tags/index.js';
import type { DemoArticle, DemoImageJob, KoreanDemoArticle } from './content/demo-content.types.js';
export type { DemoImageJob } from './content/demo-content.types.js';
import { koreanAuthors, koreanEdition, koreanSections, koreanSeries } from './content/korean-edition.js';
import { liveCoverageKo } from './content/live-coverage-ko.js';
import { storiesKo } from './content/stories-ko.js';
import { demoStoryColumns } from './demo-body.js';
import { koreanAlt } from './demo-images.js';
import { liveImageJobs, seedDemoLiveCoverage } from './demo-live.js';
import { demoViewHistory } from './demo-views.js';

/** The Korean edition's Must-Reads: as many as the English edition shows. */
const MUST_READ_COUNT = 5;
/** A translation goes out at least this long after its original, never before it. */
const TRANSLATION_LAG_MS = 20 * 60_000;

/**
 * The Korean stories' pictures. A translation shows its original's picture (the same drawing, so
 * the cache already holds it) with the Korean caption and credit; a Korean-only story gets its own.
 */
export function koreanImageJobs(english: readonly DemoArticle[]): DemoImageJob[] {
  return storiesKo.flatMap((story) => {
    const original = story.translationOf ? english.find((candidate) => candidate.slug === story.translationOf) : undefined;
    const hero = original
      ? { scene: original.hero.scene, seed: `${original.slug}#hero` }
      : { scene: story.hero.scene, seed: `ko:${story.slug}#hero` };
    const jobs: DemoImageJob[] = [
      { key: `ko:${story.slug}#hero`, ...hero, caption: story.hero.caption, credit: story.hero.credit, alt: koreanAlt(hero.scene) },
    ];
    if (story.figure) {
      const figure = original?.figure
        ? { scene: original.figure.scene, seed: `${original.slug}#figure` }
        : { scene: story.figure.scene, seed: `ko:${story.slug}#figure` };
      jobs.push({
        key: `ko:${story.slug}#figure`,
        ...figure,
        caption: story.figure.caption,
        credit: story.figure.credit,
        alt: koreanAlt(figure.scene),
      });
    }
    return jobs;
  });
}

/** The pictures the Korean live coverage shows, with Korean alt text. */
export function koreanLiveImageJobs(): DemoImageJob[] {
  return liveImageJobs(liveCoverageKo, (job) => koreanAlt(job.scene));
}

export interface KoreanEditionSeed {
  now: Date;
  media: Map<string, MediaAssetInput>;
  authorIds: Map<string, string>;
  /** The English stories as written: their ids and publication times, by slug. */
  english: Map<string, { id: string; publishedAt: Date }>;
  /** Where the Korean Must-Reads start in the editors' one list of picks (after the English ones). */
  firstPickPosition: number;
  publicationTime: (story: DemoArticle, now: Date) => Date;
}

/**
 * The demo's Korean edition at /ko/ (docs/editions.md): the edition, its sections in navigation,
 * its series, and its stories with their pictures, views, Must-Reads, live coverage and translation
 * links to the English stories they translate. Written inside the seeder's transaction; the import's
 * one `content.imported` reloads the editions and ranks each edition's lists.
 * @returns how many stories and sections it wrote, and each story's id and publication time by slug
 */
export async function seedKoreanEdition(
  db: Db,
  seed: KoreanEditionSeed,
): Promise<{ articles: number; sections: number; published: Map<string, { id: string; publishedAt: Date }> }> {
  const { now, media } = seed;
  const editionId = await importEdition(
    db,
    {
      code: koreanEdition.language,
      pathPrefix: koreanEdition.pathPrefix,
      name: koreanEdition.name,
      tagline: koreanEdition.tagline,
      timeZone: koreanEdition.timeZone,
    },
    now,
  );
  const sectionIds = new Map<string, string>();
  for (const [position, section] of koreanSections.entries()) {
    const created = await importSection(
      db,
      { slug: section.slug, name: section.name, description: section.description, position, inNavigation: true, editionId },
      now,
    );
    sectionIds.set(section.englishSection, created.id);
  }
  const series = await importSeries(db, { slug: koreanSeries.slug, title: koreanSeries.title, description: koreanSeries.description }, now);

  const ids = new Map<string, string>();
  const published = new Map<string, { id: string; publishedAt: Date }>();
  const viewBuckets: ViewHourImport[] = [];
  for (const story of storiesKo) {
    const original = story.translationOf ? seed.english.get(story.translationOf) : undefined;
    if (story.translationOf && !original) throw new Error(`Korean demo story ${story.slug} translates unknown ${story.translationOf}`);
    const publishedAt = translationTime(seed.publicationTime(story, now), original?.publishedAt, now);
    const views = demoViewHistory(story.slug, publishedAt, now, koreanEdition.timeZone);
    const tags = await importTags(db, story.tags);
    const id = await importArticle(
      db,
      {
        ...demoStoryColumns(story, publishedAt, views.total, media.get(`ko:${story.slug}#figure`)?.id),
        editionId,
        sectionId: required(sectionIds.get(story.section), story.section),
        authorIds: story.authors.map((slug) => required(seed.authorIds.get(slug), slug)),
        tagIds: tags.map((tag) => tag.id),
        seriesId: story.series?.slug === koreanSeries.englishSeries ? series.id : null,
        heroMediaId: media.get(`ko:${story.slug}#hero`)?.id ?? null,
      },
      now,
    );
    ids.set(story.slug, id);
    published.set(story.slug, { id, publishedAt });
    if (original) await importTranslationLink(db, { sourceId: original.id, translationId: id });
    viewBuckets.push(...views.buckets.map((bucket) => ({ ...bucket, articleId: id })));
  }
  await importViewHistory(db, viewBuckets);
  await seedDemoLiveCoverage(db, liveCoverageKo, {
    stories: published,
    authorIds: seed.authorIds,
    authorName: (slug) => koreanAuthors[slug].name,
    media,
  });
  for (const [index, story] of koreanMustReads().entries()) {
    await importPick(db, { articleId: required(ids.get(story.slug), story.slug), position: seed.firstPickPosition + index }, now);
  }
  return { articles: storiesKo.length, sections: koreanSections.length, published };
}

/** A translation is published with its original or after it (the content says hours; minutes vary). */
function translationTime(own: Date, original: Date | undefined, now: Date): Date {
  if (!original || own.getTime() > original.getTime()) return own;
  return new Date(Math.min(original.getTime() + TRANSLATION_LAG_MS, now.getTime() - 60_000));
}

/** As the English edition's: the series opener first, then the longer reads, newest first. */
function koreanMustReads(): KoreanDemoArticle[] {
  const longReads = storiesKo
    .filter((story) => story.series?.part === 1 || ['Analysis', 'Feature', 'Interview', 'Opinion'].includes(story.typeLabel))
    .sort((a, b) => a.hoursAgo - b.hoursAgo);
  const opener = longReads.find((story) => story.series?.part === 1);
  return [...(opener ? [opener] : []), ...longReads.filter((story) => story !== opener)].slice(0, MUST_READ_COUNT);
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`Korean demo content refers to unknown ${name}`);
  return value;
}
