import type { Db } from '../db/database.js';
import { importSentIssue, importSubscriber, newsletterDayLabel, type NewsletterKey, type SubscriberImport } from '../modules/newsletters/index.js';
import { DAY_MS, HOUR_MS } from '../shared/clock.js';
import { addDaysToKey, parseZonedDateTime, zonedDayKey } from '../shared/zoned-time.js';
import { demoPublication } from './content/publication.js';
import { seededRandom } from './demo-images.js';

/** A published demo story, as the newsletters list it. */
export interface DemoNewsletterStory {
  id: string;
  slug: string;
  headline: string;
  standfirst: string;
  typeLabel: string;
  sectionId: string;
  sectionName: string;
  publishedAt: Date;
  views: number;
}

const FIRST_NAMES = ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Hyun-woo', 'Ha-eun', 'Do-yoon', 'Amelia', 'Oliver', 'Priya', 'Kenji', 'Lucía', 'Tomás'];
const LAST_NAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Tanaka', 'Nguyen', 'Okafor', 'Schmidt', 'García', 'Walsh', 'Haddad'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const SUBSCRIBER_COUNT = 60;
/** How far back the demo's subscribers gave their consent: the growth chart's span. */
const HISTORY_DAYS = 45;
const BRIEFING_DAYS = 7;
const WEEKLY_ISSUES = 2;
const BRIEFING_ITEMS = 7;
const WEEKLY_ITEMS = 8;

const INTROS = [
  'Good morning. Seoul wakes to a cold, clear day; here is what our reporters filed overnight.',
  'Good morning. Markets in Asia open cautiously, and our correspondents have the stories behind the numbers.',
  'Good morning. A busy night on the news desk: start with the stories below, then tell us what we missed.',
  'Good morning. The weekend’s reading is below, with the week’s most-read analysis at the top.',
  'Good morning. Three stories to read before your first meeting, and a few more for the commute home.',
  'Good morning. Our team in Seoul and our correspondents abroad have been busy; here is the best of it.',
  'Good morning. From diplomacy to the price of rice, this is what matters today.',
];

/**
 * The demo's newsletters, so the Subscribers page, the Newsletters page and the public archive are
 * full on a new install: readers who subscribed over the last weeks (a few left again), a week of
 * Morning Briefings, a breaking alert and two rounds of the sections' weeklies, composed from the
 * demo's own stories as they stood at each issue's time.
 */
export async function seedDemoNewsletters(db: Db, stories: readonly DemoNewsletterStory[], now: Date): Promise<void> {
  const subscribers = demoSubscribers(stories, now);
  for (const subscriber of subscribers) await importSubscriber(db, subscriber);
  const audience = (key: NewsletterKey, at: Date) =>
    subscribers.filter((s) => s.consentAt < at && s.keys.includes(key) && !(s.leftLater ?? []).some((left) => left.key === key && left.at < at))
      .length;

  const timeZone = demoPublication.timeZone;
  const today = zonedDayKey(now, timeZone);
  for (let daysAgo = BRIEFING_DAYS; daysAgo >= 1; daysAgo--) {
    const day = addDaysToKey(today, -daysAgo);
    const sentAt = dueAt(day);
    const items = briefingItems(stories, sentAt);
    if (items.length === 0) continue;
    await importSentIssue(db, {
      newsletterKey: 'briefing',
      edition: day,
      subject: `The Morning Briefing: ${newsletterDayLabel(day, demoPublication.language)}`,
      intro: INTROS[daysAgo % INTROS.length] ?? '',
      items,
      sentAt,
      recipientCount: audience('briefing', sentAt),
    });
  }

  // The alert a newsroom sends with a live story (the earthquake), else an older news story.
  const alert =
    stories.find((s) => s.typeLabel === 'Live') ??
    stories.filter((s) => s.typeLabel === 'News' && now.getTime() - s.publishedAt.getTime() > 3 * HOUR_MS)[0];
  if (alert) {
    const sentAt = new Date(alert.publishedAt.getTime() + 4 * 60_000);
    await importSentIssue(db, {
      newsletterKey: 'breaking',
      edition: `story:${alert.id}`,
      subject: `Breaking: ${alert.headline}`,
      intro: '',
      items: [itemOf(alert)],
      sentAt,
      recipientCount: audience('breaking', sentAt),
    });
  }

  const sections = [...new Map(stories.map((s) => [s.sectionId, s.sectionName]))];
  for (const day of lastWeeklyDays(today, WEEKLY_ISSUES)) {
    const sentAt = dueAt(day);
    for (const [sectionId, sectionName] of sections) {
      const key: NewsletterKey = `weekly-${sectionId}`;
      const items = stories
        .filter((s) => s.sectionId === sectionId && s.publishedAt < sentAt && s.publishedAt.getTime() >= sentAt.getTime() - 7 * DAY_MS)
        .sort((a, b) => b.views - a.views)
        .slice(0, WEEKLY_ITEMS)
        .map(itemOf);
      if (items.length === 0) continue;
      await importSentIssue(db, {
        newsletterKey: key,
        edition: day,
        subject: `${sectionName} weekly: the week’s best, ${newsletterDayLabel(day, demoPublication.language)}`,
        intro: '',
        items,
        sentAt,
        recipientCount: audience(key, sentAt),
      });
    }
  }
}

function demoSubscribers(stories: readonly DemoNewsletterStory[], now: Date): SubscriberImport[] {
  const random = seededRandom('demo-newsletter-subscribers');
  const sectionIds = [...new Set(stories.map((s) => s.sectionId))];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const subscribers: SubscriberImport[] = [];
  const taken = new Set<string>();
  while (subscribers.length < SUBSCRIBER_COUNT) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const email = `${first}.${last}@${pick(DOMAINS)}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9.@-]/g, '');
    if (taken.has(email)) continue;
    taken.add(email);
    // More sign-ups lately (the newsletter was launched, then promoted): a square skews towards now.
    const consentAt = new Date(now.getTime() - Math.floor(random() ** 2 * HISTORY_DAYS * DAY_MS) - HOUR_MS);
    const keys: NewsletterKey[] = [];
    if (random() < 0.85) keys.push('briefing');
    if (random() < 0.45) keys.push('breaking');
    for (const sectionId of sectionIds) if (random() < 0.2) keys.push(`weekly-${sectionId}`);
    if (keys.length === 0) keys.push('briefing');
    const leaves = keys.includes('briefing') && random() < 0.1;
    const leftAt = new Date(consentAt.getTime() + Math.floor(random() * (now.getTime() - consentAt.getTime())));
    subscribers.push({ email, consentAt, keys, ...(leaves ? { leftLater: [{ key: 'briefing' as const, at: leftAt }] } : {}) });
  }
  return subscribers;
}

/**
 * As the service composes it: the two most read of the day before, then the latest story of each
 * section, each story once.
 */
function briefingItems(stories: readonly DemoNewsletterStory[], at: Date) {
  const before = stories.filter((s) => s.publishedAt < at).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const popular = before
    .filter((s) => s.publishedAt.getTime() >= at.getTime() - DAY_MS)
    .sort((a, b) => b.views - a.views)
    .slice(0, 2);
  const latestPerSection = [...new Map(before.reverse().map((s) => [s.sectionId, s])).values()];
  const chosen = [...new Map([...popular, ...latestPerSection].map((s) => [s.id, s])).values()];
  return chosen.slice(0, BRIEFING_ITEMS).map(itemOf);
}

function itemOf(story: DemoNewsletterStory) {
  return { articleId: story.id, slug: story.slug, headline: story.headline, standfirst: story.standfirst, label: story.sectionName };
}

/** The newsletters' set time on `day`, in the publication's time zone. */
function dueAt(day: string): Date {
  return parseZonedDateTime(`${day}T${demoPublication.newsletterTime}`, demoPublication.timeZone) ?? new Date(`${day}T00:00:00Z`);
}

/** The last `count` weekly days (the settings' weekday) before today, oldest first. */
function lastWeeklyDays(today: string, count: number): string[] {
  const days: string[] = [];
  for (let back = 1; days.length < count && back <= 7 * count; back++) {
    const day = addDaysToKey(today, -back);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === demoPublication.weeklyNewsletterDay) days.unshift(day);
  }
  return days;
}
