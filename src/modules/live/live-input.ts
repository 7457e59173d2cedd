import { AppError } from '../../shared/errors.js';
import { ArticleBodySchema, type ArticleBody } from '../../shared/article-body.js';
import { checkText } from '../../shared/text.js';
import { markdownToBody } from '../articles/index.js';

/** An update is a few paragraphs: longer is a story of its own (characters: code points, as elsewhere). */
export const LIVE_UPDATE_MAX_CHARACTERS = 5000;
export const LIVE_SUMMARY_MAX_POINTS = 10;
export const LIVE_SUMMARY_MAX_CHARACTERS = 300;

/** A checked update: its Markdown as written (normalised) and the body made from it. */
export interface CheckedUpdate {
  source: string;
  body: ArticleBody;
}

/**
 * The composer's Markdown → a body, or a coded refusal: control characters (checked before the
 * parser, which would hide NUL as U+FFFD), nothing written, too long, or a body the story schema
 * refuses (a malformed link, a figure or embed that cannot be read).
 */
export function checkUpdateText(raw: unknown): CheckedUpdate {
  const checked = checkText(raw, { multiline: true });
  if (!checked.ok) throw new AppError(checked.problem === 'characters' ? 'ERR_LIVE_UPDATE_INVALID_CHARACTERS' : 'ERR_LIVE_UPDATE_EMPTY');
  const source = checked.text;
  if (source.length === 0) throw new AppError('ERR_LIVE_UPDATE_EMPTY');
  if ([...source].length > LIVE_UPDATE_MAX_CHARACTERS) throw new AppError('ERR_LIVE_UPDATE_TOO_LONG');
  let body: ArticleBody;
  try {
    body = markdownToBody(source);
  } catch {
    throw new AppError('ERR_LIVE_UPDATE_INVALID_CHARACTERS');
  }
  const parsed = ArticleBodySchema.safeParse(body);
  if (!parsed.success) throw new AppError('ERR_LIVE_UPDATE_INVALID');
  if (parsed.data.length === 0) throw new AppError('ERR_LIVE_UPDATE_EMPTY');
  return { source, body: parsed.data };
}

/** Key points: one per non-empty line, at most ten of 300 characters, no control characters. */
export function checkSummaryText(raw: unknown): string[] {
  const checked = checkText(raw ?? '', { multiline: true });
  if (!checked.ok) throw new AppError('ERR_LIVE_SUMMARY_INVALID');
  const points = checked.text
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s*/u, '').trim())
    .filter((line) => line.length > 0);
  if (points.length > LIVE_SUMMARY_MAX_POINTS) throw new AppError('ERR_LIVE_SUMMARY_INVALID');
  if (points.some((point) => [...point].length > LIVE_SUMMARY_MAX_CHARACTERS || /\t/.test(point))) throw new AppError('ERR_LIVE_SUMMARY_INVALID');
  return points;
}

/** A form's checkbox or a JSON flag. */
export function flagOf(value: unknown): boolean {
  return value === true || value === 'on' || value === 'true' || value === '1' || value === 1;
}
