/**
 * The link rules of a story body, with no dependency, so the browser's editor (client/editor) bundles
 * the same rules the server validates with (src/shared/article-body.ts).
 */

/** Links may be http(s), mailto or site-relative; nothing else (no javascript:, data: …). */
export const SAFE_HREF = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?!\/)[^\s]*)$/i;
export const MAX_HREF_LENGTH = 2000;
/** An embed is a link card to a web page: only an absolute http(s) address, never a script or frame. */
export const SAFE_EMBED_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** Whether a link may stand in a body as it is (http(s), mailto or site-relative): the schema's own rule. */
export function isSafeHref(href: string): boolean {
  return href.length <= MAX_HREF_LENGTH && SAFE_HREF.test(href);
}

/** Whether a URL parses as an absolute http(s) address with a host (the embed's rule). */
export function isHttpUrl(url: string): boolean {
  if (url.length > MAX_HREF_LENGTH || !SAFE_EMBED_URL.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** An embed's host as its card shows it (`www.` left off), or the URL itself when it does not parse. */
export function embedHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
