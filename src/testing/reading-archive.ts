import { inTransaction } from '../db/database.js';
import type { Deps } from '../deps.js';
import { importArticle } from '../modules/articles/index.js';
import { importViewHistory, type ViewHourImport } from '../modules/audience/index.js';
import { importAuthor } from '../modules/authors/index.js';
import { importStoryComments } from '../modules/comments/index.js';
import { importMediaAsset } from '../modules/media/index.js';
import { importStaticPage, STATIC_PAGE_SLUGS } from '../modules/pages/index.js';
import { importPick } from '../modules/rankings/index.js';
import { importReader } from '../modules/readers/index.js';
import { importSection } from '../modules/sections/index.js';
import { importSeries } from '../modules/series/index.js';
import { importTags } from '../modules/tags/index.js';
import type { ArticleBody } from '../shared/article-body.js';
import { HOUR_MS } from '../shared/clock.js';

/** What the reading-path tests look up by name in a seeded archive. */
export interface ReadingArchive {
  /** A story with a series, tags, a figure, a correction and comments. */
  storySlug: string;
  sectionSlug: string;
  authorSlug: string;
  tagSlug: string;
  seriesSlug: string;
  /** A word every story's body holds, and one only a few hold. */
  commonWord: string;
  rareWord: string;
  stories: number;
}

const WORDS = 'market policy election harbour festival court budget climate river railway summit vaccine export league museum'.split(' ');

/** A made-up word a few stories in a thousand share, as most words readers search for are. */
function rareWord(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'to', 'shu', 'val', 'dor'];
  const k = n % 300;
  return `${syllables[k % 8]}${syllables[Math.floor(k / 8) % 8]}${syllables[Math.floor(k / 64) % 8]}quist`;
}

/**
 * A quick, deterministic archive of `stories` published stories for the reading-path tests (the
 * statement count and EXPLAIN tests): the shape of a real one (8 sections, many authors and tags,
 * series, hero images, figures, corrections, comments, views) without realistic text. Written in
 * one transaction, announced once with `content.imported`, as importers do.
 */
export async function seedReadingArchive(deps: Deps, stories: number): Promise<ReadingArchive> {
  const now = deps.clock.now();
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const archive = await inTransaction(deps.db, async (db) => {
    const sections = [];
    for (let n = 0; n < 8; n++) {
      sections.push(
        await importSection(db, { slug: `desk-${n}`, name: `Desk ${n}`, description: `Desk ${n}.`, position: n, inNavigation: true }, now),
      );
    }
    const authorIds: string[] = [];
    const authorCount = Math.max(10, Math.floor(stories / 40));
    for (let n = 0; n < authorCount; n++) {
      authorIds.push(
        await importAuthor(
          db,
          { slug: `writer-${n}`, name: `Writer ${n}`, email: `writer${n}@news.example`, jobTitle: 'Reporter', bio: 'Writes.' },
          now,
        ),
      );
    }
    const tags = await importTags(
      db,
      Array.from({ length: Math.max(20, Math.floor(stories / 10)) }, (_, n) => `topic ${n}`),
    );
    const readerIds: string[] = [];
    for (let n = 0; n < 20; n++) {
      const id = `archive-reader-${n}`;
      await importReader(db, { id, email: `archive${n}@mail.example`, displayName: `Reader ${n}`, passwordHash: 'imported:none' }, now);
      readerIds.push(id);
    }
    const series = [];
    for (let n = 0; n < Math.max(2, Math.floor(stories / 100)); n++) {
      series.push(await importSeries(db, { slug: `saga-${n}`, title: `Saga ${n}`, description: `Saga ${n}.` }, now));
    }
    const views: ViewHourImport[] = [];
    let first = '';
    for (let n = 0; n < stories; n++) {
      const heroId = `archive-media-${n}`;
      await importMediaAsset(
        db,
        {
          id: heroId,
          mimeType: 'image/png',
          width: 1600,
          height: 900,
          alt: `Picture ${n}`,
          caption: 'A caption',
          credit: 'Agency',
          variants: [{ width: 480, height: 270, format: 'webp', file: `${heroId}-480.webp` }],
        },
        now,
      );
      const word = pick(WORDS);
      const body: ArticleBody = [
        { type: 'paragraph', content: [{ text: `Story ${n} reports on the ${word} and the ${pick(WORDS)} of the ${pick(WORDS)}.` }] },
        ...(n % 3 === 0 ? [{ type: 'figure' as const, mediaId: heroId }] : []),
        { type: 'paragraph', content: [{ text: n % 500 === 7 ? 'A rare zeppelin sighting.' : 'More to follow.' }] },
      ];
      // Newest first in n: story 0 is an hour old, the oldest about a story an hour before it.
      const publishedAt = new Date(now.getTime() - (1 + n) * HOUR_MS + Math.floor(random() * 50) * 60_000);
      const seriesIndex = n % 25 === 0 ? Math.floor(n / 25) % series.length : -1;
      const slug = `archive-story-${n}`;
      const id = await importArticle(
        db,
        {
          slug,
          headline: `${word} ${n}: the ${pick(WORDS)} and ${rareWord(n)}`,
          standfirst: `Standfirst of story ${n}.`,
          body,
          // Round the sections, so each holds an eighth of the stories (a second page from 88 on).
          sectionId: (sections[n % sections.length] ?? pick(sections)).id,
          authorIds: [...new Set([pick(authorIds), ...(n % 4 === 0 ? [pick(authorIds)] : [])])],
          tagIds: [...new Set([pick(tags).id, pick(tags).id, pick(tags).id])].map((tagId) => tagId),
          seriesId: seriesIndex >= 0 ? (series[seriesIndex]?.id ?? null) : null,
          seriesPart: seriesIndex >= 0 ? 1 + Math.floor(n / 25 / series.length) : null,
          heroMediaId: heroId,
          typeLabel: 'News',
          status: n % 50 === 49 ? 'draft' : n % 50 === 48 ? 'unpublished' : 'published',
          publishedAt,
          updatedAt: null,
          viewCount: Math.floor(random() * 1000),
          corrections: n % 20 === 0 ? [{ kind: 'correction', text: 'A name was misspelt.', createdAt: publishedAt }] : [],
        },
        now,
      );
      if (n === 0) first = slug;
      if (n < 24 * 7)
        views.push({
          articleId: id,
          hourStart: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (n % 24) * HOUR_MS),
          views: 10 + n,
          viaPopularNow: 0,
          viaWeeklyBest: 0,
        });
      if (n % 10 === 0) {
        await importStoryComments(
          db,
          id,
          Array.from({ length: 3 }, (_, c) => ({
            id: `archive-comment-${n}-${c}`,
            readerId: pick(readerIds),
            parentId: c === 2 ? `archive-comment-${n}-0` : null,
            body: `Comment ${c}.`,
            status: 'published' as const,
            heldReason: null,
            createdAt: new Date(publishedAt.getTime() + (c + 1) * 60_000),
            likedBy: c === 0 ? [pick(readerIds)] : [],
          })),
        );
      }
      if (n < 5) await importPick(db, { articleId: id, position: n }, now);
    }
    await importViewHistory(db, views);
    for (const slug of STATIC_PAGE_SLUGS) {
      await importStaticPage(db, { slug, title: slug, body: [{ type: 'paragraph', content: [{ text: `${slug} text.` }] }], updatedAt: now });
    }
    // A free-standing page (as an archive import brings them), with a picture: its own look-up.
    await importStaticPage(db, {
      slug: 'harbour-history',
      title: 'Harbour history',
      body: [
        { type: 'paragraph', content: [{ text: 'Since 1921.' }] },
        { type: 'figure', mediaId: 'archive-media-0' },
      ],
      updatedAt: now,
    });
    return { first, section: sections[0]?.slug ?? '', author: 'writer-0', tag: tags[0]?.slug ?? '', series: series[0]?.slug ?? '' };
  });
  await deps.events.emit({ name: 'content.imported' });
  return {
    storySlug: archive.first,
    sectionSlug: archive.section,
    authorSlug: archive.author,
    tagSlug: archive.tag,
    seriesSlug: archive.series,
    commonWord: 'follow',
    rareWord: 'zeppelin',
    stories,
  };
}
