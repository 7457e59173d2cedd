import {
  candidateTerms,
  NOT_READ,
  postingsCounted,
  rankShortlist,
  shortlist,
  tailScore,
  type CappedTerm,
  type CandidateInfo,
} from './related-stories-ranking.js';
import { selectProfile, TermWeigher, termWeights, type Profile, type RankedStory, type RelatedStoryDocument } from './related-stories.js';

export type { Profile } from './related-stories.js';

/** A story as the full build stores it (related-stories.repository.ts writes these). */
export interface BuiltStory {
  docNo: number;
  articleId: string;
  seriesId: string | null;
  publishedAt: Date;
  profile: Profile;
  list: RankedStory[];
  tailScore: number;
}

/** Numbers already given out (stored), kept so that lists being replaced never point at the wrong story. */
export interface KnownNumbers {
  terms: Iterable<[term: string, termNo: number]>;
  documents: Iterable<[articleId: string, docNo: number]>;
}

interface IndexedStory {
  doc: RelatedStoryDocument;
  /** The story's terms in `termWeights` order, with their weighted tf (dropped once profiled, if asked). */
  termNos: Uint32Array;
  tf: Float32Array;
  docNo: number;
  profile: Profile;
  list: RankedStory[];
  complete: boolean;
}

/** Work between two yields to the event loop when the build runs on the main thread. */
const SLICE_MS = 12;

/**
 * Every visible story's profile and list, computed in memory: the full build. It runs in a worker
 * thread for a large archive and on the main thread, in slices, for a small one (the same code, so
 * the same lists); related-stories-build.ts feeds it and stores what it computed. Memory is typed
 * arrays: at 100,000 stories about 8 bytes per distinct term of each story while reading, then 24
 * bytes per profile term for profiles and postings.
 */
export class RelatedStoriesIndex {
  private readonly termNos = new Map<string, number>();
  private readonly knownDocNos = new Map<string, number>();
  private nextTermNo = 1;
  private readonly weigher = new TermWeigher();
  private readonly intern = (term: string): number => {
    let termNo = this.termNos.get(term);
    if (termNo === undefined) {
      termNo = this.nextTermNo++;
      this.termNos.set(term, termNo);
    }
    return termNo;
  };
  private stories: IndexedStory[] = [];
  private documentFrequency = new Int32Array(0);
  private byDocNo: Array<IndexedStory | undefined> = [];
  private readonly byId = new Map<string, IndexedStory>();
  /** What ranking reads of each story, by number, made once. */
  private infos: Array<CandidateInfo | undefined> = [];
  private compiled = false;
  private postings: Postings | undefined;

  constructor(known?: KnownNumbers) {
    for (const [term, termNo] of known?.terms ?? []) {
      this.termNos.set(term, termNo);
      this.nextTermNo = Math.max(this.nextTermNo, termNo + 1);
    }
    for (const [articleId, docNo] of known?.documents ?? []) this.knownDocNos.set(articleId, docNo);
  }

  get size(): number {
    return this.stories.length;
  }

  /** Reads a story's terms; its text is not kept. */
  add(doc: RelatedStoryDocument): void {
    const { ids: termNos, tf } = this.weigher.weigh(doc, this.intern);
    // The body is the bulk of a story and is never needed again.
    const light = { ...doc, bodyText: '', headline: '', standfirst: '' };
    this.stories.push({ doc: light, termNos, tf, docNo: 0, profile: EMPTY_PROFILE, list: [], complete: true });
    this.compiled = false;
  }

  /**
   * Numbers the stories (a stored story keeps its number; new ones follow, oldest first, so newer
   * means higher), counts document frequencies, then computes every profile and every list.
   * `pause` is awaited between slices of work (the main thread's event loop), `release` drops each
   * story's term frequencies once profiled (the build never needs them again).
   */
  async compile(options: { pause?: () => Promise<void>; release?: boolean } = {}): Promise<void> {
    const pause = slicer(options.pause);
    this.numberStories();
    this.documentFrequency = new Int32Array(this.nextTermNo);
    for (const story of this.stories) for (const termNo of story.termNos) this.documentFrequency[termNo] = (this.documentFrequency[termNo] ?? 0) + 1;
    const storyCount = this.stories.length;
    for (const story of this.stories) {
      story.profile = this.profileOf(story.termNos, story.tf, storyCount, 0);
      if (options.release) {
        story.termNos = new Uint32Array(0);
        story.tf = new Float32Array(0);
      }
      await pause();
    }
    const postings = buildPostings(this.stories, this.nextTermNo);
    this.postings = postings;
    const scratch = newScratch(this.byDocNo.length, postings);
    for (const story of this.stories) {
      const ranked = this.rank(story.docNo, story.doc.seriesId, story.profile, postings, scratch);
      story.list = ranked.list;
      story.complete = ranked.complete;
      await pause();
    }
    this.compiled = true;
  }

  /** The related story ids of a stored story, best first; [] when it is not in the index. */
  relatedTo(id: string, limit: number): string[] {
    this.assertCompiled();
    const story = this.byId.get(id);
    return (story?.list ?? []).slice(0, limit).flatMap((entry) => this.byDocNo[entry.docNo]?.doc.id ?? []);
  }

  /**
   * Related ids for a story not in the index (a draft), weighed as if it were added: its words count
   * once more in the document frequencies, so a word one stored story holds can match that story.
   */
  relatedToDocument(doc: RelatedStoryDocument, limit: number): string[] {
    this.assertCompiled();
    const termNos: number[] = [];
    const tf: number[] = [];
    for (const [term, weight] of termWeights(doc)) {
      termNos.push(this.termNos.get(term) ?? 0);
      tf.push(weight);
    }
    const profile = this.profileOf(Uint32Array.from(termNos), Float32Array.from(tf), this.stories.length + 1, 1);
    const postings = buildPostings(this.stories, this.nextTermNo);
    const { list } = this.rank(-1, doc.seriesId, profile, postings, newScratch(this.byDocNo.length, postings));
    return list.slice(0, limit).flatMap((entry) => this.byDocNo[entry.docNo]?.doc.id ?? []);
  }

  /** Every term held by a story, with its number and document frequency. */
  *terms(): Generator<{ term: string; termNo: number; storyCount: number }> {
    this.assertCompiled();
    for (const [term, termNo] of this.termNos) {
      const storyCount = this.documentFrequency[termNo] ?? 0;
      if (storyCount > 0) yield { term, termNo, storyCount };
    }
  }

  /** Every profile term as a posting row, in the postings' key order (term, then story ascending). */
  *postingRows(): Generator<{ term_no: number; doc_no: number; weight: number }> {
    this.assertCompiled();
    const postings = this.postings;
    if (!postings) return;
    for (let termNo = 0; termNo + 1 < postings.offsets.length; termNo += 1) {
      const start = postings.offsets[termNo] ?? 0;
      for (let j = (postings.offsets[termNo + 1] ?? start) - 1; j >= start; j -= 1) {
        yield { term_no: termNo, doc_no: postings.docNos[j] ?? 0, weight: postings.weights[j] ?? 0 };
      }
    }
  }

  *built(): Generator<BuiltStory> {
    this.assertCompiled();
    for (const story of this.stories) {
      yield {
        docNo: story.docNo,
        articleId: story.doc.id,
        seriesId: story.doc.seriesId,
        publishedAt: story.doc.publishedAt,
        profile: story.profile,
        list: story.list,
        tailScore: tailScore(story.list, story.complete),
      };
    }
  }

  private numberStories(): void {
    // Past every number given out, those of stories no longer visible included: their rows go last.
    let next = 1;
    for (const docNo of this.knownDocNos.values()) next = Math.max(next, docNo + 1);
    for (const story of this.stories) story.docNo = this.knownDocNos.get(story.doc.id) ?? 0;
    const fresh = this.stories
      .filter((story) => !this.knownDocNos.has(story.doc.id))
      .sort((a, b) => a.doc.publishedAt.getTime() - b.doc.publishedAt.getTime() || (a.doc.id < b.doc.id ? -1 : 1));
    for (const story of fresh) story.docNo = next++;
    this.byDocNo = new Array<IndexedStory | undefined>(next);
    this.infos = new Array<CandidateInfo | undefined>(next);
    this.byId.clear();
    for (const story of this.stories) {
      this.byDocNo[story.docNo] = story;
      this.infos[story.docNo] = { seriesId: story.doc.seriesId, publishedAt: story.doc.publishedAt.getTime() };
      this.byId.set(story.doc.id, story);
    }
  }

  /** `extra`: added to each document frequency (1 for a story not counted in them: a draft). */
  private profileOf(termNos: Uint32Array, tf: Float32Array, storyCount: number, extra: number): Profile {
    const df = new Int32Array(termNos.length);
    for (let i = 0; i < termNos.length; i += 1) df[i] = (this.documentFrequency[termNos[i] as number] ?? 0) + extra;
    const selected = selectProfile(tf, df, storyCount);
    return sortedProfile(
      selected.positions.map((position) => termNos[position] ?? 0),
      selected.weights,
    );
  }

  private rank(docNo: number, seriesId: string | null, profile: Profile, postings: Postings, scratch: Scratch) {
    const { scores, touched } = scratch;
    const { offsets, docNos, weights } = postings;
    let touchedCount = 0;
    const { read, unread } = candidateTerms(profile);
    const capped: CappedTerm[] = unread.map((t) => ({
      termNo: profile.termNos[t] as number,
      subjectWeight: profile.weights[t] as number,
      oldestCounted: NOT_READ,
    }));
    // The hot loop of a full build (terms read × postings × stories): typed arrays and locals only.
    for (const t of read) {
      const termNo = profile.termNos[t] as number;
      const subjectWeight = profile.weights[t] as number;
      const start = offsets[termNo] as number;
      const end = offsets[termNo + 1] as number;
      const ownPosting = docNo >= 0 && end > start && hasPosting(postings, start, end, docNo) ? 1 : 0;
      const counted = postingsCounted(end - start - ownPosting);
      let seen = 0;
      let oldest = 0;
      for (let j = start; j < end && seen < counted; j += 1) {
        const other = docNos[j] as number;
        if (other === docNo) continue;
        const before = scores[other] as number;
        if (before === 0) touched[touchedCount++] = other;
        scores[other] = before + subjectWeight * (weights[j] as number);
        seen += 1;
        oldest = other;
      }
      if (end - start - ownPosting > counted) capped.push({ termNo, subjectWeight, oldestCounted: oldest });
    }
    // Shares are completed in term-number order, as the update does.
    capped.sort((a, b) => a.termNo - b.termNo);
    const partial = (candidate: number) => scores[candidate] as number;
    const info = (candidate: number): CandidateInfo | undefined => this.infos[candidate];
    const candidates = touched.subarray(0, touchedCount);
    const { shortlisted, eligible } = shortlist({ docNo, seriesId }, candidates, partial, info);
    const ranked = rankShortlist(shortlisted, eligible, capped, partial, info, (candidate, termNo) =>
      profileWeight(this.byDocNo[candidate]?.profile, termNo),
    );
    for (const other of candidates) scores[other] = 0;
    return ranked;
  }

  private assertCompiled(): void {
    if (!this.compiled) throw new Error('RelatedStoriesIndex: compile() first');
  }
}

const EMPTY_PROFILE: Profile = { termNos: new Uint32Array(0), weights: new Float64Array(0) };

/** Profile terms in ascending number: the order scores are summed in, by the build and the update alike. */
export function sortedProfile(termNos: readonly number[], weights: readonly number[]): Profile {
  const order = termNos.map((_, i) => i).sort((a, b) => (termNos[a] ?? 0) - (termNos[b] ?? 0));
  return { termNos: Uint32Array.from(order, (i) => termNos[i] ?? 0), weights: Float64Array.from(order, (i) => weights[i] ?? 0) };
}

/** A story's weight for a term (binary search in its sorted profile), undefined when its profile lacks it. */
export function profileWeight(profile: Profile | undefined, termNo: number): number | undefined {
  if (!profile) return undefined;
  let low = 0;
  let high = profile.termNos.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = profile.termNos[middle] ?? 0;
    if (at === termNo) return profile.weights[middle];
    if (at < termNo) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** One ranking's working memory, reused from story to story: scores by story number (zero between uses). */
interface Scratch {
  scores: Float64Array;
  touched: Int32Array;
}

function newScratch(storyNumbers: number, postings: Postings): Scratch {
  // A story touches at most every posting once per term: bounded by all postings, or all stories.
  return { scores: new Float64Array(storyNumbers), touched: new Int32Array(Math.min(storyNumbers, postings.docNos.length) + 1) };
}

/** Every term's postings, newest story first, in one flat array (offsets per term number). */
interface Postings {
  offsets: Int32Array;
  docNos: Int32Array;
  weights: Float64Array;
}

function buildPostings(stories: readonly IndexedStory[], termCount: number): Postings {
  const offsets = new Int32Array(termCount + 1);
  for (const story of stories) for (const termNo of story.profile.termNos) offsets[termNo + 1] = (offsets[termNo + 1] ?? 0) + 1;
  for (let termNo = 0; termNo < termCount; termNo += 1) offsets[termNo + 1] = (offsets[termNo + 1] ?? 0) + (offsets[termNo] ?? 0);
  const total = offsets[termCount] ?? 0;
  const docNos = new Int32Array(total);
  const weights = new Float64Array(total);
  const filled = offsets.slice(0, termCount);
  // Newest first: filling in descending story number leaves every term's postings in that order.
  const newestFirst = [...stories].sort((a, b) => b.docNo - a.docNo);
  for (const story of newestFirst) {
    const { termNos, weights: storyWeights } = story.profile;
    for (let i = 0; i < termNos.length; i += 1) {
      const termNo = termNos[i] ?? 0;
      const at = filled[termNo] ?? 0;
      docNos[at] = story.docNo;
      weights[at] = storyWeights[i] ?? 0;
      filled[termNo] = at + 1;
    }
  }
  return { offsets, docNos, weights };
}

/** Whether the term's postings (newest first) hold this story: a binary search. */
function hasPosting(postings: Postings, start: number, end: number, docNo: number): boolean {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = postings.docNos[middle] ?? 0;
    if (at === docNo) return true;
    if (at > docNo) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Calls `pause` once at least SLICE_MS of work has passed since the last call (never without one). */
export function slicer(pause: (() => Promise<void>) | undefined): () => Promise<void> {
  if (!pause) return async () => {};
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await pause();
    sliceStart = performance.now();
  };
}
