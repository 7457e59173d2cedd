/** The reader's newsletter pages and e-mails in English: the reference. Keys start with `newsletter.page.` and `newsletter.mail.`. */
export const readerNewslettersEn = {
  // The pages after signing up, confirming, the preferences page and unsubscribing (newsletter.page.tsx)
  'newsletter.page.description': '{title} — newsletters.',
  'newsletter.page.checkInbox': 'Check your inbox',
  'newsletter.page.checkInboxBody':
    'If the address can receive mail, a message with a confirmation link is on its way. Nothing else is sent until you follow it; the link works for 48 hours.',
  'newsletter.page.backToFront': 'Back to the front page',
  'newsletter.page.confirmTitle': 'Confirm your subscription',
  'newsletter.page.askedFor': 'You asked to receive:',
  'newsletter.page.confirmButton': 'Confirm my subscription',
  'newsletter.page.subscribed': 'You are subscribed',
  'newsletter.page.subscribedBody': 'Thank you. Every newsletter we send carries a link to change your choices or unsubscribe.',
  'newsletter.page.manage': 'Manage your newsletters',
  'newsletter.page.preferences': 'Your newsletters',
  'newsletter.page.preferencesFor': 'For <email></email>.',
  'newsletter.page.saved': 'Your choices are saved.',
  'newsletter.page.sendMe': 'Send me',
  'newsletter.page.save': 'Save my choices',
  'newsletter.page.unsubscribeAll': 'Unsubscribe from all newsletters',
  'newsletter.page.unsubscribed': 'You are unsubscribed',
  'newsletter.page.unsubscribeFrom': 'Unsubscribe from {name}',
  'newsletter.page.noMore': 'You will not receive {name} any more.',
  'newsletter.page.unsubscribe': 'Unsubscribe',
  'newsletter.page.thisNewsletter': 'this newsletter',
  'newsletter.page.error.404': 'Link not found',
  'newsletter.page.subscribeAgain': 'You can subscribe again from <link>the front page</link>.',
  // The public archive (newsletter-archive.page.tsx)
  'newsletter.page.archiveTitle': '{name}: past issues',
  'newsletter.page.archiveDescription': 'Every issue of {name} from {publication}, newest first.',
  'newsletter.page.label': 'Newsletter',
  'newsletter.page.noIssue': 'No issue has gone out yet.',
  'newsletter.page.issueCount': { one: '{count} issue, newest first.', other: '{count} issues, newest first.' },
  'newsletter.page.issueLine': 'Issue {number}, <date></date>',
  'newsletter.page.issueDescription': 'Issue {number} of {name}.',
  'newsletter.page.issueOf': '<link></link>, issue {number}',
  'newsletter.page.allIssues': 'All issues of {name}',

  // The double opt-in message (confirmation-mail.ts)
  'newsletter.mail.confirmTitle': 'Confirm your newsletter subscription',
  'newsletter.mail.confirmSubject': 'Confirm your newsletter subscription to {name}',
  'newsletter.mail.askedFor': 'You asked to receive: {names}.',
  'newsletter.mail.ignore': 'If you did not ask for this, ignore this message: nothing is sent until you confirm. The link works for 48 hours.',
  'newsletter.mail.confirmLink': 'Confirm your subscription: {link}',
  // An issue's fixed words around its stories (newsletter-issue-render.ts)
  'newsletter.mail.readOnWeb': 'Read this issue on the web',
  'newsletter.mail.why': 'You receive {newsletter} from {site} because you subscribed to it.',
} as const;
