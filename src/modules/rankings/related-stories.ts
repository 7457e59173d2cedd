/**
 * "You May Also Like", computed from content: TF-IDF over a story's words, tags and section, each
 * story reduced to a profile of its most telling terms, stories compared by the cosine of their
 * profiles. Pure code, no database: the full build (related-stories-index.ts) and the incremental
 * update (related-stories-update.ts) both rank with what is here; docs/rankings.md (section "You
 * May Also Like") explains every choice below.
 */

/** What relatedness reads of a story. */
export interface RelatedStoryDocument {
  id: string;
  headline: string;
  standfirst: string;
  /** The body as plain text (see `bodyPlainText`). */
  bodyText: string;
  tagIds: readonly string[];
  sectionId: string;
  seriesId: string | null;
  publishedAt: Date;
}

/**
 * Bumped whenever a change here would change the stored lists (the tokenizer, the weights, the
 * profile's size): a start that finds lists stored by another version rebuilds them all.
 */
export const METHOD_VERSION = 2;

/** How many stories "You May Also Like" shows. */
export const RELATED_STORIES_COUNT = 5;

/**
 * How many each stored list keeps: the five shown and a reserve, so a story leaving a list (withdrawn,
 * or edited into another subject) is replaced from the reserve without recomputing that list.
 */
export const RELATED_STORIES_KEPT = 10;

/**
 * How much one field counts. Words are weighted per field after sublinear tf, so a headline word
 * outweighs the same word repeated in the body. A shared tag is an editor's explicit judgement, so
 * it counts like a headline word and more; the section is broad (dozens of stories share it), so
 * it only nudges.
 */
export const FIELD_WEIGHTS = {
  headline: 3,
  standfirst: 2,
  body: 1,
  tag: 5,
  section: 1,
} as const;

/**
 * A story's profile: its heaviest tf-idf terms that other stories also hold (as Lucene's
 * MoreLikeThis queries with 25), plus a few "hooks", its heaviest terms no other story holds yet, so
 * the next story to use a new name or word finds this one through it.
 */
export const PROFILE_TERMS = 30;
export const PROFILE_HOOKS = 10;

/**
 * Candidates are found through a story's heaviest profile terms only (its rarest, most telling
 * words and tags), and through at most the newest POSTINGS_PER_TERM postings of each: terms in
 * thousands of profiles (a popular tag, a section, a word every story on a beat uses) would
 * otherwise cost every update thousands of rows, and the full build most of its time. The best
 * candidates so found still get every profile term's share, read from their own profiles.
 */
export const CANDIDATE_TERMS = 15;
export const POSTINGS_PER_TERM = 100;

/** Candidates whose score is completed with the shares of the terms not read in full before the final ranking. */
export const REFINED_CANDIDATES = 60;

/** Scores closer than this are equal: the same overlap summed in another order differs in the last bits. */
export const SCORE_EPSILON = 1e-9;

/** Words too common in English news to say anything about a story's subject. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how if in into is it its ' +
    'just more most much my no not now of on one or our out over she so some than that the their them then there these ' +
    'they this those to too up us was we were what when where which who whom why will with would you your also after ' +
    'about all any before being between both during each few other only own same such through under until very while ' +
    'said says say new year years'
  ).split(' '),
);

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
/** Whether each BMP code unit is a letter or digit, learnt as met (0: not yet known, 1: yes, 2: no). */
const wordUnits = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  let known = wordUnits[code] ?? 0;
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnits[code] = known;
  }
  return known === 1;
}

/**
 * Lower-cases, splits on anything that is not a letter or digit in any script, keeps tokens of two
 * or more characters that are not stop words, and folds simple English plurals. Scripts with
 * spaces between words (Latin, Hangul, Cyrillic…) work; Korean particles stay attached to their
 * noun ("항구가" and "항구" differ), since that needs a morphological analyser.
 *
 * A hand-written scanner rather than `split(/[^\p{L}\p{N}]+/u)`: the Unicode regex was two thirds
 * of a full build's time. Lower-case ASCII words (most of them) are sliced as they are; a word with
 * capitals or other scripts is lower-cased, then split again by the regex, since lower-casing may
 * produce a combining mark (`İ` → `i̇`) that separates words.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  scanTokens(text, (token) => tokens.push(token));
  return tokens;
}

/** `tokenize` without the array: each token is handed to `emit` as it is found. */
function scanTokens(text: string, emit: (token: string) => void): void {
  const normalized = text.normalize('NFKC');
  const length = normalized.length;
  let start = -1;
  let plain = true;
  for (let i = 0; i < length; i += 1) {
    const code = normalized.charCodeAt(i);
    let word: boolean;
    let plainUnit = false;
    if (code < 0x80) {
      plainUnit = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
      word = plainUnit || (code >= 0x41 && code <= 0x5a);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      word = WORD_CHARACTER.test(normalized.slice(i, i + 2));
      if (word) {
        if (start < 0) start = i;
        plain = false;
        i += 1;
        continue;
      }
    } else {
      word = isWordUnit(code);
    }
    if (word) {
      if (start < 0) {
        start = i;
        plain = true;
      }
      if (!plainUnit) plain = false;
    } else if (start >= 0) {
      addToken(emit, normalized.slice(start, i), plain);
      start = -1;
    }
  }
  if (start >= 0) addToken(emit, normalized.slice(start), plain);
}

function addToken(emit: (token: string) => void, raw: string, plain: boolean): void {
  if (plain) {
    if (raw.length >= 2 && !STOP_WORDS.has(raw)) emit(foldEnglishPlural(raw));
    return;
  }
  let tokens = casedTokens.get(raw);
  if (!tokens) {
    tokens = [];
    for (const token of raw.toLowerCase().split(NOT_WORD)) {
      // Two code units may be one character (outside the BMP): count characters, not units.
      if (token.length < 2 || (token.length === 2 && [...token].length < 2) || STOP_WORDS.has(token)) continue;
      tokens.push(foldEnglishPlural(token));
    }
    if (casedTokens.size >= CASED_TOKENS_KEPT) casedTokens.clear();
    casedTokens.set(raw, tokens);
  }
  for (const token of tokens) emit(token);
}

/**
 * Words with capitals or other scripts as written → their tokens: lower-casing and the regex were
 * most of a full build's tokenizing, and the same names and sentence-initial words recur.
 */
const casedTokens = new Map<string, string[]>();
const CASED_TOKENS_KEPT = 50_000;

/**
 * Light plural folding for plain a–z words only: "ferries" → "ferry", "strikes" → "strike",
 * "classes" → "class"; leaves "bus", "analysis" and every other script alone. Not a stemmer: verb
 * forms ("striking") stay distinct, to keep the rule predictable. Odd results ("news" → "new")
 * do no harm, since every occurrence of a word folds the same way.
 */
export function foldEnglishPlural(token: string): string {
  const length = token.length;
  if (length <= 3 || token.charCodeAt(length - 1) !== 0x73) return token;
  for (let i = 0; i < length; i += 1) {
    const code = token.charCodeAt(i);
    if (code < 0x61 || code > 0x7a) return token;
  }
  if (token.endsWith('ies') && length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (/(ss|us|is)$/.test(token)) return token;
  return token.slice(0, -1);
}

/**
 * Weighted term frequencies of a story: per field 1 + ln(count), times the field's weight, summed,
 * rounded to single precision, which the full build stores them in: a story weighs the same whichever
 * path computes it, so equal stories stay exactly equal. Terms in order of first appearance.
 */
export function termWeights(doc: RelatedStoryDocument): Map<string, number> {
  const terms: string[] = [];
  const numbers = new Map<string, number>();
  const weighed = new TermWeigher().weigh(doc, (term) => {
    let id = numbers.get(term);
    if (id === undefined) {
      id = terms.length;
      numbers.set(term, id);
      terms.push(term);
    }
    return id;
  });
  return new Map(Array.from(weighed.ids, (id, i) => [terms[id] as string, weighed.tf[i] as number]));
}

/**
 * `termWeights` over term numbers (`intern` gives each term its number): the full build counts every
 * story of the archive with one of these, through arrays indexed by term number instead of a map per
 * story and field, which was most of the time it spent reading.
 */
export class TermWeigher {
  private counts = new Int32Array(1024);
  private weights = new Float64Array(1024);
  private readonly fieldTerms: number[] = [];
  private readonly storyTerms: number[] = [];

  weigh(doc: RelatedStoryDocument, intern: (term: string) => number): { ids: Uint32Array; tf: Float32Array } {
    this.storyTerms.length = 0;
    const count = (term: string) => {
      const id = intern(term);
      if (id >= this.counts.length) this.grow(id);
      if (this.counts[id] === 0) this.fieldTerms.push(id);
      this.counts[id] = (this.counts[id] as number) + 1;
    };
    scanTokens(doc.headline, count);
    this.endField(FIELD_WEIGHTS.headline);
    scanTokens(doc.standfirst, count);
    this.endField(FIELD_WEIGHTS.standfirst);
    scanTokens(doc.bodyText, count);
    this.endField(FIELD_WEIGHTS.body);
    // Prefixes keep tags and sections apart from words: a tag named "Seoul" is not the word "seoul".
    for (const id of new Set(doc.tagIds)) count(`tag:${id}`);
    this.endField(FIELD_WEIGHTS.tag);
    count(`section:${doc.sectionId}`);
    this.endField(FIELD_WEIGHTS.section);
    const ids = Uint32Array.from(this.storyTerms);
    const tf = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] as number;
      tf[i] = this.weights[id] as number;
      this.weights[id] = 0;
    }
    return { ids, tf };
  }

  private endField(fieldWeight: number): void {
    for (const id of this.fieldTerms) {
      if (this.weights[id] === 0) this.storyTerms.push(id);
      this.weights[id] = (this.weights[id] as number) + fieldWeight * (1 + Math.log(this.counts[id] as number));
      this.counts[id] = 0;
    }
    this.fieldTerms.length = 0;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.counts.length * 2);
    const counts = new Int32Array(size);
    counts.set(this.counts);
    const weights = new Float64Array(size);
    weights.set(this.weights);
    this.counts = counts;
    this.weights = weights;
  }
}

/** Smoothed idf, ln((1 + N) / (1 + df)): zero for a term every story holds, which therefore relates nothing. */
export function inverseDocumentFrequency(storyCount: number, documentFrequency: number): number {
  return Math.log((1 + storyCount) / (1 + documentFrequency));
}

/**
 * A story's profile from its terms (in the order `termWeights` gave them): their weighted tf and
 * document frequencies (counting this story), side by side: tf × idf, scaled by the length of the whole
 * vector (every term, not only the profile's), then the PROFILE_TERMS heaviest terms held by another
 * story and the PROFILE_HOOKS heaviest held by this one alone. Returns positions into `terms`.
 */
export function selectProfile(tf: ArrayLike<number>, df: ArrayLike<number>, storyCount: number): { positions: number[]; weights: number[] } {
  const weights = new Float64Array(tf.length);
  const shared: number[] = [];
  const own: number[] = [];
  let sumOfSquares = 0;
  for (let i = 0; i < tf.length; i += 1) {
    const documentFrequency = df[i] ?? 0;
    const weight = (tf[i] ?? 0) * inverseDocumentFrequency(storyCount, documentFrequency);
    if (!(weight > 0)) continue;
    weights[i] = weight;
    sumOfSquares += weight * weight;
    (documentFrequency >= 2 ? shared : own).push(i);
  }
  const length = Math.sqrt(sumOfSquares) || 1;
  const positions = [...heaviest(shared, weights, PROFILE_TERMS), ...heaviest(own, weights, PROFILE_HOOKS)];
  return { positions, weights: positions.map((i) => (weights[i] ?? 0) / length) };
}

/** The `count` heaviest of `candidates` (positions into `weights`), heaviest first; the earlier wins a tie. */
function heaviest(candidates: readonly number[], weights: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (const i of candidates) {
    const weight = weights[i] ?? 0;
    if (top.length === count && weight <= (weights[top[count - 1] ?? 0] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && weight > (weights[top[at - 1] ?? 0] ?? 0)) at -= 1;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}

/** A story's profile: its terms' numbers in ascending order and their normalised weights. */
export interface Profile {
  termNos: Uint32Array;
  weights: Float64Array;
}

/** One entry of a ranked list: the related story's number, its score and its publication time (ms). */
export interface RankedStory {
  docNo: number;
  score: number;
  publishedAt: number;
}

/** Higher score first; among equal scores the newest story, then the higher number, so the order is stable. */
export function ranksBefore(a: RankedStory, b: RankedStory): boolean {
  if (Math.abs(a.score - b.score) > SCORE_EPSILON) return a.score > b.score;
  if (a.publishedAt !== b.publishedAt) return a.publishedAt > b.publishedAt;
  return a.docNo > b.docNo;
}

/** Keeps `best` ranked and at most `limit` long: a bounded insertion, since `limit` is tiny. */
export function insertRanked(best: RankedStory[], candidate: RankedStory, limit: number): void {
  let at = best.length;
  while (at > 0 && ranksBefore(candidate, best[at - 1] as RankedStory)) at -= 1;
  if (at >= limit) return;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}
