import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import { inTransaction, type Db } from '../../db/database.js';
import {
  addTerms,
  countChange,
  countTermsOnceMore,
  deleteStories,
  findDocuments,
  findListsHolding,
  findTerms,
  highestNumbers,
  readState,
  readLists,
  scoreCandidates,
  findCappedTerms,
  replacePostings,
  writeLists,
  writeStories,
  type StoredDocument,
} from './related-stories.repository.js';
import { profileWeight, sortedProfile, type Profile } from './related-stories-index.js';
import {
  candidateTerms,
  isEligible,
  NOT_READ,
  rankShortlist,
  shortlist,
  tailScore,
  type CappedTerm,
  type CandidateInfo,
} from './related-stories-ranking.js';
import {
  insertRanked,
  ranksBefore,
  POSTINGS_PER_TERM,
  RELATED_STORIES_COUNT,
  RELATED_STORIES_KEPT,
  SCORE_EPSILON,
  selectProfile,
  termWeights,
  type RankedStory,
  type RelatedStoryDocument,
} from './related-stories.js';

/**
 * The incremental update: one story published, edited or withdrawn changes its own list and the
 * lists it enters or leaves, found by indexed reads of the stored profiles (migration 0010), never
 * by reading the archive. Reads run outside any transaction; the writes of one story run in one
 * short transaction. Document frequencies follow new stories exactly; an edit or a removal leaves
 * them as they were (the drift the full build corrects, see docs/rankings.md).
 */

/**
 * SQLite answers synchronously, so a chain of awaited statements never lets the event loop turn:
 * the update yields between its steps, and requests are served meanwhile (each step a statement or
 * two and some arithmetic: a few milliseconds).
 */
const breathe = () => nextTurnOfEventLoop();

/** The most lists one change may enter besides those already holding it. */
const MAX_LISTS_ENTERED = 100;
/**
 * Candidates looked up (their rows read) per ranking: the best partial scores, enough for the
 * shortlist (REFINED_CANDIDATES and any parts of the subject's series) and for the lists entered.
 */
const CANDIDATES_LOOKED_UP = MAX_LISTS_ENTERED;

/** A list computed from the stored postings, with the candidates' scores and rows. */
interface StoreRanking {
  list: RankedStory[];
  complete: boolean;
  /** Partial scores of every candidate, exact for those in the list. */
  scores: Map<number, number>;
  /** The candidates looked up: the best partial scores. */
  documents: Map<number, StoredDocument>;
}

/** Ranks a profile against the stored postings: the same steps as the full build (related-stories-ranking.ts). */
export async function rankFromStore(db: Db, subject: { docNo: number; seriesId: string | null }, profile: Profile): Promise<StoreRanking> {
  const { read, unread } = candidateTerms(profile);
  const readProfile = {
    termNos: Uint32Array.from(read, (t) => profile.termNos[t] ?? 0),
    weights: Float64Array.from(read, (t) => profile.weights[t] ?? 0),
  };
  const candidates = await scoreCandidates(db, readProfile, subject.docNo, { perTerm: POSTINGS_PER_TERM, limit: CANDIDATES_LOOKED_UP });
  await breathe();
  const cappedTerms = await findCappedTerms(db, [...readProfile.termNos], subject.docNo, POSTINGS_PER_TERM);
  const capped: CappedTerm[] = [
    ...unread.map((t) => ({ termNo: profile.termNos[t] ?? 0, subjectWeight: profile.weights[t] ?? 0, oldestCounted: NOT_READ })),
    ...cappedTerms.map((term) => ({ ...term, subjectWeight: profileWeight(profile, term.termNo) ?? 0 })),
  ].sort((a, b) => a.termNo - b.termNo);
  await breathe();
  const scores = new Map(candidates.map((candidate) => [candidate.docNo, candidate.score]));
  const best = candidates.map((candidate) => candidate.docNo);
  const documents = new Map((await findDocuments(db, { docNos: best })).map((document) => [document.docNo, document]));
  await breathe();
  const partial = (docNo: number) => scores.get(docNo) ?? 0;
  const info = (docNo: number): CandidateInfo | undefined => documents.get(docNo);
  const { shortlisted, eligible } = shortlist(subject, best, partial, info);
  const { list, complete } = rankShortlist(shortlisted, eligible, capped, partial, info, (docNo, termNo) =>
    profileWeight(documents.get(docNo)?.profile, termNo),
  );
  for (const entry of list) scores.set(entry.docNo, entry.score);
  return { list, complete, scores, documents };
}

/** A story's profile computed from its text against the stored document frequencies. */
export async function profileFromText(
  db: Db,
  doc: RelatedStoryDocument,
  options: { storyCount: number; counted: boolean },
): Promise<{
  scoring: Profile;
  /** Every stored term the story holds, and those never stored. */
  knownTermNos: number[];
  newTerms: string[];
  terms: Array<{ term: string; termNo: number | undefined; weight: number }>;
}> {
  const weights = termWeights(doc);
  const known = await findTerms(db, [...weights.keys()]);
  const entries = [...weights].map(([term, tf]) => {
    const stored = known.get(term);
    // A story not counted yet (new, or a draft) adds itself; a counted one is in the stored figure.
    const df = options.counted ? Math.max(stored?.storyCount ?? 0, 1) : (stored?.storyCount ?? 0) + 1;
    return { term, termNo: stored?.termNo, tf, df };
  });
  const selected = selectProfile(
    entries.map((entry) => entry.tf),
    entries.map((entry) => entry.df),
    options.storyCount,
  );
  const terms = selected.positions.map((position, i) => {
    const entry = entries[position] as (typeof entries)[number];
    return { term: entry.term, termNo: entry.termNo, weight: selected.weights[i] ?? 0 };
  });
  // Terms never stored have no postings: they score nothing now, and are stored with the story.
  const scorable = terms.filter((term) => term.termNo !== undefined);
  return {
    scoring: sortedProfile(
      scorable.map((term) => term.termNo ?? 0),
      scorable.map((term) => term.weight),
    ),
    knownTermNos: entries.flatMap((entry) => entry.termNo ?? []),
    newTerms: entries.filter((entry) => entry.termNo === undefined).map((entry) => entry.term),
    terms,
  };
}

/** Thrown when another node numbered a story at the same moment: the caller tries once more. */
export class NumberingRace extends Error {}

/**
 * Adds or replaces a visible story: its profile and list, then the lists it now enters or leaves.
 * Returns how many stored lists were written.
 */
export async function upsertStory(db: Db, doc: RelatedStoryDocument): Promise<number> {
  const [[existing], state] = await Promise.all([findDocuments(db, { articleIds: [doc.id] }), readState(db)]);
  const counted = existing !== undefined;
  const storyCount = (state?.storyCount ?? 0) + (counted ? 0 : 1);
  const profile = await profileFromText(db, doc, { storyCount, counted });
  await breathe();
  const docNo = existing?.docNo ?? (await highestNumbers(db)).docNo + 1;
  const subject = { docNo, seriesId: doc.seriesId };
  const own = await rankFromStore(db, subject, profile.scoring);
  const self: RankedStory = { docNo, score: 0, publishedAt: doc.publishedAt.getTime() };

  // The lists holding the story already, and those whose last entry it now beats.
  const holding = existing ? await findListsHolding(db, existing.docNo) : [];
  await breathe();
  const entering = [...own.documents.values()]
    .filter((other) => isEligible(subject, other.docNo, other) && (own.scores.get(other.docNo) ?? 0) >= other.tailScore - SCORE_EPSILON)
    .map((other) => other.docNo);
  const concerned = [...new Set([...holding, ...entering])].filter((other) => other !== docNo);
  const lists = await mergeInto(db, concerned, subject, profile.scoring, self, own.documents);
  await breathe();

  await inTransaction(db, async (trx) => {
    await countChange(trx, { stories: counted ? 0 : 1, drift: counted ? 1 : 0 });
    if (!counted && (await highestNumbers(trx)).docNo + 1 !== docNo) throw new NumberingRace('a story was numbered meanwhile');
    if (!counted) await countTermsOnceMore(trx, profile.knownTermNos);
    await addTerms(trx, profile.newTerms, { counted: !counted });
    const numbered = await findTerms(
      trx,
      profile.terms.map((term) => term.term),
    );
    const stored = profile.terms.flatMap((term) => {
      const termNo = numbered.get(term.term)?.termNo;
      return termNo === undefined ? [] : [{ termNo, weight: term.weight }];
    });
    const storedProfile = sortedProfile(
      stored.map((term) => term.termNo),
      stored.map((term) => term.weight),
    );
    await replacePostings(trx, docNo, existing?.profile, storedProfile);
    await writeStories(trx, [
      {
        docNo,
        articleId: doc.id,
        seriesId: doc.seriesId,
        publishedAt: doc.publishedAt,
        tailScore: tailScore(own.list, own.complete),
        profile: storedProfile,
        list: own.list,
      },
    ]);
    await writeLists(trx, lists.ready);
  });
  await recompute(db, lists.short);
  return 1 + lists.ready.length + lists.short.length;
}

/** Removes a story that readers can no longer see, and fills the places it leaves in other lists. */
export async function removeStory(db: Db, articleId: string): Promise<number> {
  const [existing] = await findDocuments(db, { articleIds: [articleId] });
  if (!existing) return 0;
  const holding = await findListsHolding(db, existing.docNo);
  await breathe();
  const gone: RankedStory = { docNo: existing.docNo, score: 0, publishedAt: existing.publishedAt };
  const lists = await mergeInto(db, holding, existing, EMPTY_PROFILE, gone, new Map());
  await inTransaction(db, async (trx) => {
    await countChange(trx, { stories: -1, drift: 1 });
    await writeLists(trx, lists.ready);
    await deleteStories(trx, [existing]);
  });
  await recompute(db, lists.short);
  return 1 + lists.ready.length + lists.short.length;
}

const EMPTY_PROFILE: Profile = { termNos: new Uint32Array(0), weights: new Float64Array(0) };

interface ListWrite {
  docNo: number;
  tailScore: number;
  list: RankedStory[];
}

/**
 * The subject's new place in each of these stories' lists. A stored list is the exact top of its
 * candidates (as of its scores), so: take the subject out, put it back with its new score if it
 * still ranks above the last entry (or the list held every candidate), keep RELATED_STORIES_KEPT.
 * A list left with fewer than it shows, while other candidates may exist, is recomputed (`short`).
 */
async function mergeInto(
  db: Db,
  docNos: readonly number[],
  subject: { docNo: number; seriesId: string | null },
  subjectProfile: Profile,
  self: RankedStory,
  known: ReadonlyMap<number, StoredDocument>,
): Promise<{ ready: ListWrite[]; short: StoredDocument[] }> {
  if (docNos.length === 0) return { ready: [], short: [] };
  const missing = docNos.filter((docNo) => !known.has(docNo));
  const [found, lists] = await Promise.all([findDocuments(db, { docNos: missing }), readLists(db, docNos)]);
  await breathe();
  const documents = [...docNos.flatMap((docNo) => known.get(docNo) ?? []), ...found];
  const ready: ListWrite[] = [];
  const short: StoredDocument[] = [];
  for (const document of documents) {
    const stored = lists.get(document.docNo) ?? [];
    const score = isEligible(subject, document.docNo, document) ? cosine(subjectProfile, document.profile) : 0;
    const complete = document.tailScore === 0;
    const list = stored.filter((entry) => entry.docNo !== self.docNo);
    const last = list[list.length - 1];
    let full = complete;
    const entry = { ...self, score };
    if (score > 0 && (complete || (last !== undefined && ranksBefore(entry, last)))) {
      const before = list.length;
      insertRanked(list, entry, RELATED_STORIES_KEPT);
      // A complete list with no room left loses a candidate: the subject, or the entry it pushed out.
      if (list.length === before) full = false;
    }
    const unchanged = list.length === stored.length && list.every((kept, i) => kept.docNo === stored[i]?.docNo && kept.score === stored[i]?.score);
    if (unchanged) continue;
    if (list.length < RELATED_STORIES_COUNT && !full) short.push(document);
    else ready.push({ docNo: document.docNo, tailScore: tailScore(list, full), list });
  }
  return { ready, short };
}

/** Recomputes these stories' lists whole from the stored postings. */
async function recompute(db: Db, documents: readonly StoredDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const writes: ListWrite[] = [];
  for (const document of documents) {
    const { list, complete } = await rankFromStore(db, document, document.profile);
    await breathe();
    writes.push({ docNo: document.docNo, tailScore: tailScore(list, complete), list });
  }
  await inTransaction(db, (trx) => writeLists(trx, writes));
}

/** The cosine of two profiles over the terms both hold, summed in term-number order. */
function cosine(a: Profile, b: Profile): number {
  let score = 0;
  for (let i = 0; i < a.termNos.length; i += 1) {
    const weight = profileWeight(b, a.termNos[i] ?? 0);
    if (weight !== undefined) score += (a.weights[i] ?? 0) * weight;
  }
  return score;
}
