import { paths } from '../shared/paths.js';

/** The account's own entry pages, in any edition (`/ko/account/sign-in`): going "back" to them after signing in would loop. */
const ENTRY_PAGES = /^(?:\/[a-z]{2,3}(?:-[a-z0-9]+)?)?\/account\/(?:sign-in|sign-up|sign-out|reset)(?:[/?#]|$)/;

/**
 * Where to go after signing in or up: any path on this site (a reader signs in from a story to
 * comment on it), never another site. `//evil.example`, `https://evil.example`, `/\evil.example`,
 * control characters and the sign-in pages themselves all go to the account page instead.
 */
export function safeAccountNext(raw: unknown): string {
  // The account page of the request's edition (`/account`, `/ko/account`).
  const accountHome = paths.account.home();
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) return accountHome;
  // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\s\u0000-\u001f\u007f]/.test(raw)) return accountHome;
  const base = 'http://dateline.invalid';
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return accountHome;
  }
  // Checked again after resolving: dot segments and encoded slashes must still land on this site.
  if (resolved.origin !== base || resolved.pathname.startsWith('//') || ENTRY_PAGES.test(resolved.pathname)) return accountHome;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
