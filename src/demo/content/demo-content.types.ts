/**
 * The shape in which the demo publication's stories are written. The demo seeder turns these into
 * real articles, authors, tags, series, generated images and corrections on first start.
 */

export type DemoSectionSlug = 'world' | 'asia' | 'debate' | 'latest' | 'business';

export type DemoAuthorSlug = 'min-ji-park' | 'daniel-okafor' | 'hana-lee';

/** 'Live' only for a story with live coverage still running (live-coverage.ts). */
export type DemoTypeLabel = 'News' | 'Analysis' | 'Opinion' | 'Editorial' | 'Feature' | 'Interview' | 'Live';

/** Illustrations are drawn locally from simple shapes; the scene decides what is drawn. */
export type DemoScene =
  'skyline' | 'harbor' | 'mountains' | 'chart-up' | 'chart-down' | 'sea' | 'fields' | 'podium' | 'rail' | 'forest' | 'bridge' | 'night-city';

export interface DemoImage {
  scene: DemoScene;
  /** One sentence shown under the image. */
  caption: string;
  /** Who made the image, shown as "(ⓒ credit)". */
  credit: string;
}

export interface DemoCorrection {
  kind: 'correction' | 'update';
  /** Hours after publication that the correction or update was added. */
  hoursAfter: number;
  text: string;
}

export interface DemoArticle {
  /** Lower-case kebab-case, unique across the demo, at most 80 characters. */
  slug: string;
  section: DemoSectionSlug;
  typeLabel: DemoTypeLabel;
  headline: string;
  /** One or two sentences, at most 220 characters. */
  standfirst: string;
  /** One or two authors, first author first. */
  authors: DemoAuthorSlug[];
  /** Two to four tag names, in Title Case; reuse tags across stories where the topic is shared. */
  tags: string[];
  /** Publication time as hours before the demo is created: 1 to 700. */
  hoursAgo: number;
  /** When set, the story was updated this many hours after publication. */
  updatedHoursAfter?: number;
  hero: DemoImage;
  /** An optional second image placed in the body where a paragraph is exactly "[figure]". */
  figure?: DemoImage;
  /**
   * Paragraphs in order. A paragraph starting "## " is a sub-heading; "> " is a pull quote (end it
   * with " — Name, role" to attribute it); consecutive paragraphs starting "- " form a bullet list;
   * "[figure]" places the figure.
   */
  body: string[];
  series?: { slug: 'last-ferry'; part: 1 | 2 };
  corrections?: DemoCorrection[];
}

/**
 * A story of the Korean edition. Same shape as an English one (the typeLabel stays the English value
 * so both editions share one set of labels; the Korean edition shows it through koreanTypeLabels).
 */
export interface KoreanDemoArticle extends DemoArticle {
  /** Slug of the English demo story this one translates; absent for Korean-only stories. */
  translationOf?: string;
}

/** One timestamped update of a demo live story (docs/live.md). */
export interface DemoLiveUpdate {
  /** Minutes after the story's publication; a running coverage's last one stays before its `hoursAgo`. */
  minutesAfter: number;
  author: DemoAuthorSlug;
  /**
   * Markdown as the newsroom's composer takes it: paragraphs, **bold**, [links](https://…), `> quote`
   * lines closed by a `> — Name, role` line. A line "[[figure]]" places the coverage's figure.
   */
  markdown: string;
  keyEvent?: boolean;
  pinned?: boolean;
  /** Set when an editor corrected the update this many minutes after publication. */
  editedMinutesAfter?: number;
}

/** A demo story's live coverage: its key points and updates, and when it ended. */
export interface DemoLiveCoverage {
  /** The slug of the story (in the same edition) the coverage belongs to. */
  story: string;
  /** Key points, at most 10 of at most 300 characters. */
  summary: string[];
  /**
   * Minutes after publication the coverage ended: the story is then an ordinary one with the label it
   * took (its `typeLabel`, never 'Live'). Absent: still live (`typeLabel` 'Live').
   */
  endedMinutesAfter?: number;
  /** A picture one update shows (where its Markdown has "[[figure]]"). */
  figure?: DemoImage;
  updates: DemoLiveUpdate[];
}

/** One illustration to draw for the demo: its key in the media map, what it shows, its words. */
export interface DemoImageJob {
  key: string;
  scene: DemoScene;
  seed: string;
  caption: string;
  credit: string;
  /** Alt text in the story's language; absent, the drawing's own (English) description. */
  alt?: string;
}
