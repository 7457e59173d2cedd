import type { MailDocumentParts } from './mail.types.js';

/** Who the message comes from, for its header and footer. */
export interface MailSite {
  /** The publication's name. */
  siteName: string;
  /** The site's public origin (SITE_URL), absolute. */
  siteUrl: string;
}

/** Escapes text for HTML content and attribute values: what callers insert into `bodyHtml`. */
export function escapeMailHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Dateline's own colours, with contrast above 4.5:1 on white (WCAG AA) for text and links.
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const LINK = '#0b57d0';
const FONT = "font-family:Georgia,'Times New Roman',serif";

/**
 * A whole HTML e-mail as common clients render it: one centred 600-pixel table (clients ignore most
 * CSS layout), styles inline (many drop <style>), `lang` and `dir`, a <title>, and the layout tables
 * marked `role="presentation"` so screen readers do not announce them as data. Every URL it writes
 * is absolute; the body and footer are the caller's escaped HTML.
 */
export function renderMailDocument(parts: MailDocumentParts & MailSite): string {
  const site = escapeMailHtml(parts.siteName);
  const home = escapeMailHtml(new URL('/', parts.siteUrl).href);
  const title = escapeMailHtml(parts.title);
  const lang = escapeMailHtml(parts.lang);
  const footer = parts.footerHtml
    ? `<tr><td style="padding:24px 32px;border-top:1px solid #dddddd;color:${MUTED};font-size:14px;line-height:1.5;${FONT}">${parts.footerHtml}</td></tr>`
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}" dir="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">
<tr><td style="padding:24px 32px 8px;${FONT};font-size:16px;"><a href="${home}" style="color:${TEXT};text-decoration:none;font-weight:bold;">${site}</a></td></tr>
<tr><td style="padding:8px 32px 0;"><h1 style="margin:0;color:${TEXT};font-size:26px;line-height:1.25;${FONT}">${title}</h1></td></tr>
<tr><td style="padding:16px 32px 24px;color:${TEXT};font-size:17px;line-height:1.6;${FONT}">${parts.bodyHtml}</td></tr>
${footer}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** A link styled for the mail body (absolute `href` required), its text escaped here. */
export function mailLink(href: string, text: string): string {
  return `<a href="${escapeMailHtml(new URL(href).href)}" style="color:${LINK};text-decoration:underline;">${escapeMailHtml(text)}</a>`;
}

/** A paragraph of escaped text for the mail body. */
export function mailParagraph(text: string): string {
  return `<p style="margin:0 0 16px;">${escapeMailHtml(text)}</p>`;
}

/**
 * The plain-text part to go with renderMailDocument: the title underlined, the paragraphs (links
 * written out in full, as text clients cannot follow markup), a separator and the footer.
 */
export function renderMailText(parts: { title: string; paragraphs: readonly string[]; footer?: string } & MailSite): string {
  const lines = [parts.siteName, '', parts.title, '='.repeat(Math.min(parts.title.length, 72)), ''];
  for (const paragraph of parts.paragraphs) lines.push(paragraph, '');
  if (parts.footer) lines.push('-- ', parts.footer, '');
  lines.push(new URL('/', parts.siteUrl).href);
  return `${lines.join('\n')}\n`;
}
