import { POSTINGS_PER_TERM } from './related-stories.js';

/**
 * The full build's postings (term → the stories whose profile holds it, with its weight there), made
 * from the profiles held in flat arrays (related-stories-index.ts), in bounded memory: ranking
 * reads only a term's newest postings, and the stored postings are written a range of terms at a
 * time.
 */

/** Every story's profile: story i's terms are [start[i], start[i + 1]) of `terms` and `weights`. */
export interface ProfileView {
  start: Int32Array;
  terms: Uint32Array;
  weights: Float64Array;
  count: number;
}

/** Postings in one flat array, newest story first within each term (offsets per term number). */
export interface Postings {
  offsets: Int32Array;
  docNos: Int32Array;
  weights: Float64Array;
}

/**
 * Ranking reads at most POSTINGS_PER_TERM postings of a term besides the subject's own: the newest
 * one more than that are all it can reach, whatever the term's length (its full count is
 * `termStories`). A term every story holds (a section, a common word) keeps 101 postings instead
 * of tens of thousands.
 */
export const POSTINGS_KEPT = POSTINGS_PER_TERM + 1;

/** Each term's newest POSTINGS_KEPT postings; `storyAt[docNo]` is the story holding that number (-1: none). */
export function cappedPostings(profiles: ProfileView, termStories: Int32Array, storyAt: Int32Array): Postings {
  const termCount = termStories.length;
  const offsets = new Int32Array(termCount + 1);
  for (let termNo = 0; termNo < termCount; termNo += 1) {
    offsets[termNo + 1] = (offsets[termNo] as number) + Math.min(termStories[termNo] as number, POSTINGS_KEPT);
  }
  const total = offsets[termCount] as number;
  const docNos = new Int32Array(total);
  const weights = new Float64Array(total);
  const filled = offsets.slice(0, termCount);
  // Newest first: filling in descending story number leaves every term's postings in that order.
  for (let docNo = storyAt.length - 1; docNo >= 0; docNo -= 1) {
    const i = storyAt[docNo] as number;
    if (i < 0) continue;
    for (let at = profiles.start[i] as number; at < (profiles.start[i + 1] as number); at += 1) {
      const termNo = profiles.terms[at] as number;
      const slot = filled[termNo] as number;
      if (slot >= (offsets[termNo + 1] as number)) continue;
      docNos[slot] = docNo;
      weights[slot] = profiles.weights[at] as number;
      filled[termNo] = slot + 1;
    }
  }
  return { offsets, docNos, weights };
}

/** Postings per range of terms written at a time: 12 bytes each. */
const RANGE_POSTINGS = 1 << 18;

/** A range of terms' full postings, oldest story first: term `firstTermNo + k` is [offsets[k], offsets[k + 1]). */
export interface PostingRange {
  firstTermNo: number;
  offsets: Int32Array;
  docNos: Int32Array;
  weights: Float64Array;
}

/**
 * Every posting, in the stored postings' key order (term, then story ascending), a range of terms
 * at a time: each range walks every profile once (a few milliseconds), and holds at most
 * RANGE_POSTINGS postings or one term's. The arrays are reused from range to range.
 */
export function* buildPostingRanges(profiles: ProfileView, termStories: Int32Array, storyAt: Int32Array): Generator<PostingRange> {
  const termCount = termStories.length;
  let largest = RANGE_POSTINGS;
  for (let termNo = 0; termNo < termCount; termNo += 1) largest = Math.max(largest, termStories[termNo] as number);
  const docNos = new Int32Array(largest);
  const weights = new Float64Array(largest);
  for (let first = 0; first < termCount;) {
    let end = first;
    let total = 0;
    while (end < termCount && (end === first || total + (termStories[end] as number) <= RANGE_POSTINGS)) {
      total += termStories[end] as number;
      end += 1;
    }
    const offsets = new Int32Array(end - first + 1);
    for (let termNo = first; termNo < end; termNo += 1)
      offsets[termNo - first + 1] = (offsets[termNo - first] as number) + (termStories[termNo] as number);
    const filled = offsets.slice(0, end - first);
    for (let docNo = 0; docNo < storyAt.length; docNo += 1) {
      const i = storyAt[docNo] as number;
      if (i < 0) continue;
      for (let at = profiles.start[i] as number; at < (profiles.start[i + 1] as number); at += 1) {
        const termNo = profiles.terms[at] as number;
        // A profile's terms ascend: the rest of this one are past the range.
        if (termNo >= end) break;
        if (termNo < first) continue;
        const slot = filled[termNo - first] as number;
        docNos[slot] = docNo;
        weights[slot] = profiles.weights[at] as number;
        filled[termNo - first] = slot + 1;
      }
    }
    yield { firstTermNo: first, offsets, docNos, weights };
    first = end;
  }
}
