import type { Db } from '../../db/database.js';
import { translatorFor } from '../../shared/i18n/index.js';
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
    const { t } = this.translator();
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'reader.confirm',
      subject: t('account.confirmTitle'),
      paragraphs: [t('account.mail.hello', { name: reader.displayName }), t('account.mail.confirmIntro'), t('account.mail.confirmLater')],
      action: { label: t('account.confirmButton'), url: this.deps.links.confirm(token) },
      footer: t('account.mail.confirmWhy'),
    });
  }

  /** Sent instead of a confirmation when the address already has an account: the answer on the page is the same. */
  async signUpAttempt(reader: Pick<Reader, 'email' | 'displayName'>, trx: Db): Promise<void> {
    const { t } = this.translator();
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'reader.signup-attempt',
      subject: t('account.mail.attemptSubject'),
      paragraphs: [t('account.mail.hello', { name: reader.displayName }), t('account.mail.attemptIntro'), t('account.mail.attemptAdvice')],
      action: { label: t('account.choosePassword'), url: this.deps.links.forgotPassword() },
      footer: t('account.mail.attemptWhy'),
    });
  }

  async passwordReset(reader: Pick<Reader, 'email' | 'displayName'>, token: string, trx: Db): Promise<void> {
    const { t } = this.translator();
    await this.send(trx, {
      to: reader.email,
      toName: reader.displayName,
      kind: 'password.reset',
      subject: t('account.choosePassword'),
      paragraphs: [t('account.mail.hello', { name: reader.displayName }), t('account.mail.resetIntro'), t('account.mail.resetIgnore')],
      action: { label: t('account.choosePassword'), url: this.deps.links.reset(token) },
      footer: t('account.mail.resetWhy'),
    });
  }

  async reply(to: Pick<Reader, 'email' | 'displayName'>, notice: ReplyNotice, trx: Db): Promise<void> {
    const chars = [...notice.replyBody];
    const excerpt = chars.length > REPLY_EXCERPT_CHARACTERS ? `${chars.slice(0, REPLY_EXCERPT_CHARACTERS).join('')}…` : notice.replyBody;
    const { t } = this.translator();
    await this.send(trx, {
      to: to.email,
      toName: to.displayName,
      kind: 'comment.reply',
      subject: t('account.mail.replySubject', { name: notice.replierName }),
      paragraphs: [
        t('account.mail.hello', { name: to.displayName }),
        t('account.mail.replyIntro', { name: notice.replierName, headline: notice.articleHeadline }),
        excerpt,
      ],
      action: { label: t('account.mail.readReply'), url: this.deps.links.comment(notice.articleSlug, notice.replyId) },
      footer: t('account.mail.replyWhy', { url: this.deps.links.account() }),
    });
  }

  /** The words of a message in the language it is sent in (deps.publication: the reader's edition's). */
  private translator() {
    return translatorFor(this.deps.publication().language);
  }

  private async send(trx: Db, message: Parameters<typeof composeAccountMail>[1]): Promise<void> {
    const copyAddress = this.translator().t('account.mail.copyAddress');
    await this.deps.queue.enqueue(composeAccountMail(this.deps, { ...message, copyAddress }), trx);
  }
}
