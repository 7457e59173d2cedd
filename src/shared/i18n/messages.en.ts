import { newsroomLayoutEn } from './areas/newsroom-layout.en.js';
import { newsroomStoriesEn } from './areas/newsroom-stories.en.js';
import { newsroomDeskEn } from './areas/newsroom-desk.en.js';
import { newsroomAdminEn } from './areas/newsroom-admin.en.js';
import { newsroomMailEn } from './areas/newsroom-mail.en.js';
import { newsroomStaffEn } from './areas/newsroom-staff.en.js';
import { readerAccountEn } from './areas/reader-account.en.js';
import { newsroomEditorEn } from './areas/newsroom-editor.en.js';
import { readerNewslettersEn } from './areas/reader-newsletters.en.js';
import { readerScriptEn } from './areas/reader-script.en.js';
import { readerLiveEn } from './areas/reader-live.en.js';
import { newsroomLiveEn } from './areas/newsroom-live.en.js';

/**
 * The reading site's interface in English: the reference catalogue. Its keys are the key type of
 * every other language (i18n.types.ts). Texts are plain: the TSX renderer escapes them, and a link
 * inside a sentence is marked `<link>…</link>` and filled in by `Translator.rich`.
 */
export const en = {
  // Layout: skip links, masthead, footer
  'layout.skipLinks': 'Skip links',
  'layout.skipToMain': 'Skip to main content',
  'layout.goToMainTop': 'Go to the main page (top)',
  'layout.backToMainBottom': 'Back to the main page (bottom)',
  'masthead.searchLabel': 'Site search',
  'masthead.search': 'Search',
  'masthead.account': 'Account',
  'masthead.sections': 'Sections',
  'masthead.editions': 'Editions',
  'article.translations': 'This story in other languages',
  'footer.aboutNav': 'About this publication',
  'footer.page.about': 'About us',
  'footer.page.contact': 'Contact',
  'footer.page.standards': 'Editorial standards and corrections policy',
  'footer.page.privacy': 'Privacy',
  'footer.rssFeed': 'RSS feed',
  'footer.atomFeed': 'Atom feed',
  'footer.copyright': '© {years} {holder}. All rights reserved.',

  // Home page and ranked lists
  'home.empty': 'Nothing has been published yet. Stories appear here as soon as the newsroom publishes them.',
  'home.latestStories': 'Latest Stories',
  'list.popularNow': 'Popular Now',
  'list.mustReads': 'Must-Reads',
  'list.weeklyBest': 'Weekly Best Articles',
  'list.related': 'You May Also Like',
  'list.sectionLatest': '[{section}] Latest Stories',
  'list.commentCount': { one: 'Comments {count}', other: 'Comments {count}' },

  // A story's type label (TYPE_LABELS), beside its section
  'type.News': 'News',
  'type.Analysis': 'Analysis',
  'type.Opinion': 'Opinion',
  'type.Editorial': 'Editorial',
  'type.Feature': 'Feature',
  'type.Interview': 'Interview',
  'type.Explainer': 'Explainer',
  'type.Live': 'Live',

  // Article page
  'article.part': '(Part {part})',
  'article.authors': 'Authors',
  'article.published': 'Published',
  'article.updated': 'Updated',
  'article.views': 'Views {count}',
  'article.tags': 'Tags',
  'article.corrections': 'Corrections and updates',
  'article.correction': 'Correction',
  'article.update': 'Update',
  'article.aboutAuthors': { one: 'About the author', other: 'About the authors' },
  'series.heading': 'Series:',
  'series.previous': 'To read Part {part},',
  'series.next': 'Next: Part {part},',
  'series.part': 'Part {part}: {headline}',
  'share.heading': 'Share it on…',
  'share.email': 'E-mail',
  'share.newWindow': '(opens in a new window)',
  'share.copyLink': 'Copy link',
  'share.more': 'More ways to share',

  // Pagination
  'pagination.label': 'Pages',
  'pagination.newer': '← Newer stories',
  'pagination.older': 'Older stories →',
  'pagination.pageOf': 'Page {page} of {total}',

  // Error pages
  'error.title.400': 'We could not read that address',
  'error.title.404': 'Page not found',
  'error.title.405': 'Not supported',
  'error.title.410': 'This story has been withdrawn',
  'error.title.500': 'Something went wrong',
  'error.title.503': 'Briefly unavailable',
  'error.status': 'Error {status}',
  'error.wayBack': '<link>Go to the front page</link> or use the sections above to find the latest stories.',
  // Newsletter sign-up form
  'newsletter.heading': 'Get our newsletters',
  'newsletter.legend': 'Newsletters',
  'newsletter.email': 'Your e-mail address',
  'newsletter.honeypot': 'Leave this empty',
  'newsletter.subscribe': 'Subscribe',
  'newsletter.note': 'We send a confirmation link first; nothing else arrives until you confirm. Every newsletter has a one-click unsubscribe link.',

  // Comments area
  'comments.heading': 'Comments',
  'comments.closed': 'Comments are closed on this site at the moment.',
  'comments.off': 'Comments are turned off for this story.',
  'comments.empty': 'No comments yet. Be the first.',
  'comments.signInOr': '<signIn>Sign in to comment</signIn> or <signUp>Create an account</signUp>.',
  'comments.limit': 'Comments may be up to {max} characters, plain text.',
  'comments.confirmFirst':
    'To comment, please confirm your e-mail address: open the link in the mail we sent you, or <link>send it again from your account page</link>.',
  'comments.mayNotAct': 'Your account may no longer comment, like or report.',
  'comments.notPosted': 'Your comment was not posted',
  'comments.yourComment': 'Your comment',
  'comments.hint': 'Up to {max} characters, plain text. Comments are public.',
  'comments.post': 'Post comment',
  'comments.order': 'Order of comments',
  'comments.newest': 'Newest',
  'comments.mostLiked': 'Most liked',
  'comments.pages': 'Comment pages',
  'comments.previous': '← Previous comments',
  'comments.more': 'More comments →',
  // One comment's own line and controls (components/comment-item.tsx)
  'comment.deleted': 'This comment was deleted.',
  'comment.removed': 'This comment was removed by a moderator.',
  'comment.deletedReader': 'a deleted reader',
  'comment.edited': ' · Edited',
  'comment.awaiting': ' · Awaiting moderation',
  'comment.likes': 'Likes <count>{count}</count>',
  'comment.like': 'Like',
  'comment.unlike': 'Unlike',
  'comment.report': 'Report',
  'comment.edit': 'Edit',
  'comment.delete': 'Delete',
  'comment.reply': 'Reply',
  'comment.replyTo': 'Your reply to {name}',
  'comment.postReply': 'Post reply',
  'comment.counter': '<used>{used}</used>/{max}<hidden> characters</hidden>',
  // Story lists: section, author, tag, series and search pages
  'stories.empty': 'No stories have been published here yet.',
  'stories.pageSuffix': ' (page {page} of {total})',
  'author.stories': 'Stories by {author}',
  'tag.description': 'Stories tagged {tag}',
  'tag.intro': 'Stories tagged {tag}, newest first.',
  'series.label': 'Series',
  'series.partCount': { one: '{count} part', other: '{count} parts' },
  'search.title': 'Search',
  'search.titleWithQuery': 'Search: {q}',
  'search.description': 'Search the stories',
  'search.formLabel': 'Story search with filters',
  'search.query': 'Search stories, authors and tags',
  'search.section': 'Section',
  'search.allSections': 'All sections',
  'search.from': 'Published from',
  'search.to': 'to',
  'search.submit': 'Search',
  'search.newestOnly':
    'More than {total} stories matched “{q}”: the {total} most recent are ranked, best match first. Add words or a date range to reach older stories.',
  'search.noMatch': 'No stories matched “{q}”.',
  'search.matched': { one: '{total} story matched “{q}”.', other: '{total} stories matched “{q}”.' },
  'search.tryAgain': 'Try fewer or different words, or remove the filters.',
  'static.lastUpdated': 'Last updated',

  // Forms, wherever they are (web/shared/form-fields.tsx)
  'form.problem': 'There is a problem',
  'form.requiredNote': 'Fields marked <mark>*</mark> must be filled in.',
  'form.errorPrefix': 'Error: ',

  // Each area's messages live in areas/, one file per language, so the areas are edited apart.
  ...newsroomLayoutEn,
  ...newsroomStoriesEn,
  ...newsroomDeskEn,
  ...newsroomAdminEn,
  ...newsroomMailEn,
  ...newsroomStaffEn,
  ...readerAccountEn,
  ...newsroomEditorEn,
  ...readerNewslettersEn,
  ...readerScriptEn,
  ...readerLiveEn,
  ...newsroomLiveEn,
} as const;

export type MessageKey = keyof typeof en;
