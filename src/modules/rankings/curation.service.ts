import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { listPublishedArticles, type ArticleSummary } from '../articles/index.js';
import type { AuditRecord, AuditService } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';
import { deletePick, insertPick, listPicks, reorderPicks, updatePickExpiry, type PickEntry } from './pick.repository.js';
import { LIST_SIZES, PICK_CANDIDATES } from './ranked-lists.service.js';
import { parseZonedDateTime } from '../../shared/zoned-time.js';
import { validateText } from '../../shared/text.js';
import { LatestLoad } from '../../shared/latest-load.js';

export type { PickEntry } from './pick.repository.js';

/** How many Must-Reads the site shows; picks in force beyond these wait their turn. */
export const MUST_READS_SHOWN = LIST_SIZES.mustReads;

/**
 * Where a pick stands, by the rule RankedListsService applies: `showing` on the site now, `waiting`
 * behind the first MUST_READS_SHOWN (it shows when one above it goes or expires), `expired`, or
 * `unpublished` (its story is not visible to readers: withdrawn, embargoed, not yet out).
 */
export type PickStanding = 'showing' | 'waiting' | 'expired' | 'unpublished';

/** A pick with its standing; `place` counts the picks that are showing or waiting, from 1. */
export interface CuratedPick extends PickEntry {
  standing: PickStanding;
  place: number | null;
}

/** Settings keys; values are JSON like every other setting. */
const LEAD_KEY = 'homeLead';
const BANNER_KEY = 'breakingBanner';
/**
 * How often curation-expiry.job.ts asks whether the banner has ended. Pages check the end time on
 * every render anyway; this only bounds how long cached pages (and a CDN) keep showing it, and each
 * check is a comparison in memory.
 */
export const BANNER_CHECK_INTERVAL_MS = 5_000;

/** A breaking-news banner as readers see it, until `endsAt`. */
export interface BreakingBanner {
  text: string;
  /** An http(s) address or a path on this site; never another scheme (`javascript:` and friends). */
  link: string | null;
  endsAt: Date;
}

/** What the newsroom form sends; times are wall-clock in the publication's time zone. */
export interface BannerRequest {
  text: string;
  link: string;
  endsAt: string;
}

const BannerText = z.string().trim().min(1).max(200);
const BannerLink = z
  .string()
  .trim()
  .max(2000)
  .refine((link) => link === '' || isSafeLink(link));
const StoredBanner = z.object({ text: BannerText, link: z.string().nullable(), endsAt: z.iso.datetime() });
const StoredLead = z.object({ articleId: z.string().min(1).nullable() });

/**
 * The editors' hand on the front page: Must-Reads picks, the lead story and the breaking-news
 * banner. Lead and banner are kept in memory (every public page shows the banner) and reloaded by
 * curation.reaction.ts; every change emits `curation.changed`, so cached pages go at once.
 */
export class CurationService {
  private lead: ArticleSummary | undefined;
  private leadId: string | null = null;
  private banner: BreakingBanner | undefined;
  private readonly loads = new LatestLoad();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly audit: Pick<AuditService, 'record'>,
    /** The settings store, where lead and banner are kept under their own keys. */
    private readonly store: Pick<SettingsService, 'readStored' | 'writeIn'>,
  ) {}

  /** Reads lead and banner from settings; a stored value that no longer parses counts as unset. */
  async load(): Promise<void> {
    // Reactions to several events reload side by side: only the latest load applies what it read.
    const isLatest = this.loads.begin();
    const stored = await this.store.readStored();
    const now = this.clock.now();
    const lead = StoredLead.safeParse(stored[LEAD_KEY]);
    const leadId = lead.success ? lead.data.articleId : null;
    const leadStory = leadId ? await this.publishedStory(leadId) : undefined;
    const banner = StoredBanner.safeParse(stored[BANNER_KEY]);
    const endsAt = banner.success ? new Date(banner.data.endsAt) : undefined;
    if (!isLatest()) return;
    this.leadId = leadId;
    this.lead = leadStory;
    this.banner = banner.success && endsAt && endsAt > now ? { text: banner.data.text, link: banner.data.link, endsAt } : undefined;
  }

  /** The chosen lead story while it is published; undefined means "the newest story". */
  leadStory(): ArticleSummary | undefined {
    return this.lead;
  }

  /** The stored choice, for the newsroom form (null: newest story). */
  leadChoice(): string | null {
    return this.leadId;
  }

  /** The banner while its end time is ahead; checked on every render, not only by the job. */
  activeBanner(): BreakingBanner | undefined {
    return this.banner && this.banner.endsAt > this.clock.now() ? this.banner : undefined;
  }

  /**
   * Called by curation-expiry.job.ts (and by tests after moving the clock): once the banner has
   * ended, announce it, so pages cached while it showed are dropped.
   */
  async endBannerIfDue(): Promise<void> {
    if (!this.banner || this.banner.endsAt > this.clock.now()) return;
    this.banner = undefined;
    await this.events.emit({ name: 'curation.changed', part: 'banner-ended' });
  }

  async setBanner(request: BannerRequest, timeZone: string, actorUserId: string | null): Promise<BreakingBanner> {
    // The shared text rule (one line, no control characters, NFC); the stored form is read leniently.
    const text = validateText(request.text, { field: 'text', code: 'ERR_BANNER_TEXT_INVALID', min: 1, max: 200 });
    const link = BannerLink.safeParse(request.link);
    if (!link.success) throw new AppError('ERR_BANNER_LINK_INVALID');
    const endsAt = parseZonedDateTime(request.endsAt, timeZone);
    if (!endsAt || endsAt <= this.clock.now()) throw new AppError('ERR_BANNER_END_INVALID');
    const banner: BreakingBanner = { text, link: link.data || null, endsAt };
    const stored = { text: banner.text, link: banner.link, endsAt: endsAt.toISOString() };
    await this.writeAudited(actorUserId, { action: 'curation.banner_set', subjectType: 'banner', details: stored }, (trx) =>
      this.store.writeIn(trx, { [BANNER_KEY]: stored }),
    );
    await this.changed('banner');
    return banner;
  }

  async clearBanner(actorUserId: string | null): Promise<void> {
    const details = this.banner ? { text: this.banner.text } : {};
    await this.writeAudited(actorUserId, { action: 'curation.banner_cleared', subjectType: 'banner', details }, (trx) =>
      this.store.writeIn(trx, { [BANNER_KEY]: null }),
    );
    await this.changed('banner');
  }

  /** An empty id goes back to "the newest story". */
  async setLead(articleId: string, actorUserId: string | null): Promise<void> {
    const story = articleId === '' ? undefined : await this.publishedStory(articleId);
    if (articleId !== '' && !story) throw new AppError('ERR_LEAD_STORY_INVALID');
    const record: Omit<AuditRecord, 'actorUserId'> = story
      ? { action: 'curation.lead_changed', subjectType: 'article', subjectId: story.id, details: { slug: story.slug } }
      : { action: 'curation.lead_changed', details: { lead: 'the newest story (automatic)' } };
    await this.writeAudited(actorUserId, record, (trx) => this.store.writeIn(trx, { [LEAD_KEY]: { articleId: story?.id ?? null } }));
    await this.changed('lead');
  }

  /** Published stories, newest first, to choose picks and the lead from. */
  recentStories(limit: number): Promise<ArticleSummary[]> {
    return listPublishedArticles(this.db, {}, { now: this.clock.now(), limit });
  }

  /**
   * Every pick, expired ones included, in order, each with where it stands: whether the site shows
   * it now or it waits behind the first MUST_READS_SHOWN.
   */
  async listPicks(): Promise<CuratedPick[]> {
    const picks = await listPicks(this.db);
    const now = this.clock.now();
    const ids = [...new Set(picks.map((pick) => pick.articleId))];
    const visible = new Set(
      ids.length === 0 ? [] : (await listPublishedArticles(this.db, { ids }, { now, limit: ids.length })).map((story) => story.id),
    );
    // RankedListsService reads the first PICK_CANDIDATES picks in force of each edition (those of
    // its stories), then drops stories readers cannot see, and shows the first MUST_READS_SHOWN of
    // the rest: the same steps here, counted per edition.
    const counts = new Map<string, { inForce: number; place: number }>();
    return picks.map((pick) => {
      if (pick.expiresAt !== null && pick.expiresAt <= now) return { ...pick, standing: 'expired', place: null };
      const count = counts.get(pick.editionId) ?? { inForce: 0, place: 0 };
      counts.set(pick.editionId, count);
      count.inForce++;
      if (!visible.has(pick.articleId)) return { ...pick, standing: 'unpublished', place: null };
      const place = ++count.place;
      const showing = place <= MUST_READS_SHOWN && count.inForce <= PICK_CANDIDATES;
      return { ...pick, standing: showing ? 'showing' : 'waiting', place };
    });
  }

  /**
   * Adds a published story at the end of the list; `expiresAt` is wall-clock time or empty. Never
   * refused for length: a pick beyond the fifth waits its turn (expiries make a queue useful), and
   * the returned standing says so.
   */
  async addPick(articleId: string, expiresAt: string, timeZone: string, actorUserId: string | null): Promise<CuratedPick> {
    const expiry = this.parseExpiry(expiresAt, timeZone);
    const story = await this.publishedStory(articleId);
    if (!story) throw new AppError('ERR_PICK_STORY_INVALID');
    const picks = await listPicks(this.db);
    const now = this.clock.now();
    if (picks.some((pick) => pick.articleId === articleId && (pick.expiresAt === null || pick.expiresAt > now))) {
      throw new AppError('ERR_PICK_DUPLICATE');
    }
    const position = Math.max(-1, ...picks.map((pick) => pick.position)) + 1;
    const details = { slug: story.slug, expiresAt: expiry?.toISOString() ?? null };
    await this.writeAudited(actorUserId, { action: 'curation.pick_added', subjectType: 'article', subjectId: articleId, details }, (trx) =>
      insertPick(trx, { articleId, position, expiresAt: expiry }, now),
    );
    await this.changed('picks');
    const added = (await this.listPicks()).findLast((pick) => pick.articleId === articleId);
    if (!added) throw new AppError('ERR_PICK_NOT_FOUND');
    return added;
  }

  /** Swaps a pick with its neighbour; at either end of the list nothing changes. */
  async movePick(id: string, direction: 'up' | 'down', actorUserId: string | null): Promise<void> {
    const picks = await listPicks(this.db);
    const ids = picks.map((pick) => pick.id);
    const index = ids.indexOf(id);
    const pick = picks[index];
    if (!pick) throw new AppError('ERR_PICK_NOT_FOUND');
    const other = direction === 'up' ? index - 1 : index + 1;
    const neighbour = ids[other];
    if (neighbour === undefined) return;
    ids[other] = id;
    ids[index] = neighbour;
    // Places counted from 1, as the newsroom's list numbers them.
    const details = { slug: pick.slug, direction, from: index + 1, to: other + 1 };
    await this.writeAudited(actorUserId, { action: 'curation.pick_moved', subjectType: 'article', subjectId: pick.articleId, details }, (trx) =>
      reorderPicks(trx, ids),
    );
    await this.changed('picks');
  }

  /** An empty value clears the expiry: the pick stays until removed. */
  async setPickExpiry(id: string, expiresAt: string, timeZone: string, actorUserId: string | null): Promise<void> {
    const expiry = this.parseExpiry(expiresAt, timeZone);
    const pick = await this.pick(id);
    const details = { slug: pick.slug, expiresAt: expiry?.toISOString() ?? null, was: pick.expiresAt?.toISOString() ?? null };
    await this.writeAudited(
      actorUserId,
      { action: 'curation.pick_expiry_changed', subjectType: 'article', subjectId: pick.articleId, details },
      async (trx) => {
        if (!(await updatePickExpiry(trx, id, expiry))) throw new AppError('ERR_PICK_NOT_FOUND');
      },
    );
    await this.changed('picks');
  }

  async removePick(id: string, actorUserId: string | null): Promise<void> {
    const pick = await this.pick(id);
    await this.writeAudited(
      actorUserId,
      { action: 'curation.pick_removed', subjectType: 'article', subjectId: pick.articleId, details: { slug: pick.slug } },
      async (trx) => {
        if (!(await deletePick(trx, id))) throw new AppError('ERR_PICK_NOT_FOUND');
      },
    );
    await this.changed('picks');
  }

  private async pick(id: string): Promise<PickEntry> {
    const pick = (await listPicks(this.db)).find((candidate) => candidate.id === id);
    if (!pick) throw new AppError('ERR_PICK_NOT_FOUND');
    return pick;
  }

  /** Runs a write and records it in the audit log, in one transaction: no change goes unrecorded. */
  private async writeAudited(
    actorUserId: string | null,
    record: Omit<AuditRecord, 'actorUserId'>,
    write: (trx: Db) => Promise<unknown>,
  ): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await write(trx);
      await this.audit.record({ actorUserId, ...record }, trx);
    });
  }

  private parseExpiry(value: string, timeZone: string): Date | null {
    if (value.trim() === '') return null;
    const expiry = parseZonedDateTime(value, timeZone);
    if (!expiry || expiry <= this.clock.now()) throw new AppError('ERR_PICK_EXPIRY_INVALID');
    return expiry;
  }

  private async publishedStory(id: string): Promise<ArticleSummary | undefined> {
    const [story] = await listPublishedArticles(this.db, { ids: [id] }, { now: this.clock.now(), limit: 1 });
    return story;
  }

  private changed(part: 'picks' | 'lead' | 'banner'): Promise<void> {
    return this.events.emit({ name: 'curation.changed', part });
  }
}

/**
 * A path on this site (`/section/world`, not the protocol-relative `//evil.example`) or an http(s)
 * address. Anything else — `javascript:`, `data:`, whitespace tricks — is refused: Preact escapes
 * text but not a URL's scheme.
 */
export function isSafeLink(link: string): boolean {
  if (/[\s\p{Cc}\\]/u.test(link)) return false;
  if (link.startsWith('/')) return !link.startsWith('//');
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
