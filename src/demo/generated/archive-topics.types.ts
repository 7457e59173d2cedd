import type { DemoScene } from '../content/demo-content.types.js';

/**
 * The vocabulary of one beat. A generated story picks one topic and writes its headline, body and
 * tags from these words only (plus the shared sentence frames), so stories on the same topic share
 * words and those on different topics do not: related stories and search have something to find.
 *
 * Templates fill `{subject}`, `{actor}`, `{place}`, `{term}` and `{number}` from the lists below
 * (`{Subject}`, `{Actor}` … capitalise the first letter).
 */
export interface ArchiveTopic {
  key: string;
  /** Tag names (Title Case); every story of the topic carries one or two of them. */
  tags: readonly string[];
  /** What the stories are about, as noun phrases that read after a verb ("the minimum wage"). */
  subjects: readonly string[];
  /** Who acts: institutions, groups, office holders ("the finance ministry", "exporters"). */
  actors: readonly string[];
  /** Where it happens. */
  places: readonly string[];
  /** Words of the beat that fill out sentences ("tariffs", "a trade surplus"). */
  terms: readonly string[];
  /** Headline templates. */
  headlines: readonly string[];
  /** Which illustrations fit the topic. */
  scenes: readonly DemoScene[];
}

export interface ArchiveSectionPlan {
  slug: string;
  name: string;
  description: string;
  /** How many stories of the archive the section carries, relative to the others. */
  weight: number;
  /** Empty for the opinion section, which argues about every other section's topics. */
  topics: readonly ArchiveTopic[];
}

type Listed = 'tags' | 'subjects' | 'actors' | 'places' | 'terms' | 'headlines';

/**
 * A topic written compactly: each list as one string with `|` between its entries, so the word
 * lists stay readable (a formatter would put every entry of a long array on a line of its own).
 */
export function topic(written: Omit<ArchiveTopic, Listed> & Record<Listed, string>): ArchiveTopic {
  const split = (list: string) => list.split('|').map((entry) => entry.trim());
  return {
    ...written,
    tags: split(written.tags),
    subjects: split(written.subjects),
    actors: split(written.actors),
    places: split(written.places),
    terms: split(written.terms),
    headlines: split(written.headlines),
  };
}
