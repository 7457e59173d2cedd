import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';
import { isValidValueSignature, signValue } from '../../shared/signature.js';
import { isMailAddress, type MailQueue } from '../mail/index.js';
import { confirmationMail } from './confirmation-mail.js';
import type { NewsletterCatalog } from './newsletter-catalog.js';
import { isNewsletterKey, type NewsletterKey, type Recipient, type Subscriber, type SubscriptionState } from './newsletter.types.js';
import {
  findConfirmation,
  findSubscriberByEmail,
  findSubscriberById,
  insertConfirmation,
  insertSubscriber,
  linkSecret,
  listRecipients,
  listSubscriptionStates,
  markConfirmationUsed,
  markSubscriberConfirmed,
  setSubscription,
} from './subscriber.repository.js';

const HOUR_MS = 60 * 60 * 1000;
/** How long a confirmation link works: two days, for a mail read the next evening. */
export const CONFIRMATION_LIFETIME_MS = 48 * HOUR_MS;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const ID_PATTERN = /^[0-9a-f-]{36}$/;

export interface SubscribeLimiters {
  /** 10 sign-ups per IP address an hour: a household subscribes, a script does not. */
  perIp: RateLimiter;
  /** 3 confirmation mails per address an hour, silently: nobody's inbox is flooded through us. */
  perAddress: RateLimiter;
}

export function subscribeLimiters(limiters: RateLimiterFactory): SubscribeLimiters {
  return {
    perIp: limiters('newsletters:ip', { limit: 10, windowMs: HOUR_MS, whenUnavailable: 'allow' }),
    perAddress: limiters('newsletters:address', { limit: 3, windowMs: HOUR_MS, whenUnavailable: 'allow' }),
  };
}

export function memorySubscribeLimiters(clock: Clock): SubscribeLimiters {
  return subscribeLimiters(memoryRateLimiters(clock));
}

export interface SubscriberServiceOptions {
  db: Db;
  clock: Clock;
  mail: MailQueue;
  catalog: NewsletterCatalog;
  limiters: SubscribeLimiters;
  /** SITE_URL: every link in a mail is absolute. */
  siteUrl: string;
  site: () => { name: string; language: string };
}

export interface SubscribeRequest {
  email: unknown;
  keys: unknown;
  ip: string;
  /** The comment form's bot trap: people never see it, so anything in it came from a bot. */
  honeypot?: unknown;
  /** The signed-in reader, whose account the address is linked to once confirmed. */
  readerId?: string | null;
  /** The edition the form was sent from: the confirmation mail is in its language and links to its pages. */
  edition?: SignUpEdition;
}

/** The edition a reader signed up in, as the confirmation mail needs it. */
export interface SignUpEdition {
  /** Stored with the subscriber (their issues' language); null for the default edition. */
  id: string | null;
  /** Its address prefix (`ko` for `/ko/…`; `''` for the default edition). */
  pathPrefix: string;
  /** Its language (a BCP 47 tag). */
  language: string;
  /** Its name, which the mail is signed with. */
  name: string;
}

/**
 * Newsletter subscribers: double opt-in sign-up (a one-time confirmation link by mail), the
 * recipients of a newsletter for sending, and the signed links every newsletter carries (the
 * preferences page and RFC 8058 one-click unsubscribe). Made with create(), which loads the
 * link-signing secret (stored once in the database, the same on every node).
 */
export class SubscriberService {
  private constructor(
    private readonly options: SubscriberServiceOptions,
    private readonly secret: string,
  ) {}

  static async create(options: SubscriberServiceOptions): Promise<SubscriberService> {
    const secret = await linkSecret(options.db, () => randomBytes(32).toString('base64url'), options.clock.now());
    return new SubscriberService(options, secret);
  }

  get catalog(): NewsletterCatalog {
    return this.options.catalog;
  }

  /**
   * Asks for a confirmation mail for `keys`. Answers the same whether or not the address is known
   * (nothing to learn from it); a filled bot trap and the per-address limit pretend to succeed.
   */
  async subscribe(request: SubscribeRequest): Promise<void> {
    const email = checkAddress(request.email);
    const keys = await this.checkKeys(request.keys);
    const { perIp, perAddress } = this.options.limiters;
    if (await perIp.isLimited(request.ip)) throw new AppError('ERR_TOO_MANY_SUBSCRIPTIONS');
    await perIp.hit(request.ip);
    if (typeof request.honeypot === 'string' && request.honeypot !== '') return;
    const addressKey = `address:${email.toLowerCase()}`;
    if (await perAddress.isLimited(addressKey)) return;
    await perAddress.hit(addressKey);
    await inTransaction(this.options.db, (trx) => this.requestConfirmation(trx, email, keys, request.readerId ?? null, request.edition));
  }

  /** Stores the address (if new) and a one-time link for `keys`, and queues its mail, in `trx`. */
  async requestConfirmation(
    trx: Db,
    email: string,
    keys: NewsletterKey[],
    readerId: string | null,
    edition?: SignUpEdition,
  ): Promise<{ token: string; subscriberId: string }> {
    const now = this.options.clock.now();
    const token = randomBytes(32).toString('base64url');
    const editionId = edition?.id ?? null;
    await insertSubscriber(trx, { id: newId(), email, readerId, at: now, confirmedAt: null, consentAt: null, editionId });
    const subscriber = await findSubscriberByEmail(trx, email);
    if (!subscriber) throw new AppError('ERR_INTERNAL');
    await insertConfirmation(trx, {
      id: newId(),
      tokenHash: hashToken(token),
      subscriberId: subscriber.id,
      keys,
      at: now,
      expiresAt: new Date(now.getTime() + CONFIRMATION_LIFETIME_MS),
    });
    const names = (await this.options.catalog.list()).filter((info) => keys.includes(info.key)).map((info) => info.name);
    const site = edition ?? { ...this.options.site(), pathPrefix: '' };
    const link = `${this.editionUrl(site.pathPrefix)}/newsletters/confirm/${token}`;
    await this.options.mail.enqueue(
      confirmationMail({ to: email, names, link, siteUrl: this.options.siteUrl, name: site.name, language: site.language }),
      trx,
    );
    return { token, subscriberId: subscriber.id };
  }

  /** The newsletters a confirmation link would start; ERR_NEWSLETTER_LINK_NOT_FOUND (404) or _GONE (410). */
  async confirmation(token: string): Promise<{ keys: NewsletterKey[] }> {
    const found = await this.usableConfirmation(token);
    return { keys: found.keys };
  }

  /**
   * Spends the link and starts its subscriptions, all or nothing. `editionId`, the edition the link
   * was opened in (null: the default), becomes the subscriber's: their issues come in its language.
   */
  async confirm(token: string, readerId: string | null = null, editionId?: string | null): Promise<{ subscriberId: string; keys: NewsletterKey[] }> {
    const found = await this.usableConfirmation(token);
    const now = this.options.clock.now();
    await inTransaction(this.options.db, async (trx) => {
      if (!(await markConfirmationUsed(trx, found.id, now))) throw new AppError('ERR_NEWSLETTER_LINK_GONE');
      await markSubscriberConfirmed(trx, found.subscriberId, now, readerId, editionId);
      for (const key of found.keys) await setSubscription(trx, found.subscriberId, key, true, now);
    });
    return { subscriberId: found.subscriberId, keys: found.keys };
  }

  /** A newsletter's confirmed and subscribed addresses after `afterSubscriberId`, in id order. */
  recipients(key: NewsletterKey, afterSubscriberId: string | null, limit: number): Promise<Recipient[]> {
    return listRecipients(this.options.db, key, afterSubscriberId, Math.max(1, Math.min(limit, 10_000)));
  }

  /**
   * The signed link to a subscriber's preferences, in the edition at `pathPrefix` (`ko` → `/ko/newsletters/…`).
   * The signature does not cover the edition: the same link works in every edition.
   */
  preferencesUrl(subscriberId: string, pathPrefix = ''): string {
    return `${this.editionUrl(pathPrefix)}/newsletters/preferences/${subscriberId}?sig=${signValue(this.secret, `prefs:${subscriberId}`)}`;
  }

  oneClickUnsubscribeUrl(subscriberId: string, key: NewsletterKey, pathPrefix = ''): string {
    const sig = signValue(this.secret, `unsubscribe:${subscriberId}:${key}`);
    return `${this.editionUrl(pathPrefix)}/newsletters/unsubscribe/${subscriberId}/${key}?sig=${sig}`;
  }

  /** The site's address in an edition: SITE_URL, with `/ko` for the edition at `ko`. */
  private editionUrl(pathPrefix: string): string {
    return pathPrefix ? `${this.options.siteUrl}/${pathPrefix}` : this.options.siteUrl;
  }

  /** The subscriber a preferences link names; a forged or stale one is ERR_NEWSLETTER_LINK_NOT_FOUND. */
  async fromPreferencesLink(subscriberId: string, sig: unknown): Promise<Subscriber> {
    if (!ID_PATTERN.test(subscriberId) || !isValidValueSignature(this.secret, `prefs:${subscriberId}`, sig)) {
      throw new AppError('ERR_NEWSLETTER_LINK_NOT_FOUND');
    }
    return this.existing(subscriberId);
  }

  async fromUnsubscribeLink(subscriberId: string, key: string, sig: unknown): Promise<{ subscriber: Subscriber; key: NewsletterKey }> {
    if (!ID_PATTERN.test(subscriberId) || !isNewsletterKey(key) || !isValidValueSignature(this.secret, `unsubscribe:${subscriberId}:${key}`, sig)) {
      throw new AppError('ERR_NEWSLETTER_LINK_NOT_FOUND');
    }
    return { subscriber: await this.existing(subscriberId), key };
  }

  subscriptions(subscriberId: string): Promise<SubscriptionState[]> {
    return listSubscriptionStates(this.options.db, subscriberId);
  }

  /** Makes the subscriber's newsletters exactly `keys` (an empty list unsubscribes from all). */
  async setPreferences(subscriberId: string, keys: unknown): Promise<void> {
    const wanted = keys === undefined ? [] : await this.checkKeys(keys, true);
    const subscriber = await this.existing(subscriberId);
    const now = this.options.clock.now();
    const known = new Set([
      ...(await this.options.catalog.list()).map((info) => info.key),
      ...(await this.subscriptions(subscriber.id)).map((s) => s.key),
    ]);
    await inTransaction(this.options.db, async (trx) => {
      for (const key of known) await setSubscription(trx, subscriber.id, key, wanted.includes(key), now);
    });
  }

  /** Unsubscribes from one newsletter, or from all when `key` is null. Returns how many changed. */
  async unsubscribe(subscriberId: string, key: NewsletterKey | null, trx?: Db): Promise<number> {
    const now = this.options.clock.now();
    return inTransaction(trx ?? this.options.db, async (db) => {
      const keys = key ? [key] : (await listSubscriptionStates(db, subscriberId)).filter((s) => s.subscribed).map((s) => s.key);
      let changed = 0;
      for (const each of keys) if (await setSubscription(db, subscriberId, each, false, now)) changed += 1;
      return changed;
    });
  }

  async existing(subscriberId: string): Promise<Subscriber> {
    const subscriber = await findSubscriberById(this.options.db, subscriberId);
    if (!subscriber || subscriber.erased) throw new AppError('ERR_NEWSLETTER_LINK_NOT_FOUND');
    return subscriber;
  }

  /** The catalogue's keys among `value` (a key or a list of them); at least one unless `mayBeEmpty`. */
  async checkKeys(value: unknown, mayBeEmpty = false): Promise<NewsletterKey[]> {
    const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
    if (list.length > 200) throw new AppError('ERR_NEWSLETTER_CHOICE_INVALID');
    const known = new Set((await this.options.catalog.list()).map((info) => info.key));
    const keys = [...new Set(list)].filter((key): key is NewsletterKey => isNewsletterKey(key));
    if (keys.length !== list.length && list.length > 0 && keys.length === 0) throw new AppError('ERR_NEWSLETTER_CHOICE_INVALID');
    if (keys.some((key) => !known.has(key))) throw new AppError('ERR_NEWSLETTER_CHOICE_INVALID');
    if (!mayBeEmpty && keys.length === 0) throw new AppError('ERR_NEWSLETTER_CHOICE_INVALID');
    return keys;
  }

  private async usableConfirmation(token: string): Promise<{ id: string; subscriberId: string; keys: NewsletterKey[] }> {
    if (!TOKEN_PATTERN.test(token)) throw new AppError('ERR_NEWSLETTER_LINK_NOT_FOUND');
    const found = await findConfirmation(this.options.db, hashToken(token));
    if (!found) throw new AppError('ERR_NEWSLETTER_LINK_NOT_FOUND');
    if (found.used || found.expiresAt.getTime() <= this.options.clock.now().getTime()) throw new AppError('ERR_NEWSLETTER_LINK_GONE');
    return found;
  }
}

/** The mail module's address check (syntax, length, no CR/LF): ERR_MAIL_ADDRESS_INVALID. */
export function checkAddress(value: unknown): string {
  if (typeof value !== 'string' || !isMailAddress(value)) throw new AppError('ERR_MAIL_ADDRESS_INVALID');
  return value;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
