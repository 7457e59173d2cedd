import { AppError } from '../../shared/errors.js';

/**
 * Longest request target we read. Browsers and CDNs cap URLs near 8 KB; no page of ours needs more
 * than a slug and a few query parameters, so anything past this is refused before routing.
 */
export const MAX_URL_LENGTH = 2048;

/** Refuses targets we cannot read as UTF-8 text: a 400 with a reason, before any route runs. */
export function assertReadableUrl(rawUrl: string): void {
  if (rawUrl.length > MAX_URL_LENGTH) throw new AppError('ERR_URL_TOO_LONG');
  try {
    // decodeURIComponent throws on broken escapes (`%zz`) and on escapes that are not UTF-8 (`%C3%28`).
    decodeURIComponent(rawUrl.replace(/\+/g, ' '));
  } catch {
    throw new AppError('ERR_URL_MALFORMED');
  }
  // Raw bytes outside ASCII are not allowed in a request target (RFC 9112 §3.2) and may be malformed UTF-8.
  if (/[^\x21-\x7e]/.test(rawUrl)) throw new AppError('ERR_URL_MALFORMED');
}
