import type { WordPressAttachment } from './wordpress-body-types.js';
import { oneLine } from './html-blocks-inline.js';

/**
 * Photo credits written into WordPress captions. Dateline keeps an image's credit apart from its
 * caption (the site prints it as `(ⓒ credit)`), so a credit the caption ends with is split off.
 */

/** Words that introduce a credit: "Photo:", "Photograph by", "Credit:", "Image credit:" … */
const LABEL = String.raw`(?:(?:photo|picture|image)\s+credits?|photo(?:graph(?:y|s)?|s)?|picture|image|illustration|graphic|credits?)`;
const INTRODUCTION = String.raw`(?:${LABEL}\s*(?::|\bby\b)|©|\(c\)|copyright\b\s*©?)`;
/** "… (Photo: Jane Doe)" or "… (© Jane Doe)" closing the caption. */
const IN_PARENTHESES = new RegExp(String.raw`\(\s*${INTRODUCTION}\s*([^()]+)\)\s*\.?$`, 'iu');
/** "… / Photo: Jane Doe", "… — Credit: Jane Doe", "… . Photograph by Jane Doe", or a caption that is only a credit. */
const AFTER_SEPARATOR = new RegExp(String.raw`(?:^|\s+[/|—–-]\s*|\s*[/|]\s+|(?<=[.!?…])\s+)${INTRODUCTION}\s*(\S.*)$`, 'iu');
/** "… © Jane Doe": the copyright sign needs no separator before it; "(c)" only before a name or year ("clause (c) of the law" is no credit). */
const COPYRIGHT = /(?:^|\s)(?:©|\([cC]\)(?=\s*[\p{Lu}\d]))\s*(\S.*)$/u;
const LEADING_INTRODUCTION = new RegExp(String.raw`^${INTRODUCTION}\s*`, 'iu');

/** Longer "captions" are text that was never a caption; the patterns are not run over them. */
const LONGEST_CAPTION_SEARCHED = 2000;

export interface CaptionParts {
  caption: string;
  credit: string;
}

/** Splits a credit off the end of a caption, in the forms newsrooms write them; '' when there is none. */
export function splitCredit(text: string): CaptionParts {
  const caption = oneLine(text);
  if (caption.length > LONGEST_CAPTION_SEARCHED) return { caption, credit: '' };
  for (const pattern of [IN_PARENTHESES, AFTER_SEPARATOR, COPYRIGHT]) {
    const match = pattern.exec(caption);
    const credit = match ? tidyCredit(match[1] ?? '') : '';
    if (match && credit) return { caption: caption.slice(0, match.index).replace(/[\s/|—–-]+$/u, ''), credit };
  }
  return { caption, credit: '' };
}

/** A credit written in its own element (`<span class="credit">Photo: Jane Doe</span>`) loses its label too. */
export function tidyCredit(text: string): string {
  let credit = oneLine(text);
  if (/^\(.*\)$/u.test(credit)) credit = credit.slice(1, -1).trim();
  return credit.replace(LEADING_INTRODUCTION, '').replace(/\.$/u, '').trim();
}

/**
 * An image's caption and credit: what the post wrote beside it (a credit element, or a credit the
 * caption ends with) first, then the attachment's own fields.
 */
export function captionAndCredit(
  written: { caption: string; credit: string } | undefined,
  attachment: WordPressAttachment | undefined,
): CaptionParts {
  const own = written?.credit ? { caption: oneLine(written.caption), credit: tidyCredit(written.credit) } : splitCredit(written?.caption ?? '');
  const stored = attachment?.credit
    ? { caption: oneLine(attachment.caption), credit: oneLine(attachment.credit) }
    : splitCredit(attachment?.caption ?? '');
  return { caption: own.caption || stored.caption, credit: own.credit || stored.credit };
}
