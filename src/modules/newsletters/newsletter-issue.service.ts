import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { newId } from '../../shared/ids.js';
import { parseZonedDateTime, zonedDayKey } from '../../shared/zoned-time.js';
import type { ArticleSummary } from '../articles/index.js';
import type { MailBatchCounts, MailQueue } from '../mail/index.js';
import type { RankedListsSnapshot } from '../rankings/index.js';
import type { Edition } from '../editions/index.js';
import type { Section } from '../sections/index.js';
import type { PublicationSettings } from '../settings/index.js';
import { composeBriefingItems, composeWeeklyItems, itemOf, WEEKLY_ITEMS } from './briefing-composer.js';
import { fanOutIssue } from './newsletter-fan-out.js';
import { retireDeliveryRecords } from './newsletter-retention.js';
import {
  findIssue,
  findIssueByEdition,
  findSentIssueByNumber,
  insertIssueOnce,
  listDueScheduled,
  listIssues,
  listSendingIds,
  listSentIssues,
  markSending,
  updateEditable,
  setSchedule,
} from './newsletter-issue.repository.js';
import { renderIssue, type RenderedIssue } from './newsletter-issue-render.js';
import type { IssueEdit, IssueProgress, NewsletterIssue, NewsletterNames, RecipientSource } from './newsletter-issue.types.js';

/** The day's briefing (and a weekly) is composed this long before it goes out, for editors to look over. */
export const COMPOSE_LEAD_MS = 60 * 60_000;
const SUBJECT_MAX = 200;
const INTRO_MAX = 2000;

export interface NewsletterIssueDeps {
  db: Db;
  clock: Clock;
  /** Sends the issue's messages (the fan-out) and counts them back by the issue's id. */
  mail: MailQueue & MailBatchCounts;
  lists: { readonly current: RankedListsSnapshot; weeklyBestOfSection(sectionId: string, limit: number): Promise<ArticleSummary[]> };
  sections: { readonly all: readonly Section[] };
  settings: () => PublicationSettings;
  names: NewsletterNames;
  recipients: RecipientSource;
  siteUrl: string;
  articleUrl: (slug: string) => string;
  /** Asks the newsletter-send job for a run (an issue was started). */
  requestRun: () => void;
  /** Announces an issue joining its newsletter's public archive (its pages are cached, here and at a CDN). */
  events: Pick<EventBus, 'emit'>;
  /** The editions subscribers signed up in: each gets the issue's fixed words in its language (absent: all the publication's). */
  editions?: { readonly all: readonly Edition[] };
}

/**
 * Newsletter issues: composing the Morning Briefing, a section's weekly and a breaking alert,
 * editing them before they go, and sending (a fan-out into the mail queue, see newsletter-fan-out).
 */
export class NewsletterIssueService {
  constructor(private readonly deps: NewsletterIssueDeps) {}

  list(limit = 50): Promise<NewsletterIssue[]> {
    return listIssues(this.deps.db, limit);
  }

  async find(id: string): Promise<NewsletterIssue> {
    const issue = await findIssue(this.deps.db, id);
    if (!issue) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_FOUND');
    return issue;
  }

  /** An issue that went out, by its number (the public archive); undefined otherwise. */
  archived(key: string, number: number): Promise<NewsletterIssue | undefined> {
    return findSentIssueByNumber(this.deps.db, key, number);
  }

  archive(key: string, limit = 100): Promise<NewsletterIssue[]> {
    return listSentIssues(this.deps.db, key, limit);
  }

  nameOf(key: string): string | undefined {
    return this.deps.names.listNow().find((info) => info.key === key)?.name;
  }

  /**
   * Today's issue of the briefing or a weekly (`weekly-<sectionId>`), composed now if it has none.
   * Composed by an editor after the set time, it waits as a draft for "send now"; before, it goes
   * out by itself at the set time.
   */
  async composeToday(key: string): Promise<NewsletterIssue> {
    const now = this.deps.clock.now();
    const { day, due } = this.today(now);
    return this.compose(key, day, now < due ? { status: 'scheduled', at: due } : { status: 'draft' });
  }

  /** A breaking alert for a story just published: composed and started at once, once per story. */
  async sendBreaking(story: ArticleSummary): Promise<NewsletterIssue> {
    const issue = await this.ensure(
      { key: 'breaking', edition: `story:${story.id}`, subject: `Breaking: ${story.headline}`, items: [itemOf(story)] },
      { status: 'draft' },
    );
    await this.start(issue);
    return this.find(issue.id);
  }

  /** An editor's changes: subject, intro, and the stories kept in their new order. */
  async edit(id: string, edit: IssueEdit): Promise<NewsletterIssue> {
    const issue = await this.find(id);
    if (issue.status !== 'draft' && issue.status !== 'scheduled') throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    const subject = edit.subject.trim();
    const intro = edit.intro.replace(/\r\n/g, '\n').trim();
    const byId = new Map(issue.items.map((item) => [item.articleId, item]));
    const items = [...new Set(edit.order)].flatMap((articleId) => byId.get(articleId) ?? []);
    // eslint-disable-next-line no-control-regex
    const bad = /[\u0000-\u0008\u000b-\u001f\u007f]/;
    if (
      !subject ||
      subject.length > SUBJECT_MAX ||
      /[\r\n]/.test(subject) ||
      intro.length > INTRO_MAX ||
      bad.test(subject + intro) ||
      items.length === 0
    ) {
      throw new AppError('ERR_NEWSLETTER_ISSUE_INVALID');
    }
    if (!(await updateEditable(this.deps.db, id, { subject, intro, items }, this.deps.clock.now())))
      throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    return this.find(id);
  }

  /**
   * Holds a scheduled issue (`held`): it stays a draft, sent only by "Send now" (a day skipped, or a
   * story awaited). Released, it goes back on the schedule at its day's set time, while that time is
   * still ahead (ERR_NEWSLETTER_ISSUE_TOO_LATE after it: send it now instead).
   */
  async hold(id: string, held: boolean): Promise<NewsletterIssue> {
    const issue = await this.find(id);
    const now = this.deps.clock.now();
    const due = held ? null : (this.dueOf(issue) ?? null);
    if (!held && (!due || due <= now)) throw new AppError('ERR_NEWSLETTER_ISSUE_TOO_LATE');
    if (!(await setSchedule(this.deps.db, id, due, now))) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    return this.find(id);
  }

  /** When a briefing's or weekly's issue goes out by itself (its edition is its local day); an alert has no set time. */
  dueOf(issue: NewsletterIssue): Date | undefined {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(issue.edition)) return undefined;
    return this.setTimeOn(issue.edition);
  }

  /** Starts sending now (a draft or a scheduled issue); an issue already sending or sent is refused. */
  async sendNow(id: string): Promise<NewsletterIssue> {
    const issue = await this.find(id);
    if (!(await this.start(issue))) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_EDITABLE');
    return this.find(id);
  }

  /** The issue's delivery: what the fan-out enqueued, and the mail queue's counts by batch id (or those the issue kept). */
  async progress(id: string): Promise<IssueProgress> {
    const issue = await this.find(id);
    if (issue.keptCounts) {
      const { sent, failed } = issue.keptCounts;
      return { status: issue.status, enqueued: issue.recipientCount, queued: 0, sent, failed, fannedOut: true };
    }
    const counts = await this.deps.mail.counts(id);
    return {
      status: issue.status,
      enqueued: issue.recipientCount,
      queued: counts.queued + counts.sending,
      sent: counts.sent,
      failed: counts.failed,
      fannedOut: issue.status === 'sent',
    };
  }

  /** One run of the newsletter-retention job: issues a month old keep their counts, and their messages leave the queue. */
  async retireDeliveryRecords(signal?: AbortSignal): Promise<number> {
    return retireDeliveryRecords(this.deps, signal);
  }

  /**
   * One run of the newsletter-send job: today's briefing and (on the weekly day) the weeklies are
   * composed when their time nears, scheduled issues whose time has come start, and every issue
   * sending is fanned out into the mail queue until done or the node stops.
   */
  async runDue(signal: AbortSignal): Promise<void> {
    const now = this.deps.clock.now();
    const { day, due, weekday } = this.today(now);
    if (now.getTime() >= due.getTime() - COMPOSE_LEAD_MS) {
      await this.compose('briefing', day, { status: 'scheduled', at: due });
      if (weekday === this.deps.settings().weeklyNewsletterDay) {
        for (const section of this.deps.sections.all) await this.compose(`weekly-${section.id}`, day, { status: 'scheduled', at: due });
      }
    }
    for (const { id } of await listDueScheduled(this.deps.db, now, 20)) {
      const issue = await findIssue(this.deps.db, id);
      if (issue) await this.start(issue);
    }
    for (const id of await listSendingIds(this.deps.db)) {
      if (signal.aborted) return;
      const issue = await findIssue(this.deps.db, id);
      if (issue) await fanOutIssue({ ...this.deps, issue, renderFor: this.rendererFor(issue), signal });
    }
  }

  /**
   * The issue as its recipients get it, rendered once (preview: with stand-in links); for the
   * subscribers of another edition than the default, with its fixed words in that edition's
   * language and name, and its archive link in that edition. The stories are as composed.
   */
  render(issue: NewsletterIssue, edition?: Edition): RenderedIssue {
    const publication = this.deps.settings();
    const base = edition ? `${this.deps.siteUrl}/${edition.pathPrefix}` : this.deps.siteUrl;
    return renderIssue(issue, {
      lang: edition?.code ?? publication.language,
      siteName: edition?.name ?? publication.name,
      siteUrl: this.deps.siteUrl,
      newsletterName: this.nameOf(issue.newsletterKey) ?? issue.newsletterKey,
      articleUrl: this.deps.articleUrl,
      ...(issue.number !== null ? { archiveUrl: `${base}/newsletters/${issue.newsletterKey}/${issue.number}` } : {}),
    });
  }

  /**
   * The issue per recipient's edition, each rendered at most once per run: a switched-on edition other
   * than the default gets its own; the default edition, or one unknown or switched off, the publication's.
   */
  private rendererFor(issue: NewsletterIssue): (editionId: string | null) => { rendered: RenderedIssue; pathPrefix: string } {
    const byEdition = new Map<string, { rendered: RenderedIssue; pathPrefix: string }>();
    return (editionId) => {
      const edition = this.deps.editions?.all.find((candidate) => candidate.id === editionId && candidate.enabled && !candidate.isDefault);
      const key = edition?.id ?? '';
      let found = byEdition.get(key);
      if (!found) {
        found = { rendered: this.render(issue, edition), pathPrefix: edition?.pathPrefix ?? '' };
        byEdition.set(key, found);
      }
      return found;
    };
  }

  private today(now: Date): { day: string; due: Date; weekday: number } {
    const day = zonedDayKey(now, this.deps.settings().timeZone);
    const due = this.setTimeOn(day) ?? now;
    return { day, due, weekday: new Date(`${day}T00:00:00Z`).getUTCDay() };
  }

  private async compose(key: string, day: string, state: { status: 'draft' } | { status: 'scheduled'; at: Date }): Promise<NewsletterIssue> {
    const existing = await findIssueByEdition(this.deps.db, key, day);
    if (existing) return existing;
    const lists = this.deps.lists.current;
    let items;
    let subject;
    if (key === 'briefing') {
      items = composeBriefingItems(lists, this.deps.sections.all);
      subject = `${this.nameOf(key) ?? 'The Morning Briefing'}: ${this.dayLabel(day)}`;
    } else {
      const section = this.deps.sections.all.find((candidate) => `weekly-${candidate.id}` === key);
      if (!section) throw new AppError('ERR_NEWSLETTER_NOT_FOUND');
      items = composeWeeklyItems(await this.deps.lists.weeklyBestOfSection(section.id, WEEKLY_ITEMS), lists.latestBySection.get(section.id) ?? []);
      subject = `${this.nameOf(key) ?? section.name}: the week’s best, ${this.dayLabel(day)}`;
    }
    return this.ensure({ key, edition: day, subject, items }, state);
  }

  private async ensure(
    draft: { key: string; edition: string; subject: string; items: NewsletterIssue['items'] },
    state: { status: 'draft' } | { status: 'scheduled'; at: Date },
  ): Promise<NewsletterIssue> {
    await insertIssueOnce(
      this.deps.db,
      {
        id: newId(),
        newsletterKey: draft.key,
        edition: draft.edition,
        subject: draft.subject.slice(0, SUBJECT_MAX),
        intro: '',
        items: draft.items,
        status: state.status,
        scheduledFor: state.status === 'scheduled' ? state.at : null,
      },
      this.deps.clock.now(),
    );
    // Whoever inserted it (this call, another node, an earlier run), there is exactly one.
    const issue = await findIssueByEdition(this.deps.db, draft.key, draft.edition);
    if (!issue) throw new AppError('ERR_NEWSLETTER_ISSUE_NOT_FOUND');
    return issue;
  }

  private async start(issue: NewsletterIssue): Promise<boolean> {
    if (issue.items.length === 0) return false;
    const started = await inTransaction(this.deps.db, (trx) => markSending(trx, issue.id, issue.newsletterKey, this.deps.clock.now()));
    if (started) {
      await this.deps.events.emit({ name: 'newsletter.issue-sent', newsletterKey: issue.newsletterKey });
      this.deps.requestRun();
    }
    return started;
  }

  private dayLabel(day: string): string {
    return newsletterDayLabel(day, this.deps.settings().language);
  }

  /** The newsletters' set time on a local day (`YYYY-MM-DD`), in the publication's time zone. */
  private setTimeOn(day: string): Date | undefined {
    const { timeZone, newsletterTime } = this.deps.settings();
    return parseZonedDateTime(`${day}T${newsletterTime}`, timeZone);
  }
}

/**
 * A local day (`YYYY-MM-DD`) as an issue's subject names it, in the publication's language
 * ("Friday 4 December"); the day as it is when the language is not one Intl knows.
 */
export function newsletterDayLabel(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}
