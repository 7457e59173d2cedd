import { isSafeHref, type Inline } from '../../shared/article-body.js';

/**
 * The inline side of turning HTML into a body: text runs with their marks and link, whitespace laid
 * out as a browser would, and the small text rules every part of the conversion shares.
 */

/** Sentences about what the conversion dropped or changed; one said again is kept once, with a count. */
export class Warnings {
  private readonly counts = new Map<string, number>();

  add(sentence: string): void {
    this.counts.set(sentence, (this.counts.get(sentence) ?? 0) + 1);
  }

  /** For something that can only happen once per post, however many places notice it. */
  once(sentence: string): void {
    if (!this.counts.has(sentence)) this.counts.set(sentence, 1);
  }

  list(): string[] {
    return [...this.counts].map(([sentence, count]) => (count === 1 ? sentence : `${sentence} (${count} times)`));
  }
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
const LONE_SURROGATES = /\p{Surrogate}/gu;

/**
 * Text the body may hold (src/shared/text.ts): no control characters but \n and \t, no lone
 * surrogates. Checked on decoded text, because `&#1;` decodes to U+0001 as surely as a raw one.
 */
export function cleanText(text: string, warnings: Warnings): string {
  const cleaned = text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '\uFFFD');
  if (cleaned !== text) warnings.once('removed control characters from the text (and replaced broken characters with �)');
  return cleaned;
}

/** Alt text, captions and credits are one line: media fields refuse line breaks. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The `a`/`an` before an element's name in a warning. */
export function element(name: string): string {
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} <${name}>`;
}

/**
 * A link the body may keep, or undefined. Browsers drop a URL's edge spaces and its tabs and line
 * breaks; a protocol-relative `//host/x` is what the old site reached over https.
 */
export function safeHref(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let href = raw
    .trim()
    .replace(/[\t\n]/g, '')
    .replace(/ /g, '%20');
  if (href.startsWith('//')) href = `https:${href}`;
  return isSafeHref(href) ? href : undefined;
}

/** An image address the importer can fetch: http(s), or site-relative on the old site. */
export function safeImageUrl(raw: string | undefined): string | undefined {
  const url = safeHref(raw);
  return url && !/^mailto:/i.test(url) ? url : undefined;
}

/** What an embed becomes: a paragraph holding one link whose words are its address. */
export function linkRuns(url: string): Inline[] {
  const href = safeHref(url);
  return [{ text: url, ...(href ? { href } : {}) }];
}

export interface Format {
  em: boolean;
  strong: boolean;
  href: string | undefined;
}

function runOf(text: string, format: Format): Inline {
  const marks: ('em' | 'strong')[] = [...(format.em ? (['em'] as const) : []), ...(format.strong ? (['strong'] as const) : [])];
  return { text, ...(marks.length > 0 ? { marks } : {}), ...(format.href ? { href: format.href } : {}) };
}

function sameFormat(a: Inline, b: Inline): boolean {
  return a.href === b.href && (a.marks ?? []).join() === (b.marks ?? []).join();
}

export function plainText(runs: Inline[]): string {
  return runs.map((run) => run.text).join('');
}

/** Nothing a reader would see: `<p>&nbsp;</p>` is WordPress's empty paragraph. */
export function isBlank(runs: Inline[]): boolean {
  return runs.every((run) => /^\s*$/u.test(run.text));
}

/**
 * The runs of the block being read. Text is added as a browser lays it out: spaces, tabs and
 * newlines become one space, and none starts a line; a line break (`<br>`) is "\n". Adjacent text
 * with the same marks and link is one run.
 */
export class InlineBuffer {
  private runs: Inline[] = [];

  get isEmpty(): boolean {
    return this.runs.length === 0;
  }

  appendCollapsed(text: string, format: Format): void {
    // Only the whitespace that changes is replaced: a replacement costs far more than a scan.
    let words = text.replace(/[\t\n][ \t\n]*| [ \t\n]+/g, ' ');
    if (words.startsWith(' ') && this.endsWithSpaceOrBreak()) words = words.slice(1);
    this.append(words, format);
  }

  /** Inside `<pre>`: every space and line break counts. */
  appendPreformatted(text: string, format: Format): void {
    this.append(text, format);
  }

  lineBreak(format: Format): void {
    this.dropTrailingSpace();
    this.append('\n', format);
  }

  /** A newline in classic WordPress text is a line break, but not a second one right after `<br>`. */
  softLineBreak(format: Format): void {
    if (!this.runs.at(-1)?.text.endsWith('\n')) this.lineBreak(format);
  }

  /** The runs so far, without the blank space at their edges; the buffer starts again empty. */
  take(): Inline[] {
    const runs = this.runs;
    this.runs = [];
    return trimRuns(runs);
  }

  private append(text: string, format: Format): void {
    if (!text) return;
    const run = runOf(text, format);
    const previous = this.runs.at(-1);
    if (previous && sameFormat(previous, run)) previous.text += text;
    else this.runs.push(run);
  }

  private endsWithSpaceOrBreak(): boolean {
    const last = this.runs.at(-1);
    return !last || last.text.endsWith(' ') || last.text.endsWith('\n');
  }

  private dropTrailingSpace(): void {
    const last = this.runs.at(-1);
    if (!last?.text.endsWith(' ')) return;
    last.text = last.text.slice(0, -1);
    if (!last.text) this.runs.pop();
  }
}

/** Drops the spaces and line breaks at the edges of a block's runs, and runs left empty by that. */
export function trimRuns(runs: Inline[]): Inline[] {
  let start = 0;
  let end = runs.length;
  let first: Inline | undefined;
  let last: Inline | undefined;
  for (; start < end && !first; start++) {
    const run = runs[start]!;
    const text = run.text.replace(/^[ \t\n]+/, '');
    if (text) first = text === run.text ? run : { ...run, text };
  }
  for (; end > start && !last; end--) {
    const run = runs[end - 1]!;
    const text = run.text.replace(/[ \t\n]+$/, '');
    if (text) last = text === run.text ? run : { ...run, text };
  }
  if (!first) return [];
  if (!last) return [{ ...first, text: first.text.replace(/[ \t\n]+$/, '') }];
  const trimmed = runs.slice(start, end);
  trimmed.unshift(first);
  trimmed.push(last);
  return trimmed;
}

/** Joins neighbours with the same marks and link into one run. */
export function mergeRuns(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    // Copied only when text is added to it: the runs passed in are not changed.
    if (previous && sameFormat(previous, run)) merged[merged.length - 1] = { ...previous, text: previous.text + run.text };
    else merged.push(run);
  }
  return merged;
}

const BARE_URL = /^https?:\/\/[^\s<>"]+$/i;

/**
 * Classic WordPress turns a URL standing alone on its line into an embed. Such lines leave their
 * paragraph as link paragraphs of their own; the lines around them stay paragraphs.
 */
export function splitOffBareUrls(runs: Inline[]): Inline[][] {
  if (!runs.some((run) => run.text.includes('://'))) return [runs];
  const lines = splitLines(runs);
  const bareUrl = (line: Inline[]) => {
    const words = trimRuns(line);
    return words.length > 0 && words.every((run) => !run.href && !run.marks) && BARE_URL.test(plainText(words));
  };
  if (!lines.some(bareUrl)) return [runs];
  const paragraphs: Inline[][] = [];
  let group: Inline[][] = [];
  const endGroup = () => {
    const joined = mergeRuns(trimRuns(group.flatMap((line, index) => (index === 0 ? line : [{ text: '\n' }, ...line]))));
    if (joined.length > 0 && !isBlank(joined)) paragraphs.push(joined);
    group = [];
  };
  for (const line of lines) {
    if (!bareUrl(line)) {
      group.push(line);
      continue;
    }
    endGroup();
    paragraphs.push(linkRuns(plainText(trimRuns(line))));
  }
  endGroup();
  return paragraphs;
}

function splitLines(runs: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines.at(-1)?.push({ ...run, text: part });
    });
  }
  return lines;
}
