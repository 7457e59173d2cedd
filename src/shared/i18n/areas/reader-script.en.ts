/**
 * What the reading site's script (public/assets/site.js) writes in the browser, in English: the
 * reference. The server renders these as `data-msg-*` attributes; site.js keeps its own English
 * for a page without them. Keys start with `script.`.
 */
export const readerScriptEn = {
  'script.linkCopied': 'Link copied.',
  'script.copyFailed': 'Could not copy the link.',
  'script.commentTooLong': 'Too long: comments may be at most {max} characters.',
  'script.commentTooLarge': 'Too large: please shorten this comment.',
  'script.failed': 'Something went wrong. Please try again.',
  'script.offline': 'We could not reach the site. Check your connection and try again.',
  'script.reported': 'Reported. Thank you.',
} as const;
