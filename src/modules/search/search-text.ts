import { isHangulWord, isLoneParticle, koreanStem, stemToken } from './search-korean.js';

/**
 * The one place that turns text into search tokens, for the index (both engines), for queries and
 * for highlighting. The engines only ever see tokens made here, joined by spaces, so SQLite FTS5
 * and PostgreSQL behave the same and no reader's text is ever read as query syntax.
 *
 * - Words in alphabetic scripts: NFKC, lower case, Latin accents removed, light English stemming
 *   ("elections" → "election", "running" → "run").
 * - Hangul, Han, Hiragana and Katakana runs: overlapping character bigrams, as Lucene's CJK analyzer
 *   does. Whitespace tokenizers keep Korean particles on the noun ("서울에서"), bigrams let "서울"
 *   find it. A query run becomes a phrase of its bigrams; a one-character query is a prefix.
 * - Korean words (Hangul runs) also: their stem, particles and common endings stripped
 *   (search-korean.ts), as one more token. A query word is looked for by its stem: the stem's
 *   bigrams as a phrase (so "시민들이" finds "시민의", "서울시" finds "서울시청에서"), or the stem token,
 *   which ranks a story with the word itself above one with it only inside a longer word.
 */
// ー (the long-vowel mark) is script Common, but belongs inside Japanese words.
const CJK = '\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
// The `v` flag's set difference: letters, digits and marks that are not CJK (a lookahead per
// character made indexing four times slower).
const SEGMENT = new RegExp(`([${CJK}]+)|([[\\p{L}\\p{N}\\p{M}]--[${CJK}]]+)`, 'gv');
const LATIN_WORD = /^[\p{Script=Latin}\p{N}\p{M}]+$/u;

/** Enough for any real query; more terms only make a query slower, not better. */
export const MAX_QUERY_TERMS = 24;

export interface TextSegment {
  kind: 'word' | 'cjk';
  /** Normalised (NFKC, lower case, Latin accents removed): compare this. */
  text: string;
  /** Offsets in the original string, for highlighting. */
  start: number;
  end: number;
}

/** A piece of a query, as the engines receive it: tokens only, never the reader's raw text. */
export type SearchTerm = { kind: 'token'; token: string } | { kind: 'phrase'; tokens: string[] } | { kind: 'prefix'; token: string };
/** A term, or any of several (a Korean word: its stem's bigrams, or its stem token). */
export type SearchClause = SearchTerm | { kind: 'any'; terms: SearchTerm[] };

export interface ParsedQuery {
  /** The query's words, normalised but not stemmed, for "results for …". */
  terms: string[];
  clauses: SearchClause[];
}

export function scanText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const match of text.matchAll(SEGMENT)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const kind = match[1] ? 'cjk' : 'word';
    const normalized = normalizeSegment(raw, kind);
    // A lone accent folds away to nothing: no token, rather than an empty one.
    if (normalized) segments.push({ kind, text: normalized, start, end: start + raw.length });
  }
  return segments;
}

function normalizeSegment(raw: string, kind: TextSegment['kind']): string {
  // Most words need no folding: plain ASCII words, and Hangul syllables (stable under NFKC).
  if (kind === 'word' ? /^[a-z0-9]+$/i.test(raw) : /^[\uAC00-\uD7A3]+$/.test(raw)) return raw.toLowerCase();
  // NFKC can unfold one character into several words (ﷺ); a token never holds a space or symbol.
  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]/gu, '');
  if (kind === 'cjk' || !LATIN_WORD.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The tokens a segment is indexed as. */
function segmentTokens(segment: TextSegment): string[] {
  if (segment.kind === 'word') return [stemWord(segment.text)];
  if (isHangulWord(segment.text)) return [stemToken(koreanStem(segment.text)), ...bigrams(segment.text)];
  return bigrams(segment.text);
}

function bigrams(run: string): string[] {
  if (!/[\uD800-\uDFFF]/.test(run)) {
    // Every character one code unit (Hangul, most Han): slice directly, the hot path when indexing.
    if (run.length === 1) return [run];
    const pairs: string[] = [];
    for (let i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
    return pairs;
  }
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((char, i) => char + (chars[i + 1] ?? ''));
}

/** Text as the index stores it: its tokens, space-separated. */
export function indexText(text: string): string {
  return scanText(text).flatMap(segmentTokens).join(' ');
}

/** A reader's query as clauses; operators, quotes and punctuation are not words and fall away. */
export function parseQuery(text: string): ParsedQuery {
  const terms: string[] = [];
  const clauses: SearchClause[] = [];
  const seen = new Set<string>();
  for (const segment of scanText(text)) {
    if (seen.has(segment.text)) continue;
    if (terms.length >= MAX_QUERY_TERMS) break;
    // "은" or "의" alone: nothing to look for (it would otherwise find every story).
    if (segment.kind === 'cjk' && isLoneParticle(segment.text)) continue;
    seen.add(segment.text);
    terms.push(segment.text);
    clauses.push(clauseFor(segment));
  }
  return { terms, clauses };
}

function clauseFor(segment: TextSegment): SearchClause {
  if (segment.kind === 'word') return { kind: 'token', token: stemWord(segment.text) };
  if (!isHangulWord(segment.text)) return runTerm(segment.text);
  const stem = koreanStem(segment.text);
  return { kind: 'any', terms: [runTerm(stem), { kind: 'token', token: stemToken(stem) }] };
}

/** A CJK run as a query term: its bigrams as a phrase; one character, a prefix. */
function runTerm(run: string): SearchTerm {
  const tokens = bigrams(run);
  if (Array.from(run).length === 1) return { kind: 'prefix', token: run };
  return tokens.length === 1 ? { kind: 'token', token: tokens[0] ?? run } : { kind: 'phrase', tokens };
}

/**
 * Where `terms` occur in `text`, as [start, end) ranges in order: words compare by stem, CJK terms
 * as substrings (so "서울" is marked inside "서울에서"), Korean ones by their stem ("시민들이" marks
 * "시민" in "시민의").
 */
export function findMatches(text: string, terms: readonly string[]): Array<[number, number]> {
  const stems = new Set<string>();
  const runs: string[] = [];
  for (const term of terms) {
    const [segment] = scanText(term);
    if (!segment) continue;
    if (segment.kind === 'word') stems.add(stemWord(segment.text));
    else runs.push(isHangulWord(segment.text) ? koreanStem(segment.text) : segment.text);
  }
  const ranges: Array<[number, number]> = [];
  for (const segment of scanText(text)) {
    if (segment.kind === 'word') {
      if (stems.has(stemWord(segment.text))) ranges.push([segment.start, segment.end]);
      continue;
    }
    const raw = text.slice(segment.start, segment.end);
    const found: Array<[number, number]> = [];
    for (const run of runs) {
      for (let at = raw.indexOf(run); at !== -1; at = raw.indexOf(run, at + run.length)) {
        found.push([segment.start + at, segment.start + at + run.length]);
      }
    }
    ranges.push(...mergeRanges(found));
  }
  return ranges;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Light English stemming (Porter's step 1: plurals, -ed, -ing, final -y), enough for "elections" to
 * find "election" without the surprises of full stemmers. Only plain a–z words are touched.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith('ed') ? 'ed' : w.endsWith('ing') ? 'ing' : '';
    const stem = suffix ? w.slice(0, -suffix.length) : '';
    if (suffix && /[aeiou]|[^aeiou]y/.test(stem)) w = restoreAfterSuffix(stem);
  }
  if (w.endsWith('y') && /[aeiou]/.test(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}

function restoreAfterSuffix(stem: string): string {
  if (/(at|bl|iz)$/.test(stem)) return `${stem}e`;
  if (/([^aeiouylsz])\1$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && /[^aeiou][aeiouy][^aeiouwxy]$/.test(stem)) return `${stem}e`;
  return stem;
}

/** Porter's m: the number of vowel–consonant sequences. */
function measure(stem: string): number {
  const form = stem.replace(/[^aeiouy]+/g, 'C').replace(/[aeiouy]+/g, 'V');
  return (form.match(/VC/g) ?? []).length;
}
