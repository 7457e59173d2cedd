import type { Deps } from '../deps.js';
import type { OutgoingMail } from '../modules/mail/index.js';

/**
 * The account mail queued so far, to one address (lower-cased) or to all. INTERIM: reads the
 * in-memory queue until mail-core's MailService is merged; then the SMTP test server.
 */
export function mailTo(deps: Pick<Deps, 'mailQueue'>, address?: string): OutgoingMail[] {
  return deps.mailQueue.messages.filter((mail) => address === undefined || mail.to === address);
}

/** The one link in a message's plain text that starts with `${siteUrl}${pathPrefix}`, as a path. */
export function linkIn(mail: OutgoingMail, siteUrl: string, pathPrefix: string): string {
  const found = mail.text.split(/\s+/).filter((word) => word.startsWith(`${siteUrl}${pathPrefix}`));
  if (found.length !== 1) throw new Error(`expected one ${pathPrefix} link in “${mail.subject}”, found ${found.length}`);
  return (found[0] ?? '').slice(siteUrl.length);
}
