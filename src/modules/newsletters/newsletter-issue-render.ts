import { translatorFor } from '../../shared/i18n/index.js';
import { escapeMailHtml, mailLink, mailParagraph, renderMailDocument, renderMailText, type MailSite } from '../mail/index.js';
import type { NewsletterIssue } from './newsletter-issue.types.js';

/** Stand-ins for the per-recipient links: plain ASCII, unchanged by HTML escaping. */
const PREFERENCES = '__DATELINE_PREFERENCES_URL__';
const UNSUBSCRIBE = '__DATELINE_UNSUBSCRIBE_URL__';

/** An issue rendered once; `fill` makes each recipient's copy by filling in their two links. */
export interface RenderedIssue {
  subject: string;
  fill(links: { preferencesUrl: string; unsubscribeUrl: string }): { html: string; text: string };
}

export interface IssueRenderContext extends MailSite {
  /** The recipients' language: the issue's fixed words (the footer, its links) are in it; the stories are as written. */
  lang: string;
  newsletterName: string;
  articleUrl: (slug: string) => string;
  /** The issue's public archive page, when it has a number. */
  archiveUrl?: string;
}

/**
 * The issue's HTML and text, rendered once for all its recipients: only the preferences and
 * unsubscribe links differ per message, so they are filled into the finished text by splitting it
 * at their stand-ins. Links are the stories' own addresses (no rewriting) and there is no pixel.
 */
export function renderIssue(issue: NewsletterIssue, context: IssueRenderContext): RenderedIssue {
  const { t } = translatorFor(context.lang);
  const body: string[] = [];
  const paragraphs: string[] = [];
  if (issue.intro.trim()) {
    for (const part of issue.intro.split(/\n\s*\n/)) {
      body.push(mailParagraph(part.trim()));
      paragraphs.push(part.trim());
    }
  }
  for (const item of issue.items) {
    const url = context.articleUrl(item.slug);
    body.push(
      `<p style="margin:24px 0 4px;font-size:13px;text-transform:uppercase;letter-spacing:0.05em;color:#555555;">${escapeMailHtml(item.label)}</p>` +
        `<h2 style="margin:0 0 8px;font-size:20px;line-height:1.3;">${mailLink(url, item.headline)}</h2>` +
        (item.standfirst ? mailParagraph(item.standfirst) : ''),
    );
    paragraphs.push(`${item.label.toUpperCase()}\n${item.headline}\n${item.standfirst ? `${item.standfirst}\n` : ''}${url}`);
  }
  if (context.archiveUrl) {
    body.push(`<p style="margin:24px 0 0;font-size:15px;">${mailLink(context.archiveUrl, t('newsletter.mail.readOnWeb'))}</p>`);
    paragraphs.push(`${t('newsletter.mail.readOnWeb')}: ${context.archiveUrl}`);
  }
  const why = t('newsletter.mail.why', { newsletter: context.newsletterName, site: context.siteName });
  const manage = t('newsletter.page.manage');
  const unsubscribe = t('newsletter.page.unsubscribe');
  const footerHtml =
    `${escapeMailHtml(why)}<br>` +
    `<a href="${PREFERENCES}" style="color:#0b57d0;">${escapeMailHtml(manage)}</a> · ` +
    `<a href="${UNSUBSCRIBE}" style="color:#0b57d0;">${escapeMailHtml(unsubscribe)}</a>`;
  const html = renderMailDocument({
    lang: context.lang,
    title: issue.subject,
    bodyHtml: body.join('\n'),
    footerHtml,
    siteName: context.siteName,
    siteUrl: context.siteUrl,
  });
  const text = renderMailText({
    title: issue.subject,
    paragraphs,
    footer: `${why}\n${manage}: ${PREFERENCES}\n${unsubscribe}: ${UNSUBSCRIBE}`,
    siteName: context.siteName,
    siteUrl: context.siteUrl,
  });
  const htmlParts = splitAtLinks(html);
  const textParts = splitAtLinks(text);
  return {
    subject: issue.subject,
    fill: ({ preferencesUrl, unsubscribeUrl }) => ({
      html: joinLinks(htmlParts, escapeMailHtml(preferencesUrl), escapeMailHtml(unsubscribeUrl)),
      text: joinLinks(textParts, preferencesUrl, unsubscribeUrl),
    }),
  };
}

/** The rendered text cut at the stand-ins, which stay as parts of their own. */
function splitAtLinks(rendered: string): string[] {
  return rendered.split(new RegExp(`(${PREFERENCES}|${UNSUBSCRIBE})`)).filter((part) => part !== '');
}

function joinLinks(parts: readonly string[], preferences: string, unsubscribe: string): string {
  let out = '';
  for (const part of parts) out += part === PREFERENCES ? preferences : part === UNSUBSCRIBE ? unsubscribe : part;
  return out;
}
