import { buildPostingRanges, cappedPostings, type Postings } from './related-stories-postings.js';
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
import { MemorySpill, type TermSpill } from './related-stories-spill.js';
import {
  PROFILE_HOOKS,
  PROFILE_TERMS,
  selectProfile,
  TermWeigher,
  termWeights,
  type Profile,
  type RankedStory,
  type RelatedStoryDocument,
} from './related-stories.js';

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

/** The most terms a profile holds. */
const PROFILE_MAX = PROFILE_TERMS + PROFILE_HOOKS;

/** Work between two yields to the event loop when the build runs on the main thread. */
const SLICE_MS = 12;

/**
 * Every visible story's profile and list, computed from the whole archive: the full build. It runs
 * in a child process for a large archive and on the main thread, in slices, for a small one (the
 * same code, so the same lists); related-stories-build.ts feeds it and stores what it computed.
 *
 * Memory is bounded by the archive's profiles, not its text or vocabulary: `add` keeps a story's id,
 * series and time and hands its weighted terms to a spill (a temporary file in the builder process);
 * `compile` replays them once the document frequencies are known, keeping only each profile (at most
 * 40 terms, 12 bytes each, in flat typed arrays) and, per term, the newest postings ranking reads;
 * lists are ranked one at a time as they are written (`built`). The vocabulary (term → number) is
 * only needed to write the terms and can be released before compiling (`releaseTerms`).
 */
export class RelatedStoriesIndex {
  private termNos: Map<string, number> | undefined = new Map();
  private nextTermNo = 1;
  private readonly knownDocNos = new Map<string, number>();
  private readonly weigher = new TermWeigher();
  private readonly intern = (term: string): number => {
    const termNos = this.termNos as Map<string, number>;
    let termNo = termNos.get(term);
    if (termNo === undefined) {
      termNo = this.nextTermNo++;
      // A token may be a slice of a whole story's text, which the map would keep alive with it.
      termNos.set(term.length >= 13 ? ` ${term}`.slice(1) : term, termNo);
    }
    return termNo;
  };
  private readonly spill: TermSpill;
  /** By story in reading order. */
  private ids: string[] = [];
  private seriesIds: Array<string | null> = [];
  private publishedAt: number[] = [];
  private documentFrequency = new Int32Array(1024);
  /** After compile: each story's number, the story of each number (-1: none), what ranking reads of each number. */
  private docNoOf = new Int32Array(0);
  private storyAt = new Int32Array(0);
  private infos: Array<CandidateInfo | undefined> = [];
  /** After compile: story i's profile is [profileStart[i], profileStart[i + 1]) of the two flat arrays. */
  private profileStart = new Int32Array(1);
  private profileTerms = new Uint32Array(0);
  private profileWeights = new Float64Array(0);
  /** After compile: how many profiles hold each term, and the newest postings of each that ranking reads. */
  private termStories = new Int32Array(0);
  private postings: Postings | undefined;
  private byId: Map<string, number> | undefined;
  private compiled = false;

  constructor(options: { spill?: TermSpill } = {}) {
    this.spill = options.spill ?? new MemorySpill();
  }

  /** A term number already given out (stored): kept, so lists not replaced yet stay right. */
  knowTerm(term: string, termNo: number): void {
    this.termNos?.set(term, termNo);
    this.nextTermNo = Math.max(this.nextTermNo, termNo + 1);
  }

  /** A story number already given out (stored): the story keeps it. */
  knowDocument(articleId: string, docNo: number): void {
    this.knownDocNos.set(articleId, docNo);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Reads a story's terms and counts them; its text is not kept. */
  add(doc: RelatedStoryDocument): void {
    if (!this.termNos) throw new Error('RelatedStoriesIndex: add() after releaseTerms()');
    const { ids: termNos, tf } = this.weigher.weigh(doc, this.intern);
    if (this.nextTermNo > this.documentFrequency.length) {
      const grown = new Int32Array(Math.max(this.nextTermNo, this.documentFrequency.length * 2));
      grown.set(this.documentFrequency);
      this.documentFrequency = grown;
    }
    for (const termNo of termNos) this.documentFrequency[termNo] = (this.documentFrequency[termNo] as number) + 1;
    this.spill.append(termNos, tf);
    this.ids.push(doc.id);
    this.seriesIds.push(doc.seriesId);
    this.publishedAt.push(doc.publishedAt.getTime());
    this.compiled = false;
  }

  /** Every term held by a story, with its number and document frequency (before `releaseTerms`). */
  *terms(): Generator<{ term: string; termNo: number; storyCount: number }> {
    for (const [term, termNo] of this.termNos ?? []) {
      const storyCount = this.documentFrequency[termNo] ?? 0;
      if (storyCount > 0) yield { term, termNo, storyCount };
    }
  }

  /** Numbers of terms given out before that no story holds now (before `releaseTerms`). */
  unusedTermNos(): number[] {
    return [...(this.termNos?.values() ?? [])].filter((termNo) => !((this.documentFrequency[termNo] ?? 0) > 0));
  }

  /** Drops the vocabulary once the terms are written: neither profiles nor lists need it. */
  releaseTerms(): void {
    this.termNos = undefined;
  }

  /**
   * Numbers the stories (a stored story keeps its number; new ones follow, oldest first, so newer
   * means higher), then computes every profile from the spilled terms and the postings ranking
   * reads. `pause` is awaited between slices of work (the main thread's event loop).
   */
  async compile(options: { pause?: () => Promise<void> } = {}): Promise<void> {
    const pause = slicer(options.pause);
    this.numberStories();
    const count = this.ids.length;
    this.profileStart = new Int32Array(count + 1);
    // The bound, allocated once: pages never written are never resident.
    this.profileTerms = new Uint32Array(count * PROFILE_MAX);
    this.profileWeights = new Float64Array(count * PROFILE_MAX);
    let filled = 0;
    let i = 0;
    for (const { termNos, tf } of this.spill.replay()) {
      const profile = this.profileOf(termNos, tf, count, 0);
      this.profileTerms.set(profile.termNos, filled);
      this.profileWeights.set(profile.weights, filled);
      filled += profile.termNos.length;
      i += 1;
      this.profileStart[i] = filled;
      await pause();
    }
    if (i !== count) throw new Error(`RelatedStoriesIndex: ${i} stories replayed of ${count}`);
    this.spill.close();
    this.termStories = new Int32Array(this.nextTermNo);
    for (let at = 0; at < filled; at += 1) {
      const termNo = this.profileTerms[at] as number;
      this.termStories[termNo] = (this.termStories[termNo] as number) + 1;
    }
    this.postings = cappedPostings(this.profileView(), this.termStories, this.storyAt);
    this.compiled = true;
  }

  /** The related story ids of a stored story, best first; [] when it is not in the index. */
  relatedTo(id: string, limit: number): string[] {
    this.assertCompiled();
    this.byId ??= new Map(this.ids.map((storyId, i) => [storyId, i]));
    const i = this.byId.get(id);
    if (i === undefined) return [];
    const { list } = this.rank(this.docNoOf[i] as number, this.seriesIds[i] ?? null, this.profile(i), newScratch(this.storyAt.length));
    return this.idsOf(list, limit);
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
      termNos.push(this.termNos?.get(term) ?? 0);
      tf.push(weight);
    }
    const profile = this.profileOf(Uint32Array.from(termNos), Float32Array.from(tf), this.ids.length + 1, 1);
    const { list } = this.rank(-1, doc.seriesId, profile, newScratch(this.storyAt.length));
    return this.idsOf(list, limit);
  }

  /** Every profile term as a posting row, in the postings' key order (term, then story ascending). */
  *postingRows(): Generator<{ term_no: number; doc_no: number; weight: number }> {
    this.assertCompiled();
    for (const range of buildPostingRanges(this.profileView(), this.termStories, this.storyAt)) {
      for (let termNo = range.firstTermNo; termNo < range.firstTermNo + range.offsets.length - 1; termNo += 1) {
        const local = termNo - range.firstTermNo;
        for (let j = range.offsets[local] as number; j < (range.offsets[local + 1] as number); j += 1) {
          yield { term_no: termNo, doc_no: range.docNos[j] as number, weight: range.weights[j] as number };
        }
      }
    }
  }

  /** Every story with its list, ranked as it is handed out (in reading order). */
  *built(): Generator<BuiltStory> {
    this.assertCompiled();
    const scratch = newScratch(this.storyAt.length);
    for (let i = 0; i < this.ids.length; i += 1) {
      const docNo = this.docNoOf[i] as number;
      const seriesId = this.seriesIds[i] ?? null;
      const profile = this.profile(i);
      const { list, complete } = this.rank(docNo, seriesId, profile, scratch);
      yield {
        docNo,
        articleId: this.ids[i] as string,
        seriesId,
        publishedAt: new Date(this.publishedAt[i] as number),
        profile,
        list,
        tailScore: tailScore(list, complete),
      };
    }
  }

  /** Numbers given out before whose stories are no longer visible (their rows go last). */
  vanishedDocNos(): number[] {
    return [...this.knownDocNos.values()].filter((docNo) => !((this.storyAt[docNo] ?? -1) >= 0));
  }

  private numberStories(): void {
    // Past every number given out, those of stories no longer visible included: their rows go last.
    let next = 1;
    for (const docNo of this.knownDocNos.values()) next = Math.max(next, docNo + 1);
    const count = this.ids.length;
    this.docNoOf = new Int32Array(count);
    const fresh: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const known = this.knownDocNos.get(this.ids[i] as string);
      if (known === undefined) fresh.push(i);
      else this.docNoOf[i] = known;
    }
    const ids = this.ids;
    const times = this.publishedAt;
    fresh.sort((a, b) => (times[a] as number) - (times[b] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
    for (const i of fresh) this.docNoOf[i] = next++;
    this.storyAt = new Int32Array(next).fill(-1);
    this.infos = new Array<CandidateInfo | undefined>(next);
    for (let i = 0; i < count; i += 1) {
      const docNo = this.docNoOf[i] as number;
      this.storyAt[docNo] = i;
      this.infos[docNo] = { seriesId: this.seriesIds[i] ?? null, publishedAt: this.publishedAt[i] as number };
    }
  }

  private profile(i: number): Profile {
    const start = this.profileStart[i] as number;
    const end = this.profileStart[i + 1] as number;
    return { termNos: this.profileTerms.subarray(start, end), weights: this.profileWeights.subarray(start, end) };
  }

  private profileView() {
    return { start: this.profileStart, terms: this.profileTerms, weights: this.profileWeights, count: this.ids.length };
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

  /** A story's weight for a term, undefined when its profile lacks it (a binary search in its slice). */
  private weightIn(docNo: number, termNo: number): number | undefined {
    const i = this.storyAt[docNo] ?? -1;
    if (i < 0) return undefined;
    let low = this.profileStart[i] as number;
    let high = (this.profileStart[i + 1] as number) - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.profileTerms[middle] as number;
      if (at === termNo) return this.profileWeights[middle];
      if (at < termNo) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private rank(docNo: number, seriesId: string | null, profile: Profile, scratch: Scratch) {
    const { scores, touched } = scratch;
    const { offsets, docNos, weights } = this.postings as Postings;
    const termStories = this.termStories;
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
      const start = offsets[termNo] ?? 0;
      const end = offsets[termNo + 1] ?? start;
      // Every term of a stored story's profile has that story's posting (the postings are the
      // profiles); a draft (-1) has none. Only the newest postings are kept (cappedPostings), so the
      // term's full count comes from termStories.
      const available = (termStories[termNo] ?? 0) - (docNo >= 0 && end > start ? 1 : 0);
      const counted = postingsCounted(available);
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
      if (available > counted) capped.push({ termNo, subjectWeight, oldestCounted: oldest });
    }
    // Shares are completed in term-number order, as the update does.
    capped.sort((a, b) => a.termNo - b.termNo);
    const partial = (candidate: number) => scores[candidate] as number;
    const info = (candidate: number): CandidateInfo | undefined => this.infos[candidate];
    const candidates = touched.subarray(0, touchedCount);
    const { shortlisted, eligible } = shortlist({ docNo, seriesId }, candidates, partial, info);
    const ranked = rankShortlist(shortlisted, eligible, capped, partial, info, (candidate, termNo) => this.weightIn(candidate, termNo));
    for (const other of candidates) scores[other] = 0;
    return ranked;
  }

  private idsOf(list: readonly RankedStory[], limit: number): string[] {
    return list.slice(0, limit).flatMap((entry) => this.ids[this.storyAt[entry.docNo] ?? -1] ?? []);
  }

  private assertCompiled(): void {
    if (!this.compiled) throw new Error('RelatedStoriesIndex: compile() first');
  }
}

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

function newScratch(storyNumbers: number): Scratch {
  // A story touches each other story at most once.
  return { scores: new Float64Array(storyNumbers), touched: new Int32Array(storyNumbers + 1) };
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
