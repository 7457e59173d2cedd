import { escapeMailHtml, mailParagraph, renderMailDocument, renderMailText, type MailKind, type OutgoingMail } from '../mail/index.js';

/**
 * What the account messages (sign-up, resets, invitations, replies) are made with: the site's
 * address, and the publication's name and language, read when a message is made.
 */
export interface AccountMailDeps {
  siteUrl: string;
  publication: () => { name: string; language: string };
}

/** One short message: a few paragraphs of plain text, an optional button, and why it was sent. */
export interface AccountMessage {
  to: string;
  toName?: string;
  kind: MailKind;
  subject: string;
  paragraphs: readonly string[];
  action?: { label: string; url: string };
  /** Why the recipient got it; shown under a rule. */
  footer: string;
  /** The language the texts are in, when not the publication's (a staff member's own choice). */
  language?: string;
  /** The line before the button's address written out, in the message's language (default English). */
  copyAddress?: string;
}

/**
 * The HTML and plain-text parts of one message. Every text is escaped here, so callers pass what
 * readers typed (a display name, a comment) as it is. The button is a table cell with inline styles
 * (what mail clients render), and its address is also written out for clients that hide buttons.
 */
export function composeAccountMail(deps: AccountMailDeps, message: AccountMessage): OutgoingMail {
  const publication = deps.publication();
  const { name } = publication;
  const language = message.language ?? publication.language;
  const copyAddress = message.copyAddress ?? 'Or copy this address into your browser:';
  const site = { siteName: name, siteUrl: deps.siteUrl };
  const paragraphs = message.paragraphs.map(mailParagraph).join('');
  const action = message.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0;"><tr>` +
      `<td style="background-color:#1a4f8b;border-radius:4px;">` +
      `<a href="${escapeMailHtml(message.action.url)}" style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:bold;text-decoration:none;">${escapeMailHtml(message.action.label)}</a>` +
      `</td></tr></table>` +
      `<p style="margin:0 0 16px 0;">${escapeMailHtml(copyAddress)} <a href="${escapeMailHtml(message.action.url)}">${escapeMailHtml(message.action.url)}</a></p>`
    : '';
  const html = renderMailDocument({
    ...site,
    lang: language,
    title: message.subject,
    bodyHtml: paragraphs + action,
    footerHtml: `<p style="margin:0;">${escapeMailHtml(message.footer)}</p>`,
  });
  const text = renderMailText({
    ...site,
    title: message.subject,
    paragraphs: [...message.paragraphs, ...(message.action ? [`${message.action.label}: ${message.action.url}`] : [])],
    footer: message.footer,
  });
  return {
    to: message.to,
    ...(message.toName !== undefined ? { toName: message.toName } : {}),
    kind: message.kind,
    subject: `${message.subject} — ${name}`,
    html,
    text,
  };
}
