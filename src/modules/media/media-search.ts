import { AppError } from '../../shared/errors.js';
import { checkText } from '../../shared/text.js';
import type { MediaCursor } from './media-search.repository.js';

/** Longer than any alt text, caption or credit anyone searches by; more is a paste or a probe. */
export const MAX_MEDIA_QUERY_LENGTH = 100;
/** Ids are server-chosen UUIDs; times are stored ISO strings. Anything else did not come from us. */
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A search as the picker sends it: words to look for (maybe none) and where the previous page ended. */
export interface MediaSearchRequest {
  q?: unknown;
  after?: unknown;
}

/** The parsed request: a LIKE pattern (lower case, wildcards escaped) and the cursor. */
export interface MediaSearchQuery {
  pattern?: string;
  after?: MediaCursor;
}

/** Checks the picker's query; anything malformed is ERR_MEDIA_SEARCH_INVALID (400). */
export function parseMediaSearch(request: MediaSearchRequest): MediaSearchQuery {
  const query: MediaSearchQuery = {};
  if (request.q !== undefined) {
    const checked = checkText(request.q, { max: MAX_MEDIA_QUERY_LENGTH });
    if (!checked.ok) throw new AppError('ERR_MEDIA_SEARCH_INVALID');
    // `%` and `_` typed by a person are letters to find, not wildcards (the query says `escape '\'`).
    if (checked.text) query.pattern = `%${checked.text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  }
  if (request.after !== undefined && request.after !== '') query.after = decodeMediaCursor(request.after);
  return query;
}

/** The `next` value a page hands out: opaque to the client, checked when it comes back. */
export function encodeMediaCursor(cursor: MediaCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');
}

function decodeMediaCursor(raw: unknown): MediaCursor {
  if (typeof raw !== 'string' || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new AppError('ERR_MEDIA_SEARCH_INVALID');
  const [createdAt, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !createdAt || !id || !CURSOR_TIME.test(createdAt) || !CURSOR_ID.test(id)) {
    throw new AppError('ERR_MEDIA_SEARCH_INVALID');
  }
  return { createdAt, id };
}
