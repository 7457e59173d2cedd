import {
  CANDIDATE_TERMS,
  insertRanked,
  POSTINGS_PER_TERM,
  REFINED_CANDIDATES,
  RELATED_STORIES_KEPT,
  type Profile,
  type RankedStory,
} from './related-stories.js';

/**
 * How one story's list is ranked from the postings of its profile's terms, shared by the full build
 * (postings in memory, related-stories-index.ts) and the incremental update (postings read from the
 * database, related-stories-update.ts), so both store the same list for the same data:
 *
 * 1. For each of the profile's CANDIDATE_TERMS heaviest terms, in term-number order, its newest
 *    POSTINGS_PER_TERM postings add `weight in subject × weight in candidate` to the candidate's
 *    partial score. A term with more postings than that is *capped*: stories older than the oldest
 *    read have not had its share; the profile's other terms, not read at all, are owed by every one.
 * 2. The REFINED_CANDIDATES best partial scores (never the story itself or a part of its series)
 *    get the shares they missed, read from their own profiles.
 * 3. Those are ranked (`ranksBefore`), and the best RELATED_STORIES_KEPT kept.
 */

/**
 * Which of a profile's terms (positions into it) are read for candidates: the CANDIDATE_TERMS
 * heaviest (the lower term number first among equals), returned in term-number order, the order
 * scores are summed in; the others are only completed for the shortlist.
 */
export function candidateTerms(profile: Profile): { read: number[]; unread: number[] } {
  const positions = Array.from(profile.termNos, (_, i) => i);
  const heaviestFirst = [...positions].sort(
    (a, b) => (profile.weights[b] as number) - (profile.weights[a] as number) || (profile.termNos[a] as number) - (profile.termNos[b] as number),
  );
  const read = new Set(heaviestFirst.slice(0, CANDIDATE_TERMS));
  return { read: positions.filter((i) => read.has(i)), unread: positions.filter((i) => !read.has(i)) };
}

/** A term never read for candidates: every candidate lacks its share until completed. */
export const NOT_READ = Number.MAX_SAFE_INTEGER;

/** A term whose postings were cut (or not read): stories numbered below `oldestCounted` have not had its share. */
export interface CappedTerm {
  termNo: number;
  subjectWeight: number;
  oldestCounted: number;
}

/** What ranking needs of a candidate besides its score. */
export interface CandidateInfo {
  seriesId: string | null;
  publishedAt: number;
}

export interface RankingSubject {
  /** -1 for a story that is not stored (a draft in the newsroom's preview). */
  docNo: number;
  seriesId: string | null;
}

/** Whether `candidate` may appear in the subject's list: never itself, never another part of its series. */
export function isEligible(subject: RankingSubject, candidateNo: number, candidate: CandidateInfo): boolean {
  if (candidateNo === subject.docNo) return false;
  return subject.seriesId === null || candidate.seriesId !== subject.seriesId;
}

/** How many postings of a term count, and whether it was capped (`more` postings exist than were given). */
export function postingsCounted(available: number): number {
  return Math.min(available, POSTINGS_PER_TERM);
}

/**
 * Step 2's selection: the eligible candidates with the best partial scores, best first (the higher
 * number first among equals). `touched` lists every candidate that got a share.
 */
export function shortlist(
  subject: RankingSubject,
  touched: ArrayLike<number>,
  partial: (docNo: number) => number,
  info: (docNo: number) => CandidateInfo | undefined,
): { shortlisted: number[]; eligible: number } {
  const best: Array<{ docNo: number; score: number }> = [];
  let eligible = 0;
  for (let i = 0; i < touched.length; i += 1) {
    const docNo = touched[i] ?? -1;
    if (docNo === subject.docNo) continue;
    const score = partial(docNo);
    const last = best[best.length - 1];
    // Most candidates score below the current last place: skip them before looking them up.
    const outranked =
      best.length === REFINED_CANDIDATES && last !== undefined && (score < last.score || (score === last.score && docNo < last.docNo));
    if (outranked && subject.seriesId === null) {
      eligible += 1;
      continue;
    }
    const candidate = info(docNo);
    if (!candidate || !isEligible(subject, docNo, candidate)) continue;
    eligible += 1;
    if (outranked) continue;
    let at = best.length;
    while (at > 0) {
      const above = best[at - 1] as { docNo: number; score: number };
      if (score < above.score || (score === above.score && docNo < above.docNo)) break;
      at -= 1;
    }
    best.splice(at, 0, { docNo, score });
    if (best.length > REFINED_CANDIDATES) best.pop();
  }
  return { shortlisted: best.map((entry) => entry.docNo), eligible };
}

/**
 * Steps 2 and 3: completes the shortlisted candidates' scores with the capped terms' shares and ranks
 * them. `weightIn(docNo, termNo)` is the candidate's profile weight for the term (undefined: it has
 * none). The list is *complete* when it holds every story sharing a profile term with the subject
 * (no term capped, few enough candidates): then any newcomer may join it later, else only one that
 * beats its last entry.
 */
export function rankShortlist(
  shortlisted: readonly number[],
  eligible: number,
  capped: readonly CappedTerm[],
  partial: (docNo: number) => number,
  info: (docNo: number) => CandidateInfo | undefined,
  weightIn: (docNo: number, termNo: number) => number | undefined,
): { list: RankedStory[]; complete: boolean } {
  const list: RankedStory[] = [];
  for (const docNo of shortlisted) {
    let score = partial(docNo);
    for (const term of capped) {
      if (docNo >= term.oldestCounted) continue;
      const weight = weightIn(docNo, term.termNo);
      if (weight !== undefined) score += term.subjectWeight * weight;
    }
    insertRanked(list, { docNo, score, publishedAt: info(docNo)?.publishedAt ?? 0 }, RELATED_STORIES_KEPT);
  }
  return { list, complete: capped.length === 0 && eligible <= RELATED_STORIES_KEPT };
}

/** The score a newcomer must beat to enter a list: 0 for a complete list (anyone may join). */
export function tailScore(list: readonly RankedStory[], complete: boolean): number {
  return complete ? 0 : (list[list.length - 1]?.score ?? 0);
}
