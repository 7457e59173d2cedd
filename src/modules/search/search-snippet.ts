import { findMatches } from './search-text.js';
import type { SnippetPart } from './search.types.js';

/** About two lines of a results page. */
const SNIPPET_WORDS = 30;
/** Words of context shown before the best match. */
const LEAD_WORDS = 8;
/** Bodies can be long: look for the best window among the first matches only. */
const MAX_CANDIDATES = 200;

/**
 * A short passage around the best match (the window holding the most distinct terms, earliest
 * first), with the matches marked. Built from the story's own text in TypeScript, so it is the
 * same on every engine. Passages are tried in order (body, then standfirst); with no match in
 * either (the story matched on its headline, an author or a tag) the passage's opening is shown.
 */
export function buildSnippet(passages: readonly string[], terms: readonly string[]): SnippetPart[] {
  const texts = passages.filter((text) => text.trim().length > 0);
  for (const text of texts) {
    const matches = findMatches(text, terms);
    if (matches.length > 0) return snippetAround(text, matches, terms);
  }
  const first = texts[0];
  return first ? snippetAround(first, [], terms) : [];
}

function snippetAround(text: string, matches: Array<[number, number]>, terms: readonly string[]): SnippetPart[] {
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
  if (endWord < words.length) parts.push({ text: ' …', match: false });
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
