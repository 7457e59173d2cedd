import type { Deps } from '../deps.js';
import type { MailMessage } from '../modules/mail/index.js';

/** The queued messages a test has seen, in the order they were queued. */
export interface MailRecorder {
  /** Every message queued (and committed) since recording began, to `address` or to anyone. */
  to(address?: string): Promise<MailMessage[]>;
}

/**
 * Notes the id of every message the app queues, in order, and reads each back through the mail
 * service (a message whose transaction rolled back is not found, so it is not counted). The queue
 * stores no order of its own beyond a timestamp, which a test's fixed clock makes equal.
 */
export function recordMail(deps: Pick<Deps, 'mail'>): MailRecorder {
  const ids: string[] = [];
  const enqueue = deps.mail.enqueue.bind(deps.mail);
  deps.mail.enqueue = async (mail, trx) => {
    const queued = await enqueue(mail, trx);
    ids.push(queued.id);
    return queued;
  };
  return {
    async to(address) {
      const messages = await Promise.all(ids.map((id) => deps.mail.message(id)));
      return messages.filter((message): message is MailMessage => message !== undefined && (address === undefined || message.to === address));
    },
  };
}

/** The one link in a message's plain text that starts with `${siteUrl}${pathPrefix}`, as a path. */
export function linkIn(mail: Pick<MailMessage, 'text' | 'subject'>, siteUrl: string, pathPrefix: string): string {
  const found = mail.text.split(/\s+/).filter((word) => word.startsWith(`${siteUrl}${pathPrefix}`));
  if (found.length !== 1) throw new Error(`expected one ${pathPrefix} link in “${mail.subject}”, found ${found.length}`);
  return (found[0] ?? '').slice(siteUrl.length);
}
