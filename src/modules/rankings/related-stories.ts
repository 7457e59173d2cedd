/**
 * "You May Also Like", computed from content: TF-IDF vectors over a story's words, tags and section,
 * compared by cosine similarity. Pure code, no database: the service feeds it stories and keeps
 * the results; docs/rankings.md (section "You May Also Like") explains every choice below.
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

/** Scores closer than this are equal: the same overlap summed in another order differs in the last bits. */
const SCORE_EPSILON = 1e-9;

/**
 * A story is compared with others through its most telling terms only (highest tf-idf among those
 * another story also holds), as Lucene's MoreLikeThis does with 25. Comparing whole vectors costs
 * the square of each term's story count, summed: about 40 s for 5,000 stories, against about one
 * second this way. A story with fewer such terms is compared exactly.
 */
export const QUERY_TERMS = 30;

/**
 * Lower-cases, splits on anything that is not a letter or digit in any script, keeps tokens of two
 * or more characters that are not stop words, and folds simple English plurals. Scripts with
 * spaces between words (Latin, Hangul, Cyrillic…) work; Korean particles stay attached to their
 * noun ("항구가" and "항구" differ), since that needs a morphological analyser.
 */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => [...token].length >= 2 && !STOP_WORDS.has(token))
    .map(foldEnglishPlural);
}

/**
 * Light plural folding for plain a–z words only: "ferries" → "ferry", "strikes" → "strike",
 * "classes" → "class"; leaves "bus", "analysis" and every other script alone. Not a stemmer: verb
 * forms ("striking") stay distinct, to keep the rule predictable. Odd results ("news" → "new")
 * do no harm, since every occurrence of a word folds the same way.
 */
export function foldEnglishPlural(token: string): string {
  if (!/^[a-z]+$/.test(token) || token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (/(ss|us|is)$/.test(token)) return token;
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

/** Weighted term frequencies of a story: per field 1 + ln(count), times the field's weight, summed. */
export function termWeights(doc: RelatedStoryDocument): Map<string, number> {
  const weights = new Map<string, number>();
  const addField = (tokens: readonly string[], fieldWeight: number) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [term, count] of counts) weights.set(term, (weights.get(term) ?? 0) + fieldWeight * (1 + Math.log(count)));
  };
  addField(tokenize(doc.headline), FIELD_WEIGHTS.headline);
  addField(tokenize(doc.standfirst), FIELD_WEIGHTS.standfirst);
  addField(tokenize(doc.bodyText), FIELD_WEIGHTS.body);
  // Prefixes keep tags and sections apart from words: a tag named "Seoul" is not the word "seoul".
  addField(
    [...new Set(doc.tagIds)].map((id) => `tag:${id}`),
    FIELD_WEIGHTS.tag,
  );
  addField([`section:${doc.sectionId}`], FIELD_WEIGHTS.section);
  return weights;
}

/** A story as indexed: its terms as ids into the index's dictionary, with their weighted tf. */
interface IndexedStory {
  doc: RelatedStoryDocument;
  termIds: Int32Array;
  tf: Float64Array;
}

/**
 * An L2-normalised tf-idf vector. `termIds`/`weights` hold every term, for the postings; the
 * `query` arrays hold the QUERY_TERMS heaviest, heaviest first, for comparing with other stories.
 */
interface StoryVector {
  termIds: Int32Array;
  weights: Float64Array;
  queryTermIds: Int32Array;
  queryWeights: Float64Array;
}

interface Compiled {
  stories: IndexedStory[];
  positions: Map<string, number>;
  vectors: StoryVector[];
  /** term id → the stories holding it (as positions in `stories`) and their weights. */
  postings: Array<{ stories: Int32Array; weights: Float64Array }>;
  idf: Float64Array;
  /** Scratch space for one scoring pass, all zero between passes. */
  scores: Float64Array;
}

/**
 * The stories that can be related, their tf-idf vectors and an inverted index. A change updates
 * the document frequencies and marks the vectors stale; they are rebuilt once, on the next question,
 * because every change moves the idf of every term the story holds.
 */
export class RelatedStoriesIndex {
  private readonly stories = new Map<string, IndexedStory>();
  /** Every term ever seen → its id; ids are never reused, so stories keep theirs across changes. */
  private readonly termIds = new Map<string, number>();
  private documentFrequency: number[] = [];
  private compiled: Compiled | undefined;

  has(id: string): boolean {
    return this.stories.has(id);
  }

  /** The indexed story ids, in no particular order. */
  ids(): string[] {
    return [...this.stories.keys()];
  }

  rebuild(docs: Iterable<RelatedStoryDocument>): void {
    this.stories.clear();
    this.termIds.clear();
    this.documentFrequency = [];
    for (const doc of docs) this.upsert(doc);
    this.compiled = undefined;
  }

  upsert(doc: RelatedStoryDocument): void {
    this.remove(doc.id);
    const termIds: number[] = [];
    const tf: number[] = [];
    for (const [term, weight] of termWeights(doc)) {
      let termId = this.termIds.get(term);
      if (termId === undefined) {
        termId = this.termIds.size;
        this.termIds.set(term, termId);
      }
      this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 0) + 1;
      termIds.push(termId);
      tf.push(weight);
    }
    this.stories.set(doc.id, { doc, termIds: Int32Array.from(termIds), tf: Float64Array.from(tf) });
    this.compiled = undefined;
  }

  remove(id: string): void {
    const story = this.stories.get(id);
    if (!story) return;
    for (const termId of story.termIds) this.documentFrequency[termId] = (this.documentFrequency[termId] ?? 1) - 1;
    this.stories.delete(id);
    this.compiled = undefined;
  }

  /** The ids of the stories most related to an indexed one; [] when it is not indexed. */
  relatedTo(id: string, limit: number): string[] {
    const compiled = this.compile();
    const position = compiled.positions.get(id) ?? -1;
    const story = compiled.stories[position];
    const vector = compiled.vectors[position];
    if (!story || !vector) return [];
    return topMatches(compiled, story.doc, vector, limit);
  }

  /**
   * Related ids for a story that is not indexed (a draft in preview), weighed with the indexed
   * stories' idf. Its words unknown to the index cannot match anything and are left out.
   */
  relatedToDocument(doc: RelatedStoryDocument, limit: number): string[] {
    const compiled = this.compile();
    const termIds: number[] = [];
    const tf: number[] = [];
    for (const [term, weight] of termWeights(doc)) {
      const termId = this.termIds.get(term);
      if (termId === undefined) continue;
      termIds.push(termId);
      tf.push(weight);
    }
    // Not indexed: a term held by a single indexed story can still match that story.
    return topMatches(compiled, doc, toVector(termIds, tf, compiled.idf, this.documentFrequency, 1), limit);
  }

  private compile(): Compiled {
    if (this.compiled) return this.compiled;
    const stories = [...this.stories.values()];
    // Smoothed idf, ln((1 + N) / (1 + df)): zero for a term every story holds, which therefore
    // relates nothing (boilerplate, or the only section of a one-section site).
    const idf = Float64Array.from(this.documentFrequency, (df) => Math.log((1 + stories.length) / (1 + (df ?? 0))));
    // Indexed: a term held by this story alone matches nothing else, so it never joins the query.
    const vectors = stories.map((story) => toVector(story.termIds, story.tf, idf, this.documentFrequency, 2));
    this.compiled = {
      stories,
      positions: new Map(stories.map((story, position) => [story.doc.id, position])),
      vectors,
      postings: buildPostings(vectors, idf.length),
      idf,
      scores: new Float64Array(stories.length),
    };
    return this.compiled;
  }
}

/**
 * Scores every story holding one of the subject's query terms: the sum over those terms of both
 * weights, i.e. the cosine restricted to them. Best first, newest first among equals.
 */
function topMatches(compiled: Compiled, doc: RelatedStoryDocument, vector: StoryVector, limit: number): string[] {
  const { scores } = compiled;
  const touched: number[] = [];
  for (let i = 0; i < vector.queryTermIds.length; i += 1) {
    const posting = compiled.postings[vector.queryTermIds[i] ?? -1];
    const weight = vector.queryWeights[i] ?? 0;
    if (!posting) continue;
    const { stories, weights } = posting;
    for (let j = 0; j < stories.length; j += 1) {
      const position = stories[j] ?? 0;
      if (scores[position] === 0) touched.push(position);
      scores[position] = (scores[position] ?? 0) + weight * (weights[j] ?? 0);
    }
  }
  const best: Array<{ story: RelatedStoryDocument; score: number }> = [];
  for (const position of touched) {
    const score = scores[position] ?? 0;
    scores[position] = 0;
    // Most stories touched score below the current last place: skip them before building anything.
    const worstKept = best.length < limit ? SCORE_EPSILON : (best[best.length - 1]?.score ?? 0) - SCORE_EPSILON;
    if (score <= worstKept) continue;
    const story = compiled.stories[position]?.doc;
    if (!story || !isCandidate(doc, story)) continue;
    insertRanked(best, { story, score }, limit);
  }
  return best.map((match) => match.story.id);
}

/** Never the story itself, never another part of its own series (the page lists those already). */
function isCandidate(subject: RelatedStoryDocument, other: RelatedStoryDocument): boolean {
  if (other.id === subject.id) return false;
  return subject.seriesId === null || other.seriesId !== subject.seriesId;
}

/** Keeps `best` sorted and at most `limit` long: a bounded insertion, since `limit` is tiny. */
function insertRanked(
  best: Array<{ story: RelatedStoryDocument; score: number }>,
  candidate: { story: RelatedStoryDocument; score: number },
  limit: number,
): void {
  let at = best.length;
  while (at > 0 && ranksBefore(candidate, best[at - 1]!)) at -= 1;
  if (at >= limit) return;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}

/** Higher score first; among equal scores the newest story, then the id, so the order is stable. */
function ranksBefore(a: { story: RelatedStoryDocument; score: number }, b: { story: RelatedStoryDocument; score: number }): boolean {
  if (Math.abs(a.score - b.score) > SCORE_EPSILON) return a.score > b.score;
  const byTime = a.story.publishedAt.getTime() - b.story.publishedAt.getTime();
  if (byTime !== 0) return byTime > 0;
  return a.story.id < b.story.id;
}

/**
 * tf × idf, terms with no weight left out, scaled to unit length. The heaviest terms held by at
 * least `minQueryFrequency` stories become the query: rare words are the heaviest, and a word only
 * this story holds would take a query slot without ever matching.
 */
function toVector(
  termIds: ArrayLike<number>,
  tf: ArrayLike<number>,
  idf: Float64Array,
  documentFrequency: readonly number[],
  minQueryFrequency: number,
): StoryVector {
  const kept: number[] = [];
  const weights: number[] = [];
  const queryWeights: number[] = [];
  let sumOfSquares = 0;
  for (let i = 0; i < termIds.length; i += 1) {
    const termId = termIds[i] ?? -1;
    const weight = (tf[i] ?? 0) * (idf[termId] ?? 0);
    if (weight <= 0) continue;
    kept.push(termId);
    weights.push(weight);
    queryWeights.push((documentFrequency[termId] ?? 0) >= minQueryFrequency ? weight : 0);
    sumOfSquares += weight * weight;
  }
  const length = Math.sqrt(sumOfSquares) || 1;
  const query = heaviest(queryWeights, QUERY_TERMS);
  return {
    termIds: Int32Array.from(kept),
    weights: Float64Array.from(weights, (weight) => weight / length),
    queryTermIds: Int32Array.from(query, (i) => kept[i] ?? 0),
    queryWeights: Float64Array.from(query, (i) => (weights[i] ?? 0) / length),
  };
}

/** Positions of the `count` largest positive weights, largest first; a bounded insertion beats sorting all. */
function heaviest(weights: readonly number[], count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < weights.length; i += 1) {
    const weight = weights[i] ?? 0;
    if (weight <= 0 || (top.length === count && weight <= (weights[top[count - 1] ?? 0] ?? 0))) continue;
    let at = top.length;
    while (at > 0 && weight > (weights[top[at - 1] ?? 0] ?? 0)) at -= 1;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}

function buildPostings(vectors: StoryVector[], termCount: number): Compiled['postings'] {
  const lengths = new Int32Array(termCount);
  for (const vector of vectors) for (const termId of vector.termIds) lengths[termId] = (lengths[termId] ?? 0) + 1;
  const postings = Array.from(lengths, (length) => ({ stories: new Int32Array(length), weights: new Float64Array(length) }));
  const filled = new Int32Array(termCount);
  for (let position = 0; position < vectors.length; position += 1) {
    const vector = vectors[position];
    if (!vector) continue;
    for (let i = 0; i < vector.termIds.length; i += 1) {
      const termId = vector.termIds[i] ?? 0;
      const posting = postings[termId];
      const at = filled[termId] ?? 0;
      if (!posting) continue;
      posting.stories[at] = position;
      posting.weights[at] = vector.weights[i] ?? 0;
      filled[termId] = at + 1;
    }
  }
  return postings;
}
