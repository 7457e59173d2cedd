import type { Inline } from '../../shared/article-body.js';
import { ghostLinkPath, text, type BodyBuilder } from './ghost-body.js';
import { addCard, record, type CardPayload } from './ghost-cards.js';
import { plainText, safeHref } from './html-blocks-inline.js';

/**
 * Ghost 5's body: Lexical's editor state (`{"root":{"children":[…]}}`) → body blocks. Paragraphs,
 * headings, quotes and lists keep their words, bold, italic and links; the one level of list the body
 * has takes nested lists' items after their parent's; cards go to ghost-cards.ts.
 */

/** Lexical nests no deeper in real posts; past this, the words of deeper nodes are left out with a warning. */
const DEEPEST = 40;
const BOLD = 1;
const ITALIC = 2;
const LINK_IN_PLAIN_TEXT = 'dropped a link inside a heading or quote (they hold plain text)';

/** @returns false when the text is not Lexical's state (the post's HTML is read instead) */
export function lexicalToBody(json: string, body: BodyBuilder): boolean {
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return false;
  }
  const children = record(record(state).root).children;
  if (!Array.isArray(children)) return false;
  for (const child of children) {
    if (body.full) break;
    block(record(child), body);
  }
  return true;
}

/** Ghost's own kinds of the basic nodes (`extended-text` …) are those nodes. */
function kindOf(node: CardPayload): string {
  return text(node.type).replace(/^extended-/, '');
}

function block(node: CardPayload, body: BodyBuilder): void {
  const kind = kindOf(node);
  switch (kind) {
    case 'paragraph':
      return body.paragraph(inline(node, body, 0, undefined));
    case 'heading': {
      const runs = inline(node, body, 0, undefined);
      if (runs.some((run) => run.href)) body.warn(LINK_IN_PLAIN_TEXT);
      return body.heading(plainText(runs));
    }
    case 'quote':
    case 'aside': {
      const runs = inline(node, body, 0, undefined);
      if (runs.some((run) => run.href)) body.warn(LINK_IN_PLAIN_TEXT);
      return body.quote(plainText(runs));
    }
    case 'list':
      return body.list(node.listType === 'number' || node.tag === 'ol', listItems(node, body, 0));
    case 'linebreak':
      return;
    default:
      if (!Array.isArray(node.children)) return addCard(kind, node, body);
      // A kind of block this importer does not know, holding words: the words are kept.
      body.warn(`kept the words of a Ghost ${kind.replace(/[^\w-]/g, '').slice(0, 40)} block as a paragraph`);
      return body.paragraph(inline(node, body, 0, undefined));
  }
}

function inline(node: CardPayload, body: BodyBuilder, depth: number, href: string | undefined): Inline[] {
  const runs: Inline[] = [];
  const children = Array.isArray(node.children) ? node.children : [];
  if (depth > DEEPEST) {
    if (children.length > 0) body.warn('left out words nested deeper than any editor writes');
    return runs;
  }
  for (const raw of children) {
    const child = record(raw);
    switch (kindOf(child)) {
      case 'text':
        runs.push(run(text(child.text), child.format, href));
        break;
      case 'linebreak':
        runs.push(run('\n', 0, href));
        break;
      case 'tab':
        runs.push(run('\t', 0, href));
        break;
      case 'link':
      case 'autolink': {
        const url = ghostLinkPath(text(child.url));
        const safe = safeHref(url);
        if (!safe && url) body.warn('dropped a link that was not http(s), mailto or site-relative (its text kept)');
        runs.push(...inline(child, body, depth + 1, safe ?? href));
        break;
      }
      default:
        if (Array.isArray(child.children)) runs.push(...inline(child, body, depth + 1, href));
        else if (typeof child.text === 'string') runs.push(run(child.text, child.format, href));
    }
  }
  return runs;
}

function run(words: string, format: unknown, href: string | undefined): Inline {
  const bits = typeof format === 'number' ? format : 0;
  const marks: Array<'em' | 'strong'> = [...(bits & ITALIC ? (['em'] as const) : []), ...(bits & BOLD ? (['strong'] as const) : [])];
  return { text: words, ...(marks.length > 0 ? { marks } : {}), ...(href ? { href } : {}) };
}

/** A list's items; a nested list's items follow the item that holds it (the body has one level of list). */
function listItems(list: CardPayload, body: BodyBuilder, depth: number): Inline[][] {
  const items: Inline[][] = [];
  for (const raw of Array.isArray(list.children) ? list.children : []) {
    const item = record(raw);
    const own: unknown[] = [];
    const nested: CardPayload[] = [];
    for (const child of Array.isArray(item.children) ? item.children : []) {
      if (kindOf(record(child)) === 'list') nested.push(record(child));
      else own.push(child);
    }
    if (own.length > 0) items.push(inline({ children: own }, body, depth + 1, undefined));
    for (const sub of nested) {
      body.warn('flattened a nested list into the list around it');
      if (depth < DEEPEST) items.push(...listItems(sub, body, depth + 1));
    }
  }
  return items;
}
