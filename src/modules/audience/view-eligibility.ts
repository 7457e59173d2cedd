import { isbot } from 'isbot';

/** Why a request for a story is not a reader's view. */
export type NotAView = 'bot' | 'prefetch';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Bots (by user agent, and anything sending none) and speculative loads are not views. Browsers
 * mark prefetch and prerender with `Sec-Purpose` (older ones `Purpose` or `X-Moz`); the beacon
 * script also waits for a prerendered page to be shown before it sends.
 */
export function notAView(headers: Headers): NotAView | null {
  const userAgent = single(headers['user-agent']);
  if (!userAgent || isbot(userAgent)) return 'bot';
  const purpose = `${single(headers['sec-purpose'])} ${single(headers['purpose'])} ${single(headers['x-moz'])} ${single(headers['x-purpose'])}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return 'prefetch';
  return null;
}

function single(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}
