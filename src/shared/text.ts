import { z } from 'zod';
import { AppError, type ErrorCode } from './errors.js';

/**
 * The one rule for text people type into the site: every staff field (headlines, names, captions,
 * settings …) and reader comments go through `checkText`, so a raw NUL or a terminal escape never
 * reaches a page, a feed or a webhook. What it refuses:
 *
 * - C0 control characters except \t and \n (those two only in multi-line fields), DEL and the C1
 *   controls (U+0080–U+009F, such as U+0085 NEL and U+009B CSI);
 * - in one-line fields, any line break or tab, U+2028 and U+2029 included: CR/LF in a headline is
 *   never wanted, and it would break headers, feeds and `<title>`;
 * - lone surrogates: text that is not well-formed UTF-16 cannot be stored as UTF-8 (it would come
 *   back as U+FFFD).
 *
 * Accepted text is trimmed (unless told otherwise) and normalised to NFC, so "e" + U+0301 and "é"
 * are stored, compared and slugged alike. Lengths count code points after normalising.
 */
export interface TextRules {
  /** Fewest characters, after trimming; default 0. */
  min?: number;
  /** Most characters; default: no limit (the caller counts another way). */
  max?: number;
  /** Bodies, bios, descriptions: \n and \t are allowed, and CRLF or a lone CR becomes \n. */
  multiline?: boolean;
  /** Default true. False for parts of a body, whose edge spaces separate them from their neighbours. */
  trim?: boolean;
}

/** Why text was refused: its characters, or its length (too short, too long, or not text at all). */
export type TextProblem = 'characters' | 'length';

export type TextCheck = { ok: true; text: string } | { ok: false; problem: TextProblem };

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
// With the u flag a valid pair is one code point, so this matches only a surrogate standing alone.
// (String.prototype.isWellFormed says the same, but TypeScript's ES2023 library does not know it.)
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Checks and normalises one piece of text; the single place the rules above live. */
export function checkText(raw: unknown, rules: TextRules = {}): TextCheck {
  if (typeof raw !== 'string') return { ok: false, problem: 'length' };
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'characters' };
  // Browsers submit textarea line breaks as CRLF; a lone CR (old Mac) is a line break too.
  let text = rules.multiline ? raw.replace(/\r\n?/g, '\n') : raw;
  if (rules.trim ?? true) text = text.trim();
  if ((rules.multiline ? MULTILINE_CONTROLS : SINGLE_LINE_CONTROLS).test(text)) return { ok: false, problem: 'characters' };
  text = text.normalize('NFC');
  const length = codePoints(text);
  if (length < (rules.min ?? 0) || (rules.max !== undefined && length > rules.max)) return { ok: false, problem: 'length' };
  return { ok: true, text };
}

/**
 * A field refused for its characters. `field` is the input's field name (`name`, `jobTitle` …), so
 * a form can show the message beside it; the code is the same for every field.
 */
export class TextCharactersError extends AppError {
  constructor(readonly field: string) {
    super('ERR_TEXT_INVALID_CHARACTERS', `${field}: control characters, a line break or tab in a one-line field, or a lone surrogate`);
  }
}

/**
 * `checkText` for hand-written checks: the clean text, or a throw — `TextCharactersError` for bad
 * characters, `AppError(code)` (the field's own code, e.g. ERR_SECTION_NAME_INVALID) for a bad length.
 */
export function validateText(raw: unknown, rules: TextRules & { field: string; code: ErrorCode }): string {
  const checked = checkText(raw, rules);
  if (checked.ok) return checked.text;
  throw checked.problem === 'characters' ? new TextCharactersError(rules.field) : new AppError(rules.code);
}

/** What `text()` puts in a zod issue's `params`, so callers can tell a character problem from a length one. */
interface TextIssueParams {
  textProblem: TextProblem;
}

/**
 * `checkText` as a zod schema: string in, clean string out. Its issues are custom ones whose params
 * say which problem it was (`textProblemOf`); forms map them to sentences of their own.
 */
export function text(rules: TextRules = {}) {
  return z.string().transform((raw, ctx) => {
    const checked = checkText(raw, rules);
    if (checked.ok) return checked.text;
    const params: TextIssueParams = { textProblem: checked.problem };
    ctx.addIssue({ code: 'custom', message: describeProblem(checked.problem, rules), params, input: raw });
    return z.NEVER;
  });
}

/** The problem a `text()` issue reports, or undefined for any other issue. */
export function textProblemOf(issue: { code?: string; params?: Record<string, unknown> }): TextProblem | undefined {
  const problem = issue.code === 'custom' ? issue.params?.['textProblem'] : undefined;
  return problem === 'characters' || problem === 'length' ? problem : undefined;
}

function describeProblem(problem: TextProblem, rules: TextRules): string {
  if (problem === 'characters') {
    return rules.multiline
      ? 'contains control characters or broken characters'
      : 'contains control characters, a line break or a tab, or broken characters';
  }
  const min = rules.min ?? 0;
  if (rules.max === undefined) return `must have at least ${min} characters`;
  return min > 0 ? `must have ${min} to ${rules.max} characters` : `must have at most ${rules.max} characters`;
}

function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}
