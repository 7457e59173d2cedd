import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { isCatalogueLanguage } from '../../shared/i18n/index.js';
import { newId } from '../../shared/ids.js';
import { validateText } from '../../shared/text.js';
import type { AuditService } from '../audit/index.js';
import { isRole } from './permissions.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { deleteSessionsOfUser } from './session.repository.js';
import {
  countOtherActiveAdmins,
  countUsers,
  emailExists,
  findPasswordHash,
  findUserById,
  findUserCredentialsByEmail,
  insertUser,
  listUsers,
  listUsersByIds,
  updatePasswordHash,
  updateUserActive,
  updateUserAuthor,
  updateUserLanguage,
  updateUserRole,
} from './user.repository.js';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type NewStaffUser, type User } from './user.types.js';

const EmailSchema = z.email().max(254);

/** Trimmed and lower-cased: addresses are compared and stored in this form. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Staff accounts: creating them, checking and changing passwords, roles, deactivation. */
export class UserService {
  /** A hash of nothing anyone knows, checked when no account matches, so both cases take as long. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Validates, hashes and stores a new staff account; nothing is written when any field is wrong. */
  async createUser(input: NewStaffUser, actorUserId: string | null = null): Promise<User> {
    const email = normalizeEmail(input.email);
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    const displayName = validateText(input.displayName, {
      field: 'displayName',
      code: 'ERR_DISPLAY_NAME_INVALID',
      min: 1,
      max: MAX_DISPLAY_NAME_LENGTH,
    });
    if (!isRole(input.role)) throw new AppError('ERR_ROLE_UNKNOWN');
    const role = input.role;
    assertPasswordAcceptable(input.password);
    const passwordHash = await hashPassword(input.password);
    const id = newId();
    await inTransaction(this.db, async (trx) => {
      if (await emailExists(trx, email)) throw new AppError('ERR_EMAIL_TAKEN');
      await insertUser(trx, { id, email, displayName, role, passwordHash }, this.clock.now());
      await this.audit.record({ actorUserId, action: 'staff.created', subjectType: 'user', subjectId: id, details: { email, role } }, trx);
    });
    return this.require(id);
  }

  /**
   * The active user with this e-mail and password, or null. Takes about as long whether or not the
   * address has an account, so timing does not reveal who works here.
   */
  async verifyCredentials(rawEmail: string, password: string): Promise<User | null> {
    const found = await findUserCredentialsByEmail(this.db, normalizeEmail(rawEmail));
    const candidate = password.length <= MAX_PASSWORD_LENGTH ? password : '';
    if (!found) {
      await verifyPassword(await this.getDummyHash(), candidate);
      return null;
    }
    const matches = await verifyPassword(found.passwordHash, candidate);
    return matches && found.user.active && candidate !== '' ? found.user : null;
  }

  /** Changes a password after checking the current one, and signs the user out everywhere. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const storedHash = await findPasswordHash(this.db, userId);
    if (storedHash === undefined) throw new AppError('ERR_USER_NOT_FOUND');
    if (currentPassword.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(storedHash, currentPassword))) {
      throw new AppError('ERR_PASSWORD_INCORRECT');
    }
    assertPasswordAcceptable(newPassword);
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(this.db, async (trx) => {
      await updatePasswordHash(trx, userId, passwordHash, this.clock.now());
      await deleteSessionsOfUser(trx, userId);
      await this.audit.record({ actorUserId: userId, action: 'auth.password_changed', subjectType: 'user', subjectId: userId }, trx);
    });
  }

  /**
   * The newsroom's language for this account: a catalogue language, or '' for the publication's.
   * Sessions read it with the role, so it applies from the next page, on every node.
   */
  async setLanguage(userId: string, language: string): Promise<void> {
    const chosen = language.trim();
    if (chosen !== '' && !isCatalogueLanguage(chosen)) throw new AppError('ERR_STAFF_LANGUAGE_INVALID');
    await this.require(userId);
    await updateUserLanguage(this.db, userId, chosen === '' ? null : chosen);
  }

  /** Takes effect on the user's next request: sessions read the current role every time. */
  async changeRole(userId: string, role: string, actorUserId: string | null): Promise<User> {
    if (!isRole(role)) throw new AppError('ERR_ROLE_UNKNOWN');
    const user = await this.require(userId);
    await inTransaction(this.db, async (trx) => {
      if (user.role === 'admin' && role !== 'admin') await assertNotLastAdmin(trx, user);
      await updateUserRole(trx, userId, role);
      await this.audit.record(
        { actorUserId, action: 'staff.role_changed', subjectType: 'user', subjectId: userId, details: { from: user.role, to: role } },
        trx,
      );
    });
    return this.require(userId);
  }

  /** Keeps the account (its stories and audit entries point at it) but signs it out and bars sign-in. */
  async deactivate(userId: string, actorUserId: string | null): Promise<void> {
    const user = await this.require(userId);
    await inTransaction(this.db, async (trx) => {
      await assertNotLastAdmin(trx, user);
      await updateUserActive(trx, userId, false);
      await deleteSessionsOfUser(trx, userId);
      await this.audit.record({ actorUserId, action: 'staff.deactivated', subjectType: 'user', subjectId: userId }, trx);
    });
  }

  /**
   * On a fresh install, an admin with a generated password, so someone can sign in at all.
   * Returns the credentials to show once, or null when staff accounts already exist.
   */
  async createFirstAdminIfNone(email: string): Promise<{ user: User; password: string } | null> {
    if ((await countUsers(this.db)) > 0) return null;
    const password = generatePassword();
    const user = await this.createUser({ email, displayName: 'Administrator', role: 'admin', password });
    return { user, password };
  }

  /** Display names by user id, for lists that show who did something. */
  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const users = await listUsersByIds(this.db, [...new Set(ids)]);
    return new Map(users.map((user) => [user.id, user.displayName]));
  }

  /** Every staff account, for the staff page. */
  list(): Promise<User[]> {
    return listUsers(this.db);
  }

  /** Ties a staff account to an author profile (or unties it with null), so that author's bylines are theirs. */
  async linkAuthor(userId: string, authorId: string | null, actorUserId: string | null): Promise<void> {
    await this.require(userId);
    await inTransaction(this.db, async (trx) => {
      await updateUserAuthor(trx, userId, authorId);
      await this.audit.record({ actorUserId, action: 'staff.author_linked', subjectType: 'user', subjectId: userId, details: { authorId } }, trx);
    });
  }

  /**
   * Makes `userId` (or nobody, with null) the staff account behind an author profile: whoever was
   * linked to it before is unlinked in the same transaction, so a byline belongs to one account.
   */
  async setAuthorAccount(authorId: string, userId: string | null, actorUserId: string | null): Promise<void> {
    if (userId !== null) await this.require(userId);
    await inTransaction(this.db, async (trx) => {
      for (const user of await listUsers(trx)) {
        if (user.authorId === authorId && user.id !== userId) await updateUserAuthor(trx, user.id, null);
      }
      if (userId !== null) await updateUserAuthor(trx, userId, authorId);
      await this.audit.record({ actorUserId, action: 'staff.author_linked', subjectType: 'author', subjectId: authorId, details: { userId } }, trx);
    });
  }

  find(userId: string): Promise<User | undefined> {
    return findUserById(this.db, userId);
  }

  private async require(userId: string): Promise<User> {
    const user = await findUserById(this.db, userId);
    if (!user) throw new AppError('ERR_USER_NOT_FOUND');
    return user;
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(generatePassword(32));
    return this.dummyHash;
  }
}

/**
 * A newsroom must always keep one active admin, or nobody could manage staff or settings again
 * without the command line. Checked inside the change's transaction.
 */
async function assertNotLastAdmin(db: Db, user: User): Promise<void> {
  if (user.role !== 'admin' || !user.active) return;
  if ((await countOtherActiveAdmins(db, user.id)) === 0) throw new AppError('ERR_LAST_ADMIN');
}

export function assertPasswordAcceptable(password: string): void {
  // Length in code points, so a passphrase in Hangul counts its characters, not UTF-16 units.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new AppError('ERR_PASSWORD_TOO_SHORT');
  if (length > MAX_PASSWORD_LENGTH) throw new AppError('ERR_PASSWORD_TOO_LONG');
}
