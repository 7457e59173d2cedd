import type { Inline } from '../../shared/article-body.js';
import { ghostLinkPath, text, type BodyBuilder } from './ghost-body.js';
import { addCard, record } from './ghost-cards.js';
import { plainText, safeHref } from './html-blocks-inline.js';

/**
 * Ghost 4's body: Mobiledoc 0.3 (`{"atoms":[],"cards":[],"markups":[],"sections":[]}`) → body blocks.
 * Sections are paragraphs, headings, quotes (markup sections: 1), lists (3), pictures (2) and cards
 * (10); markers carry text with the markups they open and how many they close.
 */

const MARKUP_SECTION = 1;
const IMAGE_SECTION = 2;
const LIST_SECTION = 3;
const CARD_SECTION = 10;
const TEXT_MARKER = 0;
const ATOM_MARKER = 1;

interface Parts {
  markups: unknown[];
  atoms: unknown[];
  cards: unknown[];
}

/** @returns false when the text is not Mobiledoc (the post's HTML is read instead) */
export function mobiledocToBody(json: string, body: BodyBuilder): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  const doc = record(parsed);
  if (!Array.isArray(doc.sections)) return false;
  const parts: Parts = { markups: list(doc.markups), atoms: list(doc.atoms), cards: list(doc.cards) };
  for (const raw of doc.sections) {
    if (body.full) break;
    section(list(raw), parts, body);
  }
  return true;
}

function section([type, first, second]: unknown[], parts: Parts, body: BodyBuilder): void {
  switch (type) {
    case MARKUP_SECTION: {
      const tag = text(first).toLowerCase();
      const runs = markers(list(second), parts, body);
      const plain = /^h[1-6]$/.test(tag) || tag === 'blockquote' || tag === 'aside' || tag === 'pull-quote';
      if (plain && runs.some((run) => run.href)) body.warn('dropped a link inside a heading or quote (they hold plain text)');
      if (/^h[1-6]$/.test(tag)) return body.heading(plainText(runs));
      if (plain) return body.quote(plainText(runs));
      return body.paragraph(runs);
    }
    case LIST_SECTION:
      return body.list(
        text(first).toLowerCase() === 'ol',
        list(second).map((item) => markers(list(item), parts, body)),
      );
    case IMAGE_SECTION:
      return body.figure(first, '', '');
    case CARD_SECTION: {
      const [name, payload] = typeof first === 'number' ? list(parts.cards[first]) : [];
      return addCard(text(name), record(payload), body);
    }
    default:
      return body.warn('dropped a Mobiledoc section of a kind this importer does not know');
  }
}

/** Text runs from markers: each opens markups (by index), has its text or atom, and closes the innermost few. */
function markers(items: unknown[], parts: Parts, body: BodyBuilder): Inline[] {
  const runs: Inline[] = [];
  const open: Array<{ tag: string; href: string | undefined }> = [];
  for (const raw of items) {
    const [type, opens, closes, value] = list(raw);
    for (const index of list(opens)) if (typeof index === 'number') open.push(markup(parts.markups[index], body));
    let words = '';
    if (type === TEXT_MARKER) words = text(value);
    else if (type === ATOM_MARKER && typeof value === 'number') {
      const [name, atomText] = list(parts.atoms[value]);
      words = name === 'soft-return' ? '\n' : text(atomText);
    }
    if (words) runs.push(runOf(words, open));
    open.length = Math.max(0, open.length - (typeof closes === 'number' && closes > 0 ? closes : 0));
  }
  return runs;
}

function markup(raw: unknown, body: BodyBuilder): { tag: string; href: string | undefined } {
  const [tagName, attributes] = list(raw);
  const tag = text(tagName).toLowerCase();
  if (tag !== 'a') return { tag, href: undefined };
  const pairs = list(attributes);
  const at = pairs.findIndex((name, index) => index % 2 === 0 && name === 'href');
  if (at < 0) return { tag, href: undefined };
  const url = ghostLinkPath(text(pairs[at + 1]));
  const href = safeHref(url);
  if (!href && url) body.warn('dropped a link that was not http(s), mailto or site-relative (its text kept)');
  return { tag, href };
}

function runOf(words: string, open: Array<{ tag: string; href: string | undefined }>): Inline {
  const em = open.some(({ tag }) => tag === 'em' || tag === 'i');
  const strong = open.some(({ tag }) => tag === 'strong' || tag === 'b');
  const href = open.findLast((markup) => markup.href)?.href;
  const marks: Array<'em' | 'strong'> = [...(em ? (['em'] as const) : []), ...(strong ? (['strong'] as const) : [])];
  return { text: words, ...(marks.length > 0 ? { marks } : {}), ...(href ? { href } : {}) };
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
