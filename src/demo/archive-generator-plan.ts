import { DAY_MS, HOUR_MS } from '../shared/clock.js';
import { slugify } from '../shared/slug.js';
import { between, fill, pick, type Random, type StoryFocus } from './archive-generator-text.js';
import {
  JOB_TITLES,
  KOREAN_FAMILY_NAMES,
  KOREAN_GIVEN_NAMES,
  READER_HANDLE_WORDS,
  READER_PLACES,
  WORLD_FAMILY_NAMES,
  WORLD_GIVEN_NAMES,
} from './generated/archive-names.js';
import { BIO_FRAMES, SERIES_FRAMES } from './generated/archive-phrases.js';
import { ARCHIVE_SECTIONS } from './generated/archive-sections.js';
import type { ArchiveSectionPlan, ArchiveTopic } from './generated/archive-topics.types.js';

/**
 * The cast and calendar of a generated archive, decided before any story is written: sections,
 * authors, newsmakers (the people tags), series, readers, and when each story is published. Sizes
 * scale with the number of stories so that a 300-story test archive and a 100,000-story benchmark
 * archive both look like a newspaper.
 */
export interface ArchivePlan {
  sections: ArchiveSectionPlan[];
  /** Every topic of the chosen sections, with the section it belongs to. */
  topics: Array<{ topic: ArchiveTopic; section: number }>;
  authors: PlannedAuthor[];
  /** Per section: its authors (indexes into `authors`), the most prolific first. */
  desks: number[][];
  newsmakers: ReadonlyMap<string, readonly string[]>;
  series: PlannedSeries[];
  /** Story index → its series and part. */
  seriesParts: ReadonlyMap<number, { series: number; part: number }>;
  readers: PlannedReader[];
  /** Publication times (ms) of the published stories, oldest first; the stories after them are unpublished. */
  times: Float64Array;
  unpublished: number;
}

export interface PlannedAuthor {
  slug: string;
  name: string;
  email: string;
  jobTitle: string;
  bio: string;
  section: number;
}

export interface PlannedSeries {
  slug: string;
  title: string;
  description: string;
  topic: number;
}

export interface PlannedReader {
  email: string;
  displayName: string;
}

export function planArchive(random: Random, stories: number, now: Date): ArchivePlan {
  const sectionCount = stories < 1000 ? 6 : stories < 10_000 ? 8 : 10;
  const sections = ARCHIVE_SECTIONS.slice(0, sectionCount);
  const topics = sections.flatMap((section, index) => section.topics.map((topic) => ({ topic, section: index })));
  const unpublished = clamp(Math.round(stories * 0.001), 3, 30);
  const times = publicationTimes(random, stories - unpublished, now);
  const names = new Set<string>();
  const firstYear = new Date(times[0] ?? now.getTime()).getUTCFullYear();
  const authors = planAuthors(random, sections, clamp(Math.round(stories / 200), 20, 500), names, [firstYear, now.getUTCFullYear()]);
  const desks = sections.map((_, index) => authors.flatMap((author, n) => (author.section === index ? [n] : [])));
  const newsmakers = new Map<string, string[]>();
  const perTopic = clamp(Math.round(stories / 40 / topics.length), 3, 80);
  for (const { topic } of topics)
    newsmakers.set(
      topic.key,
      Array.from({ length: perTopic }, () => uniqueName(random, names, 0.75)),
    );
  const { series, seriesParts } = planSeries(random, topics, times, clamp(Math.round(stories / 400), 2, 250), now);
  return {
    sections,
    topics,
    authors,
    desks,
    newsmakers,
    series,
    seriesParts,
    readers: planReaders(random, clamp(Math.round(stories / 40), 60, 2500)),
    times,
    unpublished,
  };
}

/**
 * When each story went out: over `span` days ending now, with the daily rate rising threefold
 * from the archive's first day to its last (a paper that grew), so recent days are dense; within a
 * day, at the newsroom's hours in Seoul. Stratified sampling of the rate's inverse CDF keeps the
 * times sorted, oldest first.
 */
/** How many days the archive spans: about 25 stories a day on average, from 90 days to 12 years. */
function archiveSpanDays(published: number): number {
  return clamp(published / 25, 90, 365 * 12);
}

function publicationTimes(random: Random, count: number, now: Date): Float64Array {
  const spanDays = archiveSpanDays(count);
  const end = now.getTime() - 5 * 60_000;
  const start = end - spanDays * DAY_MS;
  const times = new Float64Array(count);
  let previous = start;
  for (let i = 0; i < count; i++) {
    const u = (i + random()) / count;
    // Rate ∝ 1 + 2t/D on [0, D]: F(t) = (t + t²/D) / 2D, inverted.
    const t = start + ((Math.sqrt(1 + 8 * u) - 1) / 2) * spanDays * DAY_MS;
    const time = Math.min(newsroomHours(t), end);
    previous = Math.max(time, previous + 1000);
    times[i] = previous;
  }
  return times;
}

/** Stories published per local hour in Seoul, relative to the busiest: few at night. */
const PUBLISHING_RHYTHM = [0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.6, 1, 1, 0.9, 0.9, 0.8, 0.7, 0.8, 0.9, 0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.5, 0.4, 0.3];
const RHYTHM_CDF = (() => {
  const total = PUBLISHING_RHYTHM.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return PUBLISHING_RHYTHM.map((weight) => (running += weight / total));
})();
const SEOUL_OFFSET_MS = 9 * HOUR_MS;

/** Moves a time within its Seoul day so that a uniform spread becomes the newsroom's rhythm (order kept). */
function newsroomHours(time: number): number {
  const local = time + SEOUL_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const fraction = (local - dayStart) / DAY_MS;
  let hour = RHYTHM_CDF.findIndex((cumulative) => cumulative >= fraction);
  if (hour < 0) hour = 23;
  const below = hour === 0 ? 0 : (RHYTHM_CDF[hour - 1] ?? 0);
  const within = (fraction - below) / ((RHYTHM_CDF[hour] ?? 1) - below || 1);
  return dayStart + (hour + within) * HOUR_MS - SEOUL_OFFSET_MS;
}

function planAuthors(
  random: Random,
  sections: readonly ArchiveSectionPlan[],
  count: number,
  names: Set<string>,
  years: [number, number],
): PlannedAuthor[] {
  const totalWeight = sections.reduce((sum, section) => sum + section.weight, 0);
  const emails = new Set<string>();
  const slugs = new Set<string>();
  const authors: PlannedAuthor[] = [];
  for (const [index, section] of sections.entries()) {
    const desk = Math.max(2, Math.round((count * section.weight) / totalWeight));
    const abroad = section.slug === 'world' ? 0.5 : 0.15;
    for (let n = 0; n < desk; n++) {
      const name = uniqueName(random, names, 1 - abroad);
      const [first = name, ...rest] = name.split(' ');
      // Korean names are family name first: the e-mail is given.family either way.
      const korean = KOREAN_FAMILY_NAMES.includes(first);
      const given = korean ? rest.join(' ') : first;
      const family = korean ? first : rest.join(' ');
      const email = unique(emails, `${plain(given)}.${plain(family)}`, (base, n) => `${base}${n}`) + '@dateline-daily.example';
      const kind = section.topics.length === 0 ? 'opinion' : ['national', 'world', 'business', 'asia'].includes(section.slug) ? 'news' : 'features';
      const jobTitle = pick(random, JOB_TITLES[kind]);
      const beatTopic =
        section.topics.length > 0
          ? pick(random, section.topics)
          : pick(
              random,
              sections.flatMap((s) => s.topics),
            );
      // The beat in the topic's own words ("the minimum wage and consumer prices").
      const [one, other] = [pick(random, beatTopic.subjects), pick(random, beatTopic.subjects)];
      const beat = one === other ? one : `${one} and ${other}`;
      const joined = between(random, Math.min(years[0], years[1] - 1), years[1]);
      const bio = pick(random, BIO_FRAMES)
        .replaceAll('{name}', name)
        .replaceAll('{first}', korean ? name : given)
        .replaceAll('{beat}', beat)
        .replaceAll('{section}', section.name)
        .replaceAll('{a-title}', `${/^[aeiou]/i.test(jobTitle) ? 'an' : 'a'} ${jobTitle.toLowerCase()}`)
        .replaceAll('{year}', String(joined));
      authors.push({ slug: unique(slugs, slugify(name), (base, n) => `${base}-${n}`), name, email, jobTitle, bio, section: index });
    }
  }
  return authors;
}

function planSeries(
  random: Random,
  topics: ArchivePlan['topics'],
  times: Float64Array,
  count: number,
  now: Date,
): Pick<ArchivePlan, 'series' | 'seriesParts'> {
  const series: PlannedSeries[] = [];
  const seriesParts = new Map<number, { series: number; part: number }>();
  const slugs = new Set<string>();
  // From the span, not the dates: the same seed must choose the same parts whatever the day.
  const perDay = times.length / archiveSpanDays(times.length);
  for (let s = 0; s < count && times.length > 10; s++) {
    const topicIndex = between(random, 0, topics.length - 1);
    const topic = topics[topicIndex]?.topic;
    if (!topic) continue;
    const focus: StoryFocus = { topic, subject: pick(random, topic.subjects), place: pick(random, topic.places), people: [], publishedAt: now };
    const title = fill(pick(random, SERIES_FRAMES), random, focus);
    const parts = between(random, 2, 6);
    const stride = Math.max(1, Math.round(perDay * between(random, 2, 6)));
    let index = between(random, 0, Math.max(0, times.length - 1 - parts * stride));
    const chosen: number[] = [];
    while (chosen.length < parts && index < times.length) {
      if (!seriesParts.has(index)) chosen.push(index);
      index += chosen.length > 0 ? stride : 1;
    }
    if (chosen.length < 2) continue;
    const number = series.length;
    for (const [part, story] of chosen.entries()) seriesParts.set(story, { series: number, part: part + 1 });
    series.push({
      slug: unique(slugs, slugify(title), (base, n) => `${base}-${n}`),
      title,
      description: `A ${chosen.length}-part series on ${focus.subject} and what it means for ${focus.place}.`,
      topic: topicIndex,
    });
  }
  return { series, seriesParts };
}

function planReaders(random: Random, count: number): PlannedReader[] {
  const names = new Set<string>();
  return Array.from({ length: count }, (_, n) => {
    const word = pick(random, READER_HANDLE_WORDS);
    const place = pick(random, READER_PLACES);
    const base = random() < 0.5 ? `${capital(word)} in ${place}` : `${place.toLowerCase()}_${word}`;
    return { email: `reader${n + 1}@readers.dateline-daily.example`, displayName: unique(names, base, (b, k) => `${b} ${k}`) };
  });
}

/** A person's name not used yet: Korean (family name first) with probability `korean`, else from abroad. */
function uniqueName(random: Random, taken: Set<string>, korean: number): string {
  for (let attempt = 0; ; attempt++) {
    const name =
      random() < korean
        ? `${pick(random, KOREAN_FAMILY_NAMES)} ${pick(random, KOREAN_GIVEN_NAMES)}`
        : `${pick(random, WORLD_GIVEN_NAMES)} ${pick(random, WORLD_FAMILY_NAMES)}`;
    // Past a few thousand people the lists run out of pairs: a middle initial tells them apart.
    const candidate =
      attempt < 20 ? name : `${name.split(' ')[0]} ${String.fromCharCode(65 + (attempt % 26))}. ${name.split(' ').slice(1).join(' ')}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

function unique(taken: Set<string>, base: string, variant: (base: string, n: number) => string): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = variant(base, n);
  taken.add(candidate);
  return candidate;
}

function plain(name: string): string {
  return slugify(name).replace(/-/g, '');
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
