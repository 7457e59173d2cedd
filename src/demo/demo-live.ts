import type { Db } from '../db/database.js';
import { touchArticle } from '../modules/articles/index.js';
import { importLiveCoverage } from '../modules/live/index.js';
import type { MediaAssetInput } from '../modules/media/index.js';
import type { DemoAuthorSlug, DemoImageJob, DemoLiveCoverage } from './content/demo-content.types.js';

/**
 * Who posted the demo's live updates. The demo is seeded before anyone has an account, so no staff
 * id exists yet: this marker matches no account (ids are UUIDs), which makes the demo's updates
 * editable by editors ('live.manage') and by no reporter as their own.
 */
export const DEMO_LIVE_USER_ID = 'demo';

/** A figure line in the demo's Markdown, replaced by the coverage's picture once it has an id. */
const FIGURE_PLACEHOLDER = /^\[\[figure\]\]$/m;
const MINUTE_MS = 60_000;

/** The media key of a coverage's picture (drawn with the stories' pictures, before the transaction). */
export function liveFigureKey(coverage: DemoLiveCoverage): string {
  return `${coverage.story}#live-figure`;
}

/** The pictures the live coverage shows, to draw with the stories' (alt text in the edition's language when given). */
export function liveImageJobs(coverage: readonly DemoLiveCoverage[], alt?: (job: DemoImageJob) => string): DemoImageJob[] {
  return coverage.flatMap((entry) => {
    if (!entry.figure) return [];
    const job: DemoImageJob = { key: liveFigureKey(entry), seed: liveFigureKey(entry), ...entry.figure };
    return [alt ? { ...job, alt: alt(job) } : job];
  });
}

export interface DemoLiveSeed {
  /** The edition's stories as written: their ids and publication times, by slug. */
  stories: Map<string, { id: string; publishedAt: Date }>;
  authorIds: Map<string, string>;
  /** The byline of each demo author in the edition's language. */
  authorName: (slug: DemoAuthorSlug) => string;
  media: Map<string, MediaAssetInput>;
}

/**
 * Writes the demo's live coverage inside the seeder's transaction, after its stories: each update at
 * its minute after the story's publication, key points, and the ending for coverage that ended. The
 * story's updated time is its last change, as posting would have left it.
 */
export async function seedDemoLiveCoverage(db: Db, coverage: readonly DemoLiveCoverage[], seed: DemoLiveSeed): Promise<void> {
  for (const entry of coverage) {
    const story = seed.stories.get(entry.story);
    if (!story) throw new Error(`demo live coverage refers to unknown story ${entry.story}`);
    const at = (minutes: number) => new Date(story.publishedAt.getTime() + minutes * MINUTE_MS);
    const figureId = seed.media.get(liveFigureKey(entry))?.id;
    await importLiveCoverage(db, {
      articleId: story.id,
      summary: entry.summary,
      endedAt: entry.endedMinutesAfter === undefined ? null : at(entry.endedMinutesAfter),
      updates: entry.updates.map((update) => {
        const authorId = seed.authorIds.get(update.author);
        if (!authorId) throw new Error(`demo live update by unknown author ${update.author}`);
        if (FIGURE_PLACEHOLDER.test(update.markdown) && !figureId) throw new Error(`demo live coverage ${entry.story} places a figure it has not`);
        return {
          markdown: figureId ? update.markdown.replace(FIGURE_PLACEHOLDER, `[[figure:${figureId}]]`) : update.markdown,
          authorName: seed.authorName(update.author),
          authorId,
          userId: DEMO_LIVE_USER_ID,
          keyEvent: update.keyEvent ?? false,
          pinned: update.pinned ?? false,
          createdAt: at(update.minutesAfter),
          editedAt: update.editedMinutesAfter === undefined ? null : at(update.editedMinutesAfter),
        };
      }),
    });
    const lastChange = Math.max(
      ...entry.updates.flatMap((update) => [update.minutesAfter, update.editedMinutesAfter ?? 0]),
      entry.endedMinutesAfter ?? 0,
    );
    await touchArticle(db, story.id, at(lastChange));
  }
}
