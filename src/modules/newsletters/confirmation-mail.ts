import { translatorFor } from '../../shared/i18n/index.js';
import { mailLink, mailParagraph, renderMailDocument, renderMailText, type OutgoingMail } from '../mail/index.js';

/**
 * The double opt-in message: one link, what it subscribes to, and what to do if it was not you.
 * In `language`, the language of the edition the reader signed up in.
 */
export function confirmationMail(input: {
  to: string;
  names: string[];
  link: string;
  siteUrl: string;
  name: string;
  language: string;
}): OutgoingMail {
  const { t } = translatorFor(input.language);
  const site = { siteName: input.name, siteUrl: input.siteUrl };
  const title = t('newsletter.mail.confirmTitle');
  const what = t('newsletter.mail.askedFor', { names: input.names.join(', ') });
  const ignore = t('newsletter.mail.ignore');
  return {
    to: input.to,
    kind: 'newsletter.confirm',
    subject: t('newsletter.mail.confirmSubject', { name: input.name }),
    html: renderMailDocument({
      ...site,
      lang: input.language,
      title,
      bodyHtml: `${mailParagraph(what)}<p style="margin:0 0 16px;">${mailLink(input.link, t('newsletter.page.confirmButton'))}</p>${mailParagraph(ignore)}`,
    }),
    text: renderMailText({ ...site, title, paragraphs: [what, t('newsletter.mail.confirmLink', { link: input.link }), ignore] }),
  };
}
