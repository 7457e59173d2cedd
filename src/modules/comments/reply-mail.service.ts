import { inTransaction, type Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { ReaderMail } from '../readers/index.js';
import { findReplyToMail, markReplyMailed } from './reply-mail.repository.js';

/**
 * Tells a reader who asked for it (their account page) that someone replied to their comment, once
 * per reply, when the reply is published: at posting, or when an editor approves it.
 */
export class ReplyMailService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mail: Pick<ReaderMail, 'reply'>,
  ) {}

  /** Queues the mail if one is due; the mark and the message commit together. */
  async replyPublished(commentId: string): Promise<void> {
    const reply = await findReplyToMail(this.db, commentId);
    if (!reply) return;
    await inTransaction(this.db, async (trx) => {
      if (!(await markReplyMailed(trx, commentId, this.clock.now()))) return;
      await this.mail.reply(reply.to, reply, trx);
    });
  }
}
