import { findMatches } from './search-text.js';
import type { SnippetPart } from './search.types.js';

/** About two lines of a results page. */
const SNIPPET_WORDS = 30;
/** Words of context shown before the best match. */
const LEAD_WORDS = 8;
/** Bodies can be long: look for the best window among the first matches only. */
const MAX_CANDIDATES = 200;
/**
 * A body's opening, in characters, searched first: finding matches stems every word, and a whole
 * body took about a millisecond of a results page's five.
 */
const HEAD_CHARS = 3000;

/**
 * A short passage around the best match (the window holding the most distinct terms, earliest
 * first), with the matches marked. Built from the story's own text in TypeScript, so it is the
 * same on every engine. Passages are tried in order (body, then standfirst); with no match in
 * either (the story matched on its headline, an author or a tag) the passage's opening is shown.
 */
export function buildSnippet(passages: readonly string[], terms: readonly string[]): SnippetPart[] {
  const texts = passages.filter((text) => text.trim().length > 0);
  for (const text of texts) {
    const head = openingOf(text);
    if (head.length < text.length) {
      const headMatches = findMatches(head, terms);
      // A window that reaches the opening's end may lack matches past it: then the whole text.
      const snippet = headMatches.length > 0 ? snippetAround(head, headMatches, terms, true) : null;
      if (snippet) return snippet;
    }
    const matches = findMatches(text, terms);
    if (matches.length > 0) return snippetAround(text, matches, terms) ?? [];
  }
  const first = texts[0];
  if (first === undefined) return [];
  const opening = openingOf(first);
  return snippetAround(opening, [], terms, opening.length < first.length) ?? [];
}

/** The text up to the last space before HEAD_CHARS (all of it when shorter). */
function openingOf(text: string): string {
  if (text.length <= HEAD_CHARS) return text;
  const cut = text.lastIndexOf(' ', HEAD_CHARS);
  return text.slice(0, cut > 0 ? cut : HEAD_CHARS);
}

/**
 * @param opening `text` is the opening of a longer text: the window then must end before its last
 *   word (or null is returned, as the rest might hold matches for it), and is followed by "…".
 */
function snippetAround(text: string, matches: Array<[number, number]>, terms: readonly string[], opening = false): SnippetPart[] | null {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (words.length === 0) return [];
  const wordAt = (offset: number) =>
    Math.max(
      0,
      words.findIndex((word) => word.end > offset),
    );
  let startWord = 0;
  let best = -1;
  for (const [start] of matches.slice(0, MAX_CANDIDATES)) {
    const first = Math.max(0, wordAt(start) - LEAD_WORDS);
    const windowEnd = words[Math.min(words.length, first + SNIPPET_WORDS) - 1]?.end ?? text.length;
    const windowStart = words[first]?.start ?? 0;
    const distinct = new Set(matches.filter(([s, e]) => s >= windowStart && e <= windowEnd).map(([s, e]) => text.slice(s, e).toLowerCase())).size;
    if (distinct > best) {
      best = distinct;
      startWord = first;
    }
    if (best >= terms.length) break;
  }
  const endWord = Math.min(words.length, startWord + SNIPPET_WORDS);
  if (opening && endWord === words.length && matches.length > 0) return null;
  const from = words[startWord]?.start ?? 0;
  const to = words[endWord - 1]?.end ?? text.length;
  const parts: SnippetPart[] = [];
  if (startWord > 0) parts.push({ text: '… ', match: false });
  let cursor = from;
  for (const [s, e] of matches) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > cursor) parts.push({ text: collapse(text.slice(cursor, start)), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < to) parts.push({ text: collapse(text.slice(cursor, to)), match: false });
  if (endWord < words.length || opening) parts.push({ text: ' …', match: false });
  return mergeParts(parts);
}

/** Paragraph breaks become spaces: a snippet is one line of text. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function mergeParts(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.match === part.match) last.text += part.text;
    else if (part.text) merged.push({ ...part });
  }
  return merged;
}
