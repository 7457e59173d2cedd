import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { assertSendable } from './mail-validation.js';
import { findMessage, insertMessage } from './mail.repository.js';
import type { MailMessage, MailQueue, OutgoingMail } from './mail.types.js';

/**
 * The mail queue features write to: each message is checked (ERR_MAIL_ADDRESS_INVALID,
 * ERR_MAIL_HEADER_INVALID: nothing is queued), then stored in the caller's transaction when one is
 * given, so an action and its message commit or roll back together. The mail-delivery job sends it.
 */
export class MailService implements MailQueue {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async enqueue(mail: OutgoingMail, trx?: Db): Promise<{ id: string }> {
    assertSendable(mail);
    const id = newId();
    await insertMessage(trx ?? this.db, id, mail, this.clock.now());
    return { id };
  }

  /** One message whole (the Outbox), or undefined. */
  async message(id: string): Promise<MailMessage | undefined> {
    return findMessage(this.db, id);
  }
}
