import { inTransaction, type Db } from '../../db/database.js';
import { RelatedStoriesIndex, slicer, type Profile } from './related-stories-index.js';
import {
  clearPostings,
  createListsIndex,
  dropListsIndex,
  deleteStories,
  deleteTerms,
  insertPostings,
  readKnownNumbers,
  listRelatednessPage,
  markBuildFinished,
  markBuildRunning,
  writeStories,
  writeTerms,
  type DocumentCursor,
  type StoryWrite,
} from './related-stories.repository.js';
import type { TermSpill } from './related-stories-spill.js';
import { METHOD_VERSION } from './related-stories.js';

/**
 * Stories read per query while building: their bodies are the bulk of what a build reads, and a
 * page's rows live while it is counted, long enough to reach V8's old generation as garbage. At
 * 100,000 stories pages of 500 kept the builder's heap at 180 MB, pages of 100 at 70 MB, for the
 * same CPU time.
 */
const READ_PAGE = 100;
/**
 * Stories written per transaction: about 2,000 rows. On SQLite a writer holds the only write lock,
 * and a main-thread write waiting for it blocks that thread, so each transaction stays short.
 */
const WRITE_CHUNK = 200;
const TERMS_PER_TRANSACTION = 5_000;
const POSTINGS_PER_TRANSACTION = 10_000;
/** Postings of stories no longer visible were cleared with the rest. */
const NO_PROFILE: Profile = { termNos: new Uint32Array(0), weights: new Float64Array(0) };
/** How often a running build says so in the state row (other nodes defer their updates meanwhile). */
const HEARTBEAT_MS = 10_000;

/**
 * Wall time of each phase, and the process's CPU time over it (the builder's, when the main thread is
 * idle): read (every story read and its terms counted), compute (profiles and the postings ranking
 * reads), write (the terms, the postings, and the lists, each ranked as it is written).
 */
export interface BuildReport {
  stories: number;
  terms: number;
  readMs: number;
  computeMs: number;
  writeMs: number;
  readCpuMs: number;
  computeCpuMs: number;
  writeCpuMs: number;
}

export interface BuildOptions {
  /** Awaited between slices of work: the serving event loop (absent in the builder process). */
  pause?: () => Promise<void>;
  onProgress?: (phase: 'read' | 'compute' | 'write', done: number) => void;
  /** Called with each heartbeat: a cluster lock to renew, say. */
  onHeartbeat?: () => Promise<void>;
  /** Where the stories' terms wait between the two passes (default: memory; the builder process: a file). */
  spill?: TermSpill;
}

/**
 * The full build: reads every visible story (as of `now`) and counts its terms (RelatedStoriesIndex),
 * writes the terms, computes every profile, writes the postings, then ranks and writes the lists in
 * chunks, story by story, so readers get each story's old list until its new one is written. Numbers
 * already given out are kept. Used in a child process (related-stories.worker.ts) and, for a small
 * archive, in the serving process.
 */
export async function buildRelatedStories(db: Db, now: Date, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const cpuAt = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const startedCpu = cpuAt();
  const clockAt = () => new Date(now.getTime() + (performance.now() - started));
  let lastBeat = performance.now();
  const beat = async () => {
    if (performance.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = performance.now();
    await markBuildRunning(db, clockAt(), METHOD_VERSION);
    await options.onHeartbeat?.();
  };
  // Every slice of work ends here: a heartbeat when due, and the event loop's turn on the main thread.
  const pause = slicer(async () => {
    await beat();
    await options.pause?.();
  });
  await markBuildRunning(db, now, METHOD_VERSION);

  const index = new RelatedStoriesIndex(options.spill ? { spill: options.spill } : {});
  try {
    let knownDocuments = 0;
    await readKnownNumbers(db, {
      term: (term, termNo) => index.knowTerm(term, termNo),
      document: (articleId, docNo) => {
        index.knowDocument(articleId, docNo);
        knownDocuments += 1;
      },
    });
    for (let after: DocumentCursor | null = null; ;) {
      const page = await listRelatednessPage(db, now, after, READ_PAGE);
      for (const doc of page.documents) {
        index.add(doc);
        await pause();
      }
      options.onProgress?.('read', index.size);
      if (!page.next) break;
      after = page.next;
    }
    const read = performance.now();
    const readCpu = cpuAt();

    // The document frequencies are complete: the terms are written, and the vocabulary let go
    // before the profiles take its place.
    let termCount = 0;
    let termBatch: Array<{ term: string; termNo: number; storyCount: number }> = [];
    const flushTerms = async () => {
      const batch = termBatch;
      termBatch = [];
      await inTransaction(db, (trx) => writeTerms(trx, batch));
      await pause();
    };
    for (const term of index.terms()) {
      termBatch.push(term);
      termCount += 1;
      if (termBatch.length >= TERMS_PER_TRANSACTION) await flushTerms();
    }
    if (termBatch.length > 0) await flushTerms();
    const unusedTerms = index.unusedTermNos();
    index.releaseTerms();
    const termsWritten = performance.now();
    const termsWrittenCpu = cpuAt();

    await index.compile({ pause });
    options.onProgress?.('compute', index.size);
    const computed = performance.now();
    const computedCpu = cpuAt();

    // The postings are only read by updates (which wait for the build) and drafts' previews: they are
    // replaced all at once, in key order, the cheapest way to write them.
    const fresh = knownDocuments === 0;
    if (!fresh) await clearPostings(db);
    let rows: Array<{ term_no: number; doc_no: number; weight: number }> = [];
    const flushPostings = async () => {
      const batch = rows;
      rows = [];
      await inTransaction(db, (trx) => insertPostings(trx, batch));
      await pause();
    };
    for (const row of index.postingRows()) {
      rows.push(row);
      if (rows.length >= POSTINGS_PER_TRANSACTION) await flushPostings();
    }
    if (rows.length > 0) await flushPostings();
    // The lists story by story, each ranked as it is written: a reader gets a story's old list until
    // its new one is written.
    await dropListsIndex(db);
    let chunk: StoryWrite[] = [];
    let written = 0;
    const flush = async () => {
      const stories = chunk;
      chunk = [];
      await inTransaction(db, (trx) => writeStories(trx, stories, { fresh }));
      written += stories.length;
      options.onProgress?.('write', written);
    };
    for (const story of index.built()) {
      chunk.push(story);
      if (chunk.length >= WRITE_CHUNK) await flush();
      await pause();
    }
    if (chunk.length > 0) await flush();
    await createListsIndex(db);

    // What is no longer visible (or no longer used) goes last: until now, old lists could point at it.
    await inTransaction(db, async (trx) => {
      await deleteStories(
        trx,
        index.vanishedDocNos().map((docNo) => ({ docNo, profile: NO_PROFILE })),
      );
      await deleteTerms(trx, unusedTerms);
      await markBuildFinished(trx, { now, methodVersion: METHOD_VERSION, storyCount: index.size });
    });
    const finished = performance.now();
    return {
      stories: index.size,
      terms: termCount,
      readMs: Math.round(read - started),
      computeMs: Math.round(computed - termsWritten),
      writeMs: Math.round(finished - computed + (termsWritten - read)),
      readCpuMs: Math.round(readCpu - startedCpu),
      computeCpuMs: Math.round(computedCpu - termsWrittenCpu),
      writeCpuMs: Math.round(cpuAt() - computedCpu + (termsWrittenCpu - readCpu)),
    };
  } finally {
    options.spill?.close();
  }
}
