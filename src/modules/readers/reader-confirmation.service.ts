import { inTransaction, type Db } from '../../db/database.js';
import { DAY_MS, HOUR_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { RateLimiter, RateLimiterFactory } from '../../shared/rate-limiter.js';
import { linkTokenHash, newLinkToken } from '../users/index.js';
import type { ReaderMail } from './reader-mail.js';
import type { ReaderSessionService } from './reader-session.service.js';
import {
  findReaderConfirmationByTokenHash,
  insertReaderConfirmation,
  markReaderConfirmationUsed,
  spendReaderConfirmations,
  type ReaderConfirmation,
} from './reader-confirmation.repository.js';
import { confirmReader, findReaderById } from './reader.repository.js';
import type { Reader } from './reader.types.js';

/** How long a sign-up link works: a week, for mail read on Monday about an account made on Friday. */
export const READER_CONFIRMATION_LIFETIME_MS = 7 * DAY_MS;
/** Confirmation mails a reader may have sent again per hour, so the button cannot be used to flood an inbox. */
export const CONFIRMATION_RESEND_LIMIT = { limit: 3, windowMs: HOUR_MS } as const;

/**
 * Sign-up confirmation: a new reader gets a one-time link by mail and may comment only once it
 * was opened. Tokens are 32 random bytes, only their SHA-256 stored; a new link spends the older ones.
 */
export class ReaderConfirmationService {
  private readonly resends: RateLimiter;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: ReaderSessionService,
    private readonly mail: ReaderMail,
    limiters: RateLimiterFactory,
  ) {
    this.resends = limiters('reader-confirmation:reader', { ...CONFIRMATION_RESEND_LIMIT, whenUnavailable: 'refuse' });
  }

  /** Makes a link for the reader and queues its mail, in the caller's transaction. */
  async issue(reader: Pick<Reader, 'id' | 'email' | 'displayName'>, trx: Db): Promise<void> {
    const now = this.clock.now();
    const { token, tokenHash } = newLinkToken();
    await spendReaderConfirmations(trx, reader.id, now);
    await insertReaderConfirmation(trx, {
      id: newId(),
      tokenHash,
      readerId: reader.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + READER_CONFIRMATION_LIFETIME_MS),
    });
    await this.mail.confirmSignUp(reader, token, trx);
  }

  /** "Send the link again" from the account page; a confirmed reader gets nothing. */
  async resend(readerId: string): Promise<void> {
    const reader = await findReaderById(this.db, readerId);
    if (!reader || reader.deleted) throw new AppError('ERR_READER_NOT_FOUND');
    if (reader.confirmed) return;
    if (await this.resends.isLimited(readerId)) throw new AppError('ERR_TOO_MANY_CONFIRMATION_MAILS');
    await inTransaction(this.db, (trx) => this.issue(reader, trx));
    await this.resends.hit(readerId);
  }

  /** The link a token stands for, if it can still be used: unknown → 404, used or expired → 410. */
  async open(token: string): Promise<ReaderConfirmation> {
    const tokenHash = linkTokenHash(token);
    const link = tokenHash ? await findReaderConfirmationByTokenHash(this.db, tokenHash) : undefined;
    if (!link) throw new AppError('ERR_READER_CONFIRMATION_NOT_FOUND');
    if (link.usedAt || link.expiresAt.getTime() <= this.clock.now().getTime()) throw new AppError('ERR_READER_CONFIRMATION_GONE');
    return link;
  }

  /**
   * Confirms the address a link was sent to and signs the reader in (the link proves they read
   * that inbox). Unknown → 404; used, expired or of a deleted account → 410.
   */
  async confirm(token: string): Promise<{ readerId: string; token: string; expiresAt: Date }> {
    const link = await this.open(token);
    return inTransaction(this.db, async (trx) => {
      const now = this.clock.now();
      if (!(await markReaderConfirmationUsed(trx, link.id, now))) throw new AppError('ERR_READER_CONFIRMATION_GONE');
      const reader = await findReaderById(trx, link.readerId);
      if (!reader || reader.deleted) throw new AppError('ERR_READER_CONFIRMATION_GONE');
      await confirmReader(trx, reader.id, now);
      const session = await this.sessions.create(reader.id, trx);
      return { readerId: reader.id, ...session };
    });
  }
}
