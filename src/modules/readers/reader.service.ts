import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { HOUR_MS, type Clock, type Sleep } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { paginate, type Pagination } from '../../shared/pagination.js';
import { memoryRateLimiters, type RateLimiter, type RateLimiterFactory } from '../../shared/rate-limiter.js';
import {
  generatePassword,
  hashPassword,
  verifyPassword,
  signInLimiters,
  SignInThrottle,
  type SignInLimiters,
  normalizeEmail,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../users/index.js';
import type { ReaderSessionService } from './reader-session.service.js';
import {
  countCommentsOfReader,
  countReaders,
  findReaderByEmail,
  findReaderById,
  findReaderCredentialsByEmail,
  findReaderPasswordHash,
  insertReader,
  listCommentsOfReader,
  listReaders,
  readerEmailExists,
  scrubReader,
  updateReaderDisplayName,
  updateReaderPasswordHash,
  updateReaderReplyMail,
} from './reader.repository.js';
import type { ReaderConfirmationService } from './reader-confirmation.service.js';
import type { ReaderMail } from './reader-mail.js';
import { MAX_READER_NAME_LENGTH, type Reader, type ReaderComment } from './reader.types.js';

const EmailSchema = z.email().max(254);
// Line breaks and other control characters have no place in a name shown beside comments.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Sign-ups (new address or not) per client address and hour: enough for a family or an office, not for a script. */
export const SIGN_UP_LIMIT = { perIp: 10, windowMs: HOUR_MS } as const;
export const MY_COMMENTS_PAGE_SIZE = 20;

export interface ReaderLimiters extends SignInLimiters {
  signUp: RateLimiter;
}

/** Readers' limits, counted apart from the staff's; like them, they refuse (503) when the shared store is down. */
export function readerLimiters(limiters: RateLimiterFactory): ReaderLimiters {
  const signUp = limiters('reader-sign-up:ip', { limit: SIGN_UP_LIMIT.perIp, windowMs: SIGN_UP_LIMIT.windowMs, whenUnavailable: 'refuse' });
  return { ...signInLimiters(limiters, 'reader'), signUp };
}

/** In this process's memory (tests building a service by hand). */
export function memoryReaderLimiters(clock: Clock): ReaderLimiters {
  return readerLimiters(memoryRateLimiters(clock));
}

/** A new session's cookie material, handed to the web layer to set. */
export interface ReaderSignIn {
  reader: Reader;
  token: string;
  expiresAt: Date;
}

/**
 * Reader accounts: signing up, in and out, the profile, and deleting the account. Passwords and
 * sessions follow the newsroom's rules (argon2id, 12–256 characters, rate limits, one answer for
 * every sign-in failure, equal timing); a reader account never opens the newsroom.
 */
export class ReaderService {
  /** A hash of nothing anyone knows, checked when no account matches, so both cases take as long. */
  private dummyHash: Promise<string> | undefined;
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: ReaderSessionService,
    private readonly limiters: ReaderLimiters,
    sleep: Sleep,
    private readonly confirmations: Pick<ReaderConfirmationService, 'issue'>,
    private readonly mail: Pick<ReaderMail, 'signUpAttempt'>,
  ) {
    this.throttle = new SignInThrottle(limiters, sleep);
  }

  /**
   * Validates a sign-up and, for a new address, stores the reader (not yet confirmed) and queues
   * the confirmation mail; for an address that has an account, queues "someone tried to sign up"
   * to its owner instead. Both answer the same (nothing), take about as long (the password is hashed
   * either way) and count against the same limit, so the answer tells nobody whether the address
   * has an account. Nothing is written when any field is wrong.
   */
  async signUp(input: { displayName: string; email: string; password: string; ip: string }): Promise<void> {
    const displayName = validDisplayName(input.displayName);
    const email = normalizeEmail(input.email);
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    assertPasswordAcceptable(input.password);
    if (await this.limiters.signUp.isLimited(input.ip)) throw new AppError('ERR_TOO_MANY_SIGN_UPS');
    await this.limiters.signUp.hit(input.ip);
    const passwordHash = await hashPassword(input.password);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      const existing = await findReaderByEmail(trx, email);
      if (existing) return this.mail.signUpAttempt(existing, trx);
      await insertReader(trx, { id, email, displayName, passwordHash }, this.clock.now(), null);
      await this.confirmations.issue({ id, email, displayName }, trx);
    }).catch(async (error: unknown) => {
      // Two sign-ups racing with one address: the unique index stops the second, which answers like the first.
      if (error instanceof AppError || !(await readerEmailExists(this.db, email))) throw error;
    });
  }

  /**
   * A new session for the right e-mail and password. Every failure is `ERR_SIGN_IN_FAILED`, and
   * takes about as long whether or not the address has an account. The newsroom's limits apply
   * (users/sign-in-throttle.ts): a client address is refused, an account only slowed down. Banned
   * readers may sign in (they can still read and manage their account); the comments code refuses them.
   */
  async signIn(input: { email: string; password: string; ip: string }): Promise<ReaderSignIn> {
    const email = normalizeEmail(input.email).slice(0, 254);
    if (await this.throttle.isLimited(email, input.ip)) throw new AppError('ERR_TOO_MANY_SIGN_IN_ATTEMPTS');
    await this.throttle.slowDown(email);
    const found = await findReaderCredentialsByEmail(this.db, email);
    const candidate = input.password.length <= MAX_PASSWORD_LENGTH ? input.password : '';
    const matches = await verifyPassword(found?.passwordHash ?? (await this.getDummyHash()), candidate);
    if (!found || !matches || candidate === '' || found.reader.deleted) {
      await this.throttle.recordFailure(email, input.ip);
      throw new AppError('ERR_SIGN_IN_FAILED');
    }
    await this.throttle.recordSuccess(email, input.ip);
    const session = await this.sessions.create(found.reader.id);
    return { reader: found.reader, ...session };
  }

  signOut(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }

  /** Whether to mail the reader when someone replies to one of their comments. */
  async setReplyMail(readerId: string, wanted: boolean): Promise<Reader> {
    await updateReaderReplyMail(this.db, readerId, wanted);
    return this.require(readerId);
  }

  async changeDisplayName(readerId: string, rawName: string): Promise<Reader> {
    const displayName = validDisplayName(rawName);
    await updateReaderDisplayName(this.db, readerId, displayName);
    return this.require(readerId);
  }

  /**
   * Changes the password after checking the current one (limited, see checkPassword), ends every
   * session of the reader, and returns a fresh one for the browser that asked: it stays signed in,
   * while every other session, and any stolen copy of this one's cookie, is over.
   */
  async changePassword(readerId: string, currentPassword: string, newPassword: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
    await this.checkPassword(readerId, currentPassword, ip);
    assertPasswordAcceptable(newPassword);
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.db, async (trx) => {
      await updateReaderPasswordHash(trx, readerId, passwordHash, this.clock.now());
      await this.sessions.revokeAll(readerId, trx);
      return this.sessions.create(readerId, trx);
    });
  }

  /**
   * Deletes the account after checking the password: the row is scrubbed of name, address and
   * password and every session ends, in one transaction. Comments keep pointing at the row, so
   * they stay, shown as from "a deleted reader".
   */
  async deleteAccount(readerId: string, password: string, ip: string): Promise<void> {
    await this.checkPassword(readerId, password, ip);
    await inTransaction(this.db, async (trx) => {
      await scrubReader(trx, readerId, this.clock.now());
      await this.sessions.revokeAll(readerId, trx);
    });
  }

  /** The reader's own comments, newest first, a page at a time. */
  async myComments(readerId: string, page: number): Promise<{ comments: ReaderComment[]; pagination: Pagination }> {
    const total = await countCommentsOfReader(this.db, readerId);
    const pagination = paginate(page, MY_COMMENTS_PAGE_SIZE, total);
    const comments = await listCommentsOfReader(this.db, readerId, { limit: MY_COMMENTS_PAGE_SIZE, offset: (page - 1) * MY_COMMENTS_PAGE_SIZE });
    return { comments, pagination };
  }

  /** Readers for the newsroom's list, optionally searched by address or name. */
  async list(options: { search: string; page: number; pageSize: number }): Promise<{ readers: Reader[]; pagination: Pagination }> {
    const search = options.search.trim().slice(0, 254);
    const total = await countReaders(this.db, search);
    const readers = await listReaders(this.db, { search, limit: options.pageSize, offset: (options.page - 1) * options.pageSize });
    return { readers, pagination: paginate(options.page, options.pageSize, total) };
  }

  find(readerId: string): Promise<Reader | undefined> {
    return findReaderById(this.db, readerId);
  }

  /**
   * The current password, for changing the password or deleting the account. Wrong guesses are
   * limited per account and per client address (429 ERR_TOO_MANY_PASSWORD_ATTEMPTS), so a borrowed
   * session cannot be used to guess it.
   */
  private async checkPassword(readerId: string, password: string, ip: string): Promise<void> {
    const storedHash = await findReaderPasswordHash(this.db, readerId);
    if (storedHash === undefined) throw new AppError('ERR_READER_NOT_FOUND');
    await this.throttle.guardPasswordCheck(`reader:${readerId}`, ip, async () => {
      if (password.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(storedHash, password))) throw new AppError('ERR_PASSWORD_INCORRECT');
    });
  }

  private async require(readerId: string): Promise<Reader> {
    const reader = await findReaderById(this.db, readerId);
    if (!reader) throw new AppError('ERR_READER_NOT_FOUND');
    return reader;
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(generatePassword(32));
    return this.dummyHash;
  }
}

/** Trimmed, 1–50 characters (code points), no control characters or line breaks. */
export function validDisplayName(raw: string): string {
  const displayName = raw.trim();
  const length = [...displayName].length;
  if (length === 0 || length > MAX_READER_NAME_LENGTH || CONTROL_CHARACTERS.test(displayName)) throw new AppError('ERR_READER_NAME_INVALID');
  return displayName;
}

/** The newsroom's password rule: 12 to 256 characters, counted in code points. */
export function assertPasswordAcceptable(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new AppError('ERR_PASSWORD_TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) throw new AppError('ERR_PASSWORD_TOO_LONG');
}
