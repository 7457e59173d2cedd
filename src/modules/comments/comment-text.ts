import { AppError } from '../../shared/errors.js';
import { checkText } from '../../shared/text.js';

/** What a reader counts as characters: grapheme clusters, so 한, é (e + accent) and 👍🏽 are one each. */
export const COMMENT_MAX_GRAPHEMES = 300;
/**
 * Bytes in UTF-8 after normalising line ends. Stops a comment that looks short from carrying
 * thousands of stacked combining marks ("Zalgo" floods) inside its 300 graphemes.
 */
export const COMMENT_MAX_BYTES = 2000;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts grapheme clusters, as the form's live counter does in the browser. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * A comment body as the reader typed it, checked, trimmed and normalised to NFC, or an `AppError`.
 * Never truncates: a comment over either limit is refused whole, so nobody's words are silently cut.
 * Characters follow the rule every text field does (src/shared/text.ts: multi-line, so \n and \t
 * pass; other controls and lone surrogates do not), under the comments' own codes.
 */
export function validateCommentBody(raw: unknown): string {
  const checked = checkText(raw, { min: 1, multiline: true });
  if (!checked.ok) throw new AppError(checked.problem === 'characters' ? 'ERR_COMMENT_INVALID_CHARACTERS' : 'ERR_COMMENT_EMPTY');
  const text = checked.text;
  if (Buffer.byteLength(text, 'utf8') > COMMENT_MAX_BYTES) throw new AppError('ERR_COMMENT_TOO_MANY_BYTES');
  if (countGraphemes(text) > COMMENT_MAX_GRAPHEMES) throw new AppError('ERR_COMMENT_TOO_LONG');
  return text;
}

/**
 * The blocklist entry a body contains, if any: case-insensitive, whole words or phrases only, so
 * "ass" does not catch "class". Word edges are letters, marks and digits in any script; whitespace
 * inside a phrase matches any run of whitespace.
 */
export function findBlockedPhrase(body: string, blocklist: readonly string[]): string | undefined {
  const haystack = body.toLocaleLowerCase();
  return blocklist.find((entry) => {
    const words = entry.trim().toLocaleLowerCase().split(/\s+/u).filter(Boolean);
    if (words.length === 0) return false;
    const pattern = words.map(escapeRegExp).join('\\s+');
    return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${pattern}(?![\\p{L}\\p{M}\\p{N}])`, 'u').test(haystack);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
