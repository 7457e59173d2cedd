import type { BodyBlock, Inline } from '../../shared/article-body.js';
import type { Warnings } from './html-blocks-inline.js';
import { cutAtWord } from './import-text.js';

/**
 * Fitting converted blocks to what ArticleBodySchema accepts, losing as few words as possible: a
 * run or quote too long is split rather than cut, a "heading" too long to be one stays a paragraph.
 * The numbers mirror the schema in src/shared/article-body.ts; the schema itself has the last word
 * (convertWordPressBody checks its result against it).
 */
export const BODY_LIMITS = {
  runText: 10_000,
  runsPerParagraph: 500,
  heading: 300,
  quote: 2000,
  attribution: 300,
  listItems: 200,
  blocks: 2000,
} as const;

export const STOPPED_AT_BLOCK_LIMIT = `stopped after ${BODY_LIMITS.blocks.toLocaleString('en')} blocks: the rest of the post was left out`;

export function fitToLimits(blocks: BodyBlock[], warnings: Warnings): BodyBlock[] {
  const fitted: BodyBlock[] = [];
  for (const block of blocks) {
    fitted.push(...fitBlock(block, warnings));
    if (fitted.length > BODY_LIMITS.blocks) {
      warnings.once(STOPPED_AT_BLOCK_LIMIT);
      return fitted.slice(0, BODY_LIMITS.blocks);
    }
  }
  return fitted;
}

function fitBlock(block: BodyBlock, warnings: Warnings): BodyBlock[] {
  switch (block.type) {
    case 'paragraph':
      return fitParagraph(block.content, warnings);
    case 'heading':
      return fitHeading(block.text, warnings);
    case 'quote':
      return fitQuote(block.text, block.attribution ?? '', warnings);
    case 'list':
      return fitList(block.ordered, block.items, warnings);
    case 'figure':
    case 'divider':
    case 'embed':
      return [block];
  }
}

function fitParagraph(content: Inline[], warnings: Warnings): BodyBlock[] {
  const runs = fitRuns(content);
  const paragraphs = chunk(runs, BODY_LIMITS.runsPerParagraph).map((part): BodyBlock => ({ type: 'paragraph', content: part }));
  if (paragraphs.length > 1) warnings.add(`split a paragraph of ${runs.length} formatting runs into ${paragraphs.length} paragraphs`);
  return paragraphs;
}

/** NFC, as the schema stores text; a run over the limit becomes several with the same format. */
function fitRuns(content: Inline[]): Inline[] {
  const fitted: Inline[] = [];
  for (const run of content) {
    const text = run.text.normalize('NFC');
    if (text === run.text && text.length <= BODY_LIMITS.runText) fitted.push(run);
    else for (const piece of splitAtWords(text, BODY_LIMITS.runText)) fitted.push({ ...run, text: piece });
  }
  return fitted;
}

function fitHeading(raw: string, warnings: Warnings): BodyBlock[] {
  const text = raw.normalize('NFC');
  if (codePointLength(text) <= BODY_LIMITS.heading) return [{ type: 'heading', text }];
  // A "heading" this long was a paragraph set in large type; its words matter more than its size.
  warnings.add(`kept a heading of over ${BODY_LIMITS.heading} characters as a paragraph`);
  return fitParagraph([{ text }], warnings);
}

function fitQuote(raw: string, rawAttribution: string, warnings: Warnings): BodyBlock[] {
  const attribution = cutAtWord(rawAttribution.normalize('NFC'), BODY_LIMITS.attribution, "a quote's attribution", (sentence) =>
    warnings.add(sentence),
  );
  const pieces = splitQuoteText(raw.normalize('NFC'));
  if (pieces.length > 1) warnings.add(`split a quote of over ${BODY_LIMITS.quote.toLocaleString('en')} characters into ${pieces.length} quotes`);
  // The speaker is named once, under the last part, as a reader would see the whole quote.
  return pieces.map((text, index) => ({ type: 'quote', text, ...(attribution && index === pieces.length - 1 ? { attribution } : {}) }));
}

/** At paragraph breaks where it can, else at word breaks. */
function splitQuoteText(text: string): string[] {
  const pieces: string[] = [];
  for (const paragraph of text.split('\n\n')) {
    const last = pieces.at(-1);
    const joined = last === undefined ? paragraph : `${last}\n\n${paragraph}`;
    if (codePointLength(joined) <= BODY_LIMITS.quote) {
      if (last === undefined) pieces.push(joined);
      else pieces[pieces.length - 1] = joined;
    } else {
      pieces.push(...splitAtWords(paragraph, BODY_LIMITS.quote).map((piece) => piece.trim()));
    }
  }
  return pieces.filter(Boolean);
}

function fitList(ordered: boolean, items: Inline[][], warnings: Warnings): BodyBlock[] {
  const lists = chunk(items.map(fitRuns), BODY_LIMITS.listItems).map((part): BodyBlock => ({ type: 'list', ordered, items: part }));
  if (lists.length > 1) warnings.add(`split a list of ${items.length} items into ${lists.length} lists`);
  return lists;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Pieces of at most `max` code points (the schema counts code points), cut after the last space
 * in the second half of each piece, or mid-word when a "word" is longer than that. Joined again,
 * the pieces are the text.
 */
export function splitAtWords(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (;;) {
    const hardCut = indexAfterCodePoints(rest, max);
    if (hardCut >= rest.length) break;
    const space = lastSpaceBefore(rest, hardCut, hardCut / 2);
    const cut = space >= 0 ? space + 1 : hardCut;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

function indexAfterCodePoints(text: string, count: number): number {
  let index = 0;
  for (let n = 0; n < count && index < text.length; n++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

function lastSpaceBefore(text: string, end: number, notBefore: number): number {
  for (let index = end - 1; index >= notBefore; index--) {
    const char = text[index];
    if (char === ' ' || char === '\n' || char === '\t') return index;
  }
  return -1;
}

export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; count++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return count;
}
