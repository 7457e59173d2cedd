import type { Db } from '../../db/database.js';
import type { MailQueue } from '../mail/index.js';
import { composeAccountMail, type AccountMailDeps } from '../users/index.js';
import type { Reader } from './reader.types.js';

/** The absolute addresses reader mail links to (built by the web layer's paths, see deps.ts). */
export interface ReaderLinks {
  confirm(token: string): string;
  reset(token: string): string;
  forgotPassword(): string;
  signIn(): string;
  account(): string;
  /** A comment on its story's page. */
  comment(articleSlug: string, commentId: string): string;
}

export interface ReaderMailDeps extends AccountMailDeps {
  queue: MailQueue;
  links: ReaderLinks;
}

/** A reply, as its notification needs it. */
export interface ReplyNotice {
  replyId: string;
  replierName: string;
  replyBody: string;
  articleSlug: string;
  articleHeadline: string;
}

/** The longest excerpt of a reply quoted in its notification; the rest is on the page. */
const REPLY_EXCERPT_CHARACTERS = 300;

/**
 * The mail readers get about their account. Each message is queued in the caller's transaction, so
 * it goes out exactly when the action it reports was committed.
 */
export class ReaderMail {
  constructor(private readonly deps: ReaderMailDeps) {}

  async confirmSignUp(reader: Pick<Reader, 'email' | 'displayName'>, token: string, trx: Db): Promise<void> {
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'reader.confirm',
      subject: 'Confirm your e-mail address',
      paragraphs: [
        `Hello ${reader.displayName},`,
        'Thank you for creating a reader account. Please confirm that this address is yours; once you have, you can comment on stories.',
        'The link works for 7 days. If you did not create an account, ignore this mail: without confirmation the account cannot be used to comment.',
      ],
      action: { label: 'Confirm my address', url: this.deps.links.confirm(token) },
      footer: 'You got this mail because someone created a reader account with this address.',
    });
  }

  /** Sent instead of a confirmation when the address already has an account: the answer on the page is the same. */
  async signUpAttempt(reader: Pick<Reader, 'email' | 'displayName'>, trx: Db): Promise<void> {
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'reader.signup-attempt',
      subject: 'Someone tried to sign up with your address',
      paragraphs: [
        `Hello ${reader.displayName},`,
        'Someone just tried to create a reader account with this e-mail address, which already has one. No new account was made and nothing about your account changed.',
        'If it was you, sign in instead. If you have forgotten your password, you can choose a new one. If it was not you, you need do nothing.',
      ],
      action: { label: 'Choose a new password', url: this.deps.links.forgotPassword() },
      footer: 'You got this mail because this address has a reader account.',
    });
  }

  async passwordReset(reader: Pick<Reader, 'email' | 'displayName'>, token: string, trx: Db): Promise<void> {
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'password.reset',
      subject: 'Choose a new password',
      paragraphs: [
        `Hello ${reader.displayName},`,
        'Someone (we hope you) asked to choose a new password for your reader account. The link works once, for one hour; using it signs you out everywhere else.',
        'If you did not ask, ignore this mail: your password stays as it is.',
      ],
      action: { label: 'Choose a new password', url: this.deps.links.reset(token) },
      footer: 'You got this mail because a new password was asked for on the sign-in page.',
    });
  }

  async reply(to: Pick<Reader, 'email' | 'displayName'>, notice: ReplyNotice, trx: Db): Promise<void> {
    const chars = [...notice.replyBody];
    const excerpt = chars.length > REPLY_EXCERPT_CHARACTERS ? `${chars.slice(0, REPLY_EXCERPT_CHARACTERS).join('')}…` : notice.replyBody;
    await this.send(trx, {
      to: to.email,
      toName: to.displayName,
      kind: 'comment.reply',
      subject: `${notice.replierName} replied to your comment`,
      paragraphs: [`Hello ${to.displayName},`, `${notice.replierName} replied to your comment on “${notice.articleHeadline}”:`, excerpt],
      action: { label: 'Read the reply', url: this.deps.links.comment(notice.articleSlug, notice.replyId) },
      footer: `You asked for a mail when someone replies to your comments. To stop them, untick the box on your account page: ${this.deps.links.account()}`,
    });
  }

  private async send(trx: Db, message: Parameters<typeof composeAccountMail>[1]): Promise<void> {
    await this.deps.queue.enqueue(composeAccountMail(this.deps, message), trx);
  }
}
