import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { EventBus } from '../../shared/events.js';
import { listPublishedArticles, type ArticleSummary } from '../articles/index.js';
import type { SettingsService } from '../settings/index.js';
import { deletePick, insertPick, listPicks, reorderPicks, updatePickExpiry, type PickEntry } from './pick.repository.js';
import { parseZonedDateTime } from '../../shared/zoned-time.js';

export type { PickEntry } from './pick.repository.js';

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

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** The settings store, where lead and banner are kept under their own keys. */
    private readonly store: Pick<SettingsService, 'readStored' | 'writeIn'>,
  ) {}

  /** Reads lead and banner from settings; a stored value that no longer parses counts as unset. */
  async load(): Promise<void> {
    const stored = await this.store.readStored();
    const now = this.clock.now();
    const lead = StoredLead.safeParse(stored[LEAD_KEY]);
    this.leadId = lead.success ? lead.data.articleId : null;
    this.lead = this.leadId ? await this.publishedStory(this.leadId) : undefined;
    const banner = StoredBanner.safeParse(stored[BANNER_KEY]);
    const endsAt = banner.success ? new Date(banner.data.endsAt) : undefined;
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

  async setBanner(request: BannerRequest, timeZone: string): Promise<BreakingBanner> {
    const text = BannerText.safeParse(request.text);
    if (!text.success) throw new AppError('ERR_BANNER_TEXT_INVALID');
    const link = BannerLink.safeParse(request.link);
    if (!link.success) throw new AppError('ERR_BANNER_LINK_INVALID');
    const endsAt = parseZonedDateTime(request.endsAt, timeZone);
    if (!endsAt || endsAt <= this.clock.now()) throw new AppError('ERR_BANNER_END_INVALID');
    const banner: BreakingBanner = { text: text.data, link: link.data || null, endsAt };
    await this.store.writeIn(this.db, { [BANNER_KEY]: { text: banner.text, link: banner.link, endsAt: endsAt.toISOString() } });
    await this.changed('banner');
    return banner;
  }

  async clearBanner(): Promise<void> {
    await this.store.writeIn(this.db, { [BANNER_KEY]: null });
    await this.changed('banner');
  }

  /** An empty id goes back to "the newest story". */
  async setLead(articleId: string): Promise<void> {
    if (articleId !== '' && !(await this.publishedStory(articleId))) throw new AppError('ERR_LEAD_STORY_INVALID');
    await this.store.writeIn(this.db, { [LEAD_KEY]: { articleId: articleId || null } });
    await this.changed('lead');
  }

  /** Published stories, newest first, to choose picks and the lead from. */
  recentStories(limit: number): Promise<ArticleSummary[]> {
    return listPublishedArticles(this.db, {}, { now: this.clock.now(), limit });
  }

  /** Every pick, expired ones included, in order. */
  listPicks(): Promise<PickEntry[]> {
    return listPicks(this.db);
  }

  /** Adds a published story at the end of the list; `expiresAt` is wall-clock time or empty. */
  async addPick(articleId: string, expiresAt: string, timeZone: string): Promise<void> {
    const expiry = this.parseExpiry(expiresAt, timeZone);
    if (!(await this.publishedStory(articleId))) throw new AppError('ERR_PICK_STORY_INVALID');
    const picks = await listPicks(this.db);
    const now = this.clock.now();
    if (picks.some((pick) => pick.articleId === articleId && (pick.expiresAt === null || pick.expiresAt > now))) {
      throw new AppError('ERR_PICK_DUPLICATE');
    }
    const position = Math.max(-1, ...picks.map((pick) => pick.position)) + 1;
    await insertPick(this.db, { articleId, position, expiresAt: expiry }, now);
    await this.changed('picks');
  }

  /** Swaps a pick with its neighbour; at either end of the list nothing changes. */
  async movePick(id: string, direction: 'up' | 'down'): Promise<void> {
    const ids = (await listPicks(this.db)).map((pick) => pick.id);
    const index = ids.indexOf(id);
    if (index === -1) throw new AppError('ERR_PICK_NOT_FOUND');
    const other = direction === 'up' ? index - 1 : index + 1;
    const neighbour = ids[other];
    if (neighbour === undefined) return;
    ids[other] = id;
    ids[index] = neighbour;
    await reorderPicks(this.db, ids);
    await this.changed('picks');
  }

  /** An empty value clears the expiry: the pick stays until removed. */
  async setPickExpiry(id: string, expiresAt: string, timeZone: string): Promise<void> {
    const expiry = this.parseExpiry(expiresAt, timeZone);
    if (!(await updatePickExpiry(this.db, id, expiry))) throw new AppError('ERR_PICK_NOT_FOUND');
    await this.changed('picks');
  }

  async removePick(id: string): Promise<void> {
    if (!(await deletePick(this.db, id))) throw new AppError('ERR_PICK_NOT_FOUND');
    await this.changed('picks');
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
