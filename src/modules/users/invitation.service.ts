import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { DAY_MS, type Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { AuditService } from '../audit/index.js';
import { findInvitationByTokenHash, insertInvitation, listOpenInvitations, markInvitationUsed } from './invitation.repository.js';
import type { Invitation } from './invitation.types.js';
import { isRole } from './permissions.js';
import { linkTokenHash, newLinkToken } from './one-time-link.js';
import type { StaffMail } from './staff-mail.js';
import { emailExists, findUserById } from './user.repository.js';
import { normalizeEmail, type UserService } from './user.service.js';
import type { User } from './user.types.js';

/** How long an invitation link works: long enough for a week of leave, short enough to go stale. */
export const INVITATION_LIFETIME_MS = 7 * DAY_MS;

const EmailSchema = z.email().max(254);

/**
 * One-time invitation links: an admin invites an e-mail address with a role, the invitee opens the
 * link, chooses a name and password, and the account is created with the invited role — never a
 * role from the form. Tokens are 32 random bytes; only their SHA-256 is stored.
 */
export class InvitationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly audit: AuditService,
    private readonly mail: Pick<StaffMail, 'invitation'>,
  ) {}

  /**
   * Creates an invitation, queues its mail in the same transaction, and returns its token for the
   * copyable link (a fallback when the mail goes astray), shown once; nothing is written on bad input.
   */
  async invite(input: { email: string; role: string }, actorUserId: string | null): Promise<{ token: string; invitation: Invitation }> {
    const email = normalizeEmail(input.email);
    if (!EmailSchema.safeParse(email).success) throw new AppError('ERR_EMAIL_INVALID');
    if (!isRole(input.role)) throw new AppError('ERR_ROLE_UNKNOWN');
    const { token, tokenHash } = newLinkToken();
    const now = this.clock.now();
    const invitation: Invitation = {
      id: newId(),
      email,
      role: input.role,
      invitedBy: actorUserId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      usedAt: null,
    };
    await inTransaction(this.db, async (trx) => {
      if (await emailExists(trx, email)) throw new AppError('ERR_EMAIL_TAKEN');
      await insertInvitation(trx, { ...invitation, tokenHash });
      const inviter = actorUserId ? await findUserById(trx, actorUserId) : undefined;
      await this.mail.invitation({ email, role: input.role, inviterName: inviter?.displayName ?? null, expiresAt: invitation.expiresAt }, token, trx);
      await this.audit.record(
        { actorUserId, action: 'staff.invited', subjectType: 'invitation', subjectId: invitation.id, details: { email, role: input.role } },
        trx,
      );
    });
    return { token, invitation };
  }

  /** The invitation a link stands for, if it can still be used: unknown → 404, used or expired → 410. */
  async open(token: string): Promise<Invitation> {
    const tokenHash = linkTokenHash(token);
    const invitation = tokenHash ? await findInvitationByTokenHash(this.db, tokenHash) : undefined;
    if (!invitation) throw new AppError('ERR_INVITATION_NOT_FOUND');
    if (invitation.usedAt || invitation.expiresAt.getTime() <= this.clock.now().getTime()) throw new AppError('ERR_INVITATION_GONE');
    return invitation;
  }

  /**
   * Creates the account with the invited e-mail and role, then spends the invitation. The account
   * is created first so a mistyped password leaves the link usable; two racing acceptances cannot
   * both succeed, because the e-mail address is unique.
   */
  async accept(token: string, input: { displayName: string; password: string }): Promise<User> {
    const invitation = await this.open(token);
    const user = await this.users.createUser(
      { email: invitation.email, displayName: input.displayName, role: invitation.role, password: input.password },
      invitation.invitedBy,
    );
    if (!(await markInvitationUsed(this.db, invitation.id, this.clock.now()))) throw new AppError('ERR_INVITATION_GONE');
    await this.audit.record({ actorUserId: user.id, action: 'staff.invitation_accepted', subjectType: 'invitation', subjectId: invitation.id });
    return user;
  }

  /** Open invitations (unused, unexpired), for the staff page. */
  listOpen(): Promise<Invitation[]> {
    return listOpenInvitations(this.db, this.clock.now());
  }
}
