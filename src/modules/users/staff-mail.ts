import type { Db } from '../../db/database.js';
import type { MailQueue } from '../mail/index.js';
import { composeAccountMail, type AccountMailDeps } from './account-mail.js';

/** The absolute addresses staff mail links to (built from the newsroom's paths, see deps.ts). */
export interface StaffLinks {
  invitation(token: string): string;
  reset(token: string): string;
}

export interface StaffMailDeps extends AccountMailDeps {
  queue: MailQueue;
  links: StaffLinks;
}

const ROLE_NAMES: Record<string, string> = { contributor: 'a contributor', reporter: 'a reporter', editor: 'an editor', admin: 'an admin' };

/** The mail the newsroom sends its staff, each queued in the caller's transaction. */
export class StaffMail {
  constructor(private readonly deps: StaffMailDeps) {}

  async invitation(input: { email: string; role: string; inviterName: string | null; expiresAt: Date }, token: string, trx: Db): Promise<void> {
    const { name } = this.deps.publication();
    const inviter = input.inviterName ?? 'An administrator';
    await this.deps.queue.enqueue(
      composeAccountMail(this.deps, {
        to: input.email,
        kind: 'staff.invitation',
        subject: `You are invited to the ${name} newsroom`,
        paragraphs: [
          `${inviter} invited you to join the ${name} newsroom as ${ROLE_NAMES[input.role] ?? input.role}.`,
          `Open the link to choose your name and password. It works once, until ${input.expiresAt.toUTCString()}.`,
          'If you did not expect this invitation, ignore this mail.',
        ],
        action: { label: 'Accept the invitation', url: this.deps.links.invitation(token) },
        footer: 'You got this mail because a newsroom administrator invited this address.',
      }),
      trx,
    );
  }

  async passwordReset(user: { email: string; displayName: string }, token: string, trx: Db): Promise<void> {
    await this.deps.queue.enqueue(
      composeAccountMail(this.deps, {
        to: user.email,
        toName: user.displayName,
        kind: 'password.reset',
        subject: 'Choose a new newsroom password',
        paragraphs: [
          `Hello ${user.displayName},`,
          'Someone (we hope you) asked to choose a new password for your newsroom account. The link works once, for one hour; using it signs you out everywhere else.',
          'If you did not ask, ignore this mail: your password stays as it is. If it keeps happening, tell an administrator.',
        ],
        action: { label: 'Choose a new password', url: this.deps.links.reset(token) },
        footer: 'You got this mail because a new password was asked for on the newsroom sign-in page.',
      }),
      trx,
    );
  }
}
