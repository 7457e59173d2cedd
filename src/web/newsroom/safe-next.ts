import { NEWSROOM_HOME } from './newsroom-paths.js';

const PLACE_IN_NEWSROOM = /^\/newsroom(?:[/?#]|$)/;

/**
 * Where to go after signing in: only a path inside the newsroom on this site. Anything else —
 * `//evil.example`, `https://evil.example`, `/\evil.example`, control characters — goes home, so
 * the sign-in page cannot be used to bounce people to another site.
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 1000) return NEWSROOM_HOME;
  // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
  if (!PLACE_IN_NEWSROOM.test(raw) || /[\\\s\u0000-\u001f\u007f]/.test(raw)) return NEWSROOM_HOME;
  const base = 'http://dateline.invalid';
  const resolved = new URL(raw, base);
  // Checked again after resolving: `/newsroom/../x` is a path outside the newsroom.
  if (resolved.origin !== base || !PLACE_IN_NEWSROOM.test(resolved.pathname) || resolved.pathname.startsWith('/newsroom/sign-')) {
    return NEWSROOM_HOME;
  }
  return `${resolved.pathname}${resolved.search}`;
}
