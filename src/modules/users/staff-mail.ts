import type { Db } from '../../db/database.js';
import { translatorFor, type Translator } from '../../shared/i18n/index.js';
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

const ROLE_NAMES = {
  contributor: 'nr.staff.mail.role.contributor',
  reporter: 'nr.staff.mail.role.reporter',
  editor: 'nr.staff.mail.role.editor',
  admin: 'nr.staff.mail.role.admin',
} as const;

/**
 * When the invitation expires. English keeps the UTC date it always gave; other languages get their
 * own date and time in UTC, named, since the mail does not know the reader's time zone.
 */
function expiryText(translator: Translator, expiresAt: Date): string {
  return translator.language === 'en' ? expiresAt.toUTCString() : `${translator.dateTime(expiresAt, 'UTC')} (UTC)`;
}

/**
 * The mail the newsroom sends its staff, each queued in the caller's transaction: an invitation in
 * the publication's language (the invitee has no account yet), a reset in the account's newsroom
 * language, else the publication's.
 */
export class StaffMail {
  constructor(private readonly deps: StaffMailDeps) {}

  async invitation(input: { email: string; role: string; inviterName: string | null; expiresAt: Date }, token: string, trx: Db): Promise<void> {
    const { name, language } = this.deps.publication();
    const translator = translatorFor(language);
    const { t } = translator;
    const inviter = input.inviterName ?? t('nr.staff.mail.anAdministrator');
    const roleKey = ROLE_NAMES[input.role as keyof typeof ROLE_NAMES] as (typeof ROLE_NAMES)[keyof typeof ROLE_NAMES] | undefined;
    await this.deps.queue.enqueue(
      composeAccountMail(this.deps, {
        to: input.email,
        kind: 'staff.invitation',
        subject: t('nr.staff.mail.subject', { publication: name }),
        paragraphs: [
          t('nr.staff.mail.invited', { inviter, publication: name, role: roleKey ? t(roleKey) : input.role }),
          t('nr.staff.mail.openLink', { until: expiryText(translator, input.expiresAt) }),
          t('nr.staff.mail.ignore'),
        ],
        action: { label: t('nr.staff.mail.action'), url: this.deps.links.invitation(token) },
        footer: t('nr.staff.mail.footer'),
        language,
        copyAddress: t('nr.password.mail.copyAddress'),
      }),
      trx,
    );
  }

  async passwordReset(user: { email: string; displayName: string; language?: string | null }, token: string, trx: Db): Promise<void> {
    const language = user.language ?? this.deps.publication().language;
    const { t } = translatorFor(language);
    await this.deps.queue.enqueue(
      composeAccountMail(this.deps, {
        to: user.email,
        toName: user.displayName,
        kind: 'password.reset',
        subject: t('nr.password.mail.subject'),
        paragraphs: [t('nr.password.mail.hello', { name: user.displayName }), t('nr.password.mail.asked'), t('nr.password.mail.ignore')],
        action: { label: t('nr.password.mail.action'), url: this.deps.links.reset(token) },
        footer: t('nr.password.mail.footer'),
        language,
        copyAddress: t('nr.password.mail.copyAddress'),
      }),
      trx,
    );
  }
}
