import { mailLink, mailParagraph, renderMailDocument, renderMailText, type OutgoingMail } from '../mail/index.js';

/** The double opt-in message: one link, what it subscribes to, and what to do if it was not you. */
export function confirmationMail(input: {
  to: string;
  names: string[];
  link: string;
  siteUrl: string;
  name: string;
  language: string;
}): OutgoingMail {
  const site = { siteName: input.name, siteUrl: input.siteUrl };
  const title = 'Confirm your newsletter subscription';
  const what = `You asked to receive: ${input.names.join(', ')}.`;
  const ignore = 'If you did not ask for this, ignore this message: nothing is sent until you confirm. The link works for 48 hours.';
  return {
    to: input.to,
    kind: 'newsletter.confirm',
    subject: `${title} to ${input.name}`,
    html: renderMailDocument({
      ...site,
      lang: input.language,
      title,
      bodyHtml: `${mailParagraph(what)}<p style="margin:0 0 16px;">${mailLink(input.link, 'Confirm my subscription')}</p>${mailParagraph(ignore)}`,
    }),
    text: renderMailText({ ...site, title, paragraphs: [what, `Confirm your subscription: ${input.link}`, ignore] }),
  };
}
