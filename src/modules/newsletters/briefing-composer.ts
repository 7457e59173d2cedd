import type { ArticleSummary } from '../articles/index.js';
import type { RankedListsSnapshot } from '../rankings/index.js';
import type { Section } from '../sections/index.js';
import type { IssueItem } from './newsletter-issue.types.js';

/** A weekly carries at most this many stories. */
export const WEEKLY_ITEMS = 8;

export function itemOf(story: ArticleSummary): IssueItem {
  return { articleId: story.id, slug: story.slug, headline: story.headline, standfirst: story.standfirst, label: story.section.name };
}

/**
 * The Morning Briefing's stories: the Must-Reads, then Popular Now, then the latest story of each
 * section (in the sections' order), each story once, where it first appears.
 */
export function composeBriefingItems(
  lists: Pick<RankedListsSnapshot, 'mustReads' | 'popularNow' | 'latestBySection'>,
  sections: readonly Section[],
): IssueItem[] {
  const seen = new Set<string>();
  const items: IssueItem[] = [];
  const add = (story: ArticleSummary | undefined) => {
    if (!story || seen.has(story.id)) return;
    seen.add(story.id);
    items.push(itemOf(story));
  };
  for (const story of lists.mustReads) add(story);
  for (const story of lists.popularNow) add(story);
  for (const section of sections) add(lists.latestBySection.get(section.id)?.[0]);
  return items;
}

/**
 * A section's weekly: that section's Weekly Best (ranked among its own stories), then (a quiet week
 * with few read stories) its latest stories to fill up to WEEKLY_ITEMS.
 */
export function composeWeeklyItems(weeklyBest: readonly ArticleSummary[], latest: readonly ArticleSummary[]): IssueItem[] {
  const seen = new Set<string>();
  const items: IssueItem[] = [];
  for (const story of [...weeklyBest, ...latest]) {
    if (items.length >= WEEKLY_ITEMS) break;
    if (seen.has(story.id)) continue;
    seen.add(story.id);
    items.push(itemOf(story));
  }
  return items;
}
